"""Recording crossings through the service layer, single process, on SQLite and PostgreSQL.

Each crossing goes through `hudud.border.services.crossing_record`: access check, traveller
identification (find or create by document), the insert, the current-stay refresh and the
audit event, in one transaction. The baseline, measured in the same run and database, is a
bare ORM insert of a Crossing row (no identification, stay or audit): the difference is what
the backbone's guarantees cost.

    .venv/bin/python bench/crossings_record.py [--n 2000]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._env import postgres_available, run_child, setup_child

SURNAMES = ["KARIMI", "HOSSEINI", "AHMADI", "MOUSAVI", "RAHIMI", "JAFARI", "SADEGHI", "HASHEMI"]
GIVEN = ["REZA", "ALI", "ZAHRA", "FATEMEH", "MOHAMMAD", "HOSSEIN", "MARYAM", "MAHDI"]


def _passports(n: int, seed: int) -> list[str]:
    from hudud.core import mrz

    rng = random.Random(seed)
    return [
        mrz.generate_td3(
            issuing_state="IRN",
            nationality="IRN",
            surname=rng.choice(SURNAMES),
            given_names=rng.choice(GIVEN),
            document_number=f"K{i:08d}",
            birth_date=date(1950, 1, 1) + timedelta(days=rng.randrange(20000)),
            sex=rng.choice("MF"),
            expiry_date=date(2030, 1, 1),
        )
        for i in range(n)
    ]


def _officer():  # type: ignore[no-untyped-def]
    from django.contrib.auth import get_user_model

    from hudud.agencies.models import Agency, Officer
    from hudud.border.models import CrossingPoint, Posting

    user = get_user_model().objects.create_user("bench", password=None)
    officer = Officer.objects.create(
        user=user, agency=Agency.objects.get(code="bpc"), badge_number="BENCH", role="primary"
    )
    Posting.objects.create(
        officer=officer, crossing_point=CrossingPoint.objects.get(code="zurbatiya")
    )
    return officer


def child(n: int) -> dict[str, float]:
    setup_child()
    from django.utils import timezone

    from hudud.border.documents import document_from_mrz
    from hudud.border.models import Crossing, CrossingPoint
    from hudud.border.services import CrossingRequest, crossing_record
    from hudud.common.actor import Actor

    officer = _officer()
    actor = Actor(officer=officer, source_ip="127.0.0.1")
    today = timezone.localdate()
    documents = [document_from_mrz(text, today=today) for text in _passports(n, seed=1)]
    start = time.perf_counter()
    recorded = [
        crossing_record(
            actor=actor,
            request=CrossingRequest(
                client_id=uuid.uuid4(), kind="entry", crossing_point_code="zurbatiya", document=doc
            ),
        )
        for doc in documents
    ]
    service_s = time.perf_counter() - start
    # Baseline: the same number of bare inserts reusing the travellers and documents made above.
    crossing_point = CrossingPoint.objects.get(code="zurbatiya")
    start = time.perf_counter()
    for r in recorded:
        Crossing.objects.create(
            client_id=uuid.uuid4(),
            kind="exit",
            traveller_id=r.crossing.traveller_id,
            document_id=r.crossing.document_id,
            crossing_point=crossing_point,
            officer=officer,
            occurred_at=r.crossing.occurred_at,
        )
    bare_s = time.perf_counter() - start
    return {
        "n": n,
        "service_per_s": n / service_s,
        "bare_insert_per_s": n / bare_s,
        "service_ms_each": 1000 * service_s / n,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.n)))
        return
    databases = ["sqlite"] + (["postgres"] if postgres_available() else [])
    print(f"Recording {args.n} entries through crossing_record, one process, fresh database")
    print(f"{'database':<10} {'service /s':>11} {'ms each':>8} {'baseline: bare insert /s':>25}")
    for db in databases:
        r = run_child(__file__, db, "--n", str(args.n))
        print(
            f"{db:<10} {r['service_per_s']:>11.0f} {r['service_ms_each']:>8.2f} "
            f"{r['bare_insert_per_s']:>25.0f}"
        )
    if "postgres" not in databases:
        print("(PostgreSQL not reachable on 127.0.0.1:5432: not measured)")


if __name__ == "__main__":
    main()
