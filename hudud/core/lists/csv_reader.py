"""National lists as CSV files, read through a `CsvMapping`.

Spreadsheets export CSV with a comma or, in locales where the comma is the decimal mark, a
semicolon; some tools write tabs. Excel prefixes UTF-8 with a byte order mark. Each row is one
person; a row without an id or a name is rejected with an error, a value that cannot be read
(a bad date, an unknown country) is left out with a warning and the row is kept, because a
person screened on fewer details is safer than a person not screened at all.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator

from .csv_mapping import DELIMITERS, CsvMapping
from .csv_rows import RowReader
from .model import IssueLog, ListedEntry, ListReadResult
from .text import clean

MAX_CHARS = 64 * 1024 * 1024
# Where the header is looked for when guessing the delimiter; no real header is longer.
HEADER_CHARS = 64 * 1024


def read_csv(text: str, mapping: CsvMapping, *, max_chars: int = MAX_CHARS) -> ListReadResult:
    """Every row of a CSV list as an entry; problems come back per row and field.

    >>> mapping = CsvMapping.from_json({"id": "ref", "names": "name", "name_separator": "|"})
    >>> result = read_csv("ref,name\\nW-1,Zzz Testname|زززز\\n", mapping)
    >>> [(n.full_name, n.script, n.kind) for n in result.entries[0].names]
    [('Zzz Testname', 'latin', 'primary'), ('زززز', 'arabic', 'alias')]
    """
    log = IssueLog()
    if len(text) > max_chars:
        log.error(
            "too_large", "document", f"{len(text)} characters is over the limit of {max_chars}"
        )
        return log.result((), complete=False)
    text = text.removeprefix("\ufeff")
    delimiter = mapping.delimiter or guess_delimiter(text, mapping)
    records = _records(text, delimiter, log)
    header = next(records, None)
    if header is None:
        log.error("empty_file", "document", "the file has no header row", row=1)
        return log.result((), complete=False)
    positions = _locate(header[1], mapping, log)
    if positions is None:
        return log.result((), complete=False)
    rows = RowReader(mapping, positions, len(header[1]), log)
    entries = [e for number, row in records if (e := rows.read(number, row)) is not None]
    complete = not any(issue.code == "csv_syntax" for issue in log.errors)
    return log.result(_without_duplicates(entries, rows.row_of, log), complete=complete)


def read_csv_bytes(
    data: bytes, mapping: CsvMapping, *, max_chars: int = MAX_CHARS
) -> ListReadResult:
    """`read_csv` for a file's bytes: UTF-8 with or without a byte order mark.

    >>> read_csv_bytes(b"ref,name\\n\\xff\\n", CsvMapping.from_json({"id": "ref", "names": "name"})
    ...     ).errors[0].code
    'not_utf8'
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        log = IssueLog()
        log.error("not_utf8", "document", f"not UTF-8 text: byte {exc.start} cannot be decoded")
        return log.result((), complete=False)
    return read_csv(text, mapping, max_chars=max_chars)


def guess_delimiter(text: str, mapping: CsvMapping) -> str:
    """The candidate delimiter that finds most mapped columns in the first line (comma on a tie).

    >>> guess_delimiter("ref;name\\n", CsvMapping.from_json({"id": "ref", "names": "name"}))
    ';'
    """
    wanted = {_header_key(column) for column in mapping.columns().values()}
    separators = {mapping.name_separator, mapping.value_separator}

    head = text[:HEADER_CHARS]

    def found(delimiter: str) -> int:
        try:
            cells = next(csv.reader(io.StringIO(head, newline=""), delimiter=delimiter), [])
        except csv.Error:
            return 0
        return len(wanted & {_header_key(cell) for cell in cells})

    return max((d for d in DELIMITERS if d not in separators), key=found, default=",")


def _records(text: str, delimiter: str, log: IssueLog) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) for every non-blank record; broken CSV ends the file with an error."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    try:
        for number, row in enumerate(reader, start=1):
            if any(cell.strip() for cell in row):
                yield number, row
    except csv.Error as exc:
        log.error(
            "csv_syntax", "document", f"CSV cannot be read past this row: {exc}", row=number + 1
        )


def _header_key(cell: str) -> str:
    return clean(cell).casefold()


def _locate(header: list[str], mapping: CsvMapping, log: IssueLog) -> dict[str, int] | None:
    """Mapped key -> column index; None (with an error per problem) when a column is missing."""
    index: dict[str, int] = {}
    for position, cell in enumerate(header):
        index.setdefault(_header_key(cell), position)
    found = Counter(_header_key(cell) for cell in header)
    positions: dict[str, int] = {}
    for key, column in mapping.columns().items():
        if found[_header_key(column)] > 1:
            log.error(
                "ambiguous_column",
                key,
                f"column {column!r} appears {found[_header_key(column)]} times in the header",
                row=1,
            )
        elif _header_key(column) not in index:
            shown = ", ".join(repr(clean(cell)) for cell in header[:20])
            log.error(
                "missing_column", key, f"column {column!r} is not in the header ({shown})", row=1
            )
        else:
            positions[key] = index[_header_key(column)]
    return None if log.errors else positions


def _without_duplicates(
    entries: list[ListedEntry], row_of: list[int], log: IssueLog
) -> list[ListedEntry]:
    """Rejects every row of an id given twice: which one is right is unknown."""
    counts = Counter(entry.source_id for entry in entries)
    for position, entry in enumerate(entries):
        if counts[entry.source_id] > 1:
            message = f"id {entry.source_id!r} is on {counts[entry.source_id]} rows; none is read"
            log.error(
                "duplicate_id", "id", message, source_id=entry.source_id, row=row_of[position]
            )
    return [entry for entry in entries if counts[entry.source_id] == 1]
