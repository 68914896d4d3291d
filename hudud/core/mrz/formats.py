"""Field layouts of the five MRZ formats (ICAO Doc 9303 Parts 4-7).

Offsets index the MRZ as one string, the lines joined without separators, so a TD1's second
line starts at offset 30. `where()` turns an offset back into the line and position an officer
sees on the document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Layout:
    name: str
    line_count: int
    width: int
    name_field: slice
    document_number: slice
    document_number_check: int
    nationality: slice
    birth_date: slice
    birth_date_check: int
    sex: int
    expiry_date: slice
    expiry_date_check: int
    # Raw optional-data fields, by result attribute name.
    optional: tuple[tuple[str, slice], ...]
    # TD1 and TD2 continue a document number longer than 9 characters here.
    extension_area: slice | None = None
    personal_number_check: int | None = None
    composite: tuple[slice, ...] = ()
    composite_check: int | None = None

    # Every format opens with the document code and the issuing state.
    @property
    def document_code(self) -> slice:
        return slice(0, 2)

    @property
    def issuing_state(self) -> slice:
        return slice(2, 5)

    @property
    def length(self) -> int:
        return self.line_count * self.width

    def where(self, offset: int) -> str:
        """'line 2, position 7' for an offset into the joined MRZ (both counted from 1)."""
        return f"line {offset // self.width + 1}, position {offset % self.width + 1}"

    def field_at(self, offset: int) -> str:
        """Name of the field holding `offset`, as used in issues' `field`."""
        names = _FIELD_MAPS.get(self.name)
        if names is None:
            names = _FIELD_MAPS[self.name] = _field_names(self)
        return names[offset]


TD1 = Layout(
    name="TD1",
    line_count=3,
    width=30,
    document_number=slice(5, 14),
    document_number_check=14,
    optional=(("optional_data_1", slice(15, 30)), ("optional_data_2", slice(48, 59))),
    extension_area=slice(15, 30),
    birth_date=slice(30, 36),
    birth_date_check=36,
    sex=37,
    expiry_date=slice(38, 44),
    expiry_date_check=44,
    nationality=slice(45, 48),
    composite=(slice(5, 30), slice(30, 37), slice(38, 45), slice(48, 59)),
    composite_check=59,
    name_field=slice(60, 90),
)


def _two_line(
    name: str, width: int, optional: tuple[tuple[str, slice], ...], **extra: Any
) -> Layout:
    # TD2, TD3 and both visas share their second line's first 28 characters; only the width
    # (36 or 44) and what follows differ.
    line2 = width
    return Layout(
        name=name,
        line_count=2,
        width=width,
        name_field=slice(5, width),
        document_number=slice(line2, line2 + 9),
        document_number_check=line2 + 9,
        nationality=slice(line2 + 10, line2 + 13),
        birth_date=slice(line2 + 13, line2 + 19),
        birth_date_check=line2 + 19,
        sex=line2 + 20,
        expiry_date=slice(line2 + 21, line2 + 27),
        expiry_date_check=line2 + 27,
        optional=optional,
        **extra,
    )


TD2 = _two_line(
    "TD2",
    36,
    (("optional_data", slice(64, 71)),),
    extension_area=slice(64, 71),
    composite=(slice(36, 46), slice(49, 56), slice(57, 71)),
    composite_check=71,
)
TD3 = _two_line(
    "TD3",
    44,
    (("personal_number", slice(72, 86)),),
    personal_number_check=86,
    composite=(slice(44, 54), slice(57, 64), slice(65, 87)),
    composite_check=87,
)
MRVA = _two_line("MRVA", 44, (("optional_data", slice(72, 88)),))
MRVB = _two_line("MRVB", 36, (("optional_data", slice(64, 72)),))

LAYOUTS = {layout.name: layout for layout in (TD1, TD2, TD3, MRVA, MRVB)}

# (line count, width) -> (layout, visa layout of the same size, if any).
_BY_SHAPE = {(3, 30): (TD1, None), (2, 36): (TD2, MRVB), (2, 44): (TD3, MRVA)}


def detect(lines: list[str]) -> Layout | None:
    """The layout for lines of this shape; a document code starting with V marks a visa.

    >>> detect(["V<UTO" + "<" * 39, "<" * 44]).name
    'MRVA'
    """
    widths = {len(line) for line in lines}
    if len(widths) != 1:
        return None
    shapes = _BY_SHAPE.get((len(lines), widths.pop()))
    if shapes is None:
        return None
    document, visa = shapes
    return visa if visa is not None and lines[0].startswith("V") else document


# Built on first use; keyed by name because slices (and so layouts) are unhashable before 3.12.
_FIELD_MAPS: dict[str, tuple[str, ...]] = {}


def _field_names(layout: Layout) -> tuple[str, ...]:
    names = ["filler"] * layout.length
    spans: list[tuple[str, slice]] = [
        ("document_code", layout.document_code),
        ("issuing_state", layout.issuing_state),
        ("name", layout.name_field),
        ("document_number", layout.document_number),
        ("nationality", layout.nationality),
        ("birth_date", layout.birth_date),
        ("expiry_date", layout.expiry_date),
        *layout.optional,
    ]
    for field_name, span in spans:
        names[span] = [field_name] * (span.stop - span.start)
    singles = {
        "document_number_check_digit": layout.document_number_check,
        "birth_date_check_digit": layout.birth_date_check,
        "sex": layout.sex,
        "expiry_date_check_digit": layout.expiry_date_check,
        "personal_number_check_digit": layout.personal_number_check,
        "composite_check_digit": layout.composite_check,
    }
    for field_name, offset in singles.items():
        if offset is not None:
            names[offset] = field_name
    return tuple(names)
