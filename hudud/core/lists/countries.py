"""Country names as lists write them, mapped to ISO 3166-1 alpha-3 codes.

The UN list names countries in words ("Syrian Arab Republic", "Iran (Islamic Republic of)"),
while the screening engine compares codes. The table in `data/un_countries.tsv` holds the 193
Member States' names as the UN writes them, the two observer States, names the UN used before
(Turkey, Swaziland) and a few unambiguous short forms. Anything else is not a country name we
can vouch for, so callers report it instead of guessing.
"""

from __future__ import annotations

import unicodedata
from importlib import resources

from hudud.core.mrz import states

from .text import clean


def _key(name: str) -> str:
    # Case, accents (Türkiye, Côte d'Ivoire), curly apostrophes and line breaks inside a name
    # vary between editions of the list; none of them changes which country is meant.
    decomposed = unicodedata.normalize("NFKD", clean(name).replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _load() -> tuple[dict[str, str], dict[str, str]]:
    text = (
        resources.files(__package__ or __name__)
        .joinpath("data/un_countries.tsv")
        .read_text("utf-8")
    )
    codes: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, code, kind = line.split("\t")
            codes[_key(name)] = code
            kinds[name] = kind
    return codes, kinds


_CODES, _KINDS = _load()


def country_code(name: str) -> str | None:
    """ISO alpha-3 code for a country name as the UN writes it, or None when not in the table.

    >>> country_code("Syrian Arab Republic"), country_code(" TÜRKIYE "), country_code("Tunisian")
    ('SYR', 'TUR', None)
    """
    return _CODES.get(_key(name))


def member_state_names() -> tuple[str, ...]:
    """The UN Member States' names in the table (193 of them).

    >>> "Iraq" in member_state_names()
    True
    """
    return tuple(name for name, kind in _KINDS.items() if kind == "member")


def state_code(value: str) -> str | None:
    """A state as a list may give it: an ICAO/ISO alpha-3 code, or a country name in the table.

    >>> state_code("irq"), state_code("Iraq"), state_code("Mesopotamia")
    ('IRQ', 'IRQ', None)
    """
    text = clean(value)
    code = text.upper()
    if code == "D":  # ICAO's code for Germany in passports; the engine compares ISO codes
        return "DEU"
    if len(code) == 3 and code.isascii() and code.isalpha() and states.is_known(code):
        return code
    return country_code(text)
