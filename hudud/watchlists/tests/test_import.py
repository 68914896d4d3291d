"""Importing list files: the real UN Consolidated List, incrementally, and national CSV files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import make_officer
from hudud.agencies.models import Officer
from hudud.audit.models import AuditEvent
from hudud.common.actor import Actor
from hudud.common.errors import ServiceError
from hudud.watchlists import services
from hudud.watchlists.models import ImportRun, Watchlist, WatchlistEntry
from hudud.watchlists.tests.conftest import SHARED_NAMES, add_entry, make_list, un_file


def import_un(admin: Officer, day: str, code: str = "un") -> services.ImportSummary:
    return services.watchlist_import(
        actor=Actor(admin),
        watchlist_code=code,
        data=un_file(day),
        file_name=f"un_consolidated_{day}.xml",
        file_format="un-xml",
    )


def delisted_references() -> set[str]:
    path = SHARED_NAMES / "un_delisted_2018.jsonl"
    if not path.exists():
        pytest.skip("un_delisted_2018.jsonl is not here")
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return {json.loads(line)["reference_number"] for line in lines if line.strip()}


@pytest.mark.django_db
def test_the_2026_un_list_is_imported_whole_with_its_record_and_audit_event(list_admin):
    make_list("un", kind="international", action="inform_owner")
    summary = import_un(list_admin, "2026-02-27")
    assert (summary.added, summary.changed, summary.removed, summary.unchanged) == (730, 0, 0, 0)
    assert summary.generated_on == "2026-02-27T00:00:09.554Z"
    assert WatchlistEntry.objects.filter(watchlist__code="un").count() == 730
    entry = WatchlistEntry.objects.get(watchlist__code="un", source_id="IQi.002")
    assert entry.names[:2] == [
        {"name": "QUSAY SADDAM HUSSEIN AL-TIKRITI", "script": "latin", "kind": "primary",
         "quality": None},
        {"name": "قصي صدام حسين التكريتي", "script": "arabic", "kind": "original_script",
         "quality": None},
    ]  # fmt: skip
    assert (entry.nationalities, entry.birth_dates) == (["IRQ"], ["1965", "1966"])
    assert entry.revision == summary.revision
    run = ImportRun.objects.get()
    assert (run.officer, run.added, run.sha256) == (list_admin, 730, summary.sha256)
    event = AuditEvent.objects.get(action="watchlist.import")
    assert (event.object_id, event.details["added"]) == ("un", 730)


@pytest.mark.django_db
def test_importing_the_same_file_again_changes_nothing(list_admin):
    make_list("un", kind="international")
    first = import_un(list_admin, "2026-02-27")
    before = dict(WatchlistEntry.objects.values_list("pk", "revision"))
    again = import_un(list_admin, "2026-02-27")
    assert (again.added, again.changed, again.removed, again.unchanged) == (0, 0, 0, 730)
    assert again.revision is None
    assert dict(WatchlistEntry.objects.values_list("pk", "revision")) == before
    assert again.sha256 == first.sha256
    assert ImportRun.objects.count() == 2


@pytest.mark.django_db
def test_the_2026_list_over_the_2018_one_removes_the_delisted_and_keeps_their_history(
    list_admin,
):
    make_list("un", kind="international")
    old = import_un(list_admin, "2018-10-29")
    new = import_un(list_admin, "2026-02-27")
    assert old.added == 703
    assert (new.added, new.removed) == (81, 54)
    assert new.added + new.changed + new.unchanged == 730
    delisted = delisted_references()
    removed = WatchlistEntry.objects.filter(watchlist__code="un", removed_at__isnull=False)
    assert delisted <= set(removed.values_list("source_id", flat=True))
    assert removed.count() == 54
    # Kept, not deleted, and stamped with the import's revision so indexes drop them.
    assert set(removed.values_list("revision", flat=True)) == {new.revision}
    in_force = WatchlistEntry.objects.filter(watchlist__code="un", removed_at__isnull=True)
    assert in_force.count() == 730
    untouched = in_force.filter(revision=old.revision).count()
    assert untouched == new.unchanged


@pytest.mark.django_db
def test_a_person_listed_again_after_removal_is_the_same_entry_brought_back(list_admin):
    make_list("un", kind="international")
    import_un(list_admin, "2018-10-29")
    import_un(list_admin, "2026-02-27")
    reference = sorted(delisted_references())[0]
    row = WatchlistEntry.objects.get(source_id=reference)
    assert row.removed_at is not None
    back = import_un(list_admin, "2018-10-29")
    row.refresh_from_db()
    assert row.removed_at is None
    assert row.revision == back.revision
    assert WatchlistEntry.objects.filter(source_id=reference).count() == 1


@pytest.mark.django_db
def test_entries_added_by_hand_are_not_removed_by_an_import(list_admin):
    make_list("un", kind="international")
    manual = add_entry(list_admin, "un", names=("Zzyzx Testperson",))
    summary = import_un(list_admin, "2026-02-27")
    manual.refresh_from_db()
    assert manual.removed_at is None
    assert summary.removed == 0


CSV = (
    "ref;full_name;name_ar;dob;nat;passport;state\n"
    "EB-1;ZZTEST QWERTYAN;زززتست;1970-01-02;IRN;Z1234567;IRN\n"
    "EB-2;YYTEST ASDFGHOV;;1981;SYR;;\n"
)
MAPPING = {
    "id": "ref",
    "names": [{"column": "full_name"}, {"column": "name_ar", "kind": "original_script"}],
    "birth_date": "dob",
    "date_formats": ["%Y-%m-%d", "%Y"],
    "nationality": "nat",
    "document_number": "passport",
    "document_issuing_state": "state",
}


def import_csv(admin: Officer, text: str, mapping: dict | None = MAPPING) -> services.ImportSummary:
    return services.watchlist_import(
        actor=Actor(admin),
        watchlist_code="entry-ban",
        data=text.encode("utf-8"),
        file_name="bans.csv",
        file_format="csv",
        mapping=mapping,
    )


@pytest.mark.django_db
def test_a_national_csv_is_imported_through_its_column_mapping(list_admin):
    make_list()
    summary = import_csv(list_admin, CSV)
    assert summary.added == 2
    first = WatchlistEntry.objects.get(source_id="EB-1")
    assert [n["name"] for n in first.names] == ["ZZTEST QWERTYAN", "زززتست"]
    assert first.documents == [{"number": "Z1234567", "issuing_state": "IRN", "kind": ""}]
    assert first.birth_dates == ["1970-01-02"]
    changed = import_csv(list_admin, CSV.replace("1981", "1982").replace("EB-1;", "EB-3;"))
    assert (changed.added, changed.changed, changed.removed) == (1, 1, 1)


@pytest.mark.django_db
def test_a_bad_mapping_is_refused_naming_each_bad_key(list_admin):
    make_list()
    with pytest.raises(ServiceError) as raised:
        import_csv(list_admin, CSV, {"id": "ref", "names": ["full_name"], "birthdate": "dob"})
    assert [p.field for p in raised.value.problems] == ["mapping.birthdate"]
    with pytest.raises(ServiceError) as missing:
        import_csv(list_admin, CSV, None)
    assert missing.value.problems[0].field == "mapping"


@pytest.mark.django_db
def test_a_file_that_is_not_the_format_removes_nothing_and_is_refused(list_admin):
    make_list("un", kind="international")
    import_un(list_admin, "2026-02-27")
    with pytest.raises(ServiceError) as raised:
        services.watchlist_import(
            actor=Actor(list_admin),
            watchlist_code="un",
            data=b"<html><body>not the list</body></html>",
            file_name="page.html",
            file_format="un-xml",
        )
    assert raised.value.status == 422
    assert raised.value.problems[0].field.startswith("file")
    assert WatchlistEntry.objects.filter(removed_at__isnull=False).count() == 0


@pytest.mark.django_db
def test_only_an_administrator_of_the_owning_agency_imports(list_admin, officer):
    make_list("un", kind="international")
    other_admin = make_officer("bpc-admin", Officer.Role.AGENCY_ADMIN, "bpc")
    for who in (officer, other_admin):
        with pytest.raises(ServiceError) as raised:
            import_un(who, "2026-02-27")
        assert raised.value.status == 403
    assert WatchlistEntry.objects.count() == 0


@pytest.mark.django_db
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_any_uploaded_bytes_import_or_are_refused_naming_a_field_never_crash(list_admin, data):
    if not Watchlist.objects.filter(code="entry-ban").exists():
        make_list()
    for file_format, mapping in (("un-xml", None), ("csv", {"id": "ref", "names": "name"})):
        refused = None
        try:
            services.watchlist_import(
                actor=Actor(list_admin),
                watchlist_code="entry-ban",
                data=data,
                file_name="fuzz",
                file_format=file_format,
                mapping=mapping,
            )
        except ServiceError as error:
            refused = error
        if refused is not None:
            assert refused.status == 422
            assert all(p.field for p in refused.problems)
