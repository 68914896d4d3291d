"""The interactive API answer for one traveller: OK to board, do not board, insufficient data.

Do not board: a possible match, at or above its list's threshold and not cleared for this
document, on an entry-ban list or a list whose action is to refuse entry. Any other hit (a
wanted person, a lost document, a list to monitor) informs the border and lets the person fly:
they are met at the door. Insufficient data: the record lacks what identifies a person or their
document (name, birth date, nationality, document type, number or issuing state), so it cannot
be screened with confidence; the carrier is told which field to send again. The answer to the
carrier never says why a person may not board, only that they may not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from hudud.core.paxlst import Issue
from hudud.core.paxlst.response import DO_NOT_BOARD, INSUFFICIENT_DATA, OK
from hudud.manifests.screening import Outcome

# Finding codes (docs/formats/paxlst.md) that make a record insufficient, and the field named
# to the carrier for each.
INSUFFICIENT = {
    "surname_missing": "SURNAME",
    "birth_date_missing": "BIRTH DATE",
    "birth_date_invalid": "BIRTH DATE",
    "birth_date_century_ambiguous": "BIRTH DATE",
    "nationality_missing": "NATIONALITY",
    "document_missing": "TRAVEL DOCUMENT",
    "document_type_missing": "DOCUMENT TYPE",
    "document_number_missing": "DOCUMENT NUMBER",
    "issuing_state_missing": "ISSUING STATE",
}


@dataclass(frozen=True)
class Decision:
    status: str
    reasons: list[dict[str, Any]]
    # What the carrier is told beside the status (the missing fields; never a list or a name).
    detail: str = ""


def decide(findings: Iterable[Issue], outcome: Outcome) -> Decision:
    """The answer for a traveller with these data-quality findings and this screening outcome."""
    denying = [h for h in outcome.hits if h["denies"] and not h["cleared"]]
    if denying:
        reasons = [
            {
                "code": "watchlist_denies_entry",
                "message": f"possible match on {h['watchlist_name']} (score {h['score']:.2f}, "
                f"action {str(h['action']).replace('_', ' ')})",
            }
            for h in denying
        ]
        return Decision(DO_NOT_BOARD, reasons)
    lacking = [f for f in findings if f.code in INSUFFICIENT]
    if lacking:
        reasons = [{"code": f.code, "message": f.message} for f in lacking]
        missing = ", ".join(dict.fromkeys(INSUFFICIENT[f.code] for f in lacking))
        return Decision(INSUFFICIENT_DATA, reasons, f"SEND {missing}")
    return Decision(OK, [])
