"""Synthetic name material: common given and family names per group, recombined at random.

Each entry is a name in its own script (Arabic, Persian or Kurdish, where that script is the
traveller's) followed by its Latin MRZ forms, most common first: the same Arabic name reaches
the border as MOHAMMED, MUHAMMAD or MOHAMAD depending on who issued the passport. A leading
"AL-" is the Arabic article, written per traveller as "AL " (AL RUBAIE), "AL" joined
(ALRUBAIE) or "EL " (EL KHATIB), as passports do. Nobody here is a real person: given and
family names are drawn independently.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from hudud.demo import names_latin
from hudud.demo.names_data import (
    ARAB_FEMALE,
    ARAB_MALE,
    EGYPT_FAMILY,
    GULF_FAMILY,
    IRAQ_FAMILY,
    KURD_FAMILY,
    KURD_FEMALE,
    KURD_MALE,
    LEVANT_FAMILY,
    PERSIAN_FAMILY,
    PERSIAN_FEMALE,
    PERSIAN_MALE,
    SOUTH_ASIA_FAMILY,
    SOUTH_ASIA_FEMALE,
    SOUTH_ASIA_MALE,
)


@dataclass(frozen=True)
class Name:
    script: str  # in the traveller's own (Arabic-based) script; "" when Latin is theirs
    latin: tuple[str, ...]  # MRZ forms, A-Z and spaces, most common first


@dataclass(frozen=True)
class NameGroup:
    code: str
    male: tuple[Name, ...]
    female: tuple[Name, ...]
    family: tuple[Name, ...]
    # How often the father's name follows the given name (Arabic naming: MOHAMMED ALI).
    father_share: float = 0.0
    # How the article "AL-" is written, with weights.
    articles: tuple[tuple[str, float], ...] = (("AL ", 1.0),)
    # Spellings this issuer prefers when a name has several (MOHAMED in Egypt).
    preferred: frozenset[str] = frozenset()
    # Suffix a woman's family name takes (Azerbaijani MAMMADOV -> MAMMADOVA).
    feminine_suffix: str = ""
    # Whether name_ar is filled: the script is the traveller's own.
    own_script: bool = True


@dataclass(frozen=True)
class PersonName:
    surname: str
    given_names: str
    name_ar: str


def parse_names(text: str) -> tuple[Name, ...]:
    """Read `script=LATIN/LATIN; ...` (or `LATIN/LATIN; ...`) entries.

    >>> parse_names("محمد=MOHAMMED/MUHAMMAD; KAYA")[0].latin
    ('MOHAMMED', 'MUHAMMAD')
    """
    names: list[Name] = []
    for entry in text.replace("\n", ";").split(";"):
        entry = entry.strip()
        if not entry:
            continue
        script, _, latin = entry.rpartition("=")
        names.append(Name(script.strip(), tuple(v.strip() for v in latin.split("/"))))
    return tuple(names)


_ARAB_MALE = parse_names(ARAB_MALE)
_ARAB_FEMALE = parse_names(ARAB_FEMALE)
_IRAQ = "AL ", "AL", "", "EL "
_LEVANT_PREFERRED = frozenset({"MOHAMMAD", "AHMAD", "ABDELRAHMAN", "KHALED", "MAHMOUD", "SAMER"})
_EGYPT_PREFERRED = frozenset(
    {"MOHAMED", "AHMED", "MOSTAFA", "GAMAL", "ABDELRAHMAN", "ABDALLAH", "KHALED", "EMAD", "HODA"}
)

GROUPS: dict[str, NameGroup] = {
    "iraqi_arab": NameGroup(
        "iraqi_arab",
        _ARAB_MALE,
        _ARAB_FEMALE,
        parse_names(IRAQ_FAMILY),
        father_share=0.6,
        articles=tuple(zip(_IRAQ, (0.65, 0.25, 0.07, 0.03), strict=True)),
        preferred=frozenset({"MOHAMMED", "AHMED", "HUSSEIN", "ABDULLAH", "YOUSIF"}),
    ),
    "iraqi_kurd": NameGroup(
        "iraqi_kurd",
        parse_names(KURD_MALE),
        parse_names(KURD_FEMALE),
        parse_names(KURD_FAMILY),
        father_share=0.5,
    ),
    "gulf": NameGroup(
        "gulf",
        _ARAB_MALE,
        _ARAB_FEMALE,
        parse_names(GULF_FAMILY),
        father_share=0.5,
        articles=(("AL ", 0.6), ("AL", 0.4)),
    ),
    "levant": NameGroup(
        "levant",
        _ARAB_MALE,
        _ARAB_FEMALE,
        parse_names(LEVANT_FAMILY),
        father_share=0.3,
        articles=(("AL ", 0.5), ("EL ", 0.25), ("AL", 0.25)),
        preferred=_LEVANT_PREFERRED,
    ),
    "egypt": NameGroup(
        "egypt",
        _ARAB_MALE,
        _ARAB_FEMALE,
        parse_names(EGYPT_FAMILY),
        father_share=0.7,
        articles=(("EL ", 0.8), ("EL", 0.2)),
        preferred=_EGYPT_PREFERRED,
    ),
    "persian": NameGroup(
        "persian",
        parse_names(PERSIAN_MALE),
        parse_names(PERSIAN_FEMALE),
        parse_names(PERSIAN_FAMILY),
    ),
    "afghan": NameGroup(
        "afghan",
        parse_names(PERSIAN_MALE) + parse_names(names_latin.AFGHAN_MALE),
        parse_names(PERSIAN_FEMALE),
        parse_names(PERSIAN_FAMILY) + parse_names(names_latin.AFGHAN_FAMILY),
        preferred=frozenset({"MOHAMMAD", "HUSSAIN"}),
    ),
    "pakistani": NameGroup(
        "pakistani",
        parse_names(SOUTH_ASIA_MALE),
        parse_names(SOUTH_ASIA_FEMALE),
        parse_names(SOUTH_ASIA_FAMILY),
    ),
    "south_asian_latin": NameGroup(
        "south_asian_latin",
        parse_names(SOUTH_ASIA_MALE),
        parse_names(SOUTH_ASIA_FEMALE),
        parse_names(SOUTH_ASIA_FAMILY) + parse_names(names_latin.BENGALI_FAMILY),
        own_script=False,
    ),
    "indian": NameGroup(
        "indian",
        parse_names(names_latin.INDIAN_MALE),
        parse_names(names_latin.INDIAN_FEMALE),
        parse_names(names_latin.INDIAN_FAMILY),
        own_script=False,
    ),
    "turkish": NameGroup(
        "turkish",
        parse_names(names_latin.TURKISH_MALE),
        parse_names(names_latin.TURKISH_FEMALE),
        parse_names(names_latin.TURKISH_FAMILY),
        own_script=False,
    ),
    "azerbaijani": NameGroup(
        "azerbaijani",
        parse_names(names_latin.AZERI_MALE),
        parse_names(names_latin.AZERI_FEMALE),
        parse_names(names_latin.AZERI_FAMILY),
        feminine_suffix="A",
        own_script=False,
    ),
    "western": NameGroup(
        "western",
        parse_names(names_latin.WESTERN_MALE),
        parse_names(names_latin.WESTERN_FEMALE),
        parse_names(names_latin.WESTERN_FAMILY),
        own_script=False,
    ),
}

# Which name groups a nationality's travellers draw from. Western passports include the Iraqi
# diaspora, whose names (and Arabic script) are Iraqi.
_DIASPORA = (("western", 0.65), ("iraqi_arab", 0.25), ("iraqi_kurd", 0.10))
GROUPS_BY_NATIONALITY: dict[str, tuple[tuple[str, float], ...]] = {
    "IRQ": (("iraqi_arab", 0.8), ("iraqi_kurd", 0.2)),
    "IRN": (("persian", 1.0),),
    "AFG": (("afghan", 1.0),),
    "TUR": (("turkish", 1.0),),
    "AZE": (("azerbaijani", 1.0),),
    "KWT": (("gulf", 1.0),),
    "SAU": (("gulf", 1.0),),
    "BHR": (("gulf", 1.0),),
    "SYR": (("levant", 1.0),),
    "JOR": (("levant", 1.0),),
    "LBN": (("levant", 1.0),),
    "EGY": (("egypt", 1.0),),
    "PAK": (("pakistani", 1.0),),
    "IND": (("indian", 0.55), ("south_asian_latin", 0.45)),
    "BGD": (("south_asian_latin", 1.0),),
}


def group_for(rng: random.Random, nationality: str) -> NameGroup:
    choices = GROUPS_BY_NATIONALITY.get(nationality, _DIASPORA)
    codes = [code for code, _ in choices]
    return GROUPS[rng.choices(codes, weights=[w for _, w in choices])[0]]


def person_name(rng: random.Random, group: NameGroup, sex: str) -> PersonName:
    """A synthetic name: a given name, perhaps the father's, and a family name.

    >>> person_name(random.Random(1), GROUPS["turkish"], "F").name_ar
    ''
    """
    given = rng.choice(group.female if sex == "F" else group.male)
    parts = [given]
    if rng.random() < group.father_share:
        parts.append(rng.choice(group.male))
    family = rng.choice(group.family)
    article = _pick_article(rng, group)
    given_latin = " ".join(_latin(rng, group, name, article) for name in parts)
    surname = _latin(rng, group, family, article)
    if sex == "F" and group.feminine_suffix and surname.endswith("V"):
        surname += group.feminine_suffix
    name_ar = ""
    if group.own_script and all(n.script for n in (*parts, family)):
        name_ar = " ".join(n.script for n in (*parts, family))
    return PersonName(surname=surname, given_names=given_latin, name_ar=name_ar)


def _pick_article(rng: random.Random, group: NameGroup) -> str:
    styles = [style for style, _ in group.articles]
    return rng.choices(styles, weights=[w for _, w in group.articles])[0]


def _latin(rng: random.Random, group: NameGroup, name: Name, article: str) -> str:
    preferred = [v for v in name.latin if v in group.preferred]
    if preferred and rng.random() < 0.75:
        form = preferred[0]
    else:
        # Most common spelling first: weights 6, 3, 2, 1, ...
        weights = [6, 3, 2] + [1] * max(0, len(name.latin) - 3)
        form = rng.choices(name.latin, weights=weights[: len(name.latin)])[0]
    if form.startswith("AL-"):
        form = article + form[3:] if article else form[3:]
    return form.replace("-", " ")
