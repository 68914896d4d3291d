"""The screening benchmark's corpus: watchlists of UN-listed people plus filler, and the queries.

Two lists of the same size are built, because a cross-script test needs the other script to be
absent from the entry:
- the Latin list: each UN-listed person with the Latin primary name and Latin aliases (one Good
  alias held out for the alias test), plus filler entries written in Latin;
- the Arabic list: each UN-listed person who has an Arabic-script name, with that name only,
  plus the same filler people written in Arabic script.

Cases (a query and the entry it should find, or none for an innocent), by kind:
- `cross_ar_lat`: the Arabic-script original, as the list writes it, against the Latin list;
- `cross_lat_ar`: the Latin primary name against the Arabic list;
- `alias`: a held-out Good alias against the Latin list (`subset="shared"` when it shares a name
  token with the names the entry kept; the others are mostly noms de guerre);
- `typo_yente`, `typo_latin`, `typo_arabic`: OpenSanctions' UN positives with typos and
  reshuffles, and generated variants (one edit, token order, a dropped middle name, a spelling
  habit) of Latin and Arabic names;
- `innocent_common`, `innocent_global`, `innocent_delisted`: generated travellers with common
  Iraqi names, OpenSanctions' synthetic non-listed people, and people delisted since 2018.
Everything is seeded: the same arguments give the same corpus.
"""

from __future__ import annotations

import csv
import json
import random
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from bench import screening_names as nm
from bench.screening_listed import (
    NAMES_DIR,
    Listed,
    arabic_entry,
    country_code,
    hold_out_aliases,
    latin_entry,
    listed_keys,
    listed_person,
    load_listed,
    traveller_birth_date,
)
from bench.screening_names import name_key, name_tokens
from hudud.core.screening import Entry, Query

POSITIVE_KINDS = (
    "cross_ar_lat",
    "cross_lat_ar",
    "alias",
    "typo_yente",
    "typo_latin",
    "typo_arabic",
)
INNOCENT_KINDS = ("innocent_common", "innocent_global", "innocent_delisted")
_TOKEN = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Case:
    """A query, the entry id it should find (None for an innocent) and the list to screen."""

    kind: str
    query: Query
    target: str | None
    list_name: str  # "latin", "arabic", or "both" for innocents
    subset: str = ""  # "shared" for an alias sharing a token with the kept names
    detail: str = ""  # how a variant was made (edit, order, drop, spelling, yente)


@dataclass
class Corpus:
    latin: list[Entry]
    arabic: list[Entry]
    cases: dict[str, list[Case]]
    traffic_names: list[str] = field(default_factory=list)
    notes: dict[str, int] = field(default_factory=dict)


# --- positive cases ----------------------------------------------------------------------------


def _traveller(person: Listed, name: str, qid: str, rng: random.Random) -> Query:
    nationality = person.nationalities[0] if person.nationalities else None
    birth = traveller_birth_date(person.birth_dates, rng)
    return Query(id=qid, name=name, birth_date=birth, nationality=nationality, sex=person.sex)


def cross_script_cases(people: list[Listed], rng: random.Random) -> dict[str, list[Case]]:
    ar_lat: list[Case] = []
    lat_ar: list[Case] = []
    for p in people:
        if p.arabic and p.original:
            ar_lat.append(
                Case("cross_ar_lat", _traveller(p, p.original, f"al-{p.id}", rng), p.id, "latin")
            )
            lat_ar.append(
                Case("cross_lat_ar", _traveller(p, p.latin, f"la-{p.id}", rng), p.id, "arabic")
            )
    return {"cross_ar_lat": ar_lat, "cross_lat_ar": lat_ar}


def alias_cases(people: list[Listed], held: dict[str, str], rng: random.Random) -> list[Case]:
    out: list[Case] = []
    for p in people:
        alias = held.get(p.id)
        if alias is None:
            continue
        kept = set().union(*(name_tokens(n) for n in latin_entry(p, alias).names))
        subset = "shared" if name_tokens(alias) & kept else ""
        query = _traveller(p, alias, f"alias-{p.id}", rng)
        out.append(Case("alias", query, p.id, "latin", subset=subset))
    return out


def _yente_date(value: str) -> str | None:
    parts = value.split("-")
    if not parts[0].isdigit():
        return None
    return "-".join([parts[0], *(f"{int(p):02d}" for p in parts[1:] if p.isdigit())])


