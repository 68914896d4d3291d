"""Who may see and do what with declarations and receipts. Every service and selector of the
app goes through these helpers.

- Revenue officers (customs, or an agency with a revenue mandate) read the declarations and
  receipts of the crossing points they are posted to, issue and void receipts there, and (in
  customs) record declarations there.
- Auditors read every port's and decide nothing.
- Everyone else is refused. A declaration or receipt outside one's posts reads as not found:
  a receipt names who paid.

What a role and agency may do at all is decided in one table (`hudud.agencies.mandates`);
these helpers ask it first, then check postings.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from hudud.agencies.mandates import can, require
from hudud.agencies.models import Officer
from hudud.border import access as border_access
from hudud.border.models import CrossingPoint, Posting
from hudud.common.errors import AccessDenied, NotFound
from hudud.revenue.models import Declaration, Receipt

_NO_REVENUE = "your role or agency does not give access to declarations and receipts"


def reads_everywhere(officer: Officer) -> bool:
    return officer.role == Officer.Role.AUDITOR


def _posted(officer: Officer) -> QuerySet[Posting, Any]:
    return Posting.objects.of(officer).values("crossing_point")


def ensure_can_read(officer: Officer) -> None:
    require(officer, "declaration.read", _NO_REVENUE)


def points_readable(officer: Officer) -> QuerySet[CrossingPoint]:
    """The crossing points whose declarations and receipts `officer` may read."""
    ensure_can_read(officer)
    points = CrossingPoint.objects.all()
    return points if reads_everywhere(officer) else points.filter(pk__in=_posted(officer))


def crossing_point_for_reading(*, officer: Officer, code: str) -> CrossingPoint:
    """The crossing point `code`, whose lists `officer` asks for (a filter)."""
    point = CrossingPoint.objects.filter(code=code).first()
    if point is None:
        raise NotFound("crossing_point", f"no crossing point with code {code!r}")
    if not points_readable(officer).filter(pk=point.pk).exists():
        raise AccessDenied(f"you are not posted to {point.name_en}", "crossing_point")
    return point


def crossing_point_for_work(*, officer: Officer, code: str, capability: str) -> CrossingPoint:
    """The crossing point `code`, if `officer` may issue receipts (or record declarations)
    there: the capability, a posting, and a crossing point that is open."""
    return border_access.crossing_point_for_work(officer=officer, code=code, capability=capability)


def declarations_visible(officer: Officer) -> QuerySet[Declaration]:
    ensure_can_read(officer)
    rows = Declaration.objects.all()
    return rows if reads_everywhere(officer) else rows.filter(crossing_point__in=_posted(officer))


def receipts_visible(officer: Officer) -> QuerySet[Receipt]:
    ensure_can_read(officer)
    rows = Receipt.objects.all()
    return rows if reads_everywhere(officer) else rows.filter(crossing_point__in=_posted(officer))


def declaration_for_read(*, officer: Officer, declaration_id: str) -> Declaration:
    found = (
        declarations_visible(officer)
        .select_related("crossing_point", "vehicle", "recorded_by__user")
        .filter(pk=declaration_id)
        .first()
    )
    if found is None:
        raise NotFound("declaration_id", "no such declaration")
    return found


def receipt_for_read(*, officer: Officer, receipt_id: str) -> Receipt:
    found = (
        receipts_visible(officer)
        .select_related(
            "crossing_point", "fee", "declaration", "issued_by__user", "voided_by__user"
        )
        .filter(pk=receipt_id)
        .first()
    )
    if found is None:
        # Not found and not yours read the same: a receipt names who paid.
        raise NotFound("receipt_id", "no such receipt")
    return found


def receipt_for_void(*, officer: Officer, receipt_id: str) -> Receipt:
    """A receipt `officer` may void: issued at a crossing point they are posted to. Locked
    until the voiding transaction ends, so two voids of one receipt cannot both succeed."""
    require(officer, "receipt.issue", "only revenue officers posted at the port void receipts")
    found = (
        Receipt.objects.select_for_update()
        .filter(pk=receipt_id, crossing_point__in=_posted(officer))
        .first()
    )
    if found is None:
        raise NotFound("receipt_id", "no such receipt at the crossing points you are posted to")
    return found


def points_for_issuing(officer: Officer) -> QuerySet[CrossingPoint]:
    """Where `officer` may issue receipts: their open posts (none without the capability)."""
    if not can(officer, "receipt.issue"):
        return CrossingPoint.objects.none()
    closed = (CrossingPoint.Status.CLOSED, CrossingPoint.Status.PLANNED)
    points = CrossingPoint.objects.filter(pk__in=_posted(officer)).exclude(status__in=closed)
    return points.order_by("name_en")


def may_issue_at(officer: Officer, point: CrossingPoint) -> bool:
    """Whether to offer `officer` the issuing and voiding forms at `point` (pages only; the
    services decide)."""
    return (
        can(officer, "receipt.issue")
        and Posting.objects.of(officer).filter(crossing_point=point).exists()
    )
