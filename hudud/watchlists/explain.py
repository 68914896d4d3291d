"""One line an officer can read at the lane, from the engine's explanation of a match.

The full explanation (every aligned name part, every field's verdict) is kept on the alert
for secondary inspection; the lane needs the gist: which names aligned, what confirmed or
contradicted.
"""

from __future__ import annotations

from typing import Any


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
