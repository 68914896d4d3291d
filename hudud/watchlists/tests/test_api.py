"""The watchlist and alert endpoints with the shared cast: who sees what, and every read audited.

The cast: `officer` and `colleague` are primary-line officers of the Border Ports Commission
(at Zurbatiya and Baghdad airport), `supervisor` and `secondary` are posted at Zurbatiya,
`other_agency_officer` is a customs revenue officer at Umm Qasr, `auditor` is the Ministry of
Interior's; `list_admin` administers the Ministry of Interior's lists and `owner_officer` is an
analyst of that ministry.
"""

from __future__ import annotations

import pytest

from hudud.audit.models import AuditEvent
from hudud.common.actor import Actor
from hudud.watchlists import services
from hudud.watchlists.models import Alert, Clearance
from hudud.watchlists.tests.conftest import add_entry, make_list
from hudud.watchlists.tests.test_screening import LISTED, subject

JSON = "application/json"


@pytest.fixture
def alert(officer, list_admin):
    make_list()
    add_entry(list_admin, names=LISTED, birth_dates=("1951-02-03",), nationalities=("SYR",))
    outcome = services.traveller_screen(
        actor=Actor(officer), crossing_point_code="zurbatiya", subject=subject()
    )
    return Alert.objects.get(pk=outcome.hits[0].alert_id)


def statuses(client_for, people, method, url, body=None):
    out = {}
    for name, who in people.items():
        client = client_for(who)
        if method == "get":
            response = client.get(url)
        else:
            response = client.post(url, body or {}, content_type=JSON)
        out[name] = response.status_code
    return out


@pytest.fixture
def cast(officer, colleague, other_agency_officer, auditor, supervisor, secondary):
    return {
        "officer": officer,
        "colleague": colleague,
        "customs": other_agency_officer,
        "auditor": auditor,
        "supervisor": supervisor,
        "secondary": secondary,
    }


@pytest.mark.django_db
def test_the_alert_queue_is_for_secondary_supervisors_and_auditors(client_for, cast, alert):
    url = "/api/v1/alerts?crossing_point=zurbatiya"
    assert statuses(client_for, cast, "get", url) == {
        "officer": 403,
        "colleague": 403,
        "customs": 403,
        "auditor": 200,
        "supervisor": 200,
        "secondary": 200,
    }
    body = client_for(cast["secondary"]).get(url).json()
    assert [a["id"] for a in body] == [str(alert.pk)]
    assert body[0]["watchlist"] == "entry-ban"
    assert body[0]["subject"]["surname"] == "QWERTYANI"
    assert AuditEvent.objects.filter(action="alerts.list").count() == 4  # three, then one


@pytest.mark.django_db
def test_a_queue_elsewhere_than_ones_postings_is_refused(client_for, secondary, alert):
    response = client_for(secondary).get("/api/v1/alerts?crossing_point=baghdad-airport")
    assert response.status_code == 403
    assert response.json()["errors"][0]["field"] == "crossing_point"


@pytest.mark.django_db
def test_the_alert_detail_sets_the_traveller_beside_the_entry_with_the_lists_basis(
    client_for, cast, alert
):
    url = f"/api/v1/alerts/{alert.pk}"
    assert statuses(client_for, cast, "get", url) == {
        "officer": 403,
        "colleague": 403,
        "customs": 403,
        "auditor": 200,
        "supervisor": 200,
        "secondary": 200,
    }
    body = client_for(cast["secondary"]).get(url).json()
    assert body["subject"]["birth_date"] == "1971-02-03"
    assert body["entry"]["birth_dates"] == ["1951-02-03"]
    assert [n["name"] for n in body["entry"]["names"]] == list(LISTED)
    assert body["list_details"]["legal_basis"] == "Test basis, article 1"
    assert body["list_details"]["action"] == "refuse_entry"
    assert body["explanation"]["reason"] == "name"
    reads = AuditEvent.objects.filter(action="alert.read", object_id=str(alert.pk))
    assert reads.count() == 4


@pytest.mark.django_db
def test_an_unknown_alert_is_404_and_a_malformed_id_is_422(client_for, secondary, alert):
    client = client_for(secondary)
    assert client.get("/api/v1/alerts/00000000-0000-4000-8000-000000000000").status_code == 404
    assert client.get("/api/v1/alerts/not-a-uuid").status_code == 422


@pytest.mark.django_db
def test_only_secondary_and_supervisors_decide(client_for, cast, alert):
    url = f"/api/v1/alerts/{alert.pk}/dismiss"
    body = {"reason": "not the person"}
    deciders = {k: v for k, v in cast.items() if k not in ("secondary", "supervisor")}
    assert statuses(client_for, deciders, "post", url, body) == {
        "officer": 403,
        "colleague": 403,
        "customs": 403,
        "auditor": 403,
    }
    assert client_for(cast["supervisor"]).post(url, body, content_type=JSON).status_code == 200
    alert.refresh_from_db()
    assert (alert.status, alert.decided_by) == ("dismissed", cast["supervisor"])


