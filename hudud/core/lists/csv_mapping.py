"""Which column of a national list's CSV file holds what: `CsvMapping`, and its JSON form.

National lists (wanted persons, entry bans, lost and stolen documents, missing children) come
as spreadsheets exported to CSV, each agency with its own headers. A mapping names the columns
once per list, so the same reader serves all of them. It is configuration an administrator
types, so every problem in it is reported at once, by key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from .model import NameKind, Quality, ReadIssue

DEFAULT_DATE_FORMATS = ("%Y-%m-%d",)
DELIMITERS = (",", ";", "\t", "|")
_KINDS: tuple[NameKind, ...] = ("primary", "original_script", "alias")
_QUALITIES: tuple[Quality, ...] = ("good", "low")


class MappingError(ValueError):
    """A CSV mapping that cannot be used; `issues` name each bad key."""

    def __init__(self, issues: list[ReadIssue]) -> None:
        super().__init__("; ".join(f"{issue.field}: {issue.message}" for issue in issues))
        self.issues = tuple(issues)


@dataclass(frozen=True, slots=True)
class NameColumn:
    """A column holding names of one kind. In a "primary" column the cell's first name is the
    primary name and any further ones (split by the separator) are aliases."""

    column: str
    kind: NameKind = "primary"
    quality: Quality | None = None


@dataclass(frozen=True, slots=True)
class CsvMapping:
    """Columns of a list's CSV file by meaning; only `id` and `names` are required.

    `date_formats` are strptime formats tried in order ("%Y" reads a year alone, "%m/%Y" a
    month); `name_separator` splits several names in one cell, `value_separator` several birth
    dates or nationalities; `delimiter` None means: the one of , ; TAB | that finds the mapped
    columns in the header. `extra` columns are kept in `ListedEntry.extra` under their header.
    """

    id: str
    names: tuple[NameColumn, ...]
    name_separator: str | None = None
    value_separator: str | None = None
    birth_date: str | None = None
    date_formats: tuple[str, ...] = DEFAULT_DATE_FORMATS
    birth_place: str | None = None
    nationality: str | None = None
    sex: str | None = None
    document_number: str | None = None
    document_issuing_state: str | None = None
    document_kind: str | None = None
    comments: str | None = None
    extra: tuple[str, ...] = ()
    delimiter: str | None = None

    def columns(self) -> dict[str, str]:
        """Every mapped column by the key that names it ("names[1]", "extra[0]" for lists)."""
        single = {
            f.name: value
            for f in fields(self)
            if f.name in _COLUMN_KEYS and isinstance(value := getattr(self, f.name), str)
        }
        single |= {f"names[{i}]": name.column for i, name in enumerate(self.names)}
        return single | {f"extra[{i}]": column for i, column in enumerate(self.extra)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CsvMapping:
        """A mapping from its JSON form; raises `MappingError` naming every bad key.

        >>> CsvMapping.from_json({"id": "ref", "names": ["name_en", "name_ar"]}).names[1].kind
        'alias'
        >>> CsvMapping.from_json({"id": "ref", "names": ["n"], "birthdate": "dob"})
        Traceback (most recent call last):
        ...
        hudud.core.lists.csv_mapping.MappingError: birthdate: unknown key (known: ...
        """
        return _MappingReader(data).read()


_COLUMN_KEYS = (
    "id", "birth_date", "birth_place", "nationality", "sex", "document_number",
    "document_issuing_state", "document_kind", "comments",
)  # fmt: skip
_SEPARATOR_KEYS = ("name_separator", "value_separator", "delimiter")
_KNOWN_KEYS = (*_COLUMN_KEYS, *_SEPARATOR_KEYS, "names", "date_formats", "extra")


class _MappingReader:
    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.issues: list[ReadIssue] = []

    def problem(self, key: str, message: str, code: str = "bad_mapping") -> None:
        self.issues.append(ReadIssue(code, key, message))

    def read(self) -> CsvMapping:
        if not isinstance(self.data, Mapping):
            raise MappingError([ReadIssue("bad_mapping", "mapping", "must be a JSON object")])
        for key in self.data:
            if key not in _KNOWN_KEYS:
                self.problem(
                    str(key), f"unknown key (known: {', '.join(_KNOWN_KEYS)})", "unknown_key"
                )
        for key in ("id", "names"):
            if self.data.get(key) is None:
                self.problem(key, "is required", "missing_key")
        text = self.text
        mapping = CsvMapping(
            id=text("id") or "",
            names=self.names(),
            name_separator=text("name_separator"),
            value_separator=text("value_separator"),
            birth_date=text("birth_date"),
            date_formats=self.date_formats(),
            birth_place=text("birth_place"),
            nationality=text("nationality"),
            sex=text("sex"),
            document_number=text("document_number"),
            document_issuing_state=text("document_issuing_state"),
            document_kind=text("document_kind"),
            comments=text("comments"),
            extra=tuple(self.text_list("extra")),
            delimiter=text("delimiter"),
        )
        self.check_separators(mapping)
        if self.issues:
            raise MappingError(self.issues)
        return mapping

    def text(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        # Separators are taken as typed: a tab delimiter is all whitespace.
        separator = key in _SEPARATOR_KEYS
        if not isinstance(value, str) or not (value if separator else value.strip()):
            self.problem(key, "must be a non-empty string")
            return None
        return value if separator else value.strip()

    def text_list(self, key: str) -> list[str]:
        value = self.data.get(key, [])
        if isinstance(value, str) and value.strip():
            return [value.strip()]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(key, "must be a list of non-empty strings")
            return []
        return [v.strip() for v in value]

    def names(self) -> tuple[NameColumn, ...]:
        value = self.data.get("names")
        if value is None:
            return ()
        items = [value] if isinstance(value, str | dict) else value
        if not isinstance(items, list) or not items:
            self.problem("names", "must be a column name or a non-empty list of them")
            return ()
        columns = [self.name_column(i, item) for i, item in enumerate(items)]
        return tuple(column for column in columns if column is not None)

    def name_column(self, index: int, item: Any) -> NameColumn | None:
        key = f"names[{index}]"
        default_kind: NameKind = "primary" if index == 0 else "alias"
        if isinstance(item, str) and item.strip():
            return NameColumn(item.strip(), default_kind)
        if not isinstance(item, dict) or not isinstance(item.get("column"), str):
            self.problem(
                key, 'must be a column name or {"column": ..., "kind": ..., "quality": ...}'
            )
            return None
        unknown = set(item) - {"column", "kind", "quality"}
        kind, quality = item.get("kind", default_kind), item.get("quality")
        if unknown:
            self.problem(
                key,
                f"unknown key {sorted(unknown)[0]!r} (known: column, kind, quality)",
                "unknown_key",
            )
        if kind not in _KINDS:
            self.problem(f"{key}.kind", f"must be one of {', '.join(_KINDS)}")
        if quality is not None and quality not in _QUALITIES:
            self.problem(f"{key}.quality", f"must be one of {', '.join(_QUALITIES)} or null")
        if unknown or kind not in _KINDS or (quality is not None and quality not in _QUALITIES):
            return None
        return NameColumn(item["column"].strip(), kind, quality)

    def date_formats(self) -> tuple[str, ...]:
        if self.data.get("date_formats") is None:
            return DEFAULT_DATE_FORMATS
        formats = self.text_list("date_formats")
        for i, date_format in enumerate(formats):
            # Two-digit years (%y) put a birth year in the wrong century for many travellers.
            if "%Y" not in date_format:
                self.problem(f"date_formats[{i}]", f"{date_format!r} has no four-digit year (%Y)")
        return tuple(formats) or DEFAULT_DATE_FORMATS

    def check_separators(self, mapping: CsvMapping) -> None:
        if mapping.delimiter is not None and (
            len(mapping.delimiter) != 1 or mapping.delimiter in '"\r\n'
        ):
            self.problem("delimiter", "must be one character other than a quote or a line break")
        for key in ("name_separator", "value_separator"):
            if getattr(mapping, key) is not None and getattr(mapping, key) == mapping.delimiter:
                self.problem(key, "must differ from the delimiter")
