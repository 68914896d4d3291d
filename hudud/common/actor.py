"""Who is acting, and from where: passed to every service so it can check and audit."""

from __future__ import annotations

from dataclasses import dataclass

from hudud.agencies.models import Officer


@dataclass(frozen=True)
class Actor:
    officer: Officer
    source_ip: str | None = None
