"""One CSV row, read through a mapping into a `ListedEntry`."""

from __future__ import annotations

from typing import Literal

from .countries import state_code
from .csv_mapping import CsvMapping, NameColumn
from .dates import parse_partial
from .model import IssueLog, ListedDocument, ListedEntry, ListedName, NameKind
from .text import clean, script_of

_SEXES: dict[str, Literal["M", "F"] | None] = {
    "m": "M", "male": "M", "ذكر": "M",
    "f": "F", "female": "F", "أنثى": "F", "انثى": "F",
    "x": None, "u": None, "unknown": None,
}  # fmt: skip


class RowReader:
    """Reads rows of one file; `row_of[i]` is the row number of the i-th entry returned."""

    def __init__(
        self, mapping: CsvMapping, positions: dict[str, int], width: int, log: IssueLog
    ) -> None:
        self.mapping = mapping
        self.positions = positions
        self.width = width
        self.log = log
        self.row_of: list[int] = []
        self.number = 0
        self.cells: list[str] = []
        self.source_id: str | None = None

    def read(self, number: int, cells: list[str]) -> ListedEntry | None:
        self.number, self.cells, self.source_id = number, cells, None
        if len(cells) != self.width:
            message = f"{len(cells)} fields where the header has {self.width}"
            self.issue("field_count", "row", message, error=False)
        self.source_id = self.cell("id") or None
        if self.source_id is None:
            self.issue("missing_id", "id", f"no id in column {self.mapping.id!r}")
            return None
        names = self.names()
        if not names:
            self.issue("missing_name", "names", "no name in any name column")
            return None
        self.row_of.append(number)
        return self.entry(self.source_id, names)

    def entry(self, source_id: str, names: tuple[ListedName, ...]) -> ListedEntry:
        return ListedEntry(
            source_id=source_id,
            names=names,
            birth_dates=self.birth_dates(),
            birth_places=tuple(filter(None, [self.cell("birth_place")])),
            nationalities=self.nationalities(),
            sex=self.sex(),
            documents=self.documents(),
            comments=self.cell("comments") or None,
            extra=self.extra(),
        )

    def issue(self, code: str, field_name: str, message: str, *, error: bool = True) -> None:
        record = self.log.error if error else self.log.warn
        record(code, field_name, message, source_id=self.source_id, row=self.number)

    def cell(self, key: str) -> str:
        position = self.positions.get(key)
        if position is None or position >= len(self.cells):
            return ""
        return clean(self.cells[position])

    def split(self, text: str, separator: str | None) -> list[str]:
        parts = text.split(separator) if separator else [text]
        return [part for part in map(clean, parts) if part]

    def names(self) -> tuple[ListedName, ...]:
        names: list[ListedName] = []
        for i, column in enumerate(self.mapping.names):
            cell_names = self.split(self.cell(f"names[{i}]"), self.mapping.name_separator)
            names.extend(_names_of(column, cell_names))
        return tuple(names)

    def birth_dates(self) -> tuple[str, ...]:
        dates: list[str] = []
        for stated in self.split(self.cell("birth_date"), self.mapping.value_separator):
            value = parse_partial(stated, self.mapping.date_formats)
            if value is None:
                formats = ", ".join(self.mapping.date_formats)
                message = f"{stated!r} matches none of the date formats ({formats}); left out"
                self.issue("bad_date", "birth_date", message, error=False)
            else:
                dates.append(value)
        return tuple(dict.fromkeys(dates))

    def nationalities(self) -> tuple[str, ...]:
        codes = (
            self.state("nationality", stated)
            for stated in self.split(self.cell("nationality"), self.mapping.value_separator)
        )
        return tuple(dict.fromkeys(code for code in codes if code))

    def state(self, key: str, stated: str) -> str | None:
        code = state_code(stated)
        if code is None:
            message = f"{stated!r} is neither an ISO alpha-3 code nor a country name; left out"
            self.issue("unknown_country", key, message, error=False)
        return code

    def sex(self) -> Literal["M", "F"] | None:
        stated = self.cell("sex")
        if stated and stated.casefold() not in _SEXES:
            self.issue(
                "unknown_sex", "sex", f"{stated!r} is not M, F or unknown; left out", error=False
            )
        return _SEXES.get(stated.casefold())

    def documents(self) -> tuple[ListedDocument, ...]:
        number, stated_state = self.cell("document_number"), self.cell("document_issuing_state")
        issuing_state = self.state("document_issuing_state", stated_state) if stated_state else None
        if not number:
            if stated_state:
                message = "an issuing state without a document number; left out"
                self.issue("document_without_number", "document_number", message, error=False)
            return ()
        return (ListedDocument(number, issuing_state, self.cell("document_kind") or None),)

    def extra(self) -> dict[str, str]:
        columns = zip(self.mapping.extra, range(len(self.mapping.extra)), strict=True)
        return {column: value for column, i in columns if (value := self.cell(f"extra[{i}]"))}


def _names_of(column: NameColumn, names: list[str]) -> list[ListedName]:
    """A primary column's first name is the primary name, the others in its cell are aliases."""
    rest: NameKind = "alias" if column.kind == "primary" else column.kind
    kinds = [column.kind, *[rest] * len(names)]
    return [
        ListedName(name, script_of(name), kind, None if kind != "alias" else column.quality)
        for name, kind in zip(names, kinds, strict=False)
    ]
