"""The auditor's pages: search the trail (who read or changed which record, when, from where
and why) and verify the chain. Adapters only: the selectors require the auditor's capability
and audit the reading itself."""

from __future__ import annotations

import uuid

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from hudud.audit import selectors
from hudud.audit.route_access import AUDITORS
from hudud.web.http import actor_for, officer_view, pager_links

_SLUG = r"^[A-Za-z0-9_.:-]*$"


class AuditSearchForm(forms.Form):
    object_type = forms.RegexField(
        regex=_SLUG, max_length=60, required=False, strip=True, label=_("Record type")
    )
    object_id = forms.CharField(max_length=64, required=False, strip=True, label=_("Record id"))
    who = forms.CharField(max_length=150, required=False, strip=True, label=_("Officer (login)"))
    action = forms.RegexField(
        regex=_SLUG,
        max_length=60,
        required=False,
        strip=True,
        label=_("Action"),
        help_text=_("A whole action (traveller.lookup), or its start with a dot (traveller.)."),
    )
    crossing_point = forms.SlugField(max_length=40, required=False, label=_("Crossing point"))
    since = forms.DateField(required=False, label=_("From"))
    until = forms.DateField(required=False, label=_("To"))
    page = forms.IntegerField(min_value=1, max_value=1_000_000, required=False)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", _("The end of the period comes before its start."))
        return data

    def search(self) -> selectors.AuditSearch:
        data = self.cleaned_data
        return selectors.AuditSearch(
            object_type=data["object_type"],
            object_id=data["object_id"],
            who=data["who"],
            action=data["action"],
            crossing_point=data["crossing_point"],
            since=data["since"],
            until=data["until"],
        )


class VerifyForm(forms.Form):
    expect_head = forms.RegexField(
        regex=r"^[0-9a-f]{64}$",
        required=False,
        strip=True,
        label=_("Head witnessed earlier (optional)"),
        error_messages={"invalid": _("A head is 64 hexadecimal digits, as `hudud audit head`.")},
    )


def _record_link(object_type: str, object_id: str) -> str:
    """The page of the record an event names, where there is one (travellers)."""
    if object_type != "traveller":
        return ""
    try:
        return reverse("border:traveller_detail", args=[uuid.UUID(object_id)])
    except ValueError:
        return ""


@require_GET
@officer_view(roles=AUDITORS)
def events(request: HttpRequest) -> HttpResponse:
    """The trail, newest first; filtered when the form is given. Every search is audited."""
    form = AuditSearchForm(request.GET or None)
    context: dict[str, object] = {"form": form, "results": None}
    if not form.is_bound or form.is_valid():
        search = form.search() if form.is_bound else selectors.AuditSearch()
        page = (form.cleaned_data.get("page") if form.is_bound else None) or 1
        results = selectors.audit_events_search(actor=actor_for(request), search=search, page=page)
        links = {e.pk: _record_link(e.object_type, e.object_id) for e in results.events}
        context.update(
            results=results,
            rows=[(e, links[e.pk]) for e in results.events],
            **pager_links(request, results.page),
        )
    return render(request, "audit/events.html", context)


@require_http_methods(["GET", "POST"])
@officer_view(roles=AUDITORS)
def verify(request: HttpRequest) -> HttpResponse:
    """GET explains and offers the check; POST runs it (reading the whole chain) and shows
    where it is broken, if anywhere."""
    form = VerifyForm(request.POST if request.method == "POST" else None)
    result = None
    if form.is_bound and form.is_valid():
        result = selectors.audit_chain_verify(
            actor=actor_for(request), expect_head=form.cleaned_data["expect_head"] or None
        )
    return render(request, "audit/verify.html", {"form": form, "result": result})
