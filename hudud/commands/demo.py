"""`hudud demo`: load synthetic demo data, and print the journeys' scenario MRZs.

    hudud demo load [--travellers N] [--seed S] [--days D]
    hudud demo scenarios

See docs/demo-data.md for what the demo holds.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from hudud.commands._django import setup_django

LOGIN_URL = "http://127.0.0.1:8000/"


def register(subparsers: Any) -> None:
    demo = subparsers.add_parser(
        "demo", help="synthetic demo data: travellers, a year of crossings, demo accounts"
    )
    actions = demo.add_subparsers(dest="demo_action", metavar="ACTION")
    actions.required = True
    load = actions.add_parser(
        "load",
        help="generate and load the demo (once per database); reset the demo passwords",
        description=(
            "Generate synthetic travellers and a year of crossings ending today, with the "
            "journeys' scenarios, and load them (skipped if demo data is already loaded). "
            "Every run gives the demo accounts fresh random passwords and prints them."
        ),
    )
    load.add_argument("--travellers", type=_count(0), default=2000, help="default: 2000")
    load.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    load.add_argument(
        "--days", type=_count(1), default=365, help="days of history ending today (default: 365)"
    )
    load.set_defaults(func=_load)
    scenarios = actions.add_parser("scenarios", help="print the journeys' scenario MRZs as JSON")
    scenarios.set_defaults(func=_scenarios)


def _count(minimum: int) -> Any:
    def parse(text: str) -> int:
        value = int(text)
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}")
        return value

    return parse


def _load(args: argparse.Namespace) -> int:
    setup_django()
    from django.db.utils import OperationalError

    from hudud.demo.load import demo_load

    try:
        report = demo_load(travellers=args.travellers, seed=args.seed, days=args.days)
    except OperationalError as error:
        print(f"hudud demo load: {error} (has `hudud migrate` been run?)", file=sys.stderr)
        return 2
    if report.loaded:
        timing = ", ".join(f"{k} {v:.1f}s" for k, v in report.timings.items())
        print(
            f"Loaded {report.travellers} travellers, {report.crossings} crossings and "
            f"{report.groups} pilgrim buses ({timing})."
        )
    else:
        print("demo data already loaded: left as it is; the demo accounts have new passwords.")
    print()
    _print_accounts(report.accounts)
    print()
    print(f"API token for {report.accounts[0].username}: {report.token}")
    print(f"Log in at {LOGIN_URL} with the password, then the one-time code for the TOTP")
    print("secret (an authenticator app shows it, or run:")
    print("  python -c \"import pyotp; print(pyotp.TOTP('SECRET').now())\")")
    return 0


def _print_accounts(accounts: list[Any]) -> None:
    rows = [("username", "role", "agency", "posts", "password", "TOTP secret")]
    rows += [
        (a.username, a.role, a.agency, ", ".join(a.posts) or "-", a.password, a.totp_secret)
        for a in accounts
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


def _scenarios(args: argparse.Namespace) -> int:
    setup_django()
    from hudud.demo.scenarios import scenarios

    shown = {name: scenario.as_json() for name, scenario in scenarios().items()}
    print(json.dumps(shown, ensure_ascii=False, indent=2))
    return 0
