"""`hudud mrz`: parse machine-readable zones, one JSON object per MRZ.

The contract (keys, error and warning codes, century and OCR rules) is in docs/formats/mrz.md.
Only the framework-free core is imported, so the command starts fast and needs no database.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

from hudud.commands._jsonl import add_input_argument, open_input, write_json_line
from hudud.core.mrz import iter_blocks, parse

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "mrz",
        help="parse machine-readable zones (MRZ text in, JSON lines out)",
        description=(
            "Read one or more MRZs (TD1, TD2, TD3, MRV-A, MRV-B), separated by blank lines, and "
            "write one JSON object per MRZ, in the same order. Exit 0 if all are valid, 1 if "
            "any is not, 2 on a usage or input error. See docs/formats/mrz.md."
        ),
    )
    add_input_argument(parser)
    parser.add_argument(
        "--strict",
        action="store_true",
        help="correct nothing: no OCR corrections, lowercase is an invalid character",
    )
    parser.add_argument(
        "--no-issuer-filler-rule",
        dest="issuer_filler_rule",
        action="store_false",
        help=(
            "reject extended document numbers whose check digit matches only with the '<' "
            "filler counted (ICAO's rule; by default they pass with a warning)"
        ),
    )
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="date the century of birth and expiry dates is inferred from (default: today)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Parse every MRZ in the input; exit 1 if any is invalid, 2 if the input cannot be read."""
    try:
        today = date.fromisoformat(args.today) if args.today else None
    except ValueError:
        print(f"hudud mrz: --today must be a date YYYY-MM-DD, not {args.today!r}", file=sys.stderr)
        return EXIT_USAGE
    all_valid = True
    try:
        with open_input(args.file) as lines:
            for block in iter_blocks(lines):
                result = parse(
                    block,
                    today=today,
                    ocr_correct=not args.strict,
                    issuer_filler_rule=args.issuer_filler_rule,
                )
                all_valid = all_valid and result.valid
                write_json_line(result.to_json())
    except BrokenPipeError:
        raise  # the reader went away (`| head`): hudud.cli ends quietly
    except OSError as error:
        print(f"hudud mrz: cannot read {args.file}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK if all_valid else EXIT_INVALID


def main(argv: Sequence[str] | None = None) -> int:
    """`hudud mrz` alone, without the other subcommands: `python -m hudud.commands.mrz ARGS`."""
    parser = argparse.ArgumentParser(prog="hudud")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["mrz", *(sys.argv[1:] if argv is None else argv)])
    status: int = args.func(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
