"""The interactive API answer to a submission: per traveller as stored JSON, and the CUSRES
interchange (`hudud.core.paxlst.response`) answering each PAXLST message."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from django.utils import timezone

from hudud.core import paxlst
from hudud.core.paxlst import response as iapi
from hudud.manifests.boarding import Decision
from hudud.manifests.models import Submission
from hudud.manifests.reading import Reading


def answer_write(
    submission: Submission,
    interchange: paxlst.Interchange,
    manifest: paxlst.Manifest,
    found: list[Reading],
    decisions: list[Decision],
    moment: datetime,
) -> None:
    by_message: dict[int, list[iapi.TravellerResponse]] = defaultdict(list)
    rows: list[dict[str, Any]] = []
    for reading, decision in zip(found, decisions, strict=True):
        references = {q: reading.fields["references"][q] for q in iapi.ECHOED_REFERENCES
                      if q in reading.fields["references"]}  # fmt: skip
        answer = iapi.TravellerResponse(decision.status, references, decision.detail)
        by_message[id(reading.message)].append(answer)
        rows.append(_response_row(reading, answer))
    messages = [
        iapi.response_for(m, by_message.get(id(m), [])) for m in manifest.messages if m.readable
    ]
    submission.responses = rows
    submission.response_edifact = iapi.write_response(
        messages,
        sender=interchange.recipient or "IQ-BORDER",
        recipient=interchange.sender or submission.carrier.code,
        control_ref=interchange.control_ref or "1",
        prepared=timezone.localtime(moment).replace(tzinfo=None),
        syntax=interchange.syntax or "UNOA",
    )


def _response_row(reading: Reading, answer: iapi.TravellerResponse) -> dict[str, Any]:
    fields = reading.fields
    return {
        "message": reading.message.reference,
        "list_type": reading.list_type,
        "position": reading.position,
        "surname": fields["surname"],
        "given_names": fields["given_names"],
        "document_number": fields["document_number"],
        "references": dict(answer.references),
        "status": answer.status,
        "code": answer.code,
        "text": answer.text,
    }
