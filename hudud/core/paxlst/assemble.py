"""One manifest per flight: parts of a split list put in order and joined, then counted.

A carrier splits a long list over several messages: UNH's fourth element numbers them (`01:C`,
`02:C`, `03:F`: C says more follow, F marks the last) and they share a common access reference.
Parts are ordered by number, gaps and a missing final part are reported, and the travellers are
numbered across the whole flight. Passenger and crew lists of the same flight join too.

CNT declares the travellers of each role (42 passengers, 41 crew). The guidelines mean the whole
flight's total; some carriers count each part instead. A declared count matches when it equals
the number found, either as the last part's figure or as the parts' sum.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date

from .interchange import read_interchange
from .issues import Issue
from .model import Count, Flight, Interchange, Leg, Manifest, Message

_COUNTED = (("passengers", "passenger", "42"), ("crew", "crew", "41"))
_LIST_ROLE = {"passengers": "passenger", "crew": "crew"}
_LIST_ORDER: dict[str | None, int] = {"passengers": 0, "crew": 1}


def parse(data: bytes | str, *, today: date | None = None) -> Manifest:
    """Read one interchange (a file's bytes, or text) into a manifest, never raising.

    >>> edi = ("UNB+UNOA:4+AIR+GOV+240101:1200+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'"
    ...        "TDT+20+ZZ1+++ZZ'LOC+125+IST'DTM+189:2401011200:201'LOC+87+BGW'"
    ...        "DTM+232:2401011500:201'NAD+FL+++DOE:JANE'CNT+42:1'UNT+11+1'UNZ+1+1'")
    >>> manifest = parse(edi)
    >>> manifest.flight.number, manifest.travellers[0].surname, manifest.valid
    ('ZZ1', 'DOE', True)
    """
    return assemble([read_interchange(data, today=today)])


def parse_many(inputs: Iterable[bytes | str], *, today: date | None = None) -> list[Manifest]:
    """`parse` for a batch: one manifest per input, in order.

    >>> [m.valid for m in parse_many(["", "UNH+1+PAXLST:D:05B:UN:IATA'TDT+20+ZZ1'UNT+3+1'"])]
    [False, True]
    """
    return [parse(data, today=today) for data in inputs]


def assemble(parts: Iterable[Interchange | Message]) -> Manifest:
    """Join the parts of one flight's lists (interchanges, or messages) into one manifest.

    >>> first = "UNH+1+PAXLST:D:05B:UN:IATA+F1+01:C'TDT+20+ZZ1'NAD+FL+++A:B'UNT+4+1'"
    >>> last = "UNH+2+PAXLST:D:05B:UN:IATA+F1+02:F'TDT+20+ZZ1'NAD+FL+++C:D'UNT+4+2'"
    >>> [t.surname for t in assemble([read_interchange(last), read_interchange(first)]).travellers]
    ['A', 'C']
    """
    manifest = Manifest()
    for part in parts:
        if isinstance(part, Interchange):
            manifest.interchanges.append(part)
            manifest.warnings.extend(part.warnings)
            manifest.errors.extend(part.errors)
            manifest.messages.extend(part.messages)
        else:
            manifest.messages.append(part)
    manifest.messages = _ordered(manifest.messages, manifest.warnings)
    for message in manifest.messages:
        _join(manifest, message)
    manifest.list_type = _list_type(manifest.messages)
    manifest.flight = _flight(manifest)
    manifest.counts = _counts(manifest)
    return manifest


def _join(manifest: Manifest, message: Message) -> None:
    base = len(manifest.travellers)
    manifest.travellers.extend(message.travellers)
    manifest.findings.extend(
        dataclasses.replace(f, traveller=base + (f.traveller or 0)) for f in message.findings
    )
    manifest.warnings.extend(message.warnings)
    manifest.errors.extend(message.errors)
    expected = _LIST_ROLE.get(message.list_type or "")
    others = sum(1 for t in message.travellers if expected and t.role != expected)
    if others:
        manifest.warnings.append(
            _issue(
                "role_does_not_match_list",
                "travellers",
                f"message {message.reference!r} is a {message.list_type} list but holds "
                f"{others} traveller(s) of another role",
            )
        )


def _ordered(messages: list[Message], warnings: list[Issue]) -> list[Message]:
    groups: dict[tuple[str | None, str | None], list[Message]] = {}
    for message in messages:
        groups.setdefault((message.list_type, message.common_access_ref), []).append(message)
    ordered: list[Message] = []
    # Passenger lists first, then crew lists, whatever order the files came in.
    for _, parts in sorted(groups.items(), key=lambda item: _LIST_ORDER.get(item[0][0], 2)):
        parts.sort(key=lambda m: m.part or 0)
        _check_parts(parts, warnings)
        ordered.extend(parts)
    return ordered


def _check_parts(parts: list[Message], warnings: list[Issue]) -> None:
    numbers = [m.part for m in parts if m.part is not None]
    if not numbers:
        return
    label = f"{parts[0].list_type or 'list'} {parts[0].common_access_ref or ''}".strip()
    last = max(numbers)
    missing = sorted(set(range(1, last + 1)) - set(numbers))
    if missing:
        shown = ", ".join(str(n) for n in missing)
        warnings.append(_issue("part_missing", "parts", f"{label}: part(s) {shown} not received"))
    if len(set(numbers)) < len(numbers):
        warnings.append(_issue("part_duplicated", "parts", f"{label}: a part number repeats"))
    if not any(m.last_part for m in parts):
        warnings.append(
            _issue(
                "last_part_missing",
                "parts",
                f"{label}: part {last} says more follow (C) and no final part (F) was received",
            )
        )


def _list_type(messages: list[Message]) -> str | None:
    kinds = {m.list_type for m in messages if m.list_type is not None}
    if len(kinds) > 1:
        return "passengers_and_crew"
    return kinds.pop() if kinds else None


def _flight(manifest: Manifest) -> Flight:
    with_legs = [m for m in manifest.messages if m.legs]
    if not with_legs:
        if any(m.readable for m in manifest.messages):
            manifest.errors.append(
                _issue("flight_missing", "flight", "no flight (TDT) in any message")
            )
        return Flight()
    legs = with_legs[0].legs
    if any(_route(m.legs) != _route(legs) for m in with_legs[1:]):
        manifest.warnings.append(
            _issue("flight_differs", "flight", "the messages do not all describe the same legs")
        )
    main = next((leg for leg in legs if leg.arrival_qualifier == "87"), legs[-1])
    return Flight(carrier=main.carrier, number=main.flight, legs=list(legs))


def _route(legs: list[Leg]) -> list[tuple[object, ...]]:
    return [(leg.flight, leg.departure_airport, leg.arrival_airport) for leg in legs]


def _counts(manifest: Manifest) -> dict[str, Count]:
    counts: dict[str, Count] = {}
    for name, role, qualifier in _COUNTED:
        found = sum(1 for t in manifest.travellers if t.role == role)
        declared = [
            m.declared_counts[qualifier]
            for m in manifest.messages
            if qualifier in m.declared_counts
        ]
        if not declared:
            counts[name] = Count(None, found)
        elif found in (declared[-1], sum(declared)):
            counts[name] = Count(found, found)
        else:
            counts[name] = Count(declared[-1], found)
            manifest.warnings.append(
                _issue(
                    "count_mismatch",
                    "counts",
                    f"CNT+{qualifier} declares {declared[-1]} {name}; {found} found",
                )
            )
    return counts


def _issue(code: str, field: str, message: str) -> Issue:
    return Issue(code, field, message)
