"""Issuer-specific evidence for the century of a birth date.

Some issuers put a national identity number in the optional data whose own check digits depend on
the century of birth. When that check settles which of 19YY and 20YY is meant, the birth date is
certain even though the MRZ's YYMMDD alone is not.

Belgium (identity cards, TD1): optional data 2 holds the national register number YYMMDDSSSCC,
where CC = 97 - (YYMMDDSSS mod 97) for births before 2000 and 97 - (2YYMMDDSSS mod 97) after.
"""

from __future__ import annotations


def birth_year_hint(
    issuing_state: str, optional_data: tuple[str, ...], birth_raw: str
) -> int | None:
    """The birth year an issuer's personal number confirms, or None if it confirms none.

    >>> birth_year_hint("BEL", ("", "12021714429"), "120217")
    2012
    """
    if issuing_state == "BEL":
        for data in optional_data:
            year = _belgian_register_year(data, birth_raw)
            if year is not None:
                return year
    return None


def _belgian_register_year(data: str, birth_raw: str) -> int | None:
    if len(data) != 11 or not data.isdigit() or not data.isascii() or data[:6] != birth_raw:
        return None
    number, check = int(data[:9]), int(data[9:])
    before_2000 = 97 - number % 97 == check
    after_2000 = 97 - (2_000_000_000 + number) % 97 == check
    if before_2000 == after_2000:
        return None  # neither matches (or, rarely, both): no evidence either way
    return (1900 if before_2000 else 2000) + int(data[:2])
