"""Who on a manifest arrived, who did not, and who arrived without being on one.

A manifest traveller and a crossing recorded at the flight's airport are the same person when
the document shown matches the manifest's (issuing state and number), else when surname and
birth date match (and the first given names agree when both have them). Entries and refusals
both count as arrivals: a refused traveller was on the aircraft.

After the scheduled arrival plus a grace period (`HUDUD_MANIFEST_GRACE_MINUTES`) a manifest
traveller with no crossing is a no-show. A crossing at the airport from a little before the
arrival (`HUDUD_MANIFEST_EARLY_MINUTES`) to the end of the grace period that matches no
manifest of any flight arriving there around then was not on a manifest; when flights land
close together it is put on the flight that landed last before it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from hudud.border.models import Crossing
from hudud.manifests import conf
from hudud.manifests.models import Flight, ManifestTraveller
from hudud.manifests.versions import normalised

# The few ICAO state codes that are not ISO alpha-3 (Germany's D in the MRZ).
_STATE_ALIASES = {"D": "DEU"}
ARRIVAL_KINDS = (Crossing.Kind.ENTRY, Crossing.Kind.REFUSAL)
_MATCHED_FIELDS = (
    "pk", "surname", "given_names", "birth_date", "document_number", "document_issuing_state",
)  # fmt: skip


def state_code(code: str) -> str:
    code = code.strip().upper()
    return _STATE_ALIASES.get(code, code)


def state_variants(code: str) -> list[str]:
    """Every spelling of an issuing state a manifest or an MRZ may use."""
    canonical = state_code(code)
    return [canonical, *(alias for alias, full in _STATE_ALIASES.items() if full == canonical)]


def document_key(state: str, number: str) -> tuple[str, str] | None:
    number = number.strip().upper()
    return (state_code(state), number) if number else None


def _first_name(given: str) -> str:
    parts = normalised(given).split(" ")
    return parts[0] if parts else ""


def name_key(surname: str, birth: date | None) -> tuple[str, date] | None:
    surname = normalised(surname)
    return (surname, birth) if surname and birth is not None else None


def same_given(a: str, b: str) -> bool:
    first_a, first_b = _first_name(a), _first_name(b)
    return not first_a or not first_b or first_a == first_b


class Matcher:
    """Finds the manifest traveller a crossing (or a presented document) belongs to."""

    def __init__(self, travellers: Iterable[ManifestTraveller]) -> None:
        self.by_document: dict[tuple[str, str], ManifestTraveller] = {}
        self.by_name: dict[tuple[str, date], list[ManifestTraveller]] = {}
        # Rows come in order of preference (the caller sorts): the first for a key wins.
        for row in travellers:
            key = document_key(row.document_issuing_state, row.document_number)
            if key is not None:
                self.by_document.setdefault(key, row)
            named = name_key(row.surname, row.birth_date)
            if named is not None:
                self.by_name.setdefault(named, []).append(row)

    def find(
        self, *, state: str, number: str, surname: str, given_names: str, birth: date | None
    ) -> tuple[ManifestTraveller, str] | None:
        key = document_key(state, number)
        if key is not None and key in self.by_document:
            return self.by_document[key], "document"
        named = name_key(surname, birth)
        for row in self.by_name.get(named, []) if named else []:
            if same_given(row.given_names, given_names):
                return row, "name_and_birth_date"
        return None

    def find_crossing(self, crossing: Crossing) -> tuple[ManifestTraveller, str] | None:
        person, document = crossing.traveller, crossing.document
        return self.find(
            state=document.issuing_state,
            number=document.number,
            surname=person.surname,
            given_names=person.given_names,
            birth=person.birth_date,
        )


@dataclass
class Reconciliation:
    """Arrivals matched to the manifest (row id -> crossing), no-shows, arrivals off-manifest."""

    arrived: dict[object, Crossing] = field(default_factory=dict)
    no_shows: list[ManifestTraveller] = field(default_factory=list)
    not_on_manifest: list[Crossing] = field(default_factory=list)
    closed: bool = False


def reconcile(
    flight: Flight, travellers: Sequence[ManifestTraveller], now: datetime
) -> Reconciliation:
    """Match the airport's arrivals around the flight to its current manifest (4 queries)."""
    arrival = flight.scheduled_arrival
    result = Reconciliation(closed=now >= arrival + conf.grace())
    start = arrival - conf.early()
    if now < start:
        return result
    after, before = conf.match_window()
    crossings = list(
        Crossing.objects.filter(
            crossing_point_id=flight.crossing_point_id,
            kind__in=ARRIVAL_KINDS,
            occurred_at__gte=start,
            occurred_at__lte=min(now, arrival + after),
        )
        .select_related("document", "traveller")
        .order_by("occurred_at")
    )
    own = Matcher(travellers)
    loose: list[Crossing] = []
    for crossing in crossings:
        found = own.find_crossing(crossing)
        if found is not None and found[0].pk not in result.arrived:
            result.arrived[found[0].pk] = crossing
        elif crossing.occurred_at <= arrival + conf.grace():
            loose.append(crossing)
    if result.closed:
        result.no_shows = [row for row in travellers if row.pk not in result.arrived]
    result.not_on_manifest = _off_manifest(flight, loose, after + before)
    return result


def _off_manifest(flight: Flight, loose: list[Crossing], reach: timedelta) -> list[Crossing]:
    if not loose:
        return []
    arrival = flight.scheduled_arrival
    neighbours = list(
        Flight.objects.filter(
            crossing_point_id=flight.crossing_point_id,
            scheduled_arrival__gte=arrival - reach,
            scheduled_arrival__lte=arrival + reach,
        ).values_list("pk", "scheduled_arrival")
    )
    rows = ManifestTraveller.objects.filter(
        flight_id__in=[pk for pk, _ in neighbours if pk != flight.pk], removed_at__isnull=True
    )
    others = Matcher(rows.only(*_MATCHED_FIELDS))
    return [
        c
        for c in loose
        if others.find_crossing(c) is None and _belongs_to(flight, c.occurred_at, neighbours)
    ]


def _belongs_to(
    flight: Flight, moment: datetime, flights: Sequence[tuple[object, datetime]]
) -> bool:
    """Whether an unexplained arrival at `moment` is put on `flight`: the flight that landed
    last before it among those whose window holds it, else the first of them."""
    early, grace = conf.early(), conf.grace()
    holding = sorted(
        (arrival, pk) for pk, arrival in flights if arrival - early <= moment <= arrival + grace
    )
    landed = [pair for pair in holding if pair[0] <= moment]
    chosen = landed[-1] if landed else holding[0] if holding else None
    return chosen is not None and chosen[1] == flight.pk
