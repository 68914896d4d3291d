"""Authorised stay: how long a traveller may remain, how many days are used, who overstayed.

A traveller is present on every day from an entry to the matching exit, both days included, as
the EU Entry/Exit System counts them. A policy limits that presence: a fixed-duration visa or a
visa on arrival allows a number of days per entry within a validity period (`PerEntry`); the
rolling rule allows at most N days in any M-day period (`Rolling`, the Schengen 90/180: for
every day of a stay, the days present in the 180 days ending that day must not exceed 90).
Periods covered by a residence permit or long-stay visa are exempt: they are not counted, and
no exempt day is ever an overstay day. An overstay begins the day after the last allowed day.
Everything is evaluated "as known on" an as-of day, so crossings after it are ignored.

`reference` holds a plain day-by-day implementation of the same rules; the property tests
check that the fast evaluator agrees with it. The JSON contract is in docs/formats/stay.md.

>>> from datetime import date
>>> request = parse_request({
...     "as_of": "2026-02-01", "policy": {"kind": "rolling", "max_days": 90, "window_days": 180},
...     "crossings": [{"date": "2026-01-01", "direction": "entry"},
...                   {"date": "2026-01-10", "direction": "exit"},
...                   {"date": "2026-02-01", "direction": "entry"}]})
>>> evaluate(request).last_allowed_day
datetime.date(2026, 4, 21)
"""

from hudud.core.stay.errors import Issue, StayError
from hudud.core.stay.evaluate import StayResult, evaluate, evaluate_many
from hudud.core.stay.policy import PerEntry, Policy, Rolling, Unlimited, parse_policy
from hudud.core.stay.request import Crossing, Direction, Period, StayRequest, parse_request

__all__ = [
    "Crossing",
    "Direction",
    "Issue",
    "PerEntry",
    "Period",
    "Policy",
    "Rolling",
    "StayError",
    "StayRequest",
    "StayResult",
    "Unlimited",
    "evaluate",
    "evaluate_many",
    "parse_policy",
    "parse_request",
]
