"""`hudud screen`: screen travellers (JSON lines) against a watchlist (JSON lines).

The contract is in docs/formats/screen.md. Only the framework-free core is imported, so the
command needs no database. The whole watchlist must read cleanly before anything is screened:
a list that silently lost an entry would silently miss its hits.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Iterable, Iterator
from typing import Any

from hudud.commands._jsonl import open_input, write_json_line
from hudud.core.screening import Query, ScreeningIndex
from hudud.core.screening.model import Entry
from hudud.core.screening.records import RecordError, entry_from_json, query_from_json

EXIT_OK, EXIT_LINE_ERRORS, EXIT_USAGE = 0, 1, 2
CONTRACT_VERSION = 1


class InputError(Exception):
    """A problem with an input file as a whole, reported on standard error."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "screen",
        help="screen travellers against a watchlist (JSON lines in and out)",
        description=(
            "Index the watchlist W (one entry per line), screen each traveller of Q (one per "
            "line) and write one JSON line per traveller, in order. See docs/formats/screen.md."
        ),
    )
    parser.add_argument("--watchlist", required=True, metavar="W.jsonl", help="watchlist entries")
    parser.add_argument(
        "--queries", required=True, metavar="Q.jsonl", help="travellers ('-': stdin)"
    )
    parser.add_argument("--top", type=_positive, metavar="K", help="the K best matches, any score")
    parser.add_argument("--threshold", type=_fraction, metavar="T", help="report scores >= T")
    parser.add_argument(
        "--no-traffic",
        action="store_true",
        help="learn token weights from the watchlist only, not from the travellers too",
    )
    parser.set_defaults(func=run)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _fraction(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return value


def run(args: argparse.Namespace) -> int:
    try:
        entries = read_watchlist(args.watchlist)
        with open_input(args.queries) as lines:
            queries = list(read_queries(lines))
    except InputError as error:
        print(f"hudud screen: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        name = error.filename or "input"
        print(f"hudud screen: cannot read {name}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    traffic = (
        () if args.no_traffic else [n for q in queries if isinstance(q, Query) for n in _names(q)]
    )
    index = ScreeningIndex.build(entries, traffic_names=traffic)
    return _screen(index, queries, args.top, args.threshold)


def _names(query: Query) -> list[str]:
    return [n for n in (query.name, *query.names) if n]


def _screen(
    index: ScreeningIndex,
    queries: list[Query | dict[str, Any]],
    top: int | None,
    threshold: float | None,
) -> int:
    started = time.perf_counter()
    all_ok = True
    for item in queries:
        if isinstance(item, dict):  # a line that could not be read: its error, in order
            all_ok = False
            write_json_line(item)
            continue
        matches = index.screen(item, threshold=threshold, top=top)
        write_json_line(
            {
                "id": item.id,
                "matches": [
                    {"entry_id": m.entry_id, "score": m.score, "explanation": m.explanation}
                    for m in matches
                ],
            }
        )
    elapsed = time.perf_counter() - started
    screened = sum(1 for q in queries if isinstance(q, Query))
    stats = index.stats
    report = {
        "contract_version": CONTRACT_VERSION,
        "entries": stats.entries,
        "names": stats.names,
        "index_build_seconds": round(stats.build_seconds, 3),
        "index_bytes": stats.memory_bytes,
        "queries": screened,
        "queries_per_second": round(screened / elapsed, 1) if elapsed > 0 else None,
        "peak_memory_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }
    print(json.dumps(report), file=sys.stderr)
    return EXIT_OK if all_ok else EXIT_LINE_ERRORS


def read_watchlist(path: str) -> list[Entry]:
    """Every entry of W, or an InputError naming the first bad line and field."""
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    with open_input(path) as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                entry = entry_from_json(_json(line))
            except RecordError as error:
                raise InputError(f"{path} line {number}: {error.field}: {error.problem}") from None
            if entry.id in seen:
                raise InputError(
                    f"{path} line {number}: id: {entry.id!r} already on line {seen[entry.id]}"
                )
            seen[entry.id] = number
            entries.append(entry)
    return entries


def read_queries(lines: Iterable[str]) -> Iterator[Query | dict[str, Any]]:
    """A Query per non-blank line, or the error object that stands in for it in the output."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        obj: Any = None
        try:
            obj = _json(line)
            yield query_from_json(obj)
        except RecordError as error:
            output: dict[str, Any] = {"errors": [{**error.to_json(), "line": number}]}
            if isinstance(obj, dict) and isinstance(obj.get("id"), str | int):
                output = {"id": obj["id"], **output}
            yield output


def _json(line: str) -> Any:
    try:
        return json.loads(line, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as error:
        raise RecordError("line", f"not valid JSON: {error}") from None


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")
