"""One INDIVIDUAL record of the UN Consolidated List, read into a `ListedEntry`.

A record holds the name in up to four parts (FIRST_NAME ... FOURTH_NAME, Latin script), the
name in its original script (Arabic for most, Cyrillic for a few), aliases graded "Good" or
"Low" (a low-quality alias is a loose nickname or kunya: too vague to identify alone), dates of
birth (EXACT day or year, APPROXIMATELY a year, BETWEEN two years), places of birth,
nationalities and documents with countries in words. An alias may carry its own date and place
of birth, as stated in the documents the person used under that alias; those are kept with the
person's, so that a traveller under the alias is not contradicted by a date they never claimed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any, Literal

from .countries import country_code
from .dates import iso_day, iso_year
from .model import IssueLog, ListedDocument, ListedEntry, ListedName, Quality
from .text import clean, script_of

NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
_QUALITIES: dict[str, Quality] = {"good": "good", "low": "low"}
_SEXES: dict[str, Literal["M", "F"] | None] = {"male": "M", "female": "F", "unknown": None}
# A BETWEEN range wider than this is not a birth year the list vouches for.
MAX_YEAR_SPAN = 20


def read_individual(element: ET.Element, log: IssueLog) -> ListedEntry | None:
    """The entry for one INDIVIDUAL element, or None (with an error logged) when it has no
    reference number or no name."""
    source_id = clean(element.findtext("REFERENCE_NUMBER"))
    if not source_id:
        data_id = clean(element.findtext("DATAID")) or "?"
        log.error("missing_id", "REFERENCE_NUMBER", f"individual DATAID {data_id} has no reference")
        return None
    primary = " ".join(filter(None, (clean(element.findtext(tag)) for tag in NAME_PARTS)))
    if not primary:
        log.error("missing_name", "FIRST_NAME", "individual has no name", source_id=source_id)
        return None
    return _Reader(element, source_id, log).entry(primary)


class _Reader:
    """Reads the parts of one record, logging what it drops and keeping details in `extra`."""

    def __init__(self, element: ET.Element, source_id: str, log: IssueLog) -> None:
        self.element = element
        self.source_id = source_id
        self.log = log
        self.extra: dict[str, Any] = {}

    def entry(self, primary: str) -> ListedEntry:
        birth_dates, birth_places = self.births()
        return ListedEntry(
            source_id=self.source_id,
            names=self.names(primary),
            birth_dates=birth_dates,
            birth_places=birth_places,
            nationalities=self.nationalities(),
            sex=self.sex(),
            documents=self.documents(),
            listed_on=self.listed_on(),
            list_type=clean(self.element.findtext("UN_LIST_TYPE")) or None,
            comments=clean(self.element.findtext("COMMENTS1")) or None,
            extra=self.details(),  # last: the readers above add their notes to `extra`
        )

    def warn(self, code: str, field_name: str, message: str) -> None:
        self.log.warn(code, field_name, message, source_id=self.source_id)

    def keep(self, key: str, value: str) -> None:
        if value:
            self.extra.setdefault(key, []).append(value)

    def values(self, path: str) -> list[str]:
        return [text for e in self.element.findall(path) if (text := clean(e.text))]

    def names(self, primary: str) -> tuple[ListedName, ...]:
        names = [ListedName(primary, script_of(primary), "primary")]
        original = clean(self.element.findtext("NAME_ORIGINAL_SCRIPT"))
        if original:
            names.append(ListedName(original, script_of(original), "original_script"))
        for alias in self.element.findall("INDIVIDUAL_ALIAS"):
            name = clean(alias.findtext("ALIAS_NAME"))
            if name:
                names.append(ListedName(name, script_of(name), "alias", self.quality(alias)))
        return tuple(names)

    def quality(self, alias: ET.Element) -> Quality | None:
        stated = clean(alias.findtext("QUALITY"))
        quality = _QUALITIES.get(stated.casefold())
        if stated and quality is None:
            self.warn("unknown_alias_quality", "QUALITY", f"alias quality {stated!r} is unknown")
        return quality

    def births(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        dates = [d for s in self.element.findall("INDIVIDUAL_DATE_OF_BIRTH") for d in self.dob(s)]
        places = [_place(p) for p in self.element.findall("INDIVIDUAL_PLACE_OF_BIRTH")]
        for alias in self.element.findall("INDIVIDUAL_ALIAS"):
            dates.extend(self.alias_dob(alias))
            places.append(_alias_place(alias))
            note = clean(alias.findtext("NOTE"))
            self.keep(
                "alias_notes", f"{clean(alias.findtext('ALIAS_NAME'))}: {note}" if note else ""
            )
        return _unique(dates), _unique(places)

    def dob(self, stated: ET.Element) -> list[str]:
        kind = clean(stated.findtext("TYPE_OF_DATE")).upper()
        self.keep("birth_date_notes", clean(stated.findtext("NOTE")))
        if kind == "BETWEEN":
            return self.between(stated)
        values: list[str] = []
        for tag, read in (("DATE", iso_day), ("YEAR", iso_year)):
            text = clean(stated.findtext(tag))
            value = read(text) if text else None
            if text and value is None:
                self.warn(
                    "bad_birth_date", "INDIVIDUAL_DATE_OF_BIRTH", f"{tag} {text!r} is not a date"
                )
            elif value is not None:
                values.append(value)
                self.keep(
                    "birth_date_notes", f"approximately {value}" if kind == "APPROXIMATELY" else ""
                )
        return values

    def between(self, stated: ET.Element) -> list[str]:
        low = iso_year(clean(stated.findtext("FROM_YEAR")))
        high = iso_year(clean(stated.findtext("TO_YEAR")))
        if low is None or high is None or not 0 <= int(high) - int(low) <= MAX_YEAR_SPAN:
            message = f"BETWEEN {low}..{high} is not a range of at most {MAX_YEAR_SPAN} years"
            self.warn("bad_birth_date", "INDIVIDUAL_DATE_OF_BIRTH", message)
            return []
        self.keep("birth_date_notes", f"between {low} and {high}")
        return [str(year) for year in range(int(low), int(high) + 1)]

    def alias_dob(self, alias: ET.Element) -> list[str]:
        text = clean(alias.findtext("DATE_OF_BIRTH"))
        value = (iso_day(text) or iso_year(text)) if text else None
        if text and value is None:
            self.warn(
                "bad_birth_date", "INDIVIDUAL_ALIAS", f"alias birth date {text!r} is not a date"
            )
        return [value] if value else []

    def nationalities(self) -> tuple[str, ...]:
        codes: list[str] = []
        for stated in self.values("NATIONALITY/VALUE"):
            code = country_code(stated)
            if code is None:
                message = f"nationality {stated!r} is not a country name in the table; left out"
                self.warn("unknown_country", "NATIONALITY", message)
                self.keep("nationalities_as_listed", stated)
            else:
                codes.append(code)
        return tuple(dict.fromkeys(codes))

    def sex(self) -> Literal["M", "F"] | None:
        stated = clean(self.element.findtext("GENDER"))
        if stated and stated.casefold() not in _SEXES:
            self.warn("unknown_sex", "GENDER", f"gender {stated!r} is unknown; left out")
        return _SEXES.get(stated.casefold())

    def documents(self) -> tuple[ListedDocument, ...]:
        documents = (self.document(d) for d in self.element.findall("INDIVIDUAL_DOCUMENT"))
        return tuple(d for d in documents if d is not None)

    def document(self, stated: ET.Element) -> ListedDocument | None:
        def text(tag: str) -> str:
            return clean(stated.findtext(tag))

        kinds = [kind for kind in (text("TYPE_OF_DOCUMENT"), text("TYPE_OF_DOCUMENT2")) if kind]
        notes = [*kinds[1:], text("NOTE")]
        notes += [f"issued on {v}" for v in [text("DATE_OF_ISSUE")] if v]
        notes += [f"issued in {v}" for v in [text("CITY_OF_ISSUE")] if v]
        code, as_listed = self.issuing_state(text("ISSUING_COUNTRY") or text("COUNTRY_OF_ISSUE"))
        note = "; ".join(filter(None, [*notes, as_listed]))
        if not text("NUMBER"):
            self.keep("documents_without_number", "; ".join(filter(None, [*kinds[:1], note])))
            return None
        return ListedDocument(text("NUMBER"), code, kinds[0] if kinds else None, note or None)

    def issuing_state(self, country: str) -> tuple[str | None, str]:
        """The country's code, or None and a note keeping the words when they are not mapped."""
        code = country_code(country) if country else None
        if not country or code is not None:
            return code, ""
        message = (
            f"issuing country {country!r} is not a country name in the table; kept in the note"
        )
        self.warn("unknown_country", "INDIVIDUAL_DOCUMENT", message)
        return None, f"issuing country as listed: {country}"

    def listed_on(self) -> str | None:
        stated = clean(self.element.findtext("LISTED_ON"))
        value = iso_day(stated) if stated else None
        if stated and value is None:
            self.warn("bad_date", "LISTED_ON", f"listing date {stated!r} is not a date; left out")
        return value

    def details(self) -> dict[str, Any]:
        self.extra["data_id"] = clean(self.element.findtext("DATAID"))
        for key, path in (("titles", "TITLE/VALUE"), ("designations", "DESIGNATION/VALUE")):
            for value in self.values(path):
                self.keep(key, value)
        for address in self.element.findall("INDIVIDUAL_ADDRESS"):
            self.keep("addresses", _place(address))
        updated = sorted(filter(None, map(iso_day, self.values("LAST_DAY_UPDATED/VALUE"))))
        if updated:
            self.extra["last_updated"] = updated[-1]
        return {key: value for key, value in self.extra.items() if value}


def _place(element: ET.Element) -> str:
    tags = ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")
    place = ", ".join(filter(None, (clean(element.findtext(tag)) for tag in tags)))
    note = clean(element.findtext("NOTE"))
    return f"{place} ({note})" if place and note else place or note


def _alias_place(alias: ET.Element) -> str:
    tags = ("CITY_OF_BIRTH", "COUNTRY_OF_BIRTH")
    return ", ".join(filter(None, (clean(alias.findtext(tag)) for tag in tags)))


def _unique(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value for value in values if value))
