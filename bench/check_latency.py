"""The primary-line check's latency at scale, on SQLite and PostgreSQL.

Loads the demo data (`hudud demo load --travellers N`, default 100,000, with a year of
crossings) into a fresh database, then checks M travellers drawn from it at Zurbatiya, in one
process, and prints p50/p99/max for:

- `api`: the whole HTTP round trip through Django's test client (token authentication, JSON
  parsing, MRZ reading, look-ups, stay evaluation, audit insert, serialisation) — what a lane
  client waits for, minus the network;
- `service`: `hudud.border.checks.crossing_check` called directly;
- baseline `lookup`: the bare indexed query that finds a document by number, measured in the
  same run: the floor any check stands on.

    .venv/bin/python bench/check_latency.py [--travellers 100000] [--checks 1000] [--db sqlite]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._env import ROOT, percentile, postgres_available, run_child


def _load(travellers: int) -> float:
    start = time.perf_counter()
    subprocess.run([str(ROOT / ".venv/bin/hudud"), "migrate"], check=True, capture_output=True)
    subprocess.run(
        [str(ROOT / ".venv/bin/hudud"), "demo", "load", "--travellers", str(travellers)],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def _mrz_of(document: Any) -> str:
    from hudud.core import mrz

    traveller = document.traveller
    return mrz.generate_td3(
        document_code=document.document_code or "P",
        issuing_state=document.issuing_state,
        surname=traveller.surname,
        given_names=traveller.given_names,
        document_number=document.number,
        nationality=document.nationality,
        birth_date=traveller.birth_date,
        sex=traveller.sex,
        expiry_date=document.expiry_date,
    )


def _sample(checks: int) -> list[tuple[str, str, str, str]]:
    from hudud.border.models import TravelDocument

    rng = random.Random(7)
    ids = list(
        TravelDocument.objects.filter(
            kind="P", traveller__birth_date__isnull=False, expiry_date__isnull=False
        ).values_list("pk", flat=True)
    )
    chosen = TravelDocument.objects.select_related("traveller").filter(
        pk__in=rng.sample(ids, min(checks, len(ids)))
    )
    return [
        (_mrz_of(d), "exit" if d.traveller.is_present else "entry", d.issuing_state, d.number)
        for d in chosen
    ]


def _timed(calls: list[Any]) -> list[float]:
    samples = []
    for call in calls:
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def child(travellers: int, checks: int) -> dict[str, Any]:
    load_s = _load(travellers)
    from bench._env import setup_child

    setup_child()
    from django.test import Client
    from django.utils import timezone

    from hudud.agencies.models import Officer
    from hudud.agencies.tokens import token_issue
    from hudud.border.checks import crossing_check
    from hudud.border.documents import document_from_mrz
    from hudud.border.models import TravelDocument, Traveller
    from hudud.common.actor import Actor

    officer = Officer.objects.select_related("user", "agency").get(
        user__username="primary.zurbatiya"
    )
    _, token = token_issue(officer=officer, name="bench")
    client = Client(headers={"Authorization": f"Bearer {token}"})
    sample = _sample(checks)
    today = timezone.localdate()
    actor = Actor(officer=officer)

    def api(text: str, direction: str) -> Any:
        def call() -> None:
            body = {"mrz": text, "crossing_point": "zurbatiya", "direction": direction}
            response = client.post("/api/v1/crossings/check", body, content_type="application/json")
            assert response.status_code == 200, response.content

        return call

    def service(text: str, direction: str) -> Any:
        return lambda: crossing_check(
            actor=actor,
            crossing_point_code="zurbatiya",
            direction=direction,
            document=document_from_mrz(text, today=today),
        )

    def lookup(state: str, number: str) -> Any:
        return lambda: (
            TravelDocument.objects.filter(issuing_state=state, kind="P", number=number)
            .select_related("traveller")
            .first()
        )

    _timed([api(t, d) for t, d, _, _ in sample[:50]])  # warm caches and connections
    results = {
        "api": _timed([api(t, d) for t, d, _, _ in sample]),
        "service": _timed([service(t, d) for t, d, _, _ in sample]),
        "lookup": _timed([lookup(s, n) for _, _, s, n in sample]),
    }
    return {
        "travellers": Traveller.objects.count(),
        "load_s": load_s,
        "checks": len(sample),
        **{
            k: {"p50": percentile(v, 0.5), "p99": percentile(v, 0.99), "max": max(v)}
            for k, v in results.items()
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--travellers", type=int, default=100_000)
    parser.add_argument("--checks", type=int, default=1000)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.travellers, args.checks)))
        return
    databases = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    if "postgres" in databases and not postgres_available():
        databases.remove("postgres")
        print("(PostgreSQL not reachable on 127.0.0.1:5432: not measured)")
    for db in databases:
        r = run_child(
            __file__, db, "--travellers", str(args.travellers), "--checks", str(args.checks)
        )
        print(
            f"\n{db}: {r['travellers']:,} travellers (demo load {r['load_s']:.0f} s), "
            f"{r['checks']} checks at Zurbatiya, one process"
        )
        print(f"  {'':<28} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
        for key, label in (
            ("api", "check, HTTP round trip"),
            ("service", "check, service call"),
            ("lookup", "baseline: document look-up"),
        ):
            m = r[key]
            print(f"  {label:<28} {m['p50']:>8.2f} {m['p99']:>8.2f} {m['max']:>8.2f}")


if __name__ == "__main__":
    main()
