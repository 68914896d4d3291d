"""The start page until the officer's workspace (the web UI) arrives: who you are and where
to go. Login is required, as everywhere."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hudud.agencies.models import Officer


@login_required
def home(request: HttpRequest) -> HttpResponse:
    # login_required guarantees an authenticated user here.
    user_id = request.user.pk or 0
    officer = Officer.objects.select_related("agency").filter(user_id=user_id).first()
    return render(request, "hudud/home.html", {"officer": officer})
