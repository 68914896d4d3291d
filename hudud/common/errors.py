"""Errors a service raises for the caller to show: each names the field and the problem."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a request, in the shape every interface returns."""

    code: str
    field: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "field": self.field, "message": self.message}


@dataclass
class ServiceError(Exception):
    """A request that cannot be carried out as asked. `status` is the HTTP status to answer."""

    problems: list[Problem]
    status: int = 422
    extra: dict[str, object] = field(default_factory=dict)

    @classmethod
    def one(cls, code: str, field_name: str, message: str, status: int = 422) -> ServiceError:
        return cls([Problem(code, field_name, message)], status=status)

    def __str__(self) -> str:
        return "; ".join(f"{p.field}: {p.message}" for p in self.problems)


class AccessDenied(ServiceError):
    """The officer's role, agency or posting does not allow this."""

    def __init__(self, message: str, field_name: str = "") -> None:
        super().__init__([Problem("forbidden", field_name, message)], status=403)


class NotFound(ServiceError):
    def __init__(self, field_name: str, message: str) -> None:
        super().__init__([Problem("not_found", field_name, message)], status=404)
