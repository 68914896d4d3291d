"""Shared plumbing for the JSON-lines subcommands (`hudud mrz`, `hudud stay`, ...)."""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO


def add_input_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        nargs="?",
        default="-",
        help="input file (default: standard input)",
    )


@contextmanager
def open_input(path: str) -> Iterator[TextIO]:
    """Open FILE, or standard input for '-', as UTF-8 text.

    Undecodable bytes become U+FFFD, so they surface as a per-record error, not a traceback.
    """
    if path == "-":
        if isinstance(sys.stdin, io.TextIOWrapper):
            sys.stdin.reconfigure(encoding="utf-8", errors="replace")
        yield sys.stdin
        return
    with open(path, encoding="utf-8", errors="replace") as handle:
        yield handle


def write_json_line(obj: Any, out: TextIO | None = None) -> None:
    """One compact JSON object per line; Arabic script is written as itself, not as escapes."""
    stream = out if out is not None else sys.stdout
    stream.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")
