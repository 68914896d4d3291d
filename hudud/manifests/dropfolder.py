"""A carrier's drop folder: each file delivered once, then filed under done/ or failed/.

Carriers that cannot call the API put their interchanges in a folder of their own (an SFTP
drop). A poll takes every file that has settled (not changed for a few seconds; names starting
with a dot or ending in .tmp or .part are being written), claims it by moving it to
processing/, receives it through the same service as the API, and files it:
- done/NAME when the list was received (or was a redelivery), with its answer beside it
  (done/NAME.cusres, the EDIFACT response);
- failed/NAME when it was refused, with failed/NAME.reason.json saying why.
The move comes after the database commit. A watcher stopped between the two finds the file in
processing/ at its next poll and delivers it again, which the service answers as a
redelivery: each file's list is recorded exactly once.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hudud.common.actor import Actor
from hudud.common.errors import AccessDenied, ServiceError
from hudud.core.paxlst.response import encode_response
from hudud.manifests.models import Carrier, Submission
from hudud.manifests.services import manifest_receive

DONE, FAILED, PROCESSING = "done", "failed", "processing"
_WRITING_SUFFIXES = (".tmp", ".part")


@dataclass(frozen=True)
class Filed:
    """What became of one file."""

    name: str
    status: str  # accepted, redelivery, rejected, conflict, too_large, error
    moved_to: str
    submission_id: str | None = None
    travellers: int = 0
    answers: dict[str, int] | None = None
    errors: list[dict[str, Any]] | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if v is not None}


def carrier_actor(code: str) -> Actor:
    """The carrier's system account, as the actor of its drop folder's deliveries."""
    carrier = Carrier.objects.select_related("account__agency", "account__user").filter(
        code=code.strip().upper()
    )
    found = carrier.first()
    if found is None or found.account is None or not found.active:
        raise AccessDenied(f"no active carrier {code!r} with an account", "carrier")
    return Actor(officer=found.account, source_ip=None)


def folder_poll(directory: Path, *, actor: Actor, settle_seconds: float = 5.0) -> list[Filed]:
    """Deliver every settled file of `directory` once; returns what became of each."""
    for name in (DONE, FAILED, PROCESSING):
        (directory / name).mkdir(exist_ok=True)
    claimed = sorted((directory / PROCESSING).iterdir())  # left by a watcher that stopped
    claimed += [c for c in (_claim(p, directory) for p in _settled(directory, settle_seconds)) if c]
    return [_deliver(path, directory, actor) for path in claimed if path.is_file()]


def _settled(directory: Path, settle_seconds: float) -> list[Path]:
    now = time.time()
    return sorted(
        path
        for path in directory.iterdir()
        if path.is_file()
        and not path.name.startswith(".")
        and not path.name.endswith(_WRITING_SUFFIXES)
        and now - path.stat().st_mtime >= settle_seconds
    )


def _claim(path: Path, directory: Path) -> Path | None:
    target = directory / PROCESSING / path.name
    try:
        # A rename is atomic: of two watchers on one folder, one gets the file.
        path.rename(target)
    except FileNotFoundError:
        return None
    return target


def _deliver(path: Path, directory: Path, actor: Actor) -> Filed:
    try:
        receipt = manifest_receive(
            actor=actor,
            data=path.read_bytes(),
            channel=Submission.Channel.DROP_FOLDER,
            file_name=path.name,
        )
    except ServiceError as error:
        status = {409: "conflict", 413: "too_large"}.get(error.status, "error")
        problems = [p.as_dict() for p in error.problems]
        return _failed(path, directory, status, problems, error.extra.get("submission_id"))
    submission = receipt.submission
    if submission.status == Submission.Status.REJECTED:
        return _failed(path, directory, "rejected", submission.errors, str(submission.pk))
    moved = _move(path, directory / DONE)
    response = encode_response(submission.response_edifact, _syntax(submission))
    moved.with_name(moved.name + ".cusres").write_bytes(response)
    answers: dict[str, int] = {}
    for row in submission.responses:
        answers[row["status"]] = answers.get(row["status"], 0) + 1
    return Filed(
        name=path.name,
        status="redelivery" if receipt.replayed else "accepted",
        moved_to=str(moved),
        submission_id=str(submission.pk),
        travellers=len(submission.responses),
        answers=answers,
    )


def _syntax(submission: Submission) -> str:
    interchanges = submission.parsed.get("interchanges") or [{}]
    return str(interchanges[0].get("syntax") or "UNOA")


def _failed(
    path: Path, directory: Path, status: str, errors: list[dict[str, Any]], submission: Any
) -> Filed:
    moved = _move(path, directory / FAILED)
    reason = {"file": path.name, "status": status, "submission_id": submission, "errors": errors}
    moved.with_name(moved.name + ".reason.json").write_text(
        json.dumps(reason, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return Filed(
        name=path.name,
        status=status,
        moved_to=str(moved),
        submission_id=str(submission) if submission else None,
        errors=errors,
    )


def _move(path: Path, folder: Path) -> Path:
    target = folder / path.name
    if target.exists():
        # The same name delivered again: keep both, the later one stamped.
        target = folder / f"{path.stem}.{time.strftime('%Y%m%dT%H%M%S')}{path.suffix}"
        counter = 1
        while target.exists():
            target = folder / f"{path.stem}.{time.strftime('%Y%m%dT%H%M%S')}-{counter}{path.suffix}"
            counter += 1
    return path.rename(target)
