"""`hudud stay`: authorised stay and overstay for one JSON request per line.

The contract (fields, rules, error codes) is in docs/formats/stay.md. Only the framework-free
core is imported, so the command starts fast and needs no database.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from hudud.commands._jsonl import add_input_argument, open_input, write_json_line
from hudud.core.stay import StayError, evaluate, parse_request
from hudud.core.stay.errors import INVALID_JSON, Issue

EXIT_OK, EXIT_LINE_ERRORS, EXIT_USAGE = 0, 1, 2


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "stay",
        help="authorised stay, days used and overstay (JSON lines in and out)",
        description=(
            "Read one JSON request per line (as_of, policy, crossings, exempt) and write one "
            "JSON result per line, in the same order. See docs/formats/stay.md."
        ),
    )
    add_input_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Answer every line; exit 1 if any line had errors, 2 if the input cannot be read."""
    try:
        with open_input(args.file) as lines:
            all_ok = True
            for output in answer_lines(lines):
                all_ok = all_ok and "errors" not in output
                _write(output)
    except BrokenPipeError:
        raise  # the reader went away (`| head`): hudud.cli ends quietly
    except OSError as error:
        print(f"hudud stay: cannot read {args.file}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK if all_ok else EXIT_LINE_ERRORS


def answer_lines(lines: Iterable[str]) -> Iterator[dict[str, object]]:
    """One output object per non-blank input line."""
    for line in lines:
        if line.strip():
            yield answer_line(line)


def answer_line(line: str) -> dict[str, object]:
    """The output object for one input line: a result, or {"errors": [...]}; never raises."""
    try:
        obj = json.loads(line, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as error:  # also over-long integers, absurd nesting
        issue = Issue(INVALID_JSON, "line", f"not valid JSON: {error}")
        return {"errors": [issue.as_json()]}
    output: dict[str, object] = {}
    if isinstance(obj, dict) and "id" in obj:
        output["id"] = obj["id"]
    try:
        output.update(evaluate(parse_request(obj)).as_json())
    except StayError as error:
        output["errors"] = error.as_json()
    return output


def _refuse_constant(name: str) -> object:
    # Python's json accepts NaN and Infinity; JSON does not.
    raise ValueError(f"{name} is not JSON")


def _write(output: dict[str, object]) -> None:
    try:
        write_json_line(output, sys.stdout)
    except UnicodeEncodeError:
        # A lone surrogate echoed from the input, or a stdout that cannot encode Arabic:
        # fall back to ASCII escapes, which are still valid JSON. Nothing was written yet.
        sys.stdout.write(json.dumps(output, separators=(",", ":")) + "\n")
