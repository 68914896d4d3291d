"""Calendar days in Baghdad time, for counting crossings per day in the database.

Crossings are stored in UTC; a crossing at 00:30 in Baghdad belongs to that Baghdad day
(docs/architecture.md, Time). Django's `TruncDate` gets this right everywhere, but on SQLite
it converts every row in Python, which made a year of one crossing point's flows take
seconds. `LocalDay` asks the database instead: PostgreSQL converts with the zone's own rules;
SQLite adds the zone's offset with its C `date()` when the offset is the same over the whole
period counted (Asia/Baghdad has kept UTC+3 since 2008), and falls back to `TruncDate`
otherwise.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import DateField, Expression, Func
from django.db.models.functions import TruncDate
from django.utils import timezone


def day_start(day: date) -> datetime:
    """The moment `day` begins in the current time zone (Baghdad)."""
    return timezone.make_aware(datetime.combine(day, time.min))


def days_between(first: date, last: date) -> list[date]:
    """Every day from `first` to `last`, both included."""
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def fixed_offset(first: date, last: date) -> timedelta | None:
    """The current zone's UTC offset if it is the same at the start of every day from
    `first` to `last + 1`, else None (a daylight-saving change in between)."""
    offsets = {day_start(d).utcoffset() for d in days_between(first, last + timedelta(days=1))}
    return offsets.pop() if len(offsets) == 1 else None


class LocalDay(Func):
    """The Baghdad calendar day of a stored moment, computed by the database.

    `offset` is `fixed_offset(...)` of the period the query covers (None: no fixed offset).
    """

    output_field = DateField()

    def __init__(self, expression: Any, *, offset: timedelta | None) -> None:
        super().__init__(expression)
        self.offset = offset

    def as_sql(
        self,
        compiler: Any,
        connection: Any,
        function: str | None = None,
        template: str | None = None,
        arg_joiner: str | None = None,
        **extra_context: Any,
    ) -> Any:
        fallback: Expression = TruncDate(self.source_expressions[0])
        return compiler.compile(fallback.resolve_expression(compiler.query))

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        sql, params = compiler.compile(self.source_expressions[0])
        zone = timezone.get_current_timezone_name()
        return f"(({sql}) AT TIME ZONE %s)::date", (*params, zone)

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        if self.offset is None:
            return self.as_sql(compiler, connection)
        sql, params = compiler.compile(self.source_expressions[0])
        seconds = int(self.offset.total_seconds())
        return f"date({sql}, %s)", (*params, f"{seconds:+d} seconds")
