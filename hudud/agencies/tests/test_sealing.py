"""Sealed secrets: unreadable at rest, tamper-evident, and readable after a key rotation."""

from __future__ import annotations

import pytest

from hudud.agencies.sealing import SealError, seal, sealed_with_current_key, unseal


def test_a_sealed_secret_opens_to_what_was_sealed_and_does_not_contain_it():
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    sealed = seal(secret)
    assert secret not in sealed
    assert unseal(sealed) == secret
    assert seal(secret) != sealed  # a fresh nonce every time


def test_an_altered_seal_is_refused():
    sealed = seal("JBSWY3DPEHPK3PXP")
    version, nonce, body, tag = sealed.split(":")
    flipped = body[:-2] + ("A" if body[-2] != "A" else "B") + body[-1]
    with pytest.raises(SealError):
        unseal(":".join([version, nonce, flipped, tag]))
    with pytest.raises(SealError):
        unseal("not a seal")


def test_a_secret_sealed_under_a_retired_key_still_opens(settings):
    sealed = seal("JBSWY3DPEHPK3PXP")
    settings.HUDUD_FIELD_KEY_FALLBACKS = [settings.HUDUD_FIELD_KEY]
    settings.HUDUD_FIELD_KEY = "a-new-field-key"
    assert unseal(sealed) == "JBSWY3DPEHPK3PXP"
    assert not sealed_with_current_key(sealed)
    settings.HUDUD_FIELD_KEY_FALLBACKS = []
    with pytest.raises(SealError):
        unseal(sealed)