def yente_cases(people: list[Listed], rng: random.Random) -> tuple[list[Case], int]:
    """OpenSanctions' treated UN positives, each mapped back to the listed person it came from.

    The fixture has no ids, so a row maps to the person whose name (or an alias) is closest by
    token-sort ratio among people born within a year of the row's date (75 or more), or among
    everyone when the row has no date (85 or more); other rows stay unmapped.
    """
    with (NAMES_DIR / "yente_positives_un_treated.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    out: list[Case] = []
    for index, row in enumerate(rows):
        birth = _yente_date(row["date_of_birth"])
        best = _owner(name_key(row["full_name"]), birth[:4] if birth else None, people)
        if best is None:
            continue
        nationality = best.nationalities[0] if best.nationalities else None
        date = traveller_birth_date((birth,), rng) if birth else None
        query = Query(f"yente-{index}", row["full_name"], date, nationality, best.sex)
        out.append(Case("typo_yente", query, best.id, "latin", detail="yente"))
    return out, len(rows) - len(out)


def _owner(key: str, year: str | None, people: list[Listed]) -> Listed | None:
    # token_sort, not token_set: a one-word alias ("Mohammad") would token-set-match anyone.
    index = _name_index(tuple(people))
    for bucket, cutoff in ((year, 75), ("?", 75)) if year else (("", 85),):
        owners, choices = index.get(bucket or "", ([], []))
        found = process.extractOne(key, choices, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff)
        if found:
            return owners[found[2]]
    return None


@lru_cache(maxsize=1)
def _name_index(people: tuple[Listed, ...]) -> dict[str, tuple[list[Listed], list[str]]]:
    """Birth year ("" for all, "?" for none given) -> (owners, name keys) of their names.

    A person sits under their listed years and the years either side: the fixture moves many
    birth dates by one year as part of its treatment.
    """
    index: dict[str, tuple[list[Listed], list[str]]] = defaultdict(lambda: ([], []))
    for person in people:
        years = {int(d[:4]) + shift for d in person.birth_dates for shift in (-1, 0, 1)}
        for bucket in {"", *(map(str, years) if years else ["?"])}:
            for name in (person.latin, *person.aliases):
                index[bucket][0].append(person)
                index[bucket][1].append(name_key(name))
    return dict(index)


def typo_cases(people: list[Listed], rng: random.Random, *, arabic: bool) -> list[Case]:
    kind, list_name = ("typo_arabic", "arabic") if arabic else ("typo_latin", "latin")
    out: list[Case] = []
    for p in people:
        source = p.arabic if arabic else p.latin
        made = nm.variant(source, rng, arabic=arabic) if source else None
        if made:
            query = _traveller(p, made[0], f"{kind}-{p.id}", rng)
            out.append(Case(kind, query, p.id, list_name, detail=made[1]))
    return out


# --- innocents ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _pools() -> tuple[list[nm.Pair], list[nm.Pair]]:
    return nm.load_token_pools(NAMES_DIR)


def common_travellers(
    n: int, rng: random.Random, keys: set[str]
) -> tuple[list[Query], set[tuple[str, str]]]:
    """Innocent travellers with common Iraqi names, half in Latin and half in Arabic script.

    Names whose key equals a listed person's name are dropped: those travellers would be true
    namesakes of a listed person, which no matcher can tell apart by name.
    """
    maker = nm.NameMaker(_pools(), common_share=1.0)
    out: list[Query] = []
    seen: set[tuple[str, str]] = set()  # (Arabic-script key, birth year) of each traveller
    while len(out) < n:
        sex = "F" if rng.random() < 0.2 else "M"
        latin, arabic = maker.render(maker.parts(rng, sex), rng, bin_style=rng.random() < 0.05)
        name = arabic if len(out) % 2 else latin
        if name_key(name) in keys:
            continue
        nationality = "IRQ" if rng.random() < 0.75 else rng.choice(nm.NATIONALITIES)
        birth = nm.birth_date(rng, 1950, 2006, year_only=0.0)
        out.append(Query(f"common-{len(out)}", name, birth, nationality, sex))
        seen.add((_arabic_key(arabic), birth[:4]))
    return out, seen


def global_innocents(n: int, rng: random.Random, keys: set[str]) -> list[Query]:
    """A seeded sample of OpenSanctions' 50,000 synthetic non-listed people."""
    with (NAMES_DIR / "yente_negatives_global.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    picked = rng.sample(rows, min(2 * n, len(rows)))
    rows = [r for r in picked if name_key(r["full_name"]) not in keys][:n]
    sex = {"male": "M", "female": "F", "other": "X"}
    return [
        Query(
            f"global-{i}",
            r["full_name"],
            r["date_of_birth"] or None,
            country_code(r["nationality"]),
            sex.get(r["gender"]),
        )
        for i, r in enumerate(rows)
    ]


def delisted_innocents(rng: random.Random, keys: set[str]) -> list[Query]:
    """People delisted since 2018, by Latin name and (where given) Arabic-script original."""
    with (NAMES_DIR / "un_delisted_2018.jsonl").open(encoding="utf-8") as handle:
        people = [listed_person(json.loads(line)) for line in handle if line.strip()]
    out: list[Query] = []
    for p in people:
        for script, name in (("lat", p.latin), ("ara", p.original)):
            if name and name_key(name) not in keys:
                out.append(_traveller(p, name, f"delisted-{script}-{p.id}", rng))
    return out


def innocent_cases(
    per_kind: int, rng: random.Random, keys: set[str]
) -> tuple[dict[str, list[Case]], set[tuple[str, str]]]:
    common, seen = common_travellers(per_kind, rng, keys)
    queries = {
        "innocent_common": common,
        "innocent_global": global_innocents(per_kind, rng, keys),
        "innocent_delisted": delisted_innocents(rng, keys),
    }
    return {kind: [Case(kind, q, None, "both") for q in qs] for kind, qs in queries.items()}, seen


# --- filler ------------------------------------------------------------------------------------


def filler_entries(
    count: int, rng: random.Random, listed: set[str], avoid: set[tuple[str, str]]
) -> tuple[list[Entry], list[Entry]]:
    """`count` made-up people as (Latin-list entries, Arabic-list entries), same ids.

    A third of name parts come from the common Iraqi names, so a large list holds many
    namesakes of ordinary travellers. A filler name equal to a listed person's name is dropped,
    and so is one equal to an innocent traveller's name with the same birth year (that would
    be the same person, not a namesake).
    """
    maker = nm.NameMaker(_pools(), common_share=0.35)
    latin_list: list[Entry] = []
    arabic_list: list[Entry] = []
    while len(latin_list) < count:
        sex = "F" if rng.random() < 0.15 else "M"
        parts = maker.parts(rng, sex)
        bin_style = rng.random() < 0.1
        latin, arabic = maker.render(parts, rng, bin_style=bin_style)
        birth = nm.birth_date(rng, 1940, 2005, year_only=0.3) if rng.random() < 0.9 else ""
        if _ascii_key(latin) in listed or (_arabic_key(arabic), birth[:4]) in avoid:
            continue
        names = [latin.upper() if rng.random() < 0.25 else latin]
        if rng.random() < 0.15:
            names.append(maker.render(parts, rng, bin_style=bin_style)[0])
        dates = (birth,) if birth else ()
        nationality = (rng.choice(nm.NATIONALITIES),)
        entry_id = f"F{len(latin_list):07d}"
        unique = tuple(dict.fromkeys(names))
        latin_list.append(Entry(entry_id, unique, dates, nationality, sex, list_id="filler"))
        arabic_list.append(Entry(entry_id, (arabic,), dates, nationality, sex, list_id="filler"))
    return latin_list, arabic_list


def _ascii_key(name: str) -> str:
    # name_key without anyascii (filler Latin is ASCII already): a million calls stay cheap.
    return " ".join(sorted(_TOKEN.findall(name.lower())))


def _arabic_key(name: str) -> str:
    return " ".join(sorted(name.split()))


# --- the whole corpus --------------------------------------------------------------------------


def build_corpus(
    size: int, *, per_kind: int = 300, seed: int = 2026, traffic: int = 20_000
) -> Corpus:
    """Both lists at `size` entries each, and up to `per_kind` cases of every kind.

    >>> corpus = build_corpus(2_000, per_kind=5)
    >>> len(corpus.latin), len(corpus.arabic), len(corpus.cases["cross_ar_lat"])
    (2000, 2000, 5)
    """
    people = load_listed()
    keys = listed_keys(people)
    held = hold_out_aliases(people, random.Random(seed + 1))
    latin_un = [latin_entry(p, held.get(p.id)) for p in people]
    arabic_un = [arabic_entry(p) for p in people if p.arabic]
    cases = cross_script_cases(people, random.Random(seed + 2))
    cases["alias"] = alias_cases(people, held, random.Random(seed + 3))
    cases["typo_yente"], unmapped = yente_cases(people, random.Random(seed + 4))
    cases["typo_latin"] = typo_cases(people, random.Random(seed + 5), arabic=False)
    cases["typo_arabic"] = typo_cases(people, random.Random(seed + 6), arabic=True)
    innocents, seen = innocent_cases(per_kind, random.Random(seed + 7), keys)
    cases.update(innocents)
    picker = random.Random(seed + 8)
    sampled = {
        kind: _sample(cases[kind], per_kind, picker) for kind in (*POSITIVE_KINDS, *INNOCENT_KINDS)
    }
    listed = keys | {_arabic_key(n) for p in people for n in (p.arabic, p.original) if n}
    filler_latin, filler_arabic = filler_entries(
        max(0, size - len(arabic_un)), random.Random(seed + 9), listed, seen
    )
    return Corpus(
        latin=latin_un + filler_latin[: max(0, size - len(latin_un))],
        arabic=arabic_un + filler_arabic,
        cases=sampled,
        traffic_names=traffic_names(traffic, random.Random(seed + 10)),
        notes={
            "listed": len(people),
            "arabic_listed": len(arabic_un),
            "held_out_aliases": len(held),
            "yente_unmapped": unmapped,
        },
    )


def _sample(cases: list[Case], n: int, rng: random.Random) -> list[Case]:
    return cases if len(cases) <= n else rng.sample(cases, n)


def traffic_names(n: int, rng: random.Random) -> list[str]:
    """Names of ordinary traffic (not the innocents screened), for engines that learn rarity."""
    maker = nm.NameMaker(_pools(), common_share=0.7)
    out: list[str] = []
    for index in range(n):
        latin, arabic = maker.render(maker.parts(rng, "M"), rng, bin_style=False)
        out.append(arabic if index % 2 else latin)
    return out
