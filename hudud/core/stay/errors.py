"""Structured errors: what went wrong, where, in words an operator can act on."""

from __future__ import annotations

from dataclasses import dataclass

# The codes are part of the `hudud stay` contract (docs/formats/stay.md); scripts match on them.
ENTRY_WITHOUT_EXIT = "entry_without_exit"
EXIT_WITHOUT_ENTRY = "exit_without_entry"
INVALID_JSON = "invalid_json"
MISSING_FIELD = "missing_field"
INVALID_VALUE = "invalid_value"
INVALID_DATE = "invalid_date"


@dataclass(frozen=True)
class Issue:
    """One problem with a request: a stable `code`, the `field` path it concerns, a `message`.

    >>> Issue("invalid_date", "crossings[2].date", "expected YYYY-MM-DD").as_json()["field"]
    'crossings[2].date'
    """

    code: str
    field: str
    message: str

    def as_json(self) -> dict[str, str]:
        return {"code": self.code, "field": self.field, "message": self.message}


class StayError(Exception):
    """A request that cannot be evaluated, with every problem found in it.

    >>> StayError([Issue("missing_field", "as_of", "required")]).issues[0].field
    'as_of'
    """

    def __init__(self, issues: list[Issue] | tuple[Issue, ...]) -> None:
        self.issues = tuple(issues)
        super().__init__("; ".join(f"{i.field}: {i.message}" for i in self.issues))

    def as_json(self) -> list[dict[str, str]]:
        return [issue.as_json() for issue in self.issues]
