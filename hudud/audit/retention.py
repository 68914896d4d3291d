"""Retention: how long each kind of record is kept, and the scheduled purge.

Each record type has a policy: a number of days (configurable, `HUDUD_RETENTION_DAYS` in the
settings or `HUDUD_RETENTION_<TYPE>_DAYS` in the environment) and a purger that erases what
is older, except what a legal hold keeps (`hudud.audit.holds`). The reference is the EU
Entry/Exit System: crossing records 3 years, overstayers' 5 years, the traveller's file
when their last record goes. `hudud retention purge` runs every purger (a cron job or a
systemd timer, docs/security.md) and writes one audit event with the counts.

Apps add their own record types with a module `hudud/<app>/retention.py` exporting
`POLICIES: list[Policy]`; the built-in ones (border, watchlists, logins, the audit trail
itself) are in `hudud.audit.purgers`.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.apps import apps
from django.conf import settings
from django.utils import timezone

from hudud.audit.holds import Held, held
from hudud.audit.services import audit_record_system
from hudud.common.env import env_int


@dataclass(frozen=True)
class PurgeContext:
    now: datetime
    held: Held
    dry_run: bool

    def cutoff(self, days: int) -> datetime:
        return self.now - timedelta(days=days)


@dataclass(frozen=True)
class Policy:
    record_type: str
    default_days: int
    rule: str
    # Erases (or, in a dry run, counts) what is past `days`; returns how many records.
    purge: Callable[[PurgeContext, int], int]

    @property
    def days(self) -> int:
        configured: dict[str, int] = getattr(settings, "HUDUD_RETENTION_DAYS", {})
        name = f"HUDUD_RETENTION_{self.record_type.upper()}_DAYS"
        if name in os.environ:
            return env_int(name, self.default_days)
        return int(configured.get(self.record_type, self.default_days))


def retention_policies() -> list[Policy]:
    """Every record type's policy: the built-in ones, then each app's `retention.POLICIES`."""
    from hudud.audit.purgers import POLICIES

    policies = list(POLICIES)
    for config in apps.get_app_configs():
        if config.name.startswith("hudud.") and config.label != "audit":
            try:
                module = importlib.import_module(f"{config.name}.retention")
            except ModuleNotFoundError:
                continue
            policies.extend(getattr(module, "POLICIES", []))
    # The audit trail goes last: what the purge itself records is never the first to go.
    return sorted(policies, key=lambda p: p.record_type == "audit_event")


@dataclass
class PurgeReport:
    dry_run: bool
    started_at: datetime
    counts: dict[str, int] = field(default_factory=dict)
    days: dict[str, int] = field(default_factory=dict)
    held_travellers: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run,
            "started_at": self.started_at.isoformat(),
            "erased" if not self.dry_run else "would_erase": self.counts,
            "retention_days": self.days,
            "travellers_held": self.held_travellers,
        }


def retention_purge(*, dry_run: bool = False, now: datetime | None = None) -> PurgeReport:
    """Erase every record past its retention and not held; audit the run (counts only)."""
    context = PurgeContext(now=now or timezone.now(), held=held(), dry_run=dry_run)
    report = PurgeReport(dry_run=dry_run, started_at=context.now)
    report.held_travellers = len(context.held.ids("traveller"))
    for policy in retention_policies():
        report.days[policy.record_type] = policy.days
        report.counts[policy.record_type] = policy.purge(context, policy.days)
    audit_record_system(
        action="retention.purge" if not dry_run else "retention.dry_run",
        object_type="retention",
        object_id=context.now.strftime("%Y-%m-%dT%H:%M:%S"),
        details=report.as_dict(),
    )
    return report
