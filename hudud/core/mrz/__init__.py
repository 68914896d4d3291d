"""Machine-readable zones (MRZ) of travel documents, after ICAO Doc 9303.

The MRZ is the block of OCR-B text at the foot of a passport's data page or on the back of an
identity card: fixed-width lines of A-Z, 0-9 and the filler `<`. ICAO defines five layouts.
TD1 (3 lines of 30) is the credit-card-sized identity card; TD2 (2 lines of 36) the larger card
or older ID; TD3 (2 lines of 44) the passport book. Visas are MRV-A (2 lines of 44, to fit a
passport page) and MRV-B (2 lines of 36, leaving room for the page's own security features);
their document code starts with V and, unlike TD1-TD3, they carry no composite check digit.
Each line holds fields at fixed positions: document code, issuing state, names, document number,
nationality, birth date, sex, expiry date and optional data, most guarded by a check digit
(weights 7-3-1, modulo 10), and TD1-TD3 add a composite check digit over the whole zone.
Dates are YYMMDD, so the century has to be inferred.

This package parses (`parse`, `parse_many`, `split_blocks`, `iter_blocks`) without ever
raising: every problem is returned as a structured error or warning with the line and position
an officer can check by hand. It also builds MRZs from fields (`generate_td1` ...
`generate_mrvb`, or `generate`), for tests and synthetic data. It imports no framework.

>>> from datetime import date
>>> parse(generate_td2(issuing_state="IRQ", surname="Al Rubaie", given_names="Hussein Ali",
...       document_number="A1234567", nationality="IRQ", birth_date=date(1980, 1, 2), sex="M",
...       expiry_date=date(2030, 1, 1))).valid
True
"""

from __future__ import annotations

from .checkdigit import compute as check_digit
from .generate import (
    generate,
    generate_mrva,
    generate_mrvb,
    generate_td1,
    generate_td2,
    generate_td3,
)
from .parser import iter_blocks, parse, parse_many, split_blocks
from .result import Issue, MrzResult

__all__ = [
    "Issue",
    "MrzResult",
    "check_digit",
    "generate",
    "generate_mrva",
    "generate_mrvb",
    "generate_td1",
    "generate_td2",
    "generate_td3",
    "iter_blocks",
    "parse",
    "parse_many",
    "split_blocks",
]
