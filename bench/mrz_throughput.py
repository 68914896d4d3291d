"""Throughput of MRZ checking: hudud.core.mrz against the `mrz` package from PyPI, same input.

Generates N synthetic MRZs of the five formats with `hudud.core.mrz.generate` (a share of them
with one character altered, so that both implementations have something to reject), then times
`parse_many` (default and strict readings) and `mrz`'s code checkers over the same list.

    .venv/bin/python bench/mrz_throughput.py --n 20000

`mrz` is GPL-3.0: it is imported here, as a baseline to measure against, and never by hudud.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from datetime import date, timedelta

from hudud.core.mrz import generate, parse_many

FORMATS = ("TD1", "TD2", "TD3", "MRVA", "MRVB")
STATES = ("IRQ", "IRN", "TUR", "SYR", "JOR", "KWT", "SAU", "GBR", "DEU", "PRT", "XXA")
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ALNUM = LETTERS + "0123456789"
TODAY = date(2026, 11, 22)


def synthetic_mrzs(n: int, corrupt_share: float, seed: int) -> list[tuple[str, str]]:
    """(format, MRZ text) pairs, formats in rotation, some with one character altered."""
    rng = random.Random(seed)
    out = []
    for index in range(n):
        mrz_format = FORMATS[index % len(FORMATS)]
        text = generate(mrz_format, **_fields(rng, mrz_format))
        if rng.random() < corrupt_share:
            text = _alter_one_character(rng, text)
        out.append((mrz_format, text))
    return out


def _fields(rng: random.Random, mrz_format: str) -> dict[str, object]:
    def word() -> str:
        return "".join(rng.choices(LETTERS, k=rng.randint(2, 9)))

    # TD1/TD2 occasionally carry an extended (10-12 character) document number.
    extended = mrz_format in ("TD1", "TD2") and rng.random() < 0.1
    number_length = rng.randint(10, 12) if extended else rng.randint(7, 9)
    return {
        "issuing_state": rng.choice(STATES),
        "nationality": rng.choice(STATES),
        "surname": f"{word()} {word()}" if rng.random() < 0.3 else word(),
        "given_names": " ".join(word() for _ in range(rng.randint(1, 2))),
        "document_number": "".join(rng.choices(ALNUM, k=number_length)),
        "birth_date": date(1930, 1, 1) + timedelta(days=rng.randrange(25_000)),
        "expiry_date": TODAY + timedelta(days=rng.randrange(-3_000, 3_650)),
        "sex": rng.choice("MF"),
    }


def _alter_one_character(rng: random.Random, text: str) -> str:
    positions = [i for i, char in enumerate(text) if char != "\n"]
    position = rng.choice(positions)
    replacement = rng.choice([c for c in ALNUM + "<" if c != text[position]])
    return text[:position] + replacement + text[position + 1 :]


def time_hudud(items: list[tuple[str, str]], *, ocr_correct: bool) -> tuple[float, int]:
    texts = [text for _, text in items]
    start = time.perf_counter()
    results = parse_many(texts, today=TODAY, ocr_correct=ocr_correct)
    elapsed = time.perf_counter() - start
    return elapsed, sum(result.valid for result in results)


def time_pypi_mrz(items: list[tuple[str, str]]) -> tuple[float, int]:
    from mrz.checker.mrva import MRVACodeChecker
    from mrz.checker.mrvb import MRVBCodeChecker
    from mrz.checker.td1 import TD1CodeChecker
    from mrz.checker.td2 import TD2CodeChecker
    from mrz.checker.td3 import TD3CodeChecker

    checkers: dict[str, Callable[[str], object]] = {
        "TD1": TD1CodeChecker,
        "TD2": TD2CodeChecker,
        "TD3": TD3CodeChecker,
        "MRVA": MRVACodeChecker,
        "MRVB": MRVBCodeChecker,
    }
    valid = 0
    start = time.perf_counter()
    for mrz_format, text in items:
        try:
            ok = bool(checkers[mrz_format](text))
        except Exception:  # it raises on some malformed input: that counts as "not valid"
            ok = False
        valid += ok
    return time.perf_counter() - start, valid


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=20_000, help="number of MRZs (default 20000)")
    parser.add_argument(
        "--corrupt", type=float, default=0.05, help="share with one character altered (0.05)"
    )
    parser.add_argument("--seed", type=int, default=9303)
    args = parser.parse_args()
    items = synthetic_mrzs(args.n, args.corrupt, args.seed)
    rows = [
        ("hudud.core.mrz parse_many", *time_hudud(items, ocr_correct=True)),
        ("hudud.core.mrz parse_many --strict", *time_hudud(items, ocr_correct=False)),
        ("mrz 0.6.2 (PyPI) code checkers", *time_pypi_mrz(items)),
    ]
    formats = ", ".join(FORMATS)
    print(f"{args.n} MRZs ({formats} in rotation), {args.corrupt:.0%} with one character altered")
    print(f"{'implementation':<36} {'MRZs/s':>10} {'µs/MRZ':>8} {'valid':>7}")
    for name, seconds, valid in rows:
        rate = args.n / seconds
        print(f"{name:<36} {rate:>10,.0f} {1e6 / rate:>8.1f} {valid:>7}")


if __name__ == "__main__":
    main()
