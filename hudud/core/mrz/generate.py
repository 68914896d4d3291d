"""Building MRZs from fields, with every check digit computed: for tests and synthetic data.

Each format has its own function with keyword arguments, so a call reads like the document:

    generate_td3(issuing_state="IRQ", surname="Al Rubaie", given_names="Hussein Ali",
                 document_number="A12345678", nationality="IRQ", birth_date=date(1985, 3, 1),
                 sex="M", expiry_date=date(2031, 5, 9))

Names are transliterated (see `names.transliterate`) and truncated to fit. Dates are `date`s, raw
`YYMMDD` strings (to build ambiguous or partly unknown dates) or None for `<<<<<<`. Sex is M, F,
X or None for unspecified. A TD1 or TD2 document number longer than 9 characters is written as
an extended number. Values that cannot fit or hold characters outside A-Z, 0-9 and `<` raise
ValueError: this is a builder for trusted input, not a parser.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from . import checkdigit
from .formats import MRVA, MRVB, TD1, TD2, TD3, Layout
from .names import name_field
from .normalise import ALPHABET

DateLike = date | str | None


def generate_td1(
    *,
    document_code: str = "I",
    issuing_state: str,
    document_number: str,
    nationality: str,
    birth_date: DateLike,
    sex: str | None,
    expiry_date: DateLike,
    surname: str,
    given_names: str = "",
    optional_data_1: str = "",
    optional_data_2: str = "",
) -> str:
    """A TD1 identity card MRZ: 3 lines of 30, joined by newlines.

    >>> generate_td1(issuing_state="UTO", document_number="D23145890", nationality="UTO",
    ...     birth_date=date(1974, 8, 12), sex="F", expiry_date=date(2012, 4, 15),
    ...     surname="Eriksson", given_names="Anna Maria").splitlines()[1]
    '7408122F1204159UTO<<<<<<<<<<<6'
    """
    optional = {"optional_data_1": optional_data_1, "optional_data_2": optional_data_2}
    return _build(TD1, {**locals(), "optional": optional})


def generate_td2(
    *,
    document_code: str = "I",
    issuing_state: str,
    surname: str,
    given_names: str = "",
    document_number: str,
    nationality: str,
    birth_date: DateLike,
    sex: str | None,
    expiry_date: DateLike,
    optional_data: str = "",
) -> str:
    """A TD2 MRZ: 2 lines of 36.

    >>> len(generate_td2(issuing_state="IRQ", surname="Ali", document_number="A1",
    ...     nationality="IRQ", birth_date=date(1980, 1, 2), sex="M", expiry_date=None))
    73
    """
    return _build(TD2, {**locals(), "optional": {"optional_data": optional_data}})


def generate_td3(
    *,
    document_code: str = "P",
    issuing_state: str,
    surname: str,
    given_names: str = "",
    document_number: str,
    nationality: str,
    birth_date: DateLike,
    sex: str | None,
    expiry_date: DateLike,
    personal_number: str = "",
) -> str:
    """A TD3 passport MRZ: 2 lines of 44.

    >>> generate_td3(issuing_state="UTO", surname="Eriksson", given_names="Anna Maria",
    ...     document_number="L898902C3", nationality="UTO", birth_date=date(1974, 8, 12),
    ...     sex="F", expiry_date=date(2012, 4, 15), personal_number="ZE184226B").splitlines()[1]
    'L898902C36UTO7408122F1204159ZE184226B<<<<<10'
    """
    return _build(TD3, {**locals(), "optional": {"personal_number": personal_number}})


def generate_mrva(
    *,
    document_code: str = "V",
    issuing_state: str,
    surname: str,
    given_names: str = "",
    document_number: str,
    nationality: str,
    birth_date: DateLike,
    sex: str | None,
    expiry_date: DateLike,
    optional_data: str = "",
) -> str:
    """An MRV-A visa MRZ: 2 lines of 44, no composite check digit.

    >>> generate_mrva(issuing_state="IRQ", surname="Smith", document_number="V1",
    ...     nationality="GBR", birth_date=date(1980, 1, 2), sex="F",
    ...     expiry_date=date(2027, 1, 1))[:8]
    'V<IRQSMI'
    """
    return _build(MRVA, {**locals(), "optional": {"optional_data": optional_data}})


def generate_mrvb(
    *,
    document_code: str = "V",
    issuing_state: str,
    surname: str,
    given_names: str = "",
    document_number: str,
    nationality: str,
    birth_date: DateLike,
    sex: str | None,
    expiry_date: DateLike,
    optional_data: str = "",
) -> str:
    """An MRV-B visa MRZ: 2 lines of 36, no composite check digit.

    >>> generate_mrvb(issuing_state="IRQ", surname="Smith", document_number="V1",
    ...     nationality="GBR", birth_date=date(1980, 1, 2), sex=None,
    ...     expiry_date=date(2027, 1, 1)).splitlines()[1][20]
    '<'
    """
    return _build(MRVB, {**locals(), "optional": {"optional_data": optional_data}})


_GENERATORS: dict[str, Callable[..., str]] = {
    "TD1": generate_td1,
    "TD2": generate_td2,
    "TD3": generate_td3,
    "MRVA": generate_mrva,
    "MRVB": generate_mrvb,
}


def generate(mrz_format: str, /, **fields: Any) -> str:
    """Dispatch to `generate_<format>`; `mrz_format` is TD1, TD2, TD3, MRVA or MRVB.

    >>> generate("TD3", issuing_state="IRQ", surname="Ali", document_number="A1",
    ...     nationality="IRQ", birth_date="800102", sex="M", expiry_date=None)[:10]
    'P<IRQALI<<'
    """
    try:
        generator = _GENERATORS[mrz_format.upper()]
    except KeyError:
        formats = ", ".join(_GENERATORS)
        raise ValueError(f"unknown MRZ format {mrz_format!r}: use one of {formats}") from None
    return generator(**fields)


def _build(layout: Layout, fields: dict[str, Any]) -> str:
    """Write `fields` (a generator's keyword arguments, plus "optional": {field: value}) into
    `layout`'s positions, then compute the check digits from what was written."""
    chars = ["<"] * layout.length
    code = _text(fields["document_code"], 2, "document code")
    if (layout.name in ("MRVA", "MRVB")) != code.startswith("V"):
        raise ValueError(f"a {layout.name} document code cannot be {fields['document_code']!r}")
    _put(chars, layout.document_code, code)
    _put(chars, layout.issuing_state, _text(fields["issuing_state"], 3, "issuing state"))
    width = layout.name_field.stop - layout.name_field.start
    _put(chars, layout.name_field, name_field(fields["surname"], fields["given_names"], width))
    _put(chars, layout.nationality, _text(fields["nationality"], 3, "nationality"))
    _put_checked(chars, layout.birth_date, layout.birth_date_check, _date(fields["birth_date"]))
    expiry = _date(fields["expiry_date"])
    _put_checked(chars, layout.expiry_date, layout.expiry_date_check, expiry)
    chars[layout.sex] = _sex(fields["sex"])
    for name, span in layout.optional:
        _put(chars, span, _text(fields["optional"][name], span.stop - span.start, name))
    _put_document_number(chars, layout, fields["document_number"], fields["optional"])
    if layout.personal_number_check is not None:
        span = dict(layout.optional)["personal_number"]
        value = "".join(chars[span])
        empty = value == "<" * len(value)
        chars[layout.personal_number_check] = "<" if empty else _digit(value)
    if layout.composite_check is not None:
        composite = "".join("".join(chars[span]) for span in layout.composite)
        chars[layout.composite_check] = _digit(composite)
    text = "".join(chars)
    return "\n".join(text[i : i + layout.width] for i in range(0, layout.length, layout.width))


def _put_document_number(
    chars: list[str], layout: Layout, number: str, optional: dict[str, str]
) -> None:
    number = _text(number, len(number), "document number").rstrip("<")
    span, check = layout.document_number, layout.document_number_check
    if len(number) <= 9:
        _put_checked(chars, span, check, number.ljust(9, "<"))
        return
    area = layout.extension_area
    if area is None:
        raise ValueError(f"a {layout.name} document number has at most 9 characters: {number!r}")
    # ICAO: first 9 characters, filler in the check position, the rest, its check digit and a
    # filler at the start of the optional data, then the optional data itself.
    area_name = "optional_data_1" if layout.name == "TD1" else "optional_data"
    continuation = f"{number[9:]}{_digit(number)}<{optional[area_name]}"
    _put(chars, span, number[:9])
    chars[check] = "<"
    _put(chars, area, _text(continuation, area.stop - area.start, "extended document number"))


def _put_checked(chars: list[str], span: slice, check: int, value: str) -> None:
    _put(chars, span, value)
    chars[check] = _digit(value)


def _put(chars: list[str], span: slice, value: str) -> None:
    chars[span] = value


def _text(value: str, width: int, what: str) -> str:
    text = value.upper()
    if len(text) > width or not set(text) <= ALPHABET:
        raise ValueError(f"{what} {value!r} must be at most {width} characters of A-Z, 0-9, '<'")
    return text.ljust(width, "<")


def _date(value: DateLike) -> str:
    if value is None:
        return "<<<<<<"
    if isinstance(value, date):
        return value.strftime("%y%m%d")
    if len(value) != 6 or not set(value) <= set("0123456789<"):
        raise ValueError(f"date {value!r} must be a date, None or YYMMDD")
    return value


def _sex(value: str | None) -> str:
    if value is None or value == "<":
        return "<"
    if value.upper() not in ("M", "F", "X"):
        raise ValueError(f"sex {value!r} must be M, F, X or None")
    return value.upper()


def _digit(value: str) -> str:
    digit = checkdigit.compute(value)
    if digit is None:  # _text has already refused such characters
        raise ValueError(f"no check digit for {value!r}")
    return digit
