"""Cashiers at one crossing point issuing at the same moment never share a number and leave
no gap, and a request delivered twice at once issues one receipt: threads on PostgreSQL
(row locks), processes on one SQLite file (IMMEDIATE transactions)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections

from conftest import make_officer
from hudud.audit.verify import audit_verify
from hudud.common.actor import Actor
from hudud.revenue import services
from hudud.revenue.models import Receipt
from hudud.revenue.tests.helpers import request


def _run_threads(work, count: int) -> list[BaseException]:
    errors: list[BaseException] = []

    def run(n: int) -> None:
        try:
            work(n)
        except BaseException as error:  # reported by the main thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_cashiers_take_every_number_once_on_postgresql():
    cashiers = [
        make_officer(f"cashier.{n}", "revenue", "customs", ("umm-qasr-north",)) for n in range(6)
    ]
    same = uuid.uuid4()

    def work(n: int) -> None:
        actor = Actor(cashiers[n])
        for _ in range(5):
            services.receipt_issue(actor=actor, request=request())
        if n == 0:
            services.receipt_issue(actor=actor, request=request(client_id=same))

    assert _run_threads(work, 6) == []
    sequences = sorted(Receipt.objects.values_list("sequence", flat=True))
    assert sequences == list(range(1, 32))
    assert audit_verify().ok


@pytest.mark.postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_request_delivered_four_times_at_once_issues_one_receipt_on_postgresql():
    cashier = make_officer("cashier", "revenue", "customs", ("umm-qasr-north",))
    one = request()
    answers: list[services.IssuedReceipt] = []

    def work(n: int) -> None:
        answers.append(services.receipt_issue(actor=Actor(cashier), request=one))

    assert _run_threads(work, 4) == []
    assert Receipt.objects.count() == 1
    assert {a.receipt.pk for a in answers} == {Receipt.objects.get().pk}
    assert sorted(a.replayed for a in answers) == [False, True, True, True]


SETUP = """
from hudud.commands._django import setup_django
setup_django()
from conftest import make_officer
for n in range(4):
    make_officer(f"cashier.{n}", "revenue", "customs", ("umm-qasr-north",))
"""

CASHIER = """
import sys
from hudud.commands._django import setup_django
setup_django()
from hudud.agencies.models import Officer
from hudud.common.actor import Actor
from hudud.revenue import services
from hudud.revenue.tests.helpers import request
actor = Actor(Officer.objects.get(badge_number=f"B-cashier.{sys.argv[1]}"))
for _ in range(10):
    services.receipt_issue(actor=actor, request=request())
"""


def test_concurrent_cashier_processes_leave_no_gap_on_sqlite(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["HUDUD_VAR_DIR"] = str(tmp_path)
    env["PYTHONPATH"] = str(Path(settings.BASE_DIR))
    hudud = Path(sys.executable).with_name("hudud")
    subprocess.run([str(hudud), "migrate"], env=env, check=True, capture_output=True)
    subprocess.run([sys.executable, "-c", SETUP], env=env, check=True, cwd=settings.BASE_DIR)
    cashiers = [
        subprocess.Popen([sys.executable, "-c", CASHIER, str(n)], env=env, cwd=settings.BASE_DIR)
        for n in range(4)
    ]
    assert [c.wait(timeout=120) for c in cashiers] == [0, 0, 0, 0]
    check = """
from hudud.commands._django import setup_django
setup_django()
from hudud.revenue.models import Receipt
print(sorted(Receipt.objects.values_list("sequence", flat=True)))
"""
    done = subprocess.run(
        [sys.executable, "-c", check], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == str(list(range(1, 41)))
    verified = subprocess.run(
        [str(hudud), "audit", "verify"], env=env, capture_output=True, text=True, check=False
    )
    assert verified.returncode == 0, verified.stdout + verified.stderr
