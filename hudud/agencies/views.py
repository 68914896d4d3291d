"""Login (password, then one-time code; or enrolment of the code app), logout, and the
admin site's login, which is the same two-factor login."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from hudud.agencies.login import code_step, logout_record, password_step, pending_login
from hudud.agencies.totp import has_second_factor, totp_enrol

# Said for a wrong name, a wrong password and a locked account alike: which of them it was
# would tell an attacker something.
REFUSED = _("The username or password is not right, or the account is locked for a while.")
CODE_REFUSED = _("That code is not right, or was used already. Wait for the next one.")


class PasswordForm(forms.Form):
    username = forms.CharField(max_length=150)
    password = forms.CharField(max_length=256, strip=False, widget=forms.PasswordInput)


class CodeForm(forms.Form):
    code = forms.CharField(max_length=10, label=_("Code from your authenticator app"))


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return str(settings.LOGIN_REDIRECT_URL)


@never_cache
@require_http_methods(["GET", "POST"])
def login_password(request: HttpRequest) -> HttpResponse:
    next_url = _safe_next(request, request.POST.get("next") or request.GET.get("next"))
    form = PasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if password_step(
            request, username=data["username"], password=data["password"], next_url=next_url
        ):
            return redirect("login-code")
        form.add_error(None, REFUSED)
    return render(request, "registration/login.html", {"form": form, "next": next_url})


@never_cache
@require_http_methods(["GET", "POST"])
def login_code(request: HttpRequest) -> HttpResponse:
    pending = pending_login(request)
    if pending is None:
        return redirect("login")
    if not has_second_factor(pending.user):
        return redirect("login-enrol")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if code_step(request, pending=pending, code=form.cleaned_data["code"], enrolling=False):
            return HttpResponseRedirect(pending.next_url)
        form.add_error("code", CODE_REFUSED)
    return render(request, "registration/login_code.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def login_enrol(request: HttpRequest) -> HttpResponse:
    """First login of an account without a second factor: show a new secret once, then
    take a first code from the app to prove it was set up."""
    pending = pending_login(request)
    if pending is None:
        return redirect("login")
    if has_second_factor(pending.user):
        return redirect("login-code")
    if not settings.HUDUD_TOTP_SELF_ENROL:
        return render(request, "registration/login_enrol.html", {"closed": True}, status=403)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if code_step(request, pending=pending, code=form.cleaned_data["code"], enrolling=True):
            return HttpResponseRedirect(pending.next_url)
        form.add_error("code", CODE_REFUSED)
        return render(request, "registration/login_enrol.html", {"form": form})
    # Each visit makes a new secret: one that was shown and not confirmed is discarded.
    enrolment = totp_enrol(pending.user)
    context = {"form": form, "secret": enrolment.secret, "uri": enrolment.uri}
    return render(request, "registration/login_enrol.html", context)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout_record(request)
    logout(request)
    return redirect("login")


def admin_login(request: HttpRequest) -> HttpResponse:
    """The admin site's login is the officers' two-factor login."""
    next_url = _safe_next(request, request.GET.get("next") or "/admin/")
    return HttpResponseRedirect(f"{settings.LOGIN_URL}?{urlencode({'next': next_url})}")
