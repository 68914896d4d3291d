"""Reads at the border.

Lists an officer asks for directly (`overstayers_list`) take the actor, check access and audit
the read. The look-ups below them are building blocks for `checks` and `services`, which do
their own access check and audit before calling them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet

from hudud.agencies.models import Officer
from hudud.audit.services import audit_record
from hudud.border import access, name_search
from hudud.border.documents import DocumentData
from hudud.border.models import Crossing, CrossingPoint, Posting, TravelDocument, Traveller
from hudud.border.stays import StayStatus, local_day, stay_status
from hudud.common.actor import Actor
from hudud.common.errors import AccessDenied, ServiceError
from hudud.revenue import selectors as revenue_selectors
from hudud.watchlists import access as watchlist_access
from hudud.watchlists.models import Alert


def crossing_points_list() -> QuerySet[CrossingPoint]:
    """Reference data: every crossing point (no personal data)."""
    return CrossingPoint.objects.select_related("authority").order_by("name_en")


def document_find(document: DocumentData) -> TravelDocument | None:
    """The stored document with this identity (issuing state, kind, number), with its holder."""
    return (
        TravelDocument.objects.select_related("traveller")
        .filter(issuing_state=document.issuing_state, kind=document.kind, number=document.number)
        .first()
    )


def traveller_recent_crossings(*, traveller: Traveller, limit: int | None = None) -> list[Crossing]:
    limit = limit or settings.HUDUD_RECENT_CROSSINGS
    return list(
        Crossing.objects.filter(traveller=traveller)
        .select_related("crossing_point", "document")
        .order_by("-occurred_at")[:limit]
    )


def traveller_refusals(*, traveller: Traveller) -> list[Crossing]:
    return list(
        Crossing.objects.filter(traveller=traveller, kind=Crossing.Kind.REFUSAL)
        .select_related("crossing_point")
        .order_by("-occurred_at")
    )


@dataclass(frozen=True)
class Overstayer:
    traveller: Traveller
    entry_date: date | None
    last_allowed_day: date
    overstay_days: int
    still_present: bool
    exit_crossing: Crossing | None


def overstayers_list(
    *, actor: Actor, as_of: date, exited_since: date | None = None
) -> list[Overstayer]:
    """Travellers inside past their last allowed day, and those who left having overstayed.

    Both halves are indexed queries on stored facts (the current stay's last allowed day,
    the overstay recorded on each exit), not a re-evaluation of every traveller.
    """
    access.ensure_can_list_overstayers(actor.officer)
    inside = Traveller.objects.filter(is_present=True, stay_last_allowed_day__lt=as_of).order_by(
        "stay_last_allowed_day"
    )
    result = [
        Overstayer(
            traveller=t,
            entry_date=t.stay_entry_date,
            last_allowed_day=t.stay_last_allowed_day,  # type: ignore[arg-type]
            overstay_days=(as_of - t.stay_last_allowed_day).days,  # type: ignore[operator]
            still_present=True,
            exit_crossing=None,
        )
        for t in inside
    ]
    exits = Crossing.objects.filter(kind=Crossing.Kind.EXIT, overstay_days__gt=0)
    if exited_since is not None:
        exits = exits.filter(occurred_at__date__gte=exited_since)
    for crossing in exits.select_related("traveller", "crossing_point").order_by("-occurred_at"):
        result.append(
            Overstayer(
                traveller=crossing.traveller,
                entry_date=None,
                last_allowed_day=local_day(crossing.occurred_at)
                - timedelta(days=crossing.overstay_days),
                overstay_days=crossing.overstay_days,
                still_present=False,
                exit_crossing=crossing,
            )
        )
    audit_record(
        actor=actor,
        action="overstayers.list",
        object_type="traveller_list",
        object_id="overstayers",
        details={"as_of": as_of.isoformat(), "count": len(result)},
    )
    return result


# Traveller search and the traveller page ----------------------------------------------------

SEARCH_PAGE_SIZE = 25
# The page shows this many crossings, newest first (the count says how many there are).
PAGE_CROSSINGS = 100


@dataclass(frozen=True)
class TravellerQuery:
    """What an officer searches by; every criterion given must match."""

    name: str = ""
    document_number: str = ""
    birth_date: date | None = None
    nationality: str = ""

    def criteria(self) -> dict[str, str]:
        given = {
            "name": self.name.strip(),
            "document_number": self.document_number.strip().upper().replace(" ", ""),
            "birth_date": self.birth_date.isoformat() if self.birth_date else "",
            "nationality": self.nationality.strip().upper(),
        }
        return {key: value for key, value in given.items() if value}


@dataclass(frozen=True)
class TravellerResults:
    travellers: list[Traveller]  # each with `documents` prefetched
    total: int
    page: int
    pages: int


def travellers_search(
    *, actor: Actor, query: TravellerQuery, page: int = 1, per_page: int = SEARCH_PAGE_SIZE
) -> TravellerResults:
    """Travellers matching every criterion, by surname then given names, one page at a time.

    The name matches in either script through the name engine's keys (`name_search`). Every
    search is audited with its criteria, whoever runs it and whatever it finds.
    """
    access.ensure_can_read_travellers(actor.officer)
    criteria = query.criteria()
    if not criteria:
        raise ServiceError.one(
            "required", "query", "give a name, a document number, a birth date or a nationality"
        )
    travellers = Traveller.objects.all()
    if "name" in criteria:
        travellers = travellers.filter(name_search.name_condition(criteria["name"]))
    if "document_number" in criteria:
        numbers = TravelDocument.objects.filter(number=criteria["document_number"])
        travellers = travellers.filter(pk__in=numbers.values("traveller_id"))
    if query.birth_date is not None:
        travellers = travellers.filter(birth_date=query.birth_date)
    if "nationality" in criteria:
        travellers = travellers.filter(nationality=criteria["nationality"])
    total = travellers.count()
    pages = max(1, -(-total // per_page))
    page = min(max(1, page), pages)
    start = (page - 1) * per_page
    rows = list(
        travellers.order_by("surname", "given_names", "pk").prefetch_related(
            Prefetch("documents", queryset=TravelDocument.objects.order_by("-last_seen_at"))
        )[start : start + per_page]
    )
    audit_record(
        actor=actor,
        action="travellers.search",
        object_type="traveller_list",
        object_id="search",
        details={"criteria": criteria, "page": page, "count": total},
    )
    return TravellerResults(rows, total, page, pages)


# Who sees which section of the traveller page. Identity and documents go with the right to
# read traveller records at all (access.TRAVELLER_READ_ROLES).
SECTIONS = ("identity", "documents", "crossings", "stay", "alerts", "cases")
# Line officers see the crossings at the points they are posted to; the others, all of them.
CROSSINGS_AT_POSTS_ONLY = frozenset({Officer.Role.PRIMARY, Officer.Role.SECONDARY})
# No case module yet: the section tells the roles that will work with cases that it is coming.
CASE_SECTION_ROLES = frozenset({Officer.Role.CASE_WORKER, Officer.Role.AUDITOR})


def traveller_sections(officer: Officer) -> tuple[str, ...]:
    """The sections of the traveller page `officer` may see (none if no traveller access)."""
    try:
        access.ensure_can_read_travellers(officer)
    except AccessDenied:
        return ()
    shown = ["identity", "documents", "crossings", "stay"]
    try:
        watchlist_access.alerts_visible(officer)
        shown.append("alerts")
    except AccessDenied:
        pass
    if officer.role in CASE_SECTION_ROLES:
        shown.append("cases")
    return tuple(shown)


@dataclass(frozen=True)
class TravellerPage:
    traveller: Traveller
    sections: tuple[str, ...]
    documents: list[TravelDocument]
    crossings: list[Crossing]
    crossings_total: int
    crossings_at_posts_only: bool
    stay: StayStatus | None
    alerts: list[Alert]
    # The residence fine the traveller's overstay costs by today's schedule, and the numbers
    # of the residence-fine receipts naming them (only for roles that may read receipts).
    fine_due: revenue_selectors.FineDue | None = None
    fine_receipts: list[str] = field(default_factory=list)


def traveller_page(*, actor: Actor, traveller_id: str, today: date) -> TravellerPage:
    """Everything the officer may see about one traveller, section by section; audited with
    the sections shown."""
    officer = actor.officer
    traveller = access.traveller_for(officer=officer, traveller_id=traveller_id)
    sections = traveller_sections(officer)
    crossings = Crossing.objects.filter(traveller=traveller)
    at_posts_only = officer.role in CROSSINGS_AT_POSTS_ONLY
    if at_posts_only:
        posted = Posting.objects.of(officer).values("crossing_point")
        crossings = crossings.filter(crossing_point__in=posted)
    alerts: list[Alert] = []
    if "alerts" in sections:
        visible = watchlist_access.alerts_visible(officer).filter(traveller=traveller)
        alerts = list(
            visible.select_related("entry__watchlist", "crossing_point").order_by("-raised_at")[:50]
        )
    page = TravellerPage(
        traveller=traveller,
        sections=sections,
        documents=list(traveller.documents.order_by("-last_seen_at")),
        crossings=list(
            crossings.select_related("crossing_point", "document").order_by("-occurred_at")[
                :PAGE_CROSSINGS
            ]
        ),
        crossings_total=crossings.count(),
        crossings_at_posts_only=at_posts_only,
        stay=stay_status(traveller=traveller, as_of=today),
        alerts=alerts,
        **_fine(officer, traveller, sections, today),
    )
    details: dict[str, Any] = {"sections": list(sections), "crossings_at_posts_only": at_posts_only}
    if page.fine_receipts:
        details["fine_receipts"] = page.fine_receipts
    audit_record(
        actor=actor,
        action="traveller.read",
        object_type="traveller",
        object_id=str(traveller.pk),
        details=details,
    )
    return page


def _fine(
    officer: Officer, traveller: Traveller, sections: tuple[str, ...], today: date
) -> dict[str, Any]:
    """The stay section's fine: the overstay (current, else recorded on the last exit) priced
    by today's schedule, and the receipts that paid one, read through revenue's access."""
    if "stay" not in sections:
        return {}
    days = revenue_selectors.traveller_overstay_days(traveller_id=traveller.pk, today=today)
    fine = revenue_selectors.fine_due(overstay_days=days, on_day=today)
    receipts = revenue_selectors.traveller_fine_receipts(officer=officer, traveller_id=traveller.pk)
    return {"fine_due": fine, "fine_receipts": receipts}
