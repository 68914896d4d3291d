"""Codes for issuing states and nationalities: ISO 3166-1 alpha-3 plus ICAO's own codes.

ICAO Doc 9303 Part 3 adds codes that are not countries: D for Germany, XXA-XXX for stateless
persons and refugees, UNO/UNA/UNK for United Nations documents, EUE for the European Union,
GBD...GBS for the classes of British nationality, RKS for Kosovo, and UTO for the fictional
Utopia of its specimens. The list lives in `data/icao_codes.tsv` and is loaded once, at import.
"""

from __future__ import annotations

from importlib import resources


def _load() -> dict[str, str]:
    text = (
        resources.files(__package__ or __name__).joinpath("data/icao_codes.tsv").read_text("utf-8")
    )
    codes: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, _, name = line.partition("\t")
            codes[code] = name
    return codes


_NAMES = _load()


def is_known(code: str) -> bool:
    """Whether `code` (fillers already stripped) is an ICAO state or special code.

    >>> is_known("IRQ"), is_known("D"), is_known("ZZZ")
    (True, True, False)
    """
    return code in _NAMES


def name_of(code: str) -> str | None:
    """English name for `code`, or None if unknown.

    >>> name_of("IRQ")
    'Iraq'
    """
    return _NAMES.get(code)
