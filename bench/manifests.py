"""Advance passenger information: parse-and-screen time, and manifests per minute through the API.

1. Parse and screen, one core, no database: a 500-traveller PAXLST interchange (488 passengers,
   12 crew, made up by `generate_flight`, with a few UN-listed people's names typed with typos
   among them) is read by `hudud.core.paxlst.parse` and every traveller screened in one
   `ScreeningIndex.screen_many` call against a watchlist of `--entries` (default 1,000,000:
   the screening corpus of bench/screening_corpus.py, else a plain filler). Aim: under 300 ms.
   Baselines in the same run: pydifact tokenising the same text, and pydifact parsing it.
2. Through the API, one process, in a fresh database (SQLite, and PostgreSQL when reachable):
   carrier ZZ POSTs `--manifests` different flights (400-500 travellers each) one after the
   other to /api/v1/manifests/messages, with `--db-entries` watchlist entries in the database;
   figures: manifests per minute, travellers per second, latency per manifest (p50, p95).

    .venv/bin/python bench/manifests.py                       # 1M entries, 30 manifests
    .venv/bin/python bench/manifests.py --entries 100000 --manifests 10 --quick
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# One core: BLAS/OpenMP pools stay single-threaded (set before numpy is imported).
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._env import percentile, postgres_available, run_child, setup_child
from hudud.core import paxlst
from hudud.core.screening import Document, Entry, Query, ScreeningIndex
from hudud.manifests.synthetic import FlightPlan, flight_files

PLANTED = 6  # travellers carrying a listed person's name (with typos)
_GIVEN = ("AHMED", "ALI", "HASSAN", "HUSSEIN", "KARIM", "MAHDI", "MUSTAFA", "OMAR", "SAAD", "ZAID")
_FAMILY = ("AL-TAMIMI", "AL-JUBOURI", "AL-OBEIDI", "AL-SAADI", "AL-HASHIMI", "AL-KHAFAJI")


# --- part 1: parse and screen, no database -----------------------------------------------------


def _watchlist(size: int, seed: int) -> tuple[list[Entry], list[str], list[Query], str]:
    """The list, traffic names for token weights, listed people's typo'd names, and its source."""
    try:
        from bench.screening_corpus import build_corpus

        corpus = build_corpus(size, per_kind=PLANTED, seed=seed)
    except (ImportError, OSError) as error:
        return _filler(size, seed), [], [], f"plain filler ({error.__class__.__name__})"
    positives = [c.query for c in corpus.cases["typo_latin"]][:PLANTED]
    return corpus.latin, corpus.traffic_names, positives, "screening corpus (UN + filler)"


def _filler(size: int, seed: int) -> list[Entry]:
    rng = random.Random(seed)
    return [
        Entry(
            f"F{i:07d}",
            (f"{rng.choice(_GIVEN)} {rng.choice(_GIVEN)} {rng.choice(_FAMILY)}{i % 997}",),
            (str(rng.randint(1940, 2005)),),
            list_id="filler",
        )
        for i in range(size)
    ]


def _plant(positives: list[Query]) -> Callable[[list[paxlst.Message]], None]:
    def edit(messages: list[paxlst.Message]) -> None:
        people = [t for m in messages if m.list_type == "passengers" for t in m.travellers]
        for traveller, query in zip(people[::60], positives, strict=False):
            given, _, surname = (query.name or "X").rpartition(" ")
            traveller.given_names, traveller.surname = given or None, surname
            if query.birth_date and len(query.birth_date) == 10:
                traveller.birth_date = _date(query.birth_date)

    return edit


def _date(text: str) -> Any:
    from datetime import date

    return date.fromisoformat(text)


def _queries(manifest: paxlst.Manifest) -> list[Query]:
    """The travellers as the manifests app screens them (ScreeningSubject.query, without Django)."""
    queries = []
    for index, t in enumerate(manifest.travellers):
        numbered = [d for d in t.documents if d.number]
        doc = next((d for d in numbered if d.type != "V"), numbered[0] if numbered else None)
        queries.append(
            Query(
                id=str(index),
                name=f"{t.given_names or ''} {t.surname or ''}".strip() or None,
                birth_date=t.birth_date.isoformat() if t.birth_date else None,
                nationality=t.nationality,
                sex=t.sex if t.sex in ("M", "F") else None,
                document=Document(doc.number or "", doc.issuing_state) if doc else None,
            )
        )
    return queries


def _timed(function: Callable[[], Any], repeats: int) -> tuple[list[float], Any]:
    samples, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = function()
        samples.append(1000 * (time.perf_counter() - started))
    return samples, result


def core_bench(entries: int, repeats: int, seed: int) -> dict[str, Any]:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    started = time.perf_counter()
    listed, traffic, positives, source = _watchlist(entries, seed)
    corpus_s = time.perf_counter() - started
    started = time.perf_counter()
    index = ScreeningIndex.build(listed, traffic_names=traffic)
    build_s = time.perf_counter() - started
    (data,) = flight_files(
        FlightPlan(passengers=488, crew=12, seed=seed), edit=_plant(positives), single_file=True
    )
    text = data.decode("ascii")
    body = text[text.index("UNB") :]  # pydifact's tokenizer is given the text after UNA

    from hudud.core.paxlst.reference import pydifact_segments, pydifact_token_count

    parse_ms, manifest = _timed(lambda: paxlst.parse(data), repeats)
    queries = _queries(manifest)
    screen_ms, found = _timed(lambda: index.screen_many(queries), repeats)
    both_ms, _ = _timed(lambda: index.screen_many(_queries(paxlst.parse(data))), repeats)
    tokenize_ms, _ = _timed(lambda: paxlst.tokenize(data), repeats)
    pydifact_tokens_ms, _ = _timed(lambda: pydifact_token_count(body), repeats)
    pydifact_parse_ms, _ = _timed(lambda: pydifact_segments(text), repeats)
    return {
        "entries": len(index),
        "source": source,
        "corpus_s": corpus_s,
        "build_s": build_s,
        "travellers": len(manifest.travellers),
        "bytes": len(data),
        "hits": sum(1 for matches in found if matches),
        "parse_ms": parse_ms,
        "screen_ms": screen_ms,
        "parse_and_screen_ms": both_ms,
        "tokenize_ms": tokenize_ms,
        "pydifact_tokenize_ms": pydifact_tokens_ms,
        "pydifact_parse_ms": pydifact_parse_ms,
    }


# --- part 2: through the API, in a child process per database ----------------------------------


def _db_watchlist(size: int) -> None:
    from django.db import transaction

    from hudud.agencies.models import Agency
    from hudud.watchlists.models import Watchlist, WatchlistEntry
    from hudud.watchlists.sequence import revision_next

    watchlist = Watchlist.objects.create(
        code="bench-ban",
        name_en="Bench entry ban",
        name_ar="قائمة",
        kind=Watchlist.Kind.ENTRY_BAN,
        owner=Agency.objects.get(code="moi"),
        legal_basis="bench",
        action=Watchlist.Action.REFUSE_ENTRY,
        threshold=0.8,
    )
    with transaction.atomic():
        revision = revision_next()
        WatchlistEntry.objects.bulk_create(_db_rows(watchlist, size, revision), batch_size=5000)


def _db_rows(watchlist: Any, size: int, revision: int) -> list[Any]:
    from hudud.watchlists import records
    from hudud.watchlists.models import WatchlistEntry

    rows = []
    for entry in _filler(size, seed=11):
        names = [{"name": entry.names[0], "script": "latin", "kind": "primary", "quality": "good"}]
        rows.append(
            WatchlistEntry(
                watchlist=watchlist,
                source_id=entry.id,
                origin="manual",
                names=names,
                search_text=records.search_text(names),
                birth_dates=list(entry.birth_dates),
                content_hash=entry.id,
                revision=revision,
            )
        )
    return rows


def _carrier_client() -> Any:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from hudud.agencies.models import Agency, Officer
    from hudud.common.actor import Actor
    from hudud.manifests.services import carrier_register

    user = get_user_model().objects.create_user("bench-admin", password=None)
    admin = Officer.objects.create(
        user=user, agency=Agency.objects.get(code="bpc"), badge_number="BENCH-ADMIN",
        role=Officer.Role.AGENCY_ADMIN,
    )  # fmt: skip
    _, token = carrier_register(actor=Actor(admin), code="ZZ", name="Bench", username="bench-zz")
    return Client(headers={"Authorization": f"Bearer {token}"})


def api_child(manifests: int, db_entries: int) -> dict[str, Any]:
    setup_child()
    from datetime import datetime, timedelta

    from hudud.watchlists.index_cache import screening_index_cache

    _db_watchlist(db_entries)
    client = _carrier_client()
    started = time.perf_counter()
    screening_index_cache.index()
    index_s = time.perf_counter() - started
    departure = datetime(2026, 12, 1, 6, 0)  # noqa: DTZ001 - airport-local
    bodies = [
        flight_files(
            FlightPlan(
                number=f"ZZ{100 + n}",
                passengers=388 + (n * 37) % 100,
                crew=12,
                seed=n,
                departure=departure + timedelta(minutes=20 * n),
            ),
            single_file=True,
        )[0]
        for n in range(manifests + 1)
    ]
    url = "/api/v1/manifests/messages"
    warm = client.post(url, bodies[0], content_type="application/edifact")
    assert warm.status_code == 201, warm.content[:500]
    latencies, service_ms, travellers = [], [], 0
    started = time.perf_counter()
    for body in bodies[1:]:
        began = time.perf_counter()
        response = client.post(url, body, content_type="application/edifact")
        latencies.append(1000 * (time.perf_counter() - began))
        assert response.status_code == 201, response.content[:500]
        sent = response.json()
        service_ms.append(sent["processing_ms"])
        travellers += len(sent["responses"])
    total_s = time.perf_counter() - started
    return {
        "manifests": manifests,
        "travellers": travellers,
        "db_entries": db_entries,
        "index_s": index_s,
        "per_minute": 60 * manifests / total_s,
        "travellers_per_s": travellers / total_s,
        "latency_p50": percentile(latencies, 0.5),
        "latency_p95": percentile(latencies, 0.95),
        "service_p50": percentile(service_ms, 0.5),
    }


# --- report ------------------------------------------------------------------------------------


def _row(label: str, samples: list[float]) -> str:
    return f"  {label:<46} {statistics.median(samples):>8.1f} ms  (best {min(samples):.1f})"


def _report_core(r: dict[str, Any]) -> None:
    print(
        f"Parse and screen, one core: {r['travellers']} travellers ({r['bytes'] / 1000:.0f} kB) "
        f"against {r['entries']:,} entries [{r['source']}]"
    )
    print(f"  list generated in {r['corpus_s']:.1f} s, index built in {r['build_s']:.1f} s")
    print(_row("hudud parse (bytes to manifest)", r["parse_ms"]))
    print(_row("hudud screen_many (every traveller)", r["screen_ms"]))
    print(_row("parse + queries + screen (aim < 300 ms)", r["parse_and_screen_ms"]))
    print(f"  travellers with a match above threshold: {r['hits']}")
    print("  baselines, same text:")
    print(_row("hudud tokenize only", r["tokenize_ms"]))
    print(_row("pydifact Tokenizer only (no segments)", r["pydifact_tokenize_ms"]))
    print(_row("pydifact Parser (segments)", r["pydifact_parse_ms"]))


def _report_api(db: str, r: dict[str, Any]) -> None:
    print(
        f"  {db:<9} {r['per_minute']:>9.0f} {r['travellers_per_s']:>13.0f} "
        f"{r['latency_p50']:>9.0f} {r['latency_p95']:>9.0f} {r['service_p50']:>12.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000, help="watchlist size (part 1)")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--manifests", type=int, default=30, help="flights sent (part 2)")
    parser.add_argument("--db-entries", type=int, default=50_000, help="entries in the database")
    parser.add_argument("--skip-core", action="store_true")
    parser.add_argument("--skip-api", action="store_true")
    parser.add_argument("--quick", action="store_true", help="SQLite only for part 2")
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(api_child(args.manifests, args.db_entries)))
        return
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    print(f"bench/manifests.py  (load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f})")
    if not args.skip_core:
        _report_core(core_bench(args.entries, args.repeats, args.seed))
    if args.skip_api:
        return
    databases = ["sqlite"]
    if not args.quick and postgres_available():
        databases.append("postgres")
    print(
        f"Through the API, one client, {args.manifests} manifests of 400-500 travellers, "
        f"{args.db_entries:,} watchlist entries in the database"
    )
    print(f"  {'database':<9} {'per minute':>9} {'travellers/s':>13} {'p50 ms':>9} {'p95 ms':>9}"
          f" {'service p50':>12}")  # fmt: skip
    for db in databases:
        args_out = ("--manifests", str(args.manifests), "--db-entries", str(args.db_entries))
        _report_api(db, run_child(__file__, db, *args_out))
    if "postgres" not in databases and not args.quick:
        print("  (PostgreSQL not reachable on 127.0.0.1:5432: not measured)")


if __name__ == "__main__":
    main()
