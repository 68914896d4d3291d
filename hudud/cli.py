"""The `hudud` command: one entry point for operators and scripts.

Subcommands that only need the framework-free core (`mrz`, `stay`) never load Django, so they
start fast and work without a database. The others set Django up first.

Each subcommand lives in its own module under `hudud.commands` and exposes
`register(subparsers)`, which adds its parser and sets `func` to a callable taking the parsed
arguments and returning the exit status.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

# Order here is the order `hudud --help` lists them in.
COMMAND_MODULES = (
    "hudud.commands.mrz",
    "hudud.commands.stay",
    "hudud.commands.screen",
    "hudud.commands.manifest",
    "hudud.commands.django_admin",
    "hudud.commands.demo",
    "hudud.commands.watchlist",
    "hudud.commands.audit",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hudud",
        description="Hudud border management: operator and scripting commands.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `hudud mrz big.txt | head` closes the pipe early; that is not an error. Point stdout
        # at /dev/null so the interpreter's final flush does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return status


if __name__ == "__main__":
    sys.exit(main())
