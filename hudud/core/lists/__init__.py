"""Watchlist files: reading the lists a border screens against into entries, and diffing them.

A watchlist is a named list of people to look out for: persons wanted by the national police,
foreigners banned from entry, missing children, and lists adopted from abroad, the first of
which is the UN Security Council Consolidated List (persons under UN sanctions: asset freeze,
travel ban, arms embargo). Each arrives as a file, again and again as it is updated. A reader
turns a file into `ListedEntry` records (every name of the person in every script with its
kind and alias quality, partial birth dates, nationalities as ISO alpha-3 codes, documents) and
reports each problem as data, never as an exception: `read_un_consolidated` for the UN's XML,
`read_csv` for national lists through a `CsvMapping` that names their columns. Entries carry a
`content_hash`, so that `diff_entries` can tell a stored list what a new file adds, changes and
removes without rebuilding it, and `to_screening_entry` gives the engine its
`hudud.core.screening.Entry`. No framework is imported.

>>> mapping = CsvMapping.from_json({"id": "id", "names": ["name", "name_ar"], "nationality": "nat"})
>>> result = read_csv("id,name,name_ar,nat\\nW-1,Zzz Testname,ززز,IRQ\\n", mapping)
>>> result.entries[0].to_screening_entry("wanted").names, result.entries[0].nationalities
(('Zzz Testname', 'ززز'), ('IRQ',))
"""

from __future__ import annotations

from .countries import country_code, state_code
from .csv_mapping import CsvMapping, MappingError, NameColumn
from .csv_reader import read_csv, read_csv_bytes
from .diff import ListDiff, diff_entries
from .model import ListedDocument, ListedEntry, ListedName, ListReadResult, ReadIssue
from .un_xml import read_un_consolidated

__all__ = [
    "CsvMapping",
    "ListDiff",
    "ListReadResult",
    "ListedDocument",
    "ListedEntry",
    "ListedName",
    "MappingError",
    "NameColumn",
    "ReadIssue",
    "country_code",
    "diff_entries",
    "read_csv",
    "read_csv_bytes",
    "read_un_consolidated",
    "state_code",
]
