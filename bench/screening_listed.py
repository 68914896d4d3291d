"""UN-listed people for the screening benchmark, cleaned once, and their two list entries.

`un_persons.jsonl` holds each person's Latin primary name, the Arabic-script original as the
list writes it (with tatweel, presentation forms and line breaks), aliases of Good or Low
quality (some with notes in brackets or Arabic script), partial birth dates, nationalities as
country names, and documents. A `Listed` keeps what the benchmark needs, with countries as
ISO alpha-3 codes; `latin_entry` and `arabic_entry` write the person into the Latin and the
Arabic list.
"""

from __future__ import annotations

import json
import os
import random
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.screening_names import DAYS, name_key
from hudud.core.screening import Document, Entry

ROOT = Path(__file__).resolve().parent.parent
NAMES_DIR = Path(os.environ.get("HUDUD_NAMES_DIR", ROOT.parent / "shared" / "names"))
_NON_LATIN = re.compile(r"[\u0370-\u1fff\u3000-\ufffc]")
_ARABIC = re.compile(r"[\u0600-\u06ff\ufb50-\ufefc]")


@dataclass(frozen=True, slots=True)
class Listed:
    """A UN-listed person, cleaned: what both lists and all positive cases are built from."""

    id: str
    latin: str
    original: str | None  # Arabic-script original as the list writes it (tatweel and all)
    arabic: str | None
    aliases: tuple[str, ...]  # Latin-script aliases, cleaned
    good_aliases: tuple[str, ...]
    birth_dates: tuple[str, ...]
    nationalities: tuple[str, ...]
    sex: str | None
    documents: tuple[Document, ...]


# --- countries ---------------------------------------------------------------------------------

_COUNTRY_EXTRA = {
    "democratic people's republic of korea": "PRK",
    "state of palestine": "PSE",
    "russian federation": "RUS",
    "turkiye": "TUR",
    "united republic of tanzania": "TZA",
    "united kingdom of great britain and northern ireland": "GBR",
    "syria": "SYR",
    "united states of america": "USA",
    "south korea": "KOR",
    "north korea": "PRK",
    "russia": "RUS",
    "iran": "IRN",
    "ivory coast": "CIV",
    "taiwan": "TWN",
    "vietnam": "VNM",
    "united states": "USA",
    "united kingdom": "GBR",
    "laos": "LAO",
    "east timor": "TLS",
    "brunei": "BRN",
    "bolivia": "BOL",
    "venezuela": "VEN",
    "tanzania": "TZA",
    "moldova": "MDA",
    "czech republic": "CZE",
    "palestine": "PSE",
    "macau": "MAC",
    "kosovo": "RKS",
    "democratic republic of the congo": "COD",
    "congo": "COG",
    "netherlands": "NLD",
    "syrian arab republic": "SYR",
    "iran (islamic republic of)": "IRN",
}


def _load_countries() -> dict[str, str]:
    table = dict(_COUNTRY_EXTRA)
    path = ROOT / "hudud" / "core" / "mrz" / "data" / "icao_codes.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, name = line.split("\t", 1)
            table.setdefault(_country_key(re.sub(r"\s*\(the\)$", "", name)), code)
    return table


def _country_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.strip().lower())
    return "".join(c for c in text if not unicodedata.combining(c))


_COUNTRIES = _load_countries()


def country_code(name: str) -> str | None:
    """ISO alpha-3 for a country name as the UN or the yente fixtures write it, else None."""
    key = _country_key(re.sub(r"\s*\(citizenship.*\)$", "", name))
    return _COUNTRIES.get(key)


# --- UN-listed people --------------------------------------------------------------------------


def _clean(text: str) -> str:
    return " ".join(text.split())


def clean_alias(alias: str) -> str | None:
    """A Latin alias without parenthetical notes or trailing remarks; None if not Latin."""
    text = re.sub(r"\([^)]*\)?", " ", alias)
    text = _clean(re.split(r",\s*(?:born|a\.k\.a|aka)\b|;", text)[0]).strip(" ,.")
    if len(re.findall(r"[A-Za-z]", text)) < 3 or _NON_LATIN.search(text):
        return None
    return text


