"""The primary line's round trip in a real browser: Enter after the MRZ to the rendered card.

Against a scratch SQLite database under var/bench/ holding the demo data at 100,000 travellers
(`hudud demo load --travellers 100000`, loaded once and reused), a development server
(`hudud serve`) and Debian's Chromium driven by Playwright:

- `ui`: from the keydown of the Enter that ends the zone to the first animation frame after
  htmx has swapped the card in (measured in the page with performance.now()): the request
  (CSRF, session), the check, the card's template, the swap and the layout;
- baseline `api`: the JSON check (`POST /api/v1/crossings/check`, the same MRZs, the same
  server, a bearer token) timed from Python: the same check without the browser or the card.

The difference of the medians is what the screen adds to the check. Travellers are drawn from
the database (known travellers with a history, as at a real lane) and checked at Zurbatiya.

    .venv/bin/python bench/ui_roundtrip.py [--travellers 100000] [--scans 200]
        [--db var/bench/ui-100k.sqlite3] [--json out.json]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import shutil
import socket
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._env import ROOT, percentile

POINT = "zurbatiya"
WARMUP = 10
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Installed in the page: the time from the zone's final Enter to the frame after the swap.
INSTRUMENT = """() => {
  window.__rt = [];
  window.__settled = 0;
  const scan = document.getElementById("id_mrz");
  scan.addEventListener("keydown", (e) => {
    if (e.key === "Enter") window.__t0 = performance.now();
  }, true);
  document.body.addEventListener("htmx:afterSwap", (e) => {
    if (e.detail.elt.id !== "card" || !document.getElementById("check-card")) return;
    requestAnimationFrame(() => window.__rt.push(performance.now() - window.__t0));
  });
  // The card moves the focus to its suggested action when it settles: the next scan waits
  // for that, or its keys would land on the card.
  document.body.addEventListener("htmx:afterSettle", () => { window.__settled += 1; });
}"""


def _env(db: Path) -> dict[str, str]:
    return dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{db}",
        DJANGO_SETTINGS_MODULE="hudud.config.settings",
        HUDUD_LOG_LEVEL="ERROR",
        HUDUD_DEBUG="true",
    )


def _hudud(db: Path, *args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ROOT / ".venv/bin/hudud"), *args],
        env=_env(db),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        **kwargs,
    )


def ensure_database(db: Path, travellers: int) -> float:
    """Migrate and load the demo once; later runs reuse the file. Returns the load seconds."""
    db.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    _hudud(db, "migrate")
    _hudud(db, "demo", "load", "--travellers", str(travellers))
    return time.perf_counter() - start


def prepare(db: Path, scans: int) -> dict[str, Any]:
    """In this process: the sample of zones, a session and a token for the demo officer."""
    os.environ.update(_env(db))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from hudud.agencies.models import Officer
    from hudud.agencies.tokens import token_issue
    from hudud.border.models import Traveller

    user = get_user_model().objects.get(username="primary.zurbatiya")
    client = Client()
    client.force_login(user)
    _, token = token_issue(officer=Officer.objects.get(user=user), name="bench-ui")
    return {
        "zones": _sample(scans + WARMUP),
        "session": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "token": token,
        "travellers": Traveller.objects.count(),
    }


def _sample(count: int) -> list[str]:
    from hudud.border.models import TravelDocument
    from hudud.core import mrz

    rng = random.Random(11)
    documents = TravelDocument.objects.filter(
        kind="P", traveller__birth_date__isnull=False, expiry_date__isnull=False
    )
    ids = list(documents.values_list("pk", flat=True))
    chosen = documents.select_related("traveller").filter(pk__in=rng.sample(ids, count))
    return [
        mrz.generate_td3(
            document_code=d.document_code or "P",
            issuing_state=d.issuing_state,
            surname=d.traveller.surname,
            given_names=d.traveller.given_names,
            document_number=d.number,
            nationality=d.nationality,
            birth_date=d.traveller.birth_date,
            sex=d.traveller.sex,
            expiry_date=d.expiry_date,
        )
        for d in chosen
    ]


def _free_port() -> int:
    with closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/hudud"), "serve", "--port", str(port)],
        env=_env(db),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with closing(socket.create_connection(("127.0.0.1", port), timeout=1)):
                return server, port
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise RuntimeError("the development server did not start")


def measure_api(port: int, token: str, zones: list[str]) -> list[float]:
    """The JSON check's round trip from Python (new connection per request, as a lane client
    without keep-alive would)."""
    samples = []
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    for i, zone in enumerate(zones):
        body = json.dumps({"mrz": zone, "crossing_point": POINT, "direction": "entry"})
        start = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("POST", "/api/v1/crossings/check", body, headers)
        response = connection.getresponse()
        response.read()
        connection.close()
        if response.status != 200:
            raise RuntimeError(f"check API answered {response.status}")
        if i >= WARMUP:
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def measure_ui(port: int, prepared: dict[str, Any], zones: list[str]) -> list[float]:
    from playwright.sync_api import sync_playwright

    base = f"http://127.0.0.1:{port}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        context.add_cookies(
            [{"name": prepared["session_cookie"], "value": prepared["session"], "url": base}]
        )
        page = context.new_page()
        page.goto(f"{base}/line/?point={POINT}&direction=entry")
        page.evaluate(INSTRUMENT)
        for i, zone in enumerate(zones):
            page.fill("#id_mrz", zone)  # the reader's lines, all but the final Enter
            page.focus("#id_mrz")
            page.keyboard.press("End")
            page.keyboard.press("Enter")
            _wait_for_card(page, i + 1)
        samples: list[float] = page.evaluate("window.__rt")
        browser.close()
    return samples[WARMUP:]


def _wait_for_card(page: Any, count: int) -> None:
    """Poll from outside the page (the page's CSP forbids the eval wait_for_function needs);
    the timing itself is taken inside the page, so polling adds nothing to it."""
    deadline = time.monotonic() + 30
    while page.evaluate("() => Math.min(window.__rt.length, window.__settled)") < count:
        if time.monotonic() > deadline:
            raise RuntimeError("no card within 30 s")
        time.sleep(0.005)


def summary(samples: list[float]) -> dict[str, float]:
    return {
        "n": len(samples),
        "p50": round(percentile(samples, 0.50), 1),
        "p90": round(percentile(samples, 0.90), 1),
        "p99": round(percentile(samples, 0.99), 1),
        "max": round(max(samples), 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--travellers", type=int, default=100_000)
    parser.add_argument("--scans", type=int, default=200)
    parser.add_argument("--db", type=Path, default=ROOT / "var" / "bench" / "ui-100k.sqlite3")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"ui_roundtrip: Chromium not found at {CHROMIUM}", file=sys.stderr)
        return 2
    load_seconds = 0.0
    if not args.db.exists():
        print(f"loading {args.travellers} travellers into {args.db} ...", file=sys.stderr)
        load_seconds = ensure_database(args.db, args.travellers)
    prepared = prepare(args.db, args.scans)
    server, port = start_server(args.db)
    try:
        api = measure_api(port, prepared["token"], prepared["zones"])
        ui = measure_ui(port, prepared, prepared["zones"])
    finally:
        server.terminate()
        server.wait(timeout=10)
    report = {
        "travellers": prepared["travellers"],
        "database": "sqlite",
        "load_seconds": round(load_seconds, 1),
        "machine": f"{platform.machine()}, {os.cpu_count()} cpus, load {os.getloadavg()[0]:.2f}",
        "api": summary(api),
        "ui": summary(ui),
    }
    report["ui_minus_api_p50_ms"] = round(report["ui"]["p50"] - report["api"]["p50"], 1)
    _print(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return 0


def _print(report: dict[str, Any]) -> None:
    print(f"primary-line round trip, {report['travellers']:,} travellers ({report['database']})")
    print(f"machine: {report['machine']}")
    print(f"{'':22}{'n':>6}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for name, label in (("api", "baseline: JSON check"), ("ui", "browser: Enter→card")):
        row = report[name]
        print(
            f"{label:22}{row['n']:>6}{row['p50']:>9}{row['p90']:>9}{row['p99']:>9}{row['max']:>9}"
        )
    print(f"the screen adds {report['ui_minus_api_p50_ms']} ms at the median")


if __name__ == "__main__":
    raise SystemExit(main())
