"""What changed between the entries stored for a list and a newly read file of it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .model import ListedEntry


@dataclass(frozen=True, slots=True)
class ListDiff:
    """Entries to insert (`added`), to overwrite (`changed`), source ids to delete (`removed`),
    and how many stored entries the file leaves as they are (`unchanged`)."""

    added: tuple[ListedEntry, ...]
    changed: tuple[ListedEntry, ...]
    removed: tuple[str, ...]
    unchanged: int

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


def diff_entries(
    old: Mapping[str, str], new: Sequence[ListedEntry], *, keep: Iterable[str] = ()
) -> ListDiff:
    """Compare stored `old` (source_id -> content_hash) with a file's entries.

    `keep` names source ids that must not be removed although the file lacks them: pass
    `result.rejected_ids`, so that a row rejected for a typo never deletes a listed person.
    Apply `removed` only when the read was `complete`. Raises ValueError if `new` repeats an id
    (readers never return one twice).

    >>> from hudud.core.lists import ListedName
    >>> entry = ListedEntry("W-1", (ListedName("Zzz Testname", "latin", "primary"),))
    >>> diff = diff_entries({"W-1": "0" * 64, "W-2": "0" * 64}, [entry])
    >>> [e.source_id for e in diff.changed], diff.removed, diff.unchanged
    (['W-1'], ('W-2',), 0)
    """
    seen: set[str] = set()
    added: list[ListedEntry] = []
    changed: list[ListedEntry] = []
    for entry in new:
        if entry.source_id in seen:
            raise ValueError(f"source id {entry.source_id!r} is given twice")
        seen.add(entry.source_id)
        stored = old.get(entry.source_id)
        if stored is None:
            added.append(entry)
        elif stored != entry.content_hash():
            changed.append(entry)
    held = seen | set(keep)
    removed = tuple(sorted(source_id for source_id in old if source_id not in held))
    unchanged = len(new) - len(added) - len(changed)
    return ListDiff(tuple(added), tuple(changed), removed, unchanged)
