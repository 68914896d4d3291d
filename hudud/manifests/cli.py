"""The operator commands of `hudud manifest` beside `parse`: generate, watch, carrier.

    hudud manifest generate --out flights/ --passengers 480 --crew 12 --part-size 200
    hudud manifest carrier ZZ "Synthetic Airways" --username carrier.zz --as admin
    hudud manifest watch /srv/drop/zz --carrier ZZ            # polls every 5 s
    hudud manifest watch /srv/drop/zz --carrier ZZ --once     # one pass, then exit

Django is set up only by the commands that need the database (`watch`, `carrier`): importing
this module costs nothing, so `hudud manifest parse` stays fast.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from hudud.manifests.synthetic import FlightPlan, flight_files

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def register(actions: Any) -> None:
    _register_generate(actions)
    _register_watch(actions)
    _register_carrier(actions)
    _register_token(actions)


def _register_generate(actions: Any) -> None:
    generate = actions.add_parser(
        "generate",
        help="write a synthetic flight's PAXLST files (made-up travellers)",
        description="Write the PAXLST interchanges of a seeded synthetic flight, one file per "
        "message (passenger parts, then crew) or one in all with --single-file.",
    )
    generate.add_argument("--out", type=Path, default=Path("."), help="folder to write into")
    generate.add_argument("--seed", type=int, default=1)
    generate.add_argument("--passengers", type=int, default=400)
    generate.add_argument("--crew", type=int, default=12)
    generate.add_argument("--part-size", type=int, help="split the passenger list into parts")
    generate.add_argument("--carrier", default="ZZ", help="IATA designator (default ZZ)")
    generate.add_argument("--flight", default="ZZ482", help="flight number as sent in TDT")
    generate.add_argument("--route", default="IST-NJF", help="ORIGIN-DESTINATION (IATA)")
    generate.add_argument(
        "--departure", help="local departure, YYYY-MM-DDTHH:MM (default 2026-12-01T09:30)"
    )
    generate.add_argument("--charset", default="UNOA", choices=("UNOA", "UNOC", "UNOW"))
    generate.add_argument("--single-file", action="store_true")
    generate.set_defaults(func=run_generate)


def _register_watch(actions: Any) -> None:
    watch = actions.add_parser(
        "watch",
        help="deliver a carrier's drop folder, each file once",
        description="Poll DIR: each settled file is received as the carrier's account and "
        "moved to DIR/done (with its .cusres answer) or DIR/failed (with .reason.json). One "
        "JSON line per file on standard output.",
    )
    watch.add_argument("directory", type=Path, metavar="DIR")
    watch.add_argument("--carrier", required=True, help="the carrier whose folder this is")
    watch.add_argument("--interval", type=float, default=5.0, help="seconds between polls")
    watch.add_argument("--settle", type=float, default=5.0, help="seconds a file must be unchanged")
    watch.add_argument("--once", action="store_true", help="one poll, then exit")
    watch.set_defaults(func=run_watch)


def _register_carrier(actions: Any) -> None:
    carrier = actions.add_parser(
        "carrier",
        help="register a carrier and its system account (prints its API token once)",
    )
    carrier.add_argument("code", help="IATA airline designator")
    carrier.add_argument("name")
    carrier.add_argument("--username", required=True, help="the account's username")
    carrier.add_argument(
        "--as", dest="registrar", required=True, help="an agency administrator's username"
    )
    carrier.add_argument("--days", type=int, default=365, help="token validity in days")
    carrier.set_defaults(func=run_carrier)


def _out(line: str) -> None:
    # UTF-8 whatever the terminal's locale: names may be in Arabic script.
    sys.stdout.buffer.write((line + "\n").encode("utf-8"))
    sys.stdout.flush()


def _register_token(actions: Any) -> None:
    token = actions.add_parser(
        "token",
        help="issue a fresh API token for a carrier's account (earlier ones are revoked)",
    )
    token.add_argument("code", help="IATA airline designator")
    token.add_argument(
        "--as", dest="registrar", required=True, help="an agency administrator's username"
    )
    token.add_argument("--days", type=int, default=365, help="token validity in days")
    token.set_defaults(func=run_token)


def _fail(message: str, status: int = EXIT_USAGE) -> int:
    sys.stderr.write(f"hudud manifest: {message}\n")
    return status


def run_generate(args: argparse.Namespace) -> int:
    origin, _, destination = str(args.route).upper().partition("-")
    if len(origin) != 3 or len(destination) != 3:
        return _fail(f"--route must be ORIGIN-DESTINATION, e.g. IST-NJF, not {args.route!r}")
    plan = FlightPlan(
        carrier=args.carrier.upper(),
        number=args.flight.upper(),
        origin=origin,
        destination=destination,
        passengers=args.passengers,
        crew=args.crew,
        part_size=args.part_size,
        seed=args.seed,
        charset=args.charset,
    )
    if args.departure:
        try:
            plan = replace(plan, departure=datetime.fromisoformat(args.departure))
        except ValueError:
            return _fail(f"--departure must be YYYY-MM-DDTHH:MM, not {args.departure!r}")
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        for index, data in enumerate(flight_files(plan, single_file=args.single_file), start=1):
            path = args.out / f"{plan.number}-{plan.departure:%Y%m%d}-{index:02d}.edi"
            path.write_bytes(data)
            _out(str(path))
    except OSError as error:
        return _fail(f"cannot write into {args.out}: {error.strerror or error}")
    return EXIT_OK


def run_watch(args: argparse.Namespace) -> int:
    if not args.directory.is_dir():
        return _fail(f"{args.directory} is not a folder")
    from hudud.commands._django import setup_django

    setup_django()
    from hudud.common.errors import ServiceError
    from hudud.manifests.dropfolder import carrier_actor, folder_poll

    try:
        actor = carrier_actor(args.carrier)
    except ServiceError as error:
        return _fail(str(error))
    while True:
        for filed in folder_poll(args.directory, actor=actor, settle_seconds=args.settle):
            _out(json.dumps(filed.as_dict(), ensure_ascii=False))
        if args.once:
            return EXIT_OK
        time.sleep(args.interval)


def _registrar(username: str) -> Any:
    from hudud.commands._django import setup_django

    setup_django()
    from hudud.agencies.models import Officer

    return Officer.objects.select_related("agency", "user").filter(user__username=username).first()


def run_carrier(args: argparse.Namespace) -> int:
    registrar = _registrar(args.registrar)
    if registrar is None:
        return _fail(f"no officer with username {args.registrar!r}")
    from hudud.common.actor import Actor
    from hudud.common.errors import ServiceError
    from hudud.manifests.services import carrier_register

    try:
        carrier, token = carrier_register(
            actor=Actor(registrar),
            code=args.code,
            name=args.name,
            username=args.username,
            token_days=args.days,
        )
    except ServiceError as error:
        return _fail(str(error), EXIT_FAILED)
    _out(json.dumps({"carrier": carrier.code, "username": args.username, "token": token}))
    return EXIT_OK


def run_token(args: argparse.Namespace) -> int:
    registrar = _registrar(args.registrar)
    if registrar is None:
        return _fail(f"no officer with username {args.registrar!r}")
    from hudud.common.actor import Actor
    from hudud.common.errors import ServiceError
    from hudud.manifests.services import carrier_token_issue

    try:
        token = carrier_token_issue(actor=Actor(registrar), code=args.code, token_days=args.days)
    except ServiceError as error:
        return _fail(str(error), EXIT_FAILED)
    _out(json.dumps({"carrier": args.code.upper(), "token": token}))
    return EXIT_OK
