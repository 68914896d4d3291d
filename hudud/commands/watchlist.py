"""`hudud watchlist import`: bring a watchlist in line with a list file, as a named officer.

    hudud watchlist import --list un --as moi.admin un_consolidated_2026-02-27.xml
    hudud watchlist import --list national-entry-ban --as moi.admin bans.csv --mapping m.json

The import is the same service the API calls (incremental, one transaction, audited as the
officer named by `--as`, who must be an agency administrator of the list's owner). It prints
a JSON summary: added, changed, removed, unchanged, warnings.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from hudud.commands._django import setup_django


def register(subparsers: Any) -> None:
    watchlist = subparsers.add_parser("watchlist", help="watchlists: import a list file")
    actions = watchlist.add_subparsers(dest="watchlist_action", metavar="ACTION")
    actions.required = True
    imp = actions.add_parser(
        "import",
        help="import a UN Consolidated List XML or a CSV file into a watchlist (incremental)",
    )
    imp.add_argument("file", type=Path, help="the list file")
    imp.add_argument("--list", dest="code", required=True, help="the watchlist's code")
    imp.add_argument(
        "--as", dest="username", required=True, help="the officer importing (their username)"
    )
    imp.add_argument(
        "--format",
        choices=("un-xml", "csv"),
        help="default: from the file's extension (.xml un-xml, .csv csv)",
    )
    imp.add_argument("--mapping", type=Path, help="CSV column mapping (a JSON file)")
    imp.set_defaults(func=_import)


def _fail(message: str) -> int:
    print(f"hudud watchlist import: {message}", file=sys.stderr)
    return 2


def _format_of(args: argparse.Namespace) -> str | None:
    if args.format:
        return str(args.format)
    return {".xml": "un-xml", ".csv": "csv"}.get(args.file.suffix.lower())


def _read_mapping(path: Path | None) -> dict[str, Any] | None:
    if path is None:
        return None
    loaded = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(loaded, dict):
        raise ValueError("the mapping must be a JSON object")
    return loaded


def _import(args: argparse.Namespace) -> int:
    file_format = _format_of(args)
    if file_format is None:
        return _fail(f"cannot tell the format of {args.file.name}: give --format")
    try:
        data = args.file.read_bytes()
        mapping = _read_mapping(args.mapping)
    except (OSError, ValueError) as error:
        return _fail(str(error))
    setup_django()
    from hudud.agencies.models import Officer
    from hudud.common.actor import Actor
    from hudud.common.errors import ServiceError
    from hudud.watchlists.services import watchlist_import

    officer = (
        Officer.objects.select_related("agency", "user")
        .filter(user__username=args.username)
        .first()
    )
    if officer is None:
        return _fail(f"no officer with username {args.username!r}")
    try:
        summary = watchlist_import(
            actor=Actor(officer),
            watchlist_code=args.code,
            data=data,
            file_name=args.file.name,
            file_format=file_format,
            mapping=mapping,
        )
    except ServiceError as error:
        for problem in error.problems:
            print(json.dumps(problem.as_dict(), ensure_ascii=False), file=sys.stderr)
        return 2
    print(json.dumps(summary.as_json(), ensure_ascii=False, indent=2))
    return 0
