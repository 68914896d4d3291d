"""The UN Security Council Consolidated List in its official XML format, read safely.

The file (`<CONSOLIDATED_LIST dateGenerated=...>` holding `<INDIVIDUALS>` and `<ENTITIES>`) is
published by the UN and re-published by mirrors; an importer takes whatever an operator uploads.
XML can carry a document type definition whose entities expand exponentially ("billion laughs")
or pull in local files, and the standard library parser honours internal entities. The list
never uses a DTD, so a document with one is refused before the tree is built, and the input
size is bounded. Entities (organisations) are not screened at the border: they are counted in
`skipped`, not read.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from xml.parsers import expat

from .model import IssueLog, ListedEntry, ListReadResult
from .un_individual import read_individual

ROOT = "CONSOLIDATED_LIST"
# Thirty times the 2026 list (2 MB): room for growth, not for a decompression bomb.
MAX_BYTES = 64 * 1024 * 1024


class _Doctype(Exception):
    pass


class _RootReached(Exception):
    pass


def read_un_consolidated(data: bytes, *, max_bytes: int = MAX_BYTES) -> ListReadResult:
    """Every individual of a UN Consolidated List XML file; problems come back as issues.

    >>> result = read_un_consolidated(b"<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>"
    ...     b"<REFERENCE_NUMBER>QDi.999</REFERENCE_NUMBER><FIRST_NAME>ZZZ</FIRST_NAME>"
    ...     b"<SECOND_NAME>TESTNAME</SECOND_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>")
    >>> [name.full_name for name in result.entries[0].names], result.errors
    (['ZZZ TESTNAME'], ())
    """
    log = IssueLog()
    root = _parse(data, max_bytes, log)
    if root is None:
        return log.result((), complete=False)
    individuals = root.find("INDIVIDUALS")
    if root.tag != ROOT or individuals is None:
        log.error(
            "not_un_consolidated_xml",
            "document",
            f"expected <{ROOT}> with <INDIVIDUALS>, found <{root.tag}>",
        )
        return log.result((), complete=False)
    read = (read_individual(element, log) for element in individuals.findall("INDIVIDUAL"))
    entries = _without_duplicates([entry for entry in read if entry is not None], log)
    entities = root.find("ENTITIES")
    return log.result(
        entries,
        generated_on=_generated_on(root, log),
        skipped=0 if entities is None else len(entities.findall("ENTITY")),
    )


def _parse(data: bytes, max_bytes: int, log: IssueLog) -> ET.Element | None:
    if len(data) > max_bytes:
        log.error("too_large", "document", f"{len(data)} bytes is over the limit of {max_bytes}")
        return None
    problem = _prolog_issue(data)
    if problem is not None:
        log.error(*problem)
        return None
    try:
        return ET.fromstring(data)  # noqa: S314 (no DTD: checked by _prolog_issue)
    except ET.ParseError as exc:
        log.error("not_xml", "document", f"not well-formed XML: {exc}")
        return None


def _prolog_issue(data: bytes) -> tuple[str, str, str] | None:
    """Reads only up to the root element (where a DOCTYPE would have to be) with expat."""
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _raise(_Doctype)
    parser.EntityDeclHandler = _raise(_Doctype)
    parser.StartElementHandler = _raise(_RootReached)
    try:
        parser.Parse(data, True)
    except _RootReached:
        return None
    except _Doctype:
        return "dtd_refused", "document", "a document type declaration (DOCTYPE) is not accepted"
    except expat.ExpatError as exc:
        return "not_xml", "document", f"not well-formed XML: {exc}"
    return "not_xml", "document", "no root element"


def _raise(error: type[Exception]) -> Callable[..., None]:
    def handler(*_: object) -> None:
        raise error

    return handler


def _without_duplicates(entries: list[ListedEntry], log: IssueLog) -> list[ListedEntry]:
    """Drops every record of a reference number given twice: which one is right is unknown."""
    counts = Counter(entry.source_id for entry in entries)
    for source_id, count in counts.items():
        if count > 1:
            log.error(
                "duplicate_id",
                "REFERENCE_NUMBER",
                f"{source_id} is given {count} times; none of them is read",
                source_id=source_id,
            )
    return [entry for entry in entries if counts[entry.source_id] == 1]


def _generated_on(root: ET.Element, log: IssueLog) -> str | None:
    stated = root.get("dateGenerated", "").strip()
    try:
        datetime.fromisoformat(stated)
    except ValueError:
        if stated:
            log.warn("bad_date", "dateGenerated", f"{stated!r} is not an ISO 8601 timestamp")
        return None
    return stated
