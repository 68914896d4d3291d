"""Handing out entry revisions: one global, gap-tolerant, monotonically increasing sequence."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from hudud.watchlists.models import EntrySequence


def revision_next() -> int:
    """The next revision, reserved for the caller's transaction (call inside one).

    The row stays locked until the caller commits, so a second writer waits and takes the
    following number: revisions become visible in order (see `EntrySequence`)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("revision_next() must run inside the transaction that uses it")
    EntrySequence.objects.get_or_create(pk=1)
    EntrySequence.objects.filter(pk=1).update(last=F("last") + 1)
    return EntrySequence.objects.select_for_update().values_list("last", flat=True).get(pk=1)


def revision_current() -> int:
    """The last revision handed out (0 before any entry)."""
    value = EntrySequence.objects.filter(pk=1).values_list("last", flat=True).first()
    return value or 0