def _dates(dob: list[dict[str, str]]) -> tuple[str, ...]:
    out: list[str] = []
    for item in dob:
        value = item["value"]
        if ".." in value:  # BETWEEN 1973..1974: every year in the range
            first, last = (int(v[:4]) for v in value.split(".."))
            out.extend(str(year) for year in range(first, min(last, first + 6) + 1))
        elif re.fullmatch(r"\d{4}(-\d{2}){0,2}", value):
            out.append(value)
    return tuple(dict.fromkeys(out))


def listed_person(raw: dict[str, Any]) -> Listed:
    """One line of `un_persons.jsonl` (or `un_delisted_2018.jsonl`), cleaned."""
    aliases = [(clean_alias(a["name"]), a["quality"]) for a in raw["aliases"]]
    original = raw["name_original_script"]
    arabic = _clean(original) if original and _ARABIC.search(original) else None
    nationalities = (country_code(n) for n in raw["nationality"])
    return Listed(
        id=raw["id"],
        latin=_clean(raw["name_latin"]),
        original=arabic,
        arabic=_clean(raw["name_arabic"]) if raw["name_arabic"] else None,
        aliases=tuple(dict.fromkeys(a for a, _ in aliases if a)),
        good_aliases=tuple(dict.fromkeys(a for a, q in aliases if a and q == "Good")),
        birth_dates=_dates(raw["dob"]),
        nationalities=tuple(dict.fromkeys(c for c in nationalities if c)),
        sex={"Male": "M", "Female": "F"}.get(raw["gender"] or ""),
        documents=tuple(
            Document(d["number"], country_code(d["country"]) if d["country"] else None)
            for d in raw["documents"]
        ),
    )


def load_listed(path: Path | None = None) -> list[Listed]:
    with (path or NAMES_DIR / "un_persons.jsonl").open(encoding="utf-8") as handle:
        return [listed_person(json.loads(line)) for line in handle if line.strip()]


def listed_keys(people: list[Listed]) -> set[str]:
    """Keys of every name of every listed person, in both scripts: what no innocent may carry."""
    keys: set[str] = set()
    for person in people:
        for name in (person.latin, person.original, person.arabic, *person.aliases):
            if name:
                keys.add(name_key(name))
    return keys


def hold_out_aliases(people: list[Listed], rng: random.Random) -> dict[str, str]:
    """Person id -> one Good alias distinct from the primary name, removed from the entry."""
    held: dict[str, str] = {}
    for person in people:
        choices = [a for a in person.good_aliases if name_key(a) != name_key(person.latin)]
        if choices:
            held[person.id] = rng.choice(choices)
    return held


def latin_entry(person: Listed, held_out: str | None) -> Entry:
    gone = name_key(held_out) if held_out else None
    names = [person.latin, *(a for a in person.aliases if name_key(a) != gone)]
    return _entry(person, tuple(dict.fromkeys(names)), "UN-latin")


def arabic_entry(person: Listed) -> Entry:
    assert person.arabic is not None
    return _entry(person, (person.arabic,), "UN-arabic")


def _entry(person: Listed, names: tuple[str, ...], list_id: str) -> Entry:
    return Entry(
        id=person.id,
        names=names,
        birth_dates=person.birth_dates,
        nationalities=person.nationalities,
        sex=person.sex,
        documents=person.documents,
        list_id=list_id,
    )


def traveller_birth_date(dates: tuple[str, ...], rng: random.Random) -> str | None:
    """The full date a traveller's passport shows, consistent with the first listed date."""
    if not dates:
        return None
    first = dates[0]
    if len(first) == 10:
        return first
    if len(first) == 7:
        return f"{first}-{rng.randint(1, 28):02d}"
    return f"{first}-{rng.choice(DAYS)}"
