"""What the audit trail's hash chain costs, on SQLite and PostgreSQL.

Appends: `audit_record` as its own transaction (lock the chain's head, hash, insert), against
the baseline of a bare insert of the same row with no chain (no head lock, no hash), measured
in the same run and database. Verify: `hudud audit verify` over everything appended (events
checked per second), the nightly job's cost. Two-factor login: an Argon2id password check
against a SHA-256 token check, the two ways an officer's request is authenticated.

    .venv/bin/python bench/audit_chain.py [--n 3000]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._env import percentile, postgres_available, run_child, setup_child


def child(n: int) -> dict[str, float]:
    setup_child()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import check_password, make_password
    from django.db import transaction
    from django.utils import timezone

    from hudud.agencies.models import Agency, Officer
    from hudud.agencies.tokens import token_authenticate, token_issue
    from hudud.audit.models import AuditEvent
    from hudud.audit.services import audit_record
    from hudud.audit.verify import audit_verify
    from hudud.common.actor import Actor

    user = get_user_model().objects.create_user("bench", password=None)
    officer = Officer.objects.create(
        user=user, agency=Agency.objects.get(code="bpc"), badge_number="BENCH", role="primary"
    )
    actor = Actor(officer=officer, source_ip="10.0.0.1")
    details = {"crossing_point": "zurbatiya", "document": "IRN K00000001", "score": 0.91}

    start = time.perf_counter()
    for i in range(n):
        with transaction.atomic():
            audit_record(
                actor=actor,
                action="traveller.lookup",
                object_type="traveller",
                object_id=f"t-{i}",
                crossing_point_code="zurbatiya",
                details=details,
            )
    chained_s = time.perf_counter() - start

    start = time.perf_counter()
    result = audit_verify()
    verify_s = time.perf_counter() - start
    assert result.ok, [f.as_text() for f in result.findings]

    hashed = make_password("a-long-bench-password")  # the project's first hasher: Argon2id
    samples = []
    for _ in range(20):
        t = time.perf_counter()
        check_password("a-long-bench-password", hashed)
        samples.append(time.perf_counter() - t)
    _, clear = token_issue(officer=officer, name="bench")
    token_samples = []
    for _ in range(200):
        t = time.perf_counter()
        token_authenticate(clear)
        token_samples.append(time.perf_counter() - t)
    # Baseline, last (the database's trigger moves the head to these rows, so the chain is
    # not verified after them): the same rows, no chain (no head lock, no hash).
    base = n + 1_000_000
    start = time.perf_counter()
    for i in range(n):
        with transaction.atomic():
            AuditEvent.objects.create(
                sequence=base + i,
                occurred_at=timezone.now(),
                actor=user,
                actor_username="bench",
                agency_code="bpc",
                action="traveller.lookup",
                object_type="traveller",
                object_id=f"b-{i}",
                crossing_point_code="zurbatiya",
                source_ip="10.0.0.1",
                details=details,
            )
    bare_s = time.perf_counter() - start

    return {
        "n": n,
        "chained_per_s": n / chained_s,
        "bare_per_s": n / bare_s,
        "verify_events": result.events,
        "verify_per_s": result.events / verify_s,
        "argon2_ms_p50": 1000 * percentile(samples, 0.5),
        "token_ms_p50": 1000 * percentile(token_samples, 0.5),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3000)
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.n)))
        return
    databases = ["sqlite"] + (["postgres"] if postgres_available() else [])
    print(f"{args.n} audited appends, each its own transaction, one process, fresh database")
    print(
        f"{'database':<10} {'chained /s':>11} {'baseline: bare insert /s':>25} "
        f"{'verify events/s':>16} {'argon2 login ms':>16} {'token check ms':>15}"
    )
    for db in databases:
        r = run_child(__file__, db, "--n", str(args.n))
        print(
            f"{db:<10} {r['chained_per_s']:>11.0f} {r['bare_per_s']:>25.0f} "
            f"{r['verify_per_s']:>16.0f} {r['argon2_ms_p50']:>16.1f} {r['token_ms_p50']:>15.2f}"
        )
    if "postgres" not in databases:
        print("(PostgreSQL not reachable on 127.0.0.1:5432: not measured)")


if __name__ == "__main__":
    main()
