"""The demo's watchlists: national lists of made-up people and documents, and the real UN list.

The national lists hold obviously invented names (ZZDEMO...), except the one entry journey 1
needs: a pilgrim on the Zurbatiya bus shares a listed person's name (in Latin and Persian
script), but the listed birth date is twenty years earlier, so secondary inspection can
dismiss the hit and clear the traveller (journey 2). The UN Security Council Consolidated List
is imported at load time from the shared data, through the import service, when the file is
there; nothing of it is copied into the repository.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings

from hudud.agencies.models import Agency, Officer
from hudud.common.actor import Actor
from hudud.common.env import env_str
from hudud.demo.scenarios import Person, watchlist_match
from hudud.watchlists import records
from hudud.watchlists.models import Watchlist, WatchlistEntry
from hudud.watchlists.sequence import revision_next
from hudud.watchlists.services import watchlist_import

UN_FILE_NAME = "un_consolidated_2026-02-27.xml"
MATCH_SOURCE_ID = "EB-2019-0417"


def un_list_path() -> Path:
    """The shared copy of the UN list (override with HUDUD_UN_LIST)."""
    default = Path(settings.BASE_DIR).parent / "shared" / "names" / UN_FILE_NAME
    return Path(env_str("HUDUD_UN_LIST", str(default)))


@dataclass(frozen=True)
class ListSpec:
    code: str
    name_en: str
    name_ar: str
    kind: str
    owner: str
    action: str
    legal_basis: str
    threshold: float


LISTS = (
    ListSpec(
        "national-entry-ban",
        "National entry ban (demo)",
        "قائمة منع الدخول الوطنية (تجريبية)",
        Watchlist.Kind.ENTRY_BAN,
        "moi-passports",
        Watchlist.Action.REFUSE_ENTRY,
        "Residency Law No. 76 of 2017, article on entry bans (demo reference)",
        0.8,
    ),
    ListSpec(
        "national-wanted",
        "National wanted persons (demo)",
        "قائمة المطلوبين الوطنية (تجريبية)",
        Watchlist.Kind.WANTED_PERSONS,
        "moi",
        Watchlist.Action.ARREST,
        "Code of Criminal Procedure No. 23 of 1971, arrest warrants (demo reference)",
        0.85,
    ),
    ListSpec(
        "lost-stolen-documents",
        "Lost and stolen travel documents (demo)",
        "وثائق السفر المفقودة والمسروقة (تجريبية)",
        Watchlist.Kind.LOST_STOLEN_DOCUMENTS,
        "moi-passports",
        Watchlist.Action.INFORM_OWNER,
        "Passports Law No. 32 of 2015, reported losses (demo reference)",
        0.9,
    ),
    ListSpec(
        "un-consolidated",
        "UN Security Council Consolidated List",
        "القائمة الموحدة لمجلس الأمن الدولي",
        Watchlist.Kind.INTERNATIONAL,
        "moi-passports",
        Watchlist.Action.INFORM_OWNER,
        "UN Security Council resolutions under Chapter VII (travel ban measures)",
        0.85,
    ),
)

# Invented people: nobody is called this. (names, birth date, nationality, sex)
_BANNED = (
    (("ZZDEMO QWERTYAN", "ززديمو كويرتيان"), "1971-02-03", "SYR", "M"),
    (("YYDEMO ASDFGHOV",), "1983", "AZE", "M"),
    (("XXDEMO ZXCVBNI", "اکسدمو زکسوبنی"), "1990-11-30", "IRN", "F"),
)
_WANTED = (
    (("ZZDEMO WANTEDSON", "ززديمو مطلوبسون"), "1979-05-06", "IRQ", "M"),
    (("QQDEMO FICTIVUS",), "1966", "JOR", "M"),
    (("WWDEMO PLACEHOLDA",), "1988-08-08", "TUR", "F"),
)
# Lost and stolen passports: numbers no demo passport uses (issuers' styles never start "ZZ").
_DOCUMENTS = (("ZZ0000001", "IRQ"), ("ZZ0000002", "IRQ"), ("ZZ0000003", "IRN"))


@dataclass
class WatchlistsReport:
    lists: int = 0
    entries: int = 0
    un_imported: bool = False
    un_entries: int = 0


def watchlists_load(*, admin: Officer) -> WatchlistsReport:
    """Create the demo lists and their entries; import the UN list as `admin` (agency
    administrator of the list's owner). Call inside the demo's transaction."""
    agencies = {a.code: a for a in Agency.objects.filter(code__in={s.owner for s in LISTS})}
    lists = {
        spec.code: Watchlist.objects.get_or_create(
            code=spec.code,
            defaults={**vars(spec), "owner": agencies[spec.owner]},
        )[0]
        for spec in LISTS
    }
    report = WatchlistsReport(lists=len(lists))
    revision = revision_next()
    rows = _people(lists["national-entry-ban"], _BANNED, revision, "EB")
    rows.append(_matched(lists["national-entry-ban"], watchlist_match(), revision))
    rows += _people(lists["national-wanted"], _WANTED, revision, "WP")
    rows += _documents(lists["lost-stolen-documents"], revision)
    WatchlistEntry.objects.bulk_create(rows)
    report.entries = len(rows)
    path = un_list_path()
    if path.exists():
        summary = watchlist_import(
            actor=Actor(admin),
            watchlist_code="un-consolidated",
            data=path.read_bytes(),
            file_name=path.name,
            file_format="un-xml",
        )
        report.un_imported, report.un_entries = True, summary.added
    return report


def _entry(
    watchlist: Watchlist,
    source_id: str,
    names: list[dict[str, str]],
    revision: int,
    **fields: object,
) -> WatchlistEntry:
    content = {"names": names, **fields}
    return WatchlistEntry(
        watchlist=watchlist,
        source_id=source_id,
        origin=WatchlistEntry.Origin.MANUAL,
        names=names,
        search_text=records.search_text(names),
        content_hash=records.manual_content_hash(content),
        revision=revision,
        **fields,
    )


def _names(*names: str) -> list[dict[str, str]]:
    return [
        {
            "name": name,
            "script": "latin" if name.isascii() else "arabic",
            "kind": "primary" if i == 0 else "original_script",
            "quality": "good",
        }
        for i, name in enumerate(names)
    ]


def _people(
    watchlist: Watchlist,
    people: tuple[tuple[tuple[str, ...], str, str, str], ...],
    revision: int,
    prefix: str,
) -> list[WatchlistEntry]:
    return [
        _entry(
            watchlist,
            f"{prefix}-DEMO-{i + 1:03d}",
            _names(*names),
            revision,
            birth_dates=[born],
            nationalities=[nationality],
            sex=sex,
            listed_on=date(2021, 1, 1),
        )
        for i, (names, born, nationality, sex) in enumerate(people)
    ]


def _matched(watchlist: Watchlist, person: Person, revision: int) -> WatchlistEntry:
    """The listed namesake of a pilgrim: same name, born twenty years earlier."""
    born = person.birth_date.replace(year=person.birth_date.year - 20)
    return _entry(
        watchlist,
        MATCH_SOURCE_ID,
        _names(f"{person.given_names} {person.surname}", person.name_ar),
        revision,
        birth_dates=[born.isoformat()],
        nationalities=[person.nationality],
        sex=person.sex,
        listed_on=date(2019, 4, 17),
    )


def _documents(watchlist: Watchlist, revision: int) -> list[WatchlistEntry]:
    return [
        _entry(
            watchlist,
            f"LSD-DEMO-{number}",
            [],
            revision,
            documents=[{"number": number, "issuing_state": state, "kind": "passport"}],
            listed_on=date(2025, 1, 15),
        )
        for number, state in _DOCUMENTS
    ]
