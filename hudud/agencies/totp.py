"""The officer's second factor: time-based one-time codes (RFC 6238, 30 s, 6 digits).

A secret is shown once, as text and as an `otpauth://` URI for an authenticator app, and
then exists only sealed (`hudud.agencies.sealing`). It is never written to a log or to the
audit trail. A code is accepted for the current step or one step either side (clock drift),
and never twice: the last accepted step is stored and a code for it or an earlier step is
refused, which stops a shoulder-surfed or phished code from being replayed.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import pyotp
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from hudud.agencies.models import TotpDevice
from hudud.agencies.sealing import seal, sealed_with_current_key, unseal
from hudud.audit.services import audit_record_system
from hudud.common.errors import NotFound

ISSUER = "Hudud"
STEP_SECONDS = 30
DRIFT_STEPS = 1


@dataclass(frozen=True)
class Enrolment:
    """A new secret, to be shown once."""

    secret: str
    uri: str


def _enrolment(user: AbstractBaseUser, secret: str) -> Enrolment:
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.get_username(), issuer_name=ISSUER)
    return Enrolment(secret=secret, uri=uri)


def has_second_factor(user: AbstractBaseUser) -> bool:
    return TotpDevice.objects.filter(user_id=user.pk, confirmed_at__isnull=False).exists()


def totp_enrol(user: AbstractBaseUser, *, confirmed: bool = False) -> Enrolment:
    """Give `user` a fresh secret, replacing any earlier one.

    Unconfirmed (the default) until the officer proves their app has it (`totp_confirm`);
    `confirmed=True` for secrets handed over by an operator or printed by the demo.
    """
    secret = pyotp.random_base32()
    TotpDevice.objects.update_or_create(
        user_id=user.pk,
        defaults={
            "secret_sealed": seal(secret),
            "confirmed_at": timezone.now() if confirmed else None,
            "last_step": 0,
        },
    )
    return _enrolment(user, secret)


def totp_confirm(user: AbstractBaseUser, code: str) -> bool:
    """Finish an enrolment with a first code from the officer's app."""
    with transaction.atomic():
        device = TotpDevice.objects.select_for_update().filter(user_id=user.pk).first()
        if device is None or device.confirmed_at is not None:
            return False
        if not _accept(device, code):
            return False
        TotpDevice.objects.filter(pk=device.pk).update(confirmed_at=timezone.now())
    return True


def totp_verify(user: AbstractBaseUser, code: str) -> bool:
    """Whether `code` is a fresh, valid code of `user`'s confirmed device."""
    with transaction.atomic():
        device = (
            TotpDevice.objects.select_for_update()
            .filter(user_id=user.pk, confirmed_at__isnull=False)
            .first()
        )
        return device is not None and _accept(device, code)


def _accept(device: TotpDevice, code: str) -> bool:
    code = code.strip().replace(" ", "")
    if not (code.isdigit() and len(code) == 6):
        return False
    totp = pyotp.TOTP(unseal(device.secret_sealed))
    now_step = int(time.time()) // STEP_SECONDS
    for step in range(now_step - DRIFT_STEPS, now_step + DRIFT_STEPS + 1):
        if step > device.last_step and totp.verify(code, for_time=step * STEP_SECONDS):
            TotpDevice.objects.filter(pk=device.pk).update(last_step=step)
            return True
    return False


def totp_code_now(user: AbstractBaseUser) -> str:
    """The code `user`'s app shows now (tests and the demo's browser walk-throughs)."""
    device = TotpDevice.objects.get(user_id=user.pk)
    return pyotp.TOTP(unseal(device.secret_sealed)).now()


def totp_reset(*, operator: str, username: str) -> Enrolment:
    """An operator issues a new secret for `username` (lost phone, suspected copy): the old
    one stops working at once. Audited without the secret."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise NotFound("username", f"no account named {username!r}")
    with transaction.atomic():
        enrolment = totp_enrol(user, confirmed=True)
        audit_record_system(
            action="account.totp_reset",
            object_type="account",
            object_id=username,
            username=operator,
        )
    return enrolment


def totp_reseal(*, operator: str) -> int:
    """After a field-key rotation: reseal every secret still sealed under a retired key, so
    the retired key can then be dropped from HUDUD_FIELD_KEY_FALLBACKS. Audited (a count)."""
    resealed = 0
    with transaction.atomic():
        for device in TotpDevice.objects.select_for_update().iterator():
            if not sealed_with_current_key(device.secret_sealed):
                sealed = seal(unseal(device.secret_sealed))
                TotpDevice.objects.filter(pk=device.pk).update(secret_sealed=sealed)
                resealed += 1
        audit_record_system(
            action="account.totp_reseal",
            object_type="totp",
            object_id="all",
            username=operator,
            details={"resealed": resealed},
        )
    return resealed
