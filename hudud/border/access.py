"""Who may work where. Every border service and selector goes through these helpers.

What a role and agency may do at all is decided in one table (`hudud.agencies.mandates`);
these helpers ask it first, then check where the officer works (their postings).
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef

from hudud.agencies.mandates import can, require
from hudud.agencies.models import Officer
from hudud.border.models import CrossingPoint, Posting, Traveller
from hudud.common.errors import AccessDenied, NotFound

# Roles that process travellers at a crossing point (kept for other modules; the decision is
# `mandates.CAPABILITIES`, which also requires the agency's mandate).
LINE_ROLES = frozenset({Officer.Role.PRIMARY, Officer.Role.SECONDARY, Officer.Role.SUPERVISOR})
# Roles that may read a traveller's identity and crossing history.
TRAVELLER_READ_ROLES = LINE_ROLES | {Officer.Role.ANALYST, Officer.Role.AUDITOR}
# Roles that may read lists of overstayers (analysis and supervision, not the primary line).
OVERSTAY_LIST_ROLES = frozenset(
    {Officer.Role.SUPERVISOR, Officer.Role.ANALYST, Officer.Role.AUDITOR}
)


def crossing_point_for_line_work(*, officer: Officer, code: str) -> CrossingPoint:
    """The crossing point `code`, if `officer` may process travellers there.

    Line officers work only at the crossing points they are posted to; a posting is what makes
    an officer's recorded crossing count as that authority's record.
    """
    return crossing_point_for_work(
        officer=officer,
        code=code,
        capability="crossing.record",
        refusal="your role does not process travellers at a crossing point",
    )


def crossing_point_for_work(
    *, officer: Officer, code: str, capability: str, refusal: str = ""
) -> CrossingPoint:
    """The crossing point `code`, if `officer` may use `capability` there: the capability
    (agencies.mandates), a posting, and a crossing point that is open."""
    require(officer, capability, refusal)
    posted = Posting.objects.of(officer).filter(crossing_point=OuterRef("pk"))
    crossing_point = (
        CrossingPoint.objects.filter(code=code).annotate(is_posted=Exists(posted)).first()
    )
    if crossing_point is None:
        raise NotFound("crossing_point", f"no crossing point with code {code!r}")
    if not crossing_point.is_posted:
        raise AccessDenied(
            f"you are not posted to {crossing_point.name_en}", field_name="crossing_point"
        )
    if crossing_point.status in (CrossingPoint.Status.CLOSED, CrossingPoint.Status.PLANNED):
        raise AccessDenied(
            f"{crossing_point.name_en} is {crossing_point.get_status_display().lower()}",
            field_name="crossing_point",
        )
    return crossing_point


def ensure_can_read_travellers(officer: Officer) -> None:
    if not can(officer, "traveller.read"):
        raise AccessDenied("your role does not give access to traveller records")


def traveller_for(*, officer: Officer, traveller_id: str) -> Traveller:
    ensure_can_read_travellers(officer)
    traveller = Traveller.objects.filter(pk=traveller_id).first()
    if traveller is None:
        raise NotFound("traveller_id", "no such traveller")
    return traveller


def ensure_can_list_overstayers(officer: Officer) -> None:
    if not can(officer, "overstayer.list"):
        raise AccessDenied("your role does not give access to the overstayer list")
