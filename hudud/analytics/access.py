"""Who may read the dashboard. Its figures are counts, never a person, but they still say
where and how much the border is busy: analysts, supervisors and auditors read them."""

from __future__ import annotations

from hudud.agencies.models import Officer
from hudud.common.errors import AccessDenied

DASHBOARD_ROLES = frozenset({Officer.Role.ANALYST, Officer.Role.SUPERVISOR, Officer.Role.AUDITOR})


def ensure_can_read_dashboard(officer: Officer) -> None:
    if officer.role not in DASHBOARD_ROLES:
        raise AccessDenied("your role does not give access to the dashboard")
