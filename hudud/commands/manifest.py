"""`hudud manifest`: advance passenger information from the command line.

- `parse`: read PAXLST passenger and crew lists, print the manifest as JSON. The contract
  (keys, warning, error and finding codes, date rules) is in docs/formats/paxlst.md. Only the
  framework-free core is imported, so it starts fast and needs no database.
- `generate`: write a synthetic flight's PAXLST files (seeded, made-up travellers).
- `watch`: deliver a carrier's drop folder, each file once (`hudud.manifests.dropfolder`).
- `carrier`: register a carrier and its system account; prints the account's API token.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

from hudud.core.paxlst import assemble, read_interchange
from hudud.manifests import cli as operations

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "manifest",
        help="advance passenger information: read PAXLST manifests",
        description="Advance passenger information (UN/EDIFACT PAXLST): docs/formats/paxlst.md.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    parse = actions.add_parser(
        "parse",
        help="read PAXLST files and print one manifest as JSON",
        description=(
            "Read one PAXLST interchange (or several: the parts of one flight's lists) and print "
            "the assembled manifest as one JSON object. Exit 0 when it could be read, 1 when it "
            "has errors (the JSON is still printed), 2 on a usage or input error."
        ),
    )
    parse.add_argument(
        "files",
        nargs="*",
        default=["-"],
        metavar="FILE",
        help="PAXLST file(s); '-' or none reads standard input",
    )
    parse.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="date two-digit years count from when a message has no departure date",
    )
    parse.add_argument("--compact", action="store_true", help="print the JSON on one line")
    parse.set_defaults(func=run_parse)
    operations.register(actions)


def run_parse(args: argparse.Namespace) -> int:
    """Parse the files into one manifest and print it; exit 1 if it has errors."""
    try:
        today = date.fromisoformat(args.today) if args.today else None
    except ValueError:
        print(f"hudud manifest: --today must be YYYY-MM-DD, not {args.today!r}", file=sys.stderr)
        return EXIT_USAGE
    parts = []
    for name in args.files:
        try:
            data = _read(name)
        except OSError as error:
            print(f"hudud manifest: cannot read {name}: {error.strerror or error}", file=sys.stderr)
            return EXIT_USAGE
        parts.append(read_interchange(data, today=today))
    manifest = assemble(parts)
    _write(manifest.to_json(), compact=args.compact)
    return EXIT_OK if manifest.valid else EXIT_ERRORS


def _read(name: str) -> bytes:
    # Bytes, not text: the interchange header says which character set to decode with.
    if name == "-":
        return sys.stdin.buffer.read()
    with open(name, "rb") as handle:
        return handle.read()


def _write(obj: dict[str, Any], *, compact: bool) -> None:
    text = json.dumps(
        obj, ensure_ascii=False, indent=None if compact else 2, separators=_separators(compact)
    )
    # UTF-8 whatever the terminal's locale: names may be in Arabic script.
    sys.stdout.buffer.write((text + "\n").encode("utf-8"))
    sys.stdout.flush()


def _separators(compact: bool) -> tuple[str, str] | None:
    return (",", ":") if compact else None


def main(argv: Sequence[str] | None = None) -> int:
    """`hudud manifest` alone: `python -m hudud.commands.manifest parse FILE`."""
    parser = argparse.ArgumentParser(prog="hudud")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["manifest", *(sys.argv[1:] if argv is None else argv)])
    status: int = args.func(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
