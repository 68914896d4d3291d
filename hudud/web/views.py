"""The workspace's own pages: the start page and the language switch. Views are adapters:
they read the request, call one function, and render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from hudud.common.errors import ServiceError
from hudud.web.languages import language_set, set_language_cookie


@require_GET
@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html")


@require_POST
def language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language: remembered for the user, and in a cookie for the login
    page."""
    next_url = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    try:
        chosen = language_set(user=request.user, language=request.POST.get("language", ""))
    except ServiceError as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    request.session["hudud_language"] = chosen
    response = HttpResponseRedirect(next_url)
    set_language_cookie(response, chosen)
    return response
