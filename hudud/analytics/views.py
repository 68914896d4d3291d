"""The analyst's pages: the dashboard, one crossing point's flows, and the map. Adapters: the
form reads the period, a selector counts (and checks access, and audits), the view shapes the
counts for the template and for the charts (JSON read by static scripts: no inline script)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from hudud.analytics import access, selectors
from hudud.analytics.countries import country_name
from hudud.border.stays import local_day
from hudud.common.errors import AccessDenied, NotFound, ServiceError
from hudud.web.http import actor_for, officer_view
from hudud.web.labels import REFUSAL_REASONS
from hudud.web.templatetags.hudud_web import digits, local_name


class PeriodForm(forms.Form):
    first = forms.DateField(required=False, label=gettext_lazy("From"))
    last = forms.DateField(required=False, label=gettext_lazy("To"))


class DayForm(forms.Form):
    day = forms.DateField(required=False, label=gettext_lazy("Day"))


def _period(request: HttpRequest, default_days: int) -> tuple[PeriodForm, selectors.Period]:
    """The period asked for, or `default_days` ending yesterday (Baghdad time)."""
    yesterday = local_day(timezone.now()) - timedelta(days=1)
    form = PeriodForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    last = data.get("last") or yesterday
    first = data.get("first") or last - timedelta(days=default_days - 1)
    return form, selectors.Period(first, last)


def _label(day: date) -> str:
    return digits(formats.date_format(day, "j M"))


def _day_series(days: list[selectors.DayFlow]) -> dict[str, Any]:
    return {
        "labels": [_label(d.day) for d in days],
        "entries": [d.flow.entries for d in days],
        "exits": [d.flow.exits for d in days],
        "refusals": [d.flow.refusals for d in days],
        "expected": [round(d.expected, 1) for d in days],
    }


def _series_names() -> dict[str, str]:
    return {
        "entries": _("Entries"),
        "exits": _("Exits"),
        "refusals": _("Refusals"),
        "expected": _("Expected (same weekday, previous 4 weeks)"),
        "yesterday": _("Yesterday"),
        "crossings": _("Crossings"),
    }


def _reasons(rows: list[tuple[str, int]]) -> list[dict[str, Any]]:
    return [
        {"code": code, "label": str(REFUSAL_REASONS.get(code, code)), "count": n}
        for code, n in rows
    ]


def _nationalities(rows: list[selectors.Nationality]) -> list[dict[str, Any]]:
    return [
        {
            "code": n.code,
            "name": country_name(n.code) if n.code else _("Other nationalities"),
            "entries": n.entries,
            "exits": n.exits,
            "refusals": n.refusals,
            "total": n.total,
        }
        for n in rows
    ]


def _failed(
    request: HttpRequest, template: str, form: forms.Form, error: ServiceError
) -> HttpResponse:
    return render(request, template, {"form": form, "problems": error.problems}, status=400)


@require_GET
@officer_view(roles=access.DASHBOARD_ROLES)
def dashboard(request: HttpRequest) -> HttpResponse:
    form, period = _period(request, selectors.DEFAULT_PERIOD_DAYS)
    today = local_day(timezone.now())
    try:
        overview = selectors.flows_overview(actor=actor_for(request), period=period, today=today)
    except AccessDenied:
        raise
    except ServiceError as error:
        return _failed(request, "analytics/dashboard.html", form, error)
    reasons, nationalities = (
        _reasons(overview.refusal_reasons),
        _nationalities(overview.nationalities),
    )
    charts = {
        "names": _series_names(),
        "days": _day_series(overview.days),
        "points": {
            "labels": [local_name(p.point) for p in overview.points[:12]],
            "yesterday": [p.flow.total for p in overview.points[:12]],
            "expected": [round(p.expected, 1) for p in overview.points[:12]],
        },
        "reasons": reasons,
        "nationalities": nationalities,
    }
    context = {
        "form": form,
        "overview": overview,
        "reasons": reasons,
        "nationalities": nationalities,
        "charts": charts,
        "map": _map_data(request, today),
    }
    return render(request, "analytics/dashboard.html", context)


@require_GET
@officer_view(roles=access.DASHBOARD_ROLES)
def point(request: HttpRequest, code: str) -> HttpResponse:
    form, period = _period(request, 365)
    try:
        flows = selectors.point_flows(actor=actor_for(request), code=code, period=period)
    except (AccessDenied, NotFound):
        raise
    except ServiceError as error:
        return _failed(request, "analytics/point.html", form, error)
    reasons, nationalities = _reasons(flows.refusal_reasons), _nationalities(flows.nationalities)
    charts = {
        "names": _series_names(),
        "days": _day_series(flows.days),
        "reasons": reasons,
        "nationalities": nationalities,
    }
    context = {
        "form": form,
        "flows": flows,
        "reasons": reasons,
        "nationalities": nationalities,
        "charts": charts,
    }
    return render(request, "analytics/point.html", context)


@require_GET
@officer_view(roles=access.DASHBOARD_ROLES)
def traffic_map(request: HttpRequest) -> HttpResponse:
    form = DayForm(request.GET or None)
    day = local_day(timezone.now())
    if form.is_bound and form.is_valid() and form.cleaned_data["day"]:
        day = form.cleaned_data["day"]
    return render(request, "analytics/map.html", {"form": form, "map": _map_data(request, day)})


def _map_data(request: HttpRequest, day: date) -> dict[str, Any]:
    """Every crossing point with its traffic on `day`, for the map's markers and popups."""
    traffic = selectors.map_traffic(actor=actor_for(request), day=day, now=timezone.now())
    return {
        "day": day,
        "json": {
            "day": digits(formats.date_format(day, "DATE_FORMAT")),
            "names": {
                **_series_names(),
                "expected": _("Expected"),
                "total": _("Total"),
                "open": _("Open the crossing point's flows"),
                "kinds": {
                    "land": _("Land crossing"),
                    "air": _("Airport"),
                    "sea": _("Seaport"),
                    "river": _("River port"),
                },
                "statuses": {
                    "operational": _("Operational"),
                    "restricted": _("Restricted"),
                    "closed": _("Closed"),
                    "planned": _("Planned"),
                },
                "legend": _("Crossings on the day"),
                "above": _("Well above the expected level"),
                "usual": _("About as expected"),
                "below": _("Well below the expected level"),
                "none": _("No crossing"),
            },
            "points": [
                {
                    "code": p.point.code,
                    "name_en": p.point.name_en,
                    "name_ar": p.point.name_ar,
                    "kind": p.point.kind,
                    "status": p.point.status,
                    "lat": float(p.point.latitude),
                    "lon": float(p.point.longitude),
                    "entries": p.flow.entries,
                    "exits": p.flow.exits,
                    "refusals": p.flow.refusals,
                    "total": p.flow.total,
                    "expected": round(p.expected, 1),
                    "deviation": p.deviation,
                    "url": reverse("analytics:point", args=[p.point.code]),
                }
                for p in traffic
            ],
        },
        "total": sum(p.flow.total for p in traffic),
    }
