"""The hit explanation laid out for secondary inspection (journey 2): the traveller as
screened beside the listed entry, which name parts aligned, how each field compared.

It reads the explanation the screening engine stored on the alert; nothing is re-scored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hudud.agencies.models import Officer
from hudud.watchlists.explain import explanation_for
from hudud.watchlists.models import Alert
from hudud.web import labels
from hudud.web.templatetags.hudud_web import digits


@dataclass(frozen=True)
class AlignedPart:
    traveller: str
    entry: str
    similarity: float

    @property
    def exact(self) -> bool:
        return self.similarity >= 0.999


@dataclass(frozen=True)
class FieldVerdict:
    name: str
    traveller: str
    entry: str
    verdict: str
    agrees: bool | None  # None: neither confirms nor contradicts


@dataclass
class Comparison:
    traveller_name: str = ""
    entry_name: str = ""
    name_score: float | None = None
    aligned: list[AlignedPart] = field(default_factory=list)
    unmatched_traveller: list[str] = field(default_factory=list)
    unmatched_entry: list[str] = field(default_factory=list)
    order_changed: bool = False
    fields: list[FieldVerdict] = field(default_factory=list)
    document_listed: str = ""


def verdict_text(verdict: str) -> str:
    """'20_years_apart' -> '20 years apart', translated."""
    head, _sep, rest = verdict.partition("_")
    if head.isdigit() and rest == "years_apart":
        years = int(head)
        return ngettext("%(n)s year apart", "%(n)s years apart", years) % {"n": digits(str(years))}
    return labels.label(labels.FIELD_VERDICTS, verdict)


def _agrees(verdict: str) -> bool | None:
    if verdict in ("exact", "same", "same_year", "day_month_swapped", "listed"):
        return True
    if verdict.endswith("_years_apart") or verdict == "different":
        return False
    return None


def _fields(explanation: dict[str, Any]) -> list[FieldVerdict]:
    rows = []
    for item in explanation.get("fields") or []:
        if not isinstance(item, dict):
            continue
        verdict = str(item.get("verdict", ""))
        rows.append(
            FieldVerdict(
                name=labels.label(labels.FIELD_NAMES, str(item.get("field", ""))),
                traveller=str(item.get("query", "")),
                entry=str(item.get("entry", "")),
                verdict=verdict_text(verdict),
                agrees=_agrees(verdict),
            )
        )
    return rows


def comparison_of(alert: Alert, officer: Officer) -> Comparison:
    """The alert's explanation laid out, the traveller's birth date and document number as
    `officer` may see them (`watchlists.explain.explanation_for`)."""
    explanation = explanation_for(officer, alert.explanation) if alert.explanation else {}
    explanation = explanation if isinstance(explanation, dict) else {}
    result = Comparison(fields=_fields(explanation))
    name = explanation.get("name")
    if isinstance(name, dict):
        result.traveller_name = str(name.get("query_name", ""))
        result.entry_name = str(name.get("entry_name", ""))
        score = name.get("score")
        result.name_score = float(score) if isinstance(score, int | float) else None
        result.aligned = [
            AlignedPart(
                str(a.get("query", "")), str(a.get("entry", "")), float(a.get("similarity") or 0)
            )
            for a in name.get("aligned") or []
            if isinstance(a, dict)
        ]
        result.unmatched_traveller = [str(t) for t in name.get("unmatched_query") or []]
        result.unmatched_entry = [str(t) for t in name.get("unmatched_entry") or []]
        result.order_changed = bool(name.get("order_changed"))
    document = explanation.get("document")
    if explanation.get("reason") == "document" and isinstance(document, dict):
        result.document_listed = _("document %(number)s (%(state)s) is listed") % {
            "number": document.get("number", ""),
            "state": document.get("issuing_state", ""),
        }
    return result
