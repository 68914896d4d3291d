"""One line an officer can read at the lane, from the engine's explanation of a match.

The full explanation (every aligned name part, every field's verdict) is kept on the alert
for secondary inspection; the lane needs the gist: which names aligned, what confirmed or
contradicted.
"""

from __future__ import annotations

from typing import Any

from hudud.agencies.mandates import birth_date_json, reveal
from hudud.agencies.models import Officer

# Fields of the engine's evidence whose traveller's value ("query") has a masking rule.
_MASKED_EVIDENCE = frozenset({"birth_date", "document_number"})


def _name_part(name: dict[str, Any]) -> str:
    aligned = name.get("aligned") or []
    pairs = [
        f"{a.get('query')}={a.get('entry')}"
        if a.get("query") == a.get("entry")
        else f"{a.get('query')}~{a.get('entry')}"
        for a in aligned
    ]
    score = name.get("score")
    head = f"name {score:.2f}" if isinstance(score, int | float) else "name"
    return f"{head}: {', '.join(pairs)}" if pairs else head


def _field_part(item: dict[str, Any]) -> str:
    return f"{item.get('field')} {item.get('verdict')}"


def summarise(explanation: dict[str, Any]) -> str:
    """e.g. "name 0.93: MOHAMMAD~MUHAMMAD, REZAEI=REZAEI; birth_date contradicts; nationality
    matches"; "document K1234567 (IRN) listed" when a document fired."""
    parts: list[str] = []
    document = explanation.get("document")
    if explanation.get("reason") == "document" and isinstance(document, dict):
        number = document.get("number") or document.get("entry") or ""
        state = document.get("issuing_state") or ""
        parts.append(f"document {number} ({state}) listed".replace(" ()", ""))
    name = explanation.get("name")
    if isinstance(name, dict) and name:
        parts.append(_name_part(name))
    parts.extend(_field_part(f) for f in explanation.get("fields") or [] if isinstance(f, dict))
    return "; ".join(parts)


def explanation_for(officer: Officer, explanation: dict[str, Any]) -> dict[str, Any]:
    """The explanation with the traveller's birth date and document number as `officer` may
    see them. The listed entry's side stays: it is the owning agency's own record."""
    if not isinstance(explanation, dict):
        return explanation
    masked = dict(explanation)
    fields = []
    for item in explanation.get("fields") or []:
        field = str(item.get("field")) if isinstance(item, dict) else ""
        if field in _MASKED_EVIDENCE and isinstance(item.get("query"), str):
            item = {**item, "query": reveal(officer, field, item["query"])}
        fields.append(item)
    if "fields" in explanation:
        masked["fields"] = fields
    # A listed document fired: the number listed is the traveller's own, whatever the key.
    document = explanation.get("document")
    if isinstance(document, dict):
        masked["document"] = {
            **document,
            **{
                key: reveal(officer, "document_number", str(document[key]))
                for key in ("number", "query", "entry")
                if document.get(key)
            },
        }
    return masked


def subject_for(officer: Officer, subject: dict[str, Any]) -> dict[str, Any]:
    """The traveller as screened (an alert's `subject`), its birth date as `officer` may see
    it (`birth_date`, `birth_year`, `birth_date_masked`: `mandates.birth_date_json`)."""
    if not isinstance(subject, dict):
        return subject
    return {**subject, **birth_date_json(officer, subject.get("birth_date"))}
