"""Operator commands backed by Django: migrate, serve, manage, token."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from hudud.commands._django import setup_django


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    migrate = subparsers.add_parser("migrate", help="create or upgrade the database")
    migrate.set_defaults(func=_migrate)

    serve = subparsers.add_parser("serve", help="serve the web UI and API (development server)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", default="8000")
    serve.set_defaults(func=_serve)

    manage = subparsers.add_parser("manage", help="run a Django management command", add_help=False)
    manage.add_argument("args", nargs=argparse.REMAINDER)
    manage.set_defaults(func=_manage)

    token = subparsers.add_parser("token", help="issue an API token for an officer")
    token.add_argument("badge_number")
    token.add_argument("--name", default="api")
    token.add_argument("--days", type=int, default=90)
    token.set_defaults(func=_token)


def _call(*args: str) -> None:
    from django.core.management import call_command

    call_command(*args)


def _migrate(args: argparse.Namespace) -> int:
    setup_django()
    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        Path(db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    _call("migrate", "--no-input", "--verbosity", "1")
    return 0


def _serve(args: argparse.Namespace) -> int:
    setup_django()
    _call("runserver", f"{args.host}:{args.port}", "--noreload")
    return 0


def _manage(args: argparse.Namespace) -> int:
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["hudud manage", *args.args])
    return 0


def _token(args: argparse.Namespace) -> int:
    setup_django()
    from hudud.agencies.models import Officer
    from hudud.commands.audit import token_print

    officer = Officer.objects.filter(badge_number=args.badge_number).first()
    if officer is None:
        print(f"hudud token: no officer with badge number {args.badge_number!r}", file=sys.stderr)
        return 2
    operator = f"operator:{getpass.getuser()}"
    return token_print("hudud token", officer, name=args.name, days=args.days, operator=operator)
