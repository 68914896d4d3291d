"""Name material for the screening benchmark: common Iraqi names, real token pools, variant rules.

The common names below are the everyday given and family names of Iraqi travellers, each with
its Arabic spelling and the Latin spellings seen on documents and lists. They drive the innocent
travellers on whom the false-hit rate is measured, and a share of the filler entries, so that a
large list holds many namesakes, as real national lists do. The rarer names come from the
transliteration pairs in `../shared/names/` (Arabic-origin tokens only).

The variant rules produce the spellings a second clerk or another list would write for the same
name: Mohammed/Muhammad, Abdul Rahman/Abd al-Rahman, ou/u, kh/h, q/k, dh/z, el-/al-, and for
Arabic script the hamza, ta marbuta and alef maqsura forms and the joined or split `abd`.
"""

from __future__ import annotations

import csv
import random
import re
from pathlib import Path

from anyascii import anyascii

Pair = tuple[str, tuple[str, ...]]  # Arabic spelling, Latin spellings (the first is the usual)

COMMON_GIVEN_MALE: tuple[Pair, ...] = (
    ("محمد", ("Mohammed", "Muhammad", "Mohamed", "Mohammad", "Mohamad")),
    ("أحمد", ("Ahmed", "Ahmad")),
    ("علي", ("Ali",)),
    ("حسن", ("Hassan", "Hasan")),
    ("حسين", ("Hussein", "Husain", "Hussain", "Husayn")),
    ("عمر", ("Omar", "Umar")),
    ("محمود", ("Mahmoud", "Mahmood", "Mahmud")),
    ("خالد", ("Khalid", "Khaled")),
    ("عبد الله", ("Abdullah", "Abdallah", "Abd Allah", "Abdulla")),
    ("إبراهيم", ("Ibrahim", "Ebrahim", "Ibraheem")),
    ("يوسف", ("Yousif", "Yusuf", "Youssef", "Yousef")),
    ("مصطفى", ("Mustafa", "Mostafa", "Moustafa")),
    ("عباس", ("Abbas",)),
    ("جاسم", ("Jasim", "Jassim", "Jasem")),
    ("كاظم", ("Kadhim", "Kazim", "Kadim", "Kazem")),
    ("حيدر", ("Haider", "Hayder", "Haidar")),
    ("كريم", ("Karim", "Kareem")),
    ("سعد", ("Saad", "Sa'd")),
    ("صالح", ("Salih", "Saleh")),
    ("عبد الرحمن", ("Abdul Rahman", "Abd al-Rahman", "Abdelrahman", "Abdulrahman")),
    ("عبد الكريم", ("Abdul Karim", "Abd al-Karim", "Abdelkarim")),
    ("عبد الحسين", ("Abdul Hussein", "Abd al-Husayn")),
    ("فاضل", ("Fadhil", "Fadil", "Fadel")),
    ("جعفر", ("Jafar", "Jaafar", "Ja'far")),
    ("مهدي", ("Mahdi", "Mehdi")),
    ("ياسين", ("Yasin", "Yassin", "Yaseen")),
    ("سلمان", ("Salman",)),
    ("قاسم", ("Qasim", "Qassim", "Kassem", "Kasim")),
    ("عادل", ("Adel", "Adil")),
    ("ناصر", ("Nasser", "Nasir", "Naser")),
    ("ماجد", ("Majid", "Majed")),
    ("رعد", ("Raad", "Ra'ad")),
    ("زيد", ("Zaid", "Zayd", "Zeid")),
    ("طارق", ("Tariq", "Tarek", "Tarik")),
    ("وليد", ("Walid", "Waleed")),
    ("عماد", ("Imad", "Emad")),
    ("سيف", ("Saif", "Sayf", "Seif")),
    ("نور الدين", ("Nur al-Din", "Nuruddin", "Noureddine")),
    ("مرتضى", ("Murtadha", "Murtaza", "Mortada")),
    ("عقيل", ("Aqeel", "Aqil", "Akil")),
)

