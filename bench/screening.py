"""Watchlist screening measured side by side: hudud against rapidfuzz brute force and nomenklatura.

For each list size and engine, in a child process of its own (so that memory is the engine's):
builds the Latin and the Arabic list of `bench/screening_corpus.py`, then reports
- recall@1, recall@10 and "found above the operating threshold" for (a) Arabic originals against
  the Latin list, (b) Latin names against the Arabic list, (c) held-out aliases (and the subset
  sharing a token with the kept names), (d) typo and reorder variants;
- the false-hit rate on innocents (common Iraqi names, OpenSanctions' synthetic people, people
  delisted since 2018): the share screened against both lists that raise any hit;
- p50/p99 latency of one screening call (an innocent against one list, single thread), the
  Latin list's build seconds, and the resident memory the index holds after building it.

    .venv/bin/python bench/screening.py [--entries 100000 1000000] [--queries 300]
        [--engines hudud,bruteforce,nomenklatura] [--slow-queries 100] [--quick] [--json out.json]

Brute force scans every name per query (0.5-1 s at 1M), so it gets `--slow-queries` cases per
kind (a quarter of that above 200k entries); the table states each row's sample size.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import pickle
import platform
import shlex
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._env import percentile
from bench.screening_baselines import Engine, engines
from bench.screening_corpus import INNOCENT_KINDS, POSITIVE_KINDS, Case, Corpus, build_corpus

SLOW_ENGINES = {"bruteforce"}
GROUPS = {  # table column -> kinds pooled into it
    "a. Arabic→Latin list": ("cross_ar_lat",),
    "b. Latin→Arabic list": ("cross_lat_ar",),
    "c. held-out alias": ("alias",),
    "c'. alias sharing a token": ("alias:shared",),
    "d. typo/reorder": ("typo_yente", "typo_latin", "typo_arabic"),
}


# --- metrics -----------------------------------------------------------------------------------


def rank_of(target: str, results: list[tuple[str, float]]) -> int | None:
    """1-based rank of the target among the results, or None when absent."""
    for rank, (entry_id, _) in enumerate(results, start=1):
        if entry_id == target:
            return rank
    return None


def recall_at(ranks: list[int | None], k: int) -> float:
    """Share of queries whose target ranked k-th or better (0.0 for no queries)."""
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks) if ranks else 0.0


def share(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0


# --- memory ------------------------------------------------------------------------------------


def rss_bytes() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def reset_peak() -> None:
    # Writing 5 to clear_refs resets VmHWM (Linux >= 4.0), so the peak is the build's own.
    with open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")


def peak_bytes() -> int:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


# --- the child: one engine at one size ---------------------------------------------------------


def _cases_for(engine: Engine, cases: list[Case], size: int, slow: int) -> list[Case]:
    if engine.name not in SLOW_ENGINES:
        return cases
    return cases[: slow if size <= 200_000 else max(5, slow // 4)]


def _build(engine: Engine, entries: list[Any]) -> tuple[Any, dict[str, float]]:
    gc.collect()
    before = rss_bytes()
    reset_peak()
    start = time.perf_counter()
    handle = engine.build(entries)
    seconds = time.perf_counter() - start
    gc.collect()
    held, peak = rss_bytes() - before, peak_bytes() - before
    return handle, {"build_s": seconds, "held_mb": held / 2**20, "peak_mb": peak / 2**20}


def run_positive(engine: Engine, handles: dict[str, Any], case: Case) -> dict[str, Any]:
    handle = handles[case.list_name]
    top = engine.search(handle, case.query, 10)
    found = case.target in engine.hit(handle, case.query)
    kind = f"{case.kind}:{case.subset}" if case.subset else case.kind
    return {
        "kind": kind,
        "detail": case.detail,
        "rank": rank_of(case.target or "", top),
        "found": found,
    }


def run_innocent(engine: Engine, handles: dict[str, Any], case: Case) -> dict[str, Any]:
    hits: list[str] = []
    timings: list[float] = []
    for list_name in ("latin", "arabic"):
        start = time.perf_counter()
        hits.extend(engine.hit(handles[list_name], case.query))
        timings.append(time.perf_counter() - start)
    listed = any(h.startswith("UN-") for h in hits)
    return {"kind": case.kind, "hit": bool(hits), "hit_listed": listed, "timings": timings}


def child(engine_name: str, corpus_path: Path, slow: int) -> dict[str, Any]:
    with corpus_path.open("rb") as handle:
        corpus: Corpus = pickle.load(handle)  # noqa: S301 (our own file, written by the parent)
    size = len(corpus.latin)
    made, notes = engines([engine_name], corpus.traffic_names)
    if not made:
        return {"engine": engine_name, "size": size, "skipped": notes[0]}
    engine = made[0]
    handles = {}
    handles["latin"], cost = _build(engine, corpus.latin)
    handles["arabic"], _ = _build(engine, corpus.arabic)
    positives = [
        run_positive(engine, handles, case)
        for kind in POSITIVE_KINDS
        for case in _cases_for(engine, corpus.cases[kind], size, slow)
    ]
    innocents = [
        run_innocent(engine, handles, case)
        for kind in INNOCENT_KINDS
        for case in _cases_for(engine, corpus.cases[kind], size, slow)
    ]
    timings = [t * 1000 for r in innocents for t in r.pop("timings")]
    return {
        "engine": engine.name,
        "threshold": engine.threshold,
        "size": size,
        "entries": [len(corpus.latin), len(corpus.arabic)],
        "notes": corpus.notes,
        **cost,
        "p50_ms": percentile(timings, 0.50),
        "p99_ms": percentile(timings, 0.99),
        "calls": len(timings),
        "positives": positives,
        "innocents": innocents,
    }


# --- the parent: run children, print tables ----------------------------------------------------


def run_child(engine: str, size: int, corpus: Path, args: argparse.Namespace) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", engine, "--corpus", str(corpus)]
    command += ["--slow-queries", str(args.slow_queries)]
    out = subprocess.run(command, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        return {"engine": engine, "size": size, "skipped": f"failed: {out.stderr.strip()[-400:]}"}
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _cell(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "–"
    ranks = [r["rank"] for r in rows]
    found = share([r["found"] for r in rows])
    return f"{recall_at(ranks, 1):.2f} / {recall_at(ranks, 10):.2f} / {found:.2f}"


def positives_by_group(result: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in result["positives"]:
        by_kind[row["kind"]].append(row)
        if row["kind"].endswith(":shared"):
            by_kind[row["kind"].split(":")[0]].append(row)
    return {group: [r for k in kinds for r in by_kind[k]] for group, kinds in GROUPS.items()}


def recall_table(results: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| entries | engine (operating threshold) | n/kind | " + " | ".join(GROUPS) + " |",
        "|---:|---|---:|" + "---|" * len(GROUPS),
    ]
    for r in results:
        if "skipped" in r:
            continue
        groups = positives_by_group(r)
        n = len(groups["a. Arabic→Latin list"])
        cells = " | ".join(_cell(groups[g]) for g in GROUPS)
        lines.append(f"| {r['size']:,} | {r['engine']} ({r['threshold']}) | {n} | {cells} |")
    return lines


def cost_table(results: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| entries | engine | false hits: common names | synthetic global | delisted"
        " | all innocents | of which on a UN entry | p50 ms | p99 ms | build s (Latin list)"
        " | index RSS MB held / peak |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        if "skipped" in r:
            lines.append(f"| {r['size']:,} | {r['engine']} | {r['skipped']} |||||||||")
            continue
        rates = [_rate(r, kind) for kind in INNOCENT_KINDS]
        everyone = r["innocents"]
        listed = share([i["hit_listed"] for i in everyone])
        lines.append(
            f"| {r['size']:,} | {r['engine']} | {' | '.join(rates)} | {_rate(r, None)}"
            f" | {listed:.3f} | {r['p50_ms']:.1f} | {r['p99_ms']:.1f} | {r['build_s']:.1f}"
            f" | {r['held_mb']:.0f} / {r['peak_mb']:.0f} |"
        )
    return lines


def _rate(result: dict[str, Any], kind: str | None) -> str:
    rows = [i for i in result["innocents"] if kind is None or i["kind"] == kind]
    return f"{share([i['hit'] for i in rows]):.3f} (n={len(rows)})"


def variant_table(results: list[dict[str, Any]]) -> list[str]:
    details = ("yente", "edit", "order", "drop", "spelling")
    lines = [
        "| entries | engine | " + " | ".join(f"d. {d} R@10 (n)" for d in details) + " |",
        "|---:|---|" + "---:|" * len(details),
    ]
    for r in results:
        if "skipped" in r:
            continue
        typo = [p for p in r["positives"] if p["kind"].startswith("typo_")]
        cells = []
        for detail in details:
            rows = [p for p in typo if p["detail"] == detail]
            cells.append(f"{recall_at([p['rank'] for p in rows], 10):.2f} ({len(rows)})")
        lines.append(f"| {r['size']:,} | {r['engine']} | {' | '.join(cells)} |")
    return lines


def report(results: list[dict[str, Any]], command: str) -> str:
    done = [r for r in results if "skipped" not in r]
    notes = done[0]["notes"] if done else {}
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    machine = (
        f"{platform.python_implementation()} {platform.python_version()},"
        f" {os.cpu_count()} CPUs, load average at the end {load}"
    )
    return "\n".join(
        [
            f"`{command}` ({machine}; seed-fixed corpus: {notes})",
            "",
            "Recall: each cell is recall@1 / recall@10 / share found at or above the operating"
            " threshold.",
            "",
            *recall_table(results),
            "",
            "Innocents (false-hit rate: share of travellers with any hit on either list), latency"
            " of one call (an innocent against one list, one thread), build and memory"
            " (RSS delta of the child process; peak during the build):",
            "",
            *cost_table(results),
            "",
            "Typo/reorder variants by how they were made:",
            "",
            *variant_table(results),
        ]
    )


def _write_corpus(path: Path, size: int, args: argparse.Namespace) -> None:
    corpus = build_corpus(size, per_kind=args.queries, seed=args.seed, traffic=args.traffic)
    with path.open("wb") as handle:
        pickle.dump(corpus, handle, protocol=pickle.HIGHEST_PROTOCOL)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--entries", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--queries", type=int, default=300, help="cases per kind (300)")
    parser.add_argument("--slow-queries", type=int, default=100, help="cases per kind, brute force")
    parser.add_argument("--engines", default="hudud,bruteforce,nomenklatura")
    parser.add_argument("--quick", action="store_true", help="3,000 entries, 30 cases per kind")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--traffic", type=int, default=20_000, help="traffic names for hudud")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.quick:
        args.entries, args.queries, args.slow_queries, args.traffic = [3_000], 30, 30, 2_000
    return args


def _progress(what: str, started: float) -> None:
    print(f"# {what}: {time.perf_counter() - started:.0f} s", file=sys.stderr)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.slow_queries)))
        return
    command = "python bench/screening.py " + shlex.join(sys.argv[1:] if argv is None else argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="hudud-screening-") as tmp:
        for size in args.entries:
            corpus = Path(tmp) / f"corpus-{size}.pickle"
            started = time.perf_counter()
            _write_corpus(corpus, size, args)
            _progress(f"corpus of {size:,}", started)
            for engine in args.engines.split(","):
                started = time.perf_counter()
                results.append(run_child(engine.strip(), size, corpus, args))
                _progress(f"{engine} at {size:,}", started)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    print(report(results, command))


if __name__ == "__main__":
    main()
