"""The manifest as JSON-ready data: contract version 1 of docs/formats/paxlst.md.

Every key is always present (null when unknown); dates are ISO `YYYY-MM-DD`, local date-times
`YYYY-MM-DDTHH:MM` without a zone, because PAXLST sends airport-local times.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from .issues import Issue
from .model import Address, Document, Interchange, Leg, Manifest, Message, Traveller

CONTRACT_VERSION = 1


def manifest_json(manifest: Manifest) -> dict[str, Any]:
    """The JSON object `hudud manifest parse` prints.

    >>> manifest_json(Manifest())["contract"], manifest_json(Manifest())["valid"]
    (1, True)
    """
    return {
        "contract": CONTRACT_VERSION,
        "valid": manifest.valid,
        "interchanges": [_interchange(i) for i in manifest.interchanges],
        "messages": [_message(m) for m in manifest.messages],
        "list_type": manifest.list_type,
        "flight": {
            "carrier": manifest.flight.carrier,
            "number": manifest.flight.number,
            "legs": [_leg(leg) for leg in manifest.flight.legs],
        },
        "travellers": [_traveller(i, t) for i, t in enumerate(manifest.travellers)],
        "counts": {
            name: {"declared": count.declared, "found": count.found}
            for name, count in manifest.counts.items()
        },
        "findings": _issues(manifest.findings),
        "warnings": _issues(manifest.warnings),
        "errors": _issues(manifest.errors),
    }


def _interchange(interchange: Interchange) -> dict[str, Any]:
    return {
        "syntax": interchange.syntax,
        "syntax_version": interchange.syntax_version,
        "sender": interchange.sender,
        "recipient": interchange.recipient,
        "prepared": _moment(interchange.prepared),
        "control_ref": interchange.control_ref,
        "application_ref": interchange.application_ref,
        "service_characters": str(interchange.service),
        "una": interchange.una,
    }


def _message(message: Message) -> dict[str, Any]:
    party = message.reporting_party
    return {
        "reference": message.reference,
        "message_type": message.message_type,
        "version": message.version,
        "common_access_ref": message.common_access_ref,
        "part": message.part,
        "last_part": message.last_part,
        "list_type": message.list_type,
        "bgm_code": message.bgm_code,
        "document_id": message.document_id,
        "transaction_ref": message.transaction_ref,
        "reporting_party": None
        if party is None
        else {
            "name": party.name,
            "id": party.id,
            "contacts": [{"number": c.number, "type": c.type} for c in party.contacts],
        },
        "travellers": len(message.travellers),
        "declared_counts": dict(message.declared_counts),
        "segments": {"declared": message.segments_declared, "found": message.segments_found},
    }


def _leg(leg: Leg) -> dict[str, Any]:
    return {
        "flight": leg.flight,
        "carrier": leg.carrier,
        "departure": {
            "airport": leg.departure_airport,
            "qualifier": leg.departure_qualifier,
            "local": _moment(leg.departure_local),
        },
        "arrival": {
            "airport": leg.arrival_airport,
            "qualifier": leg.arrival_qualifier,
            "local": _moment(leg.arrival_local),
        },
    }


def _traveller(index: int, traveller: Traveller) -> dict[str, Any]:
    return {
        "index": index,
        "message": traveller.message,
        "role": traveller.role,
        "party": traveller.party,
        "in_transit": traveller.in_transit,
        "surname": traveller.surname,
        "given_names": traveller.given_names,
        "sex": traveller.sex,
        "birth_date": _day(traveller.birth_date),
        "birth_date_raw": traveller.birth_date_raw,
        "birth_date_candidates": [d.isoformat() for d in traveller.birth_date_candidates],
        "nationality": traveller.nationality,
        "country_of_residence": traveller.country_of_residence,
        "place_of_birth": traveller.place_of_birth,
        "port_of_embarkation": traveller.port_of_embarkation,
        "port_of_debarkation": traveller.port_of_debarkation,
        "clearance_place": traveller.clearance_place,
        "address": _address(traveller.address),
        "references": dict(traveller.references),
        "documents": [_document(d) for d in traveller.documents],
        "location": traveller.location.to_json() if traveller.location else None,
    }


def _document(document: Document) -> dict[str, Any]:
    return {
        "type": document.type,
        "number": document.number,
        "issuing_state": document.issuing_state,
        "expiry_date": _day(document.expiry_date),
        "expiry_date_raw": document.expiry_date_raw,
        "issue_date": _day(document.issue_date),
        "issue_date_raw": document.issue_date_raw,
    }


def _address(address: Address | None) -> dict[str, Any] | None:
    if address is None:
        return None
    return {
        "street": address.street,
        "city": address.city,
        "region": address.region,
        "postal_code": address.postal_code,
        "country": address.country,
    }


def _issues(issues: list[Issue]) -> list[dict[str, Any]]:
    return [issue.to_json() for issue in issues]


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _moment(value: datetime | None) -> str | None:
    return value.isoformat(timespec="minutes") if value is not None else None