COMMON_GIVEN_FEMALE: tuple[Pair, ...] = (
    ("فاطمة", ("Fatima", "Fatma", "Fatimah")),
    ("زينب", ("Zainab", "Zaynab", "Zeinab")),
    ("مريم", ("Maryam", "Mariam")),
    ("نور", ("Noor", "Nour", "Nur")),
    ("سارة", ("Sara", "Sarah")),
    ("هدى", ("Huda", "Hoda")),
    ("عائشة", ("Aisha", "Aysha", "A'isha")),
    ("رقية", ("Ruqaya", "Roqaya")),
    ("إيمان", ("Iman", "Eman")),
    ("شيماء", ("Shaima", "Shaymaa")),
)

COMMON_FAMILY: tuple[Pair, ...] = (
    ("الجبوري", ("Jubouri", "Juburi", "Jabouri")),
    ("الدليمي", ("Dulaimi", "Dulaymi", "Dleimi")),
    ("العبيدي", ("Obaidi", "Ubaydi", "Obeidi")),
    ("التميمي", ("Tamimi", "Tameemi")),
    ("الشمري", ("Shammari", "Shamari")),
    ("الزبيدي", ("Zubaidi", "Zubaydi", "Zobaidi")),
    ("التكريتي", ("Tikriti", "Takriti")),
    ("الساعدي", ("Saadi", "Sa'idi")),
    ("الربيعي", ("Rubaie", "Rubai", "Rubaiy")),
    ("الكعبي", ("Kaabi", "Ka'bi")),
    ("الموسوي", ("Musawi", "Moussawi", "Mousawi")),
    ("الحسيني", ("Husseini", "Husayni")),
    ("العزاوي", ("Azzawi", "Azawi")),
    ("الجنابي", ("Janabi",)),
    ("البياتي", ("Bayati", "Bayyati")),
    ("الخفاجي", ("Khafaji",)),
    ("الأسدي", ("Asadi", "Assadi")),
    ("المالكي", ("Maliki",)),
    ("الحمداني", ("Hamdani",)),
    ("الكبيسي", ("Kubaisi", "Kubaysi")),
    ("العاني", ("Ani", "Aani")),
    ("الراوي", ("Rawi",)),
    ("الهاشمي", ("Hashimi", "Hashemi")),
    ("السامرائي", ("Samarrai", "Samarraie")),
    ("النعيمي", ("Nuaimi", "Nuaymi", "Naimi")),
    ("الطائي", ("Tai", "Ta'i")),
    ("المشهداني", ("Mashhadani",)),
    ("العامري", ("Amiri", "Ameri")),
    ("الخزاعي", ("Khuzai", "Khazali")),
    ("الدوري", ("Douri", "Duri")),
    ("الجميلي", ("Jumaili", "Jumayli")),
    ("الزيدي", ("Zaidi", "Zeidi")),
)

_ARTICLE_FORMS = ("al-{}", "Al {}", "Al-{}", "el-{}", "Al{}")
_ARABIC_LETTERS = re.compile(r"^[\u0621-\u064A\u067E\u0686\u06A9\u06AF\u06CC]+$")
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "umm", "abd", "ben", "ould"})
_LATIN_TOKEN = re.compile(r"^[a-z][a-z']{2,14}$")


def family_latin(stem: str, rng: random.Random) -> str:
    """A family name with its article written one of the usual ways: al-Jubouri, Al Jubouri..."""
    pattern = _ARTICLE_FORMS[0] if rng.random() < 0.6 else rng.choice(_ARTICLE_FORMS)
    return pattern.format(stem.lower() if pattern == "Al{}" else stem)


