"""Reading entries and queries from JSON objects, with errors that name the field.

This is the boundary of `hudud screen` and of anything else that takes entries or travellers as
JSON: every problem is a `RecordError(field, problem)`, never a guess. Unknown fields are
ignored so that producers can send more than this version reads.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from .model import Document, Entry, Query

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_STATE = re.compile(r"^[A-Z]{1,3}$")
_SEXES = {"M", "F", "X"}


class RecordError(ValueError):
    """A field of an entry or query that cannot be read."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem

    def to_json(self) -> dict[str, str]:
        return {"field": self.field, "problem": self.problem}


def _text(obj: dict[str, Any], field: str, *, required: bool = False) -> str | None:
    value = obj.get(field)
    if value is None or value == "":
        if required:
            raise RecordError(field, "is required")
        return None
    if not isinstance(value, str):
        raise RecordError(field, "must be a string")
    return value


def _identifier(obj: dict[str, Any], field: str = "id") -> str:
    value = obj.get(field)
    if isinstance(value, bool) or not isinstance(value, str | int) or value == "":
        raise RecordError(field, "is required and must be a non-empty string or integer")
    return str(value)


def _date(value: Any, field: str) -> str:
    if not isinstance(value, str):
        raise RecordError(field, "must be a string YYYY, YYYY-MM or YYYY-MM-DD")
    m = _PARTIAL_DATE.match(value)
    if not m:
        raise RecordError(field, f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    try:
        date(year, month, day)
    except ValueError:
        raise RecordError(field, f"{value!r} is not a real date") from None
    return value


def _state(value: Any, field: str) -> str:
    if not isinstance(value, str) or not _STATE.match(value.strip().upper()):
        raise RecordError(field, "must be a country code such as IRQ")
    return value.strip().upper()


def _sex(value: Any, field: str = "sex") -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or value.upper() not in _SEXES:
        raise RecordError(field, "must be M, F, X or null")
    return value.upper()


def _list(obj: dict[str, Any], field: str) -> list[Any]:
    value = obj.get(field)
    if value is None:
        return []
    if not isinstance(value, list):
        raise RecordError(field, "must be a list")
    return value


def _document(value: Any, field: str) -> Document:
    if not isinstance(value, dict):
        raise RecordError(field, "must be an object with number and issuing_state")
    number = _text(value, "number", required=True)
    assert number is not None
    state = value.get("issuing_state")
    issuing = None if state in (None, "") else _state(state, f"{field}.issuing_state")
    return Document(number, issuing)


def _names(obj: dict[str, Any]) -> tuple[str, ...]:
    names = []
    for i, value in enumerate(_list(obj, "names")):
        if not isinstance(value, str):
            raise RecordError(f"names[{i}]", "must be a string")
        if value.strip():
            names.append(value)
    return tuple(names)


def entry_from_json(obj: Any, *, list_id: str = "", threshold: float | None = None) -> Entry:
    """An `Entry` from `{"id", "names", "birth_dates", "nationalities", "sex", "documents"}`.

    >>> entry_from_json({"id": 7, "names": ["Zzz Testname"], "birth_dates": ["1970"]}).id
    '7'
    """
    if not isinstance(obj, dict):
        raise RecordError("entry", "must be a JSON object")
    entry_id = _identifier(obj)
    names = _names(obj)
    documents = tuple(
        _document(d, f"documents[{i}]") for i, d in enumerate(_list(obj, "documents"))
    )
    if not names and not documents:
        raise RecordError("names", "an entry needs at least one name or one document")
    births = tuple(_date(v, f"birth_dates[{i}]") for i, v in enumerate(_list(obj, "birth_dates")))
    states = tuple(
        _state(v, f"nationalities[{i}]") for i, v in enumerate(_list(obj, "nationalities"))
    )
    return Entry(
        entry_id, names, births, states, _sex(obj.get("sex")), documents, list_id, threshold
    )


def query_from_json(obj: Any) -> Query:
    """A `Query` from `{"id", "name", "birth_date", "nationality", "sex", "document"}`.

    >>> query_from_json({"id": "Q1", "name": "محمد علي", "document": {"number": "A1"}}).document
    Document(number='A1', issuing_state=None)
    """
    if not isinstance(obj, dict):
        raise RecordError("query", "must be a JSON object")
    query_id = str(obj["id"]) if isinstance(obj.get("id"), str | int) else ""
    birth = obj.get("birth_date")
    nationality = obj.get("nationality")
    document = obj.get("document")
    return Query(
        id=query_id,
        name=_text(obj, "name"),
        birth_date=None if birth in (None, "") else _date(birth, "birth_date"),
        nationality=None if nationality in (None, "") else _state(nationality, "nationality"),
        sex=_sex(obj.get("sex")),
        document=None if document in (None, {}) else _document(document, "document"),
        names=_names(obj),
    )