@pytest.mark.django_db
def test_a_dismissal_without_a_reason_is_a_422_naming_reason(client_for, secondary, alert):
    response = client_for(secondary).post(
        f"/api/v1/alerts/{alert.pk}/dismiss", {"reason": ""}, content_type=JSON
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "reason"


@pytest.mark.django_db
def test_the_owning_agency_sees_the_alert_once_confirmed_and_its_notification(
    client_for, secondary, owner_officer, other_agency_officer, officer, auditor, alert
):
    owner = client_for(owner_officer)
    assert owner.get(f"/api/v1/alerts/{alert.pk}").status_code == 404
    confirm = client_for(secondary).post(
        f"/api/v1/alerts/{alert.pk}/confirm", {"reason": "documents match"}, content_type=JSON
    )
    assert confirm.status_code == 200
    assert owner.get(f"/api/v1/alerts/{alert.pk}").status_code == 200
    notes = owner.get("/api/v1/watchlists/notifications").json()
    assert [(n["agency"], n["alert"]["id"]) for n in notes] == [("moi", str(alert.pk))]
    assert client_for(auditor).get("/api/v1/watchlists/notifications").status_code == 200
    for outsider in (other_agency_officer, officer):
        assert client_for(outsider).get("/api/v1/watchlists/notifications").status_code == 403
    ack = owner.post(f"/api/v1/watchlists/notifications/{notes[0]['id']}/acknowledge")
    assert ack.status_code == 200
    assert ack.json()["acknowledged_at"] is not None
    assert AuditEvent.objects.filter(action="notification.acknowledge").count() == 1


@pytest.mark.django_db
def test_clearances_are_listed_for_deciders_and_auditors_and_revoked_by_supervisors(
    client_for, cast, alert
):
    dismissed = client_for(cast["secondary"]).post(
        f"/api/v1/alerts/{alert.pk}/dismiss",
        {"reason": "born 20 years later", "grant_clearance": True},
        content_type=JSON,
    )
    clearance = dismissed.json()["clearance"]
    assert clearance["document_number"] == "N1234567"
    url = "/api/v1/watchlists/clearances?document_number=N1234567&issuing_state=SYR"
    assert statuses(client_for, cast, "get", url) == {
        "officer": 403,
        "colleague": 403,
        "customs": 403,
        "auditor": 200,
        "supervisor": 200,
        "secondary": 200,
    }
    revoke = f"/api/v1/watchlists/clearances/{clearance['id']}/revoke"
    others = {k: cast[k] for k in ("officer", "customs", "auditor")}
    assert set(statuses(client_for, others, "post", revoke, {"reason": "x" * 5}).values()) == {403}
    response = client_for(cast["supervisor"]).post(
        revoke, {"reason": "new facts"}, content_type=JSON
    )
    assert response.status_code == 200
    assert Clearance.objects.get().revoke_reason == "new facts"


@pytest.mark.django_db
def test_entry_search_is_audited_and_closed_to_those_without_a_mandate(
    client_for, cast, owner_officer, alert
):
    url = "/api/v1/watchlists/entries?q=qwerty"
    people = {**cast, "owner": owner_officer}
    assert statuses(client_for, people, "get", url) == {
        "officer": 403,
        "colleague": 403,
        "customs": 403,
        "auditor": 200,
        "supervisor": 200,
        "secondary": 200,
        "owner": 200,
    }
    found = client_for(cast["secondary"]).get(url).json()
    assert [e["names"][0]["name"] for e in found] == ["ZORAVAR QWERTYANI"]
    assert AuditEvent.objects.filter(action="watchlist_entries.search").count() == 5


@pytest.mark.django_db
def test_the_list_of_watchlists_shows_no_one_without_a_part_in_screening(client_for, cast, alert):
    assert statuses(client_for, cast, "get", "/api/v1/watchlists") == {
        "officer": 200,
        "colleague": 200,
        "customs": 403,
        "auditor": 200,
        "supervisor": 200,
        "secondary": 200,
    }
    [listed] = client_for(cast["officer"]).get("/api/v1/watchlists").json()
    assert (listed["code"], listed["owner"], listed["entries_in_force"]) == ("entry-ban", "moi", 1)


CSV = "ref,name\nEB-9,ZZTEST QWERTYAN\n"


@pytest.mark.django_db
def test_an_import_is_for_the_owning_agencys_administrator_as_json_or_upload(
    client_for, cast, list_admin, alert
):
    body = {
        "format": "csv",
        "file_name": "bans.csv",
        "content": CSV,
        "mapping": {"id": "ref", "names": "name"},
    }
    url = "/api/v1/watchlists/entry-ban/imports"
    assert set(statuses(client_for, cast, "post", url, body).values()) == {403}
    response = client_for(list_admin).post(url, body, content_type=JSON)
    assert response.status_code == 201, response.json()
    assert (response.json()["added"], response.json()["removed"]) == (1, 0)
    upload = client_for(list_admin).post(
        f"{url}/upload",
        {
            "file": _file("bans.csv", CSV),
            "format": "csv",
            "mapping": '{"id": "ref", "names": "name"}',
        },
    )
    assert upload.status_code == 201, upload.json()
    assert upload.json()["unchanged"] == 1


@pytest.mark.django_db
def test_a_bad_import_request_names_its_field(client_for, list_admin, alert):
    client = client_for(list_admin)
    bad_format = {"format": "pdf", "file_name": "x", "content": "x"}
    response = client.post("/api/v1/watchlists/entry-ban/imports", bad_format, content_type=JSON)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "format"
    unknown = {
        "format": "csv",
        "file_name": "x",
        "content": "x",
        "mapping": {"id": "a", "names": "b"},
    }
    response = client.post("/api/v1/watchlists/no-such/imports", unknown, content_type=JSON)
    assert response.status_code == 404
    upload = client.post(
        "/api/v1/watchlists/entry-ban/imports/upload",
        {"file": _file("b.csv", CSV), "format": "csv", "mapping": "{not json"},
    )
    assert upload.status_code == 422
    assert upload.json()["errors"][0]["field"] == "mapping"


@pytest.mark.django_db
def test_entries_are_added_and_removed_by_hand_by_the_owning_agency(
    client_for, cast, list_admin, alert
):
    url = "/api/v1/watchlists/entry-ban/entries"
    body = {
        "names": [{"name": "YYDEMO ASDFGHOV"}],
        "birth_dates": ["1983"],
        "nationalities": ["AZE"],
    }
    assert set(statuses(client_for, cast, "post", url, body).values()) == {403}
    added = client_for(list_admin).post(url, body, content_type=JSON)
    assert added.status_code == 201, added.json()
    entry_id = added.json()["id"]
    bad = client_for(list_admin).post(
        url, {"names": [{"name": "X Y"}], "birth_dates": ["1983-13"]}, content_type=JSON
    )
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "birth_dates.0"
    removed = client_for(list_admin).post(
        f"{url}/{entry_id}/remove", {"reason": "listed in error"}, content_type=JSON
    )
    assert removed.status_code == 200
    assert removed.json()["removed_at"] is not None


@pytest.mark.django_db
def test_an_agency_administrator_creates_a_list_for_their_own_agency(
    client_for, list_admin, officer
):
    body = {
        "code": "missing-children",
        "name_en": "Missing children",
        "name_ar": "الأطفال المفقودون",
        "kind": "missing_children",
        "action": "inform_owner",
        "legal_basis": "Juvenile Welfare Law (test)",
        "threshold": 0.75,
    }
    assert (
        client_for(officer).post("/api/v1/watchlists", body, content_type=JSON).status_code == 403
    )
    created = client_for(list_admin).post("/api/v1/watchlists", body, content_type=JSON)
    assert created.status_code == 201, created.json()
    assert created.json()["owner"] == "moi"
    again = client_for(list_admin).post("/api/v1/watchlists", body, content_type=JSON)
    assert again.status_code == 409


def _file(name, text):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


@pytest.mark.django_db
def test_the_alert_queue_costs_the_same_queries_however_many_alerts(
    client_for, secondary, officer, list_admin, django_assert_max_num_queries
):
    make_list()
    add_entry(list_admin, names=LISTED)
    for number in range(5):  # five travellers, five passports: five alerts
        services.traveller_screen(
            actor=Actor(officer),
            crossing_point_code="zurbatiya",
            subject=subject(document_number=f"N000000{number}"),
        )
    assert Alert.objects.count() == 5
    client = client_for(secondary)
    # Token, posting check (two), the alerts with their entries and lists, the audit insert.
    with django_assert_max_num_queries(8):
        body = client.get("/api/v1/alerts?crossing_point=zurbatiya").json()
    assert len(body) == 5


@pytest.mark.django_db
def test_an_outsider_is_refused_before_their_request_is_judged(
    client_for, other_agency_officer, secondary
):
    """A customs officer learns nothing of the watchlist endpoints, not even what a valid
    request looks like: 403 before any 422. Officers who may search get the 422."""
    customs = client_for(other_agency_officer)
    assert customs.get("/api/v1/watchlists/entries", {"q": "x"}).status_code == 403
    bad_status = {"crossing_point": "zurbatiya", "status": "nonsense"}
    assert customs.get("/api/v1/alerts", bad_status).status_code == 403
    officer = client_for(secondary)
    short = officer.get("/api/v1/watchlists/entries", {"q": "x"})
    assert short.status_code == 422
    assert short.json()["errors"][0]["field"] == "q"
    wrong = officer.get("/api/v1/alerts", bad_status)
    assert wrong.status_code == 422
    assert wrong.json()["errors"][0]["field"] == "status"