def load_token_pools(names_dir: Path) -> tuple[list[Pair], list[Pair]]:
    """(given names, family names) as (Arabic, (Latin,)) from the Arabic-origin token pairs.

    Family names are the nisbas (al-... ending in -i); everything else counts as a given name.
    Mined pairs are noisy, which is acceptable for filler: they are distractors, not targets.
    """
    given: dict[str, str] = {}
    family: dict[str, str] = {}
    with (names_dir / "pairs_ar_lat.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["level"] != "token" or row["arabic_origin"] != "1":
                continue
            arabic = row["arabic"].replace("\u200e", "").replace("\u200f", "").strip()
            latin = row["latin"].strip().lower()
            if not _ARABIC_LETTERS.match(arabic) or not _LATIN_TOKEN.match(latin):
                continue
            if arabic.startswith("ال"):
                if arabic.endswith("ي") and latin.endswith(("i", "y")):
                    stem = latin[2:] if latin.startswith(("al", "el")) and len(latin) > 5 else latin
                    family.setdefault(arabic, stem.capitalize())
            elif len(arabic) >= 3:
                given.setdefault(arabic, latin.capitalize())
    return (
        [(ar, (lat,)) for ar, lat in sorted(given.items())],
        [(ar, (lat,)) for ar, lat in sorted(family.items())],
    )


# Spelling habits, one rule per line: (pattern, replacement) on a lower-cased Latin name.
LATIN_RULES: tuple[tuple[str, str], ...] = (
    (r"\bmoh?amm?[ae]d\b", "muhammad"),
    (r"\bmuhammad\b", "mohamed"),
    (r"\babdul (\w)", r"abd al-\1"),
    (r"\babd al-(\w)", r"abdul\1"),
    (r"\babd[ -]?al[ -]?(\w)", r"abdel\1"),
    (r"\babdel(\w)", r"abdul \1"),
    (r"\bal-", "el-"),
    (r"\bal-", "al "),
    (r"\bal-", ""),
    (r"\bel-", "al-"),
    (r"ou", "u"),
    (r"(\w)u(\w)", r"\1ou\2"),
    (r"ee", "i"),
    (r"(\w)i(\w)", r"\1ee\2"),
    (r"kh", "h"),
    (r"kh", "x"),
    (r"q", "k"),
    (r"dh", "z"),
    (r"dh", "d"),
    (r"th", "s"),
    (r"sh", "ch"),
    (r"([bdfklmnrst])\1", r"\1"),
    (r"\b(\w+?)([aeiou])([bdfklmnrst])([aeiou])", r"\1\2\3\3\4"),
    (r"y\b", "i"),
    (r"i\b", "y"),
    (r"'", ""),
)

# Arabic orthography: hamza forms of alef, ta marbuta, alef maqsura, joined/split abd, no article.
ARABIC_RULES: tuple[tuple[str, str], ...] = (
    (r"[أإآ]", "ا"),
    (r"ة\b", "ه"),
    (r"ى\b", "ي"),
    (r"ي\b", "ى"),
    (r"\bعبد ال", "عبدال"),
    (r"\bعبدال", "عبد ال"),
    (r"\bال(\w{3,})", r"\1"),
    (r"(\w)(\w)", "\\1\u0640\\2"),
)


def spelling_variant(name: str, rng: random.Random, *, arabic: bool) -> str | None:
    """The name as another clerk might spell it, or None when no rule applies."""
    rules = list(ARABIC_RULES if arabic else LATIN_RULES)
    rng.shuffle(rules)
    text = name if arabic else name.lower()
    for pattern, replacement in rules:
        changed = re.sub(pattern, replacement, text, count=1)
        if changed != text:
            return changed.upper() if name.isupper() else changed
    return None


# Where filler people and innocent travellers come from, weighted towards Iraq and neighbours.
NATIONALITIES = ("IRQ",) * 10 + (
    "SYR",
    "SYR",
    "IRN",
    "IRN",
    "TUR",
    "JOR",
    "KWT",
    "SAU",
    "EGY",
    "LBN",
    "YEM",
    "AFG",
    "PAK",
    "TUN",
    "DZA",
    "MAR",
    "LBY",
    "SDN",
)
DAYS = tuple(f"{month:02d}-{day:02d}" for month in range(1, 13) for day in range(1, 29))


class NameMaker:
    """Recombines given, father's, grandfather's and family names into Arabic-structured names.

    `common_share` is the chance that each part is drawn from the common Iraqi names rather than
    the broad pools; innocents use 1.0 (they are the hard case), filler something lower.
    """

    def __init__(self, pools: tuple[list[Pair], list[Pair]], common_share: float) -> None:
        self.given, self.family = pools
        self.common_share = common_share

    def _part(self, rng: random.Random, common: tuple[Pair, ...], broad: list[Pair]) -> Pair:
        return rng.choice(common) if rng.random() < self.common_share else rng.choice(broad)

    def parts(self, rng: random.Random, sex: str) -> list[Pair]:
        """Given, father, [grandfather], [family], as (Arabic, Latin spellings) pairs."""
        first = COMMON_GIVEN_FEMALE if sex == "F" else COMMON_GIVEN_MALE
        out = [self._part(rng, first, self.given), self._part(rng, COMMON_GIVEN_MALE, self.given)]
        shape = rng.random()
        if shape < 0.75:
            out.append(self._part(rng, COMMON_GIVEN_MALE, self.given))
        if shape < 0.45 or shape >= 0.75:
            family = self._part(rng, COMMON_FAMILY, self.family)
            out.append(("\x00" + family[0], family[1]))  # marks a family name for rendering
        return out

    @staticmethod
    def render(parts: list[Pair], rng: random.Random, *, bin_style: bool) -> tuple[str, str]:
        """(Latin, Arabic) renderings: one Latin spelling per part, article forms varied."""
        latin: list[str] = []
        arabic: list[str] = []
        for index, (ar, spellings) in enumerate(parts):
            spelling = spellings[0] if rng.random() < 0.5 else rng.choice(spellings)
            if ar.startswith("\x00"):
                latin.append(family_latin(spelling, rng))
                arabic.append(ar[1:])
                continue
            if bin_style and index in (1, 2):
                latin.append("bin")
                arabic.append("بن")
            latin.append(spelling)
            arabic.append(ar)
        return " ".join(latin), " ".join(arabic)


def birth_date(rng: random.Random, first_year: int, last_year: int, year_only: float) -> str:
    year = rng.randint(first_year, last_year)
    return str(year) if rng.random() < year_only else f"{year}-{rng.choice(DAYS)}"


def name_key(name: str) -> str:
    """Order-, case- and script-blind key for duplicate checks: sorted anyascii tokens."""
    return " ".join(sorted(re.findall(r"[a-z0-9]+", anyascii(name).lower())))


def name_tokens(name: str) -> set[str]:
    return {t for t in name_key(name).split() if len(t) > 2 and t not in _PARTICLES}


_LATIN_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_ARABIC_ALPHABET = "ابتثجحخدذرزسشصضطظعغفقكلمنهويةى"


def one_edit(name: str, rng: random.Random, *, arabic: bool) -> str | None:
    """One substitution, deletion, insertion or transposition inside a longer token."""
    tokens = name.split()
    long = [i for i, t in enumerate(tokens) if len(t) >= (3 if arabic else 4)]
    if not long:
        return None
    i = rng.choice(long)
    token, at = tokens[i], rng.randint(1, len(tokens[i]) - 2)
    letter = rng.choice(_ARABIC_ALPHABET if arabic else _LATIN_ALPHABET)
    if not arabic and token.isupper():
        letter = letter.upper()
    edits = (
        token[:at] + letter + token[at + 1 :],
        token[:at] + token[at + 1 :],
        token[:at] + letter + token[at:],
        token[: at - 1] + token[at] + token[at - 1] + token[at + 1 :],
    )
    tokens[i] = rng.choice(edits)
    return " ".join(tokens)


def reorder(name: str, rng: random.Random) -> str | None:
    tokens = name.split()
    if len(tokens) < 2:
        return None
    if len(tokens) >= 3 and rng.random() < 0.5:
        return " ".join([tokens[-1], *tokens[:-1]])  # family name first, as many forms ask
    i = rng.randrange(len(tokens) - 1)
    tokens[i], tokens[i + 1] = tokens[i + 1], tokens[i]
    return " ".join(tokens)


def drop_middle(name: str, rng: random.Random) -> str | None:
    tokens = name.split()
    middle = [i for i in range(1, len(tokens) - 1) if name_tokens(tokens[i])]
    if len(tokens) < 3 or not middle:
        return None
    del tokens[rng.choice(middle)]
    return " ".join(tokens)


def variant(name: str, rng: random.Random, *, arabic: bool) -> tuple[str, str] | None:
    """(variant, how it was made): the first of the shuffled operations that applies."""
    ops = {
        "edit": lambda: one_edit(name, rng, arabic=arabic),
        "order": lambda: reorder(name, rng),
        "drop": lambda: drop_middle(name, rng),
        "spelling": lambda: spelling_variant(name, rng, arabic=arabic),
    }
    order = list(ops)
    rng.shuffle(order)
    for op in order:
        made = ops[op]()
        if made and made != name:
            return made, op
    return None
