"""From whatever a reader or a person typed to one MRZ string of a known layout.

Tolerated without complaint: `\\n` or `\\r\\n` line ends, whitespace around lines, blank lines.
Tolerated with a warning: the lines run together on one line (split at the format's width) and,
unless the parse is strict, lowercase letters (uppercased). Anything else of the wrong shape is
an `unrecognised_format` error; characters outside A-Z, 0-9 and `<` are `invalid_character`.
"""

from __future__ import annotations

import re

from .formats import Layout, detect
from .result import IssueLog

ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
_OUTSIDE_ALPHABET = re.compile(r"[^A-Z0-9<]")
_LOWER_TO_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Length of a whole MRZ written as one line -> width of its lines.
_JOINED_WIDTHS = {90: 30, 72: 36, 88: 44}


def shape(text: str, log: IssueLog, *, uppercase: bool) -> tuple[Layout | None, str]:
    """The layout and the lines joined into one string, or (None, "") with an error logged."""
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if len(lines) == 1 and len(lines[0]) in _JOINED_WIDTHS:
        width = _JOINED_WIDTHS[len(lines[0])]
        lines = [lines[0][start : start + width] for start in range(0, len(lines[0]), width)]
        log.warn(
            "single_line_split",
            "mrz",
            f"read one line of {width * len(lines)} characters; split into {len(lines)} lines "
            f"of {width}",
        )
    layout = detect(lines)
    if layout is None:
        log.error("unrecognised_format", "mrz", _describe_shape(lines))
        return None, ""
    joined = "".join(lines)
    if uppercase and joined.translate(_LOWER_TO_UPPER) != joined:
        joined = joined.translate(_LOWER_TO_UPPER)
        log.warn("lowercase_uppercased", "mrz", "lowercase letters read as uppercase")
    return layout, joined


def report_invalid_characters(mrz: str, layout: Layout, log: IssueLog) -> None:
    """One `invalid_character` error per field holding characters outside A-Z, 0-9, `<`."""
    by_field: dict[str, list[str]] = {}
    for match in _OUTSIDE_ALPHABET.finditer(mrz):
        where = f"{layout.where(match.start())}: {match.group()!r}"
        by_field.setdefault(layout.field_at(match.start()), []).append(where)
    for field_name, places in by_field.items():
        log.error(
            "invalid_character",
            field_name,
            f"{'; '.join(places)} is not an MRZ character (A-Z, 0-9 and '<' only)",
        )


def _describe_shape(lines: list[str]) -> str:
    expected = "expected 3 lines of 30, 2 lines of 36 or 2 lines of 44 characters"
    if not lines:
        return f"{expected}; got nothing"
    if len(lines) > 4:
        return f"{expected}; got {len(lines)} lines"
    widths = ", ".join(str(len(line)) for line in lines)
    plural = "line" if len(lines) == 1 else "lines"
    return f"{expected}; got {len(lines)} {plural} of {widths} characters"
