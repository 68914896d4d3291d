"""State changes of advance passenger information, one function each: they check access, own
their transaction and write their audit event in it.

Receiving a carrier's interchange (`manifest_receive`) lives in `receiving.py` and is
re-exported here, so callers find every state change in one place.
"""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from hudud.agencies.models import Officer
from hudud.agencies.tokens import token_issue
from hudud.audit.services import audit_record
from hudud.common.actor import Actor
from hudud.common.errors import AccessDenied, ServiceError
from hudud.manifests.models import Carrier
from hudud.manifests.receiving import Receipt, manifest_receive

__all__ = ["Receipt", "carrier_register", "carrier_token_issue", "manifest_receive"]

_CARRIER_CODE = re.compile(r"[A-Z0-9]{2,3}")


def carrier_register(
    *, actor: Actor, code: str, name: str, username: str, token_days: int = 365
) -> tuple[Carrier, str]:
    """Register a carrier and its one system account; returns the carrier and the account's
    API token in clear (shown once). Agency administrators only: the account belongs to their
    agency, the one receiving the lists."""
    if actor.officer.role != Officer.Role.AGENCY_ADMIN:
        raise AccessDenied("only an agency administrator registers a carrier")
    code = code.strip().upper()
    if not _CARRIER_CODE.fullmatch(code):
        raise ServiceError.one(
            "invalid_value", "code", "an IATA airline designator: 2 or 3 letters or digits"
        )
    if not name.strip():
        raise ServiceError.one("required", "name", "the carrier's name is required")
    with transaction.atomic():
        carrier = Carrier.objects.select_for_update().filter(code=code).first()
        if carrier is not None and carrier.account_id is not None:
            raise ServiceError.one(
                "duplicate", "code", f"carrier {code} already has an account", 409
            )
        user_model = get_user_model()
        if user_model.objects.filter(username=username).exists():
            raise ServiceError.one("duplicate", "username", f"{username!r} is taken", 409)
        user = user_model.objects.create_user(username=username, password=None)
        account = Officer.objects.create(
            user=user,
            agency=actor.officer.agency,
            badge_number=f"CARRIER-{code}",
            role=Officer.Role.CARRIER,
        )
        if carrier is None:
            carrier = Carrier.objects.create(code=code, name=name.strip(), account=account)
        else:
            carrier.account, carrier.name = account, name.strip()
            carrier.save(update_fields=["account", "name"])
        _, clear = token_issue(officer=account, name=f"carrier {code}", days=token_days)
        audit_record(
            actor=actor,
            action="carrier.register",
            object_type="carrier",
            object_id=code,
            details={"name": carrier.name, "account": username},
        )
    return carrier, clear


def carrier_token_issue(*, actor: Actor, code: str, token_days: int = 365) -> str:
    """A fresh API token for a carrier's account, revoking the ones issued before (rotation,
    or a token lost by the carrier). Agency administrators of the account's agency only."""
    if actor.officer.role != Officer.Role.AGENCY_ADMIN:
        raise AccessDenied("only an agency administrator issues a carrier's token")
    carrier = Carrier.objects.select_related("account").filter(code=code.strip().upper()).first()
    if carrier is None or carrier.account is None:
        raise ServiceError.one("not_found", "code", f"no carrier {code!r} with an account", 404)
    if carrier.account.agency_id != actor.officer.agency_id:
        raise AccessDenied("the carrier's account belongs to another agency", "code")
    with transaction.atomic():
        carrier.account.api_tokens.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        _, clear = token_issue(
            officer=carrier.account, name=f"carrier {carrier.code}", days=token_days
        )
        audit_record(
            actor=actor,
            action="carrier.token_issue",
            object_type="carrier",
            object_id=carrier.code,
            details={"days": token_days},
        )
    return clear
