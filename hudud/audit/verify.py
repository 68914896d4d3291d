"""Checking the audit chain: every event's hash, every link, every position, and the head.

Events are read in the order they were stored (by id). Each finding names the event (id and
position) and what is wrong with it:
- `changed`: the event's content no longer gives its stored hash;
- `missing`: positions are skipped (events deleted in the middle of the chain);
- `out_of_order`: a position repeats or goes back (events inserted or reordered);
- `broken_link`: the event does not link to the event stored before it;
- `head`: the chain ends somewhere other than the head says (events cut from the end).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from hudud.audit.chain import GENESIS, hash_matches
from hudud.audit.models import AuditChainHead, AuditCheckpoint, AuditEvent

MAX_FINDINGS = 50


@dataclass(frozen=True)
class Finding:
    kind: str
    event_id: int | None
    sequence: int | None
    message: str

    def as_text(self) -> str:
        where = f"event {self.event_id} (position {self.sequence})" if self.event_id else "chain"
        return f"{where}: {self.kind}: {self.message}"


@dataclass
class Verification:
    events: int = 0
    first_sequence: int | None = None
    last_sequence: int | None = None
    last_hash: str = GENESIS
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings


def audit_verify(*, expect_head: str | None = None) -> Verification:
    """Verify the whole chain from the last checkpoint (or its beginning).

    `expect_head` is a head hash witnessed earlier (`hudud audit head`) that must still be
    in the chain: a rewrite of the whole chain after that point cannot keep it.
    """
    result = Verification()
    checkpoint = AuditCheckpoint.objects.order_by("-sequence").first()
    prev_sequence = checkpoint.sequence if checkpoint else 0
    prev_hash = checkpoint.hash if checkpoint else GENESIS
    seen_expected = expect_head is None or expect_head == prev_hash
    for event in _events():
        result.events += 1
        if result.first_sequence is None:
            result.first_sequence = event.sequence
        _check_event(event, prev_sequence, prev_hash, result.findings)
        seen_expected = seen_expected or event.hash == expect_head
        prev_sequence, prev_hash = max(prev_sequence, event.sequence), event.hash
        result.last_sequence, result.last_hash = event.sequence, event.hash
    _check_head(prev_sequence, prev_hash, result.findings)
    if not seen_expected:
        result.findings.append(
            Finding("witness", None, None, f"the witnessed head {expect_head} is not in the chain")
        )
    del result.findings[MAX_FINDINGS:]
    return result


def _events() -> Iterator[AuditEvent]:
    return AuditEvent.objects.order_by("id").iterator(chunk_size=5000)


def _check_event(
    event: AuditEvent, prev_sequence: int, prev_hash: str, findings: list[Finding]
) -> None:
    def add(kind: str, message: str) -> None:
        findings.append(Finding(kind, event.pk, event.sequence, message))

    if not hash_matches(event, event.hash):
        add("changed", "its content does not match its hash (altered, or not written by Hudud)")
    if event.sequence > prev_sequence + 1:
        missing = event.sequence - prev_sequence - 1
        add(
            "missing",
            f"{missing} event(s) missing before it (positions {prev_sequence + 1}-"
            f"{event.sequence - 1} deleted)",
        )
    elif event.sequence <= prev_sequence:
        add(
            "out_of_order",
            f"position {event.sequence} comes after position {prev_sequence} "
            "(an event was inserted or the order was changed)",
        )
    if event.prev_hash != prev_hash:
        add("broken_link", "it does not link to the event stored before it")


def _check_head(last_sequence: int, last_hash: str, findings: list[Finding]) -> None:
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is None:
        if last_sequence:
            findings.append(Finding("head", None, None, "the chain head record is missing"))
        return
    if (head.sequence, head.hash) != (last_sequence, last_hash):
        cut = head.sequence - last_sequence
        detail = f"{cut} event(s) cut from the end" if cut > 0 else "the head does not match"
        findings.append(
            Finding(
                "head",
                None,
                head.sequence,
                f"the chain ends at position {last_sequence} but the head says "
                f"{head.sequence} ({detail})",
            )
        )
