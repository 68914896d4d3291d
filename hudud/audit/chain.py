"""The canonical form of an audit event and its hash.

An event's hash is HMAC-SHA256, keyed with the audit key (`HUDUD_AUDIT_KEY`, kept outside
the database), over a canonical JSON serialisation of every field that says what happened
(position, time, who, what, which record, from where, why, details) plus the previous
event's hash. The key means that someone who can write to the database but cannot read the
server's settings cannot forge an event or rewrite the chain after a change.

The form must read the same before a row is written and after it is read back from SQLite or
PostgreSQL, so values are normalised first: times in UTC with microseconds, addresses in
their compressed form, JSON numbers that are whole as integers (PostgreSQL's jsonb gives
1e20 back as 100000000000000000000), tuples as lists.

Changing this form invalidates every stored hash: it is versioned (`FORM`) and frozen.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
from datetime import UTC, datetime
from typing import Any, Protocol

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder

FORM = 1
GENESIS = "0" * 64


class ChainedEvent(Protocol):
    sequence: int
    occurred_at: datetime
    actor_id: int | None
    actor_username: str
    agency_code: str
    action: str
    object_type: str
    object_id: str
    crossing_point_code: str
    source_ip: str | None
    reason: str
    details: Any
    prev_hash: str


def normalise_details(details: Any) -> Any:
    """`details` as the database will give it back: JSON types only, whole numbers as ints.

    >>> normalise_details({"n": 2.0, "when": (1, 2)})
    {'n': 2, 'when': [1, 2]}
    """
    return _normal(json.loads(json.dumps(details or {}, cls=DjangoJSONEncoder)))


def _normal(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _normal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normal(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def normalise_ip(address: str | None) -> str | None:
    if not address:
        return None
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def canonical(event: ChainedEvent) -> bytes:
    """The bytes an event's hash is computed over."""
    when = event.occurred_at.astimezone(UTC).isoformat(timespec="microseconds")
    content = {
        "form": FORM,
        "sequence": event.sequence,
        "occurred_at": when,
        "actor_id": event.actor_id,
        "actor_username": event.actor_username,
        "agency_code": event.agency_code,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "crossing_point_code": event.crossing_point_code,
        "source_ip": normalise_ip(event.source_ip),
        "reason": event.reason,
        "details": _normal(event.details),
        "prev_hash": event.prev_hash,
    }
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def audit_keys() -> list[bytes]:
    """The current audit key first, then retired ones (still good for verifying)."""
    keys = [settings.HUDUD_AUDIT_KEY, *settings.HUDUD_AUDIT_KEY_FALLBACKS]
    return [key.encode() for key in keys if key]


def event_hash(event: ChainedEvent, key: bytes | None = None) -> str:
    """The event's hash under `key` (default: the current audit key)."""
    return hmac.new(key or audit_keys()[0], canonical(event), hashlib.sha256).hexdigest()


def hash_matches(event: ChainedEvent, stored: str) -> bool:
    """Whether `stored` is the event's hash under the current key or a retired one."""
    return any(hmac.compare_digest(event_hash(event, key), stored) for key in audit_keys())
