"""Checking what an officer sends before it is stored: each problem names its field."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from hudud.common.errors import Problem, ServiceError
from hudud.core.mrz import states
from hudud.watchlists.models import Watchlist

if TYPE_CHECKING:
    from hudud.watchlists.services import EntrySpec, WatchlistSpec

_CODE = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")
_PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_DOCUMENT_NUMBER = re.compile(r"^[A-Z0-9]{1,30}$")
NAME_SCRIPTS = ("latin", "arabic", "other")
NAME_KINDS = ("primary", "alias", "original_script")


def reason(text: str) -> str:
    """A decision's reason: required, so the next reader knows why."""
    cleaned = (text or "").strip()
    if len(cleaned) < 3:
        raise ServiceError.one("missing_field", "reason", "give the reason for this decision")
    return cleaned


def watchlist_spec(spec: WatchlistSpec) -> None:
    problems: list[Problem] = []
    if not _CODE.match(spec.code):
        problems.append(Problem("invalid_value", "code", "lower-case letters, digits, hyphens"))
    if spec.kind not in Watchlist.Kind.values:
        problems.append(Problem("invalid_value", "kind", f"one of {Watchlist.Kind.values}"))
    if spec.action not in Watchlist.Action.values:
        problems.append(Problem("invalid_value", "action", f"one of {Watchlist.Action.values}"))
    if not 0 < spec.threshold <= 1:
        problems.append(Problem("invalid_value", "threshold", "must be above 0 and at most 1"))
    for name in ("name_en", "name_ar", "legal_basis"):
        if not getattr(spec, name).strip():
            problems.append(Problem("missing_field", name, "required"))
    if spec.valid_from and spec.valid_until and spec.valid_until < spec.valid_from:
        problems.append(Problem("invalid_value", "valid_until", "before valid_from"))
    if problems:
        raise ServiceError(problems)


def _script_of(name: str) -> str:
    if any("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" for ch in name):
        return "arabic"
    return "latin" if all(ch.isascii() for ch in name) else "other"


def _name(item: Any, index: int, problems: list[Problem]) -> dict[str, str] | None:
    raw = {"name": item} if isinstance(item, str) else item
    if not isinstance(raw, dict) or not str(raw.get("name", "")).strip():
        problems.append(Problem("invalid_value", f"names.{index}", "a name is text"))
        return None
    name = " ".join(str(raw["name"]).split())
    kind = str(raw.get("kind") or ("primary" if index == 0 else "alias"))
    if kind not in NAME_KINDS:
        problems.append(Problem("invalid_value", f"names.{index}.kind", f"one of {NAME_KINDS}"))
    return {
        "name": name,
        "script": str(raw.get("script") or _script_of(name)),
        "kind": kind,
        "quality": str(raw.get("quality") or "good"),
    }


def _documents(items: Any, problems: list[Problem]) -> list[dict[str, str]]:
    documents = []
    for i, item in enumerate(items):
        number = re.sub(r"[\s\-/.]", "", str(item.get("number", ""))).upper()
        state = str(item.get("issuing_state") or "").upper()
        if not _DOCUMENT_NUMBER.match(number):
            problems.append(Problem("invalid_value", f"documents.{i}.number", "letters, digits"))
        if state and not states.is_known(state):
            problems.append(
                Problem("invalid_value", f"documents.{i}.issuing_state", "not an ICAO code")
            )
        documents.append({"number": number, "issuing_state": state, "kind": item.get("kind", "")})
    return documents


def entry_fields(spec: EntrySpec) -> dict[str, Any]:
    """The stored fields of a hand-made entry, or every problem with it."""
    problems: list[Problem] = []
    names = [n for i, item in enumerate(spec.names) if (n := _name(item, i, problems))]
    for i, text in enumerate(spec.birth_dates):
        if not _PARTIAL_DATE.match(text):
            problems.append(Problem("invalid_value", f"birth_dates.{i}", "YYYY[-MM[-DD]]"))
    for i, code in enumerate(spec.nationalities):
        if not states.is_known(code.upper()):
            problems.append(Problem("invalid_value", f"nationalities.{i}", "not an ICAO code"))
    if spec.sex not in ("", "M", "F", "X"):
        problems.append(Problem("invalid_value", "sex", "M, F, X or empty"))
    documents = _documents(spec.documents, problems)
    if not names and not documents:
        problems.append(Problem("missing_field", "names", "an entry needs a name or a document"))
    if spec.listed_on and spec.expires_on and spec.expires_on < spec.listed_on:
        problems.append(Problem("invalid_value", "expires_on", "before listed_on"))
    if problems:
        raise ServiceError(problems)
    return {
        "names": names,
        "birth_dates": list(spec.birth_dates),
        "nationalities": [c.upper() for c in spec.nationalities],
        "sex": spec.sex,
        "documents": documents,
        "listed_on": spec.listed_on,
        "expires_on": spec.expires_on,
    }
