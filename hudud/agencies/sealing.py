"""Sealing short secrets at rest (officers' TOTP secrets) with the field key.

The application's dependencies hold no symmetric cipher (no `cryptography`), so the seal is
built from the standard library's HMAC-SHA256 alone: a keystream from HMAC in counter mode
over a random 16-byte nonce (HMAC is a pseudorandom function, so this is a stream cipher),
then encrypt-then-MAC with a second, independent key. Keys are derived from
`HUDUD_FIELD_KEY` with distinct labels. Retired keys (`HUDUD_FIELD_KEY_FALLBACKS`) still
open old seals, so the key can be rotated and secrets resealed at leisure
(docs/security.md, "Keys"). Should `cryptography` join the dependencies, AES-GCM replaces
this behind the same two functions and the `v1:` version marker.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from django.conf import settings

VERSION = "v1"
NONCE_BYTES = 16


class SealError(ValueError):
    """A sealed value is malformed, or was sealed under none of the configured keys."""


def _keys() -> list[bytes]:
    keys = [settings.HUDUD_FIELD_KEY, *settings.HUDUD_FIELD_KEY_FALLBACKS]
    return [key.encode() for key in keys if key]


def _derive(key: bytes, label: bytes) -> bytes:
    return hmac.new(key, b"hudud-seal-" + label, hashlib.sha256).digest()


def _keystream(key: bytes, nonce: bytes, length: int) -> bytes:
    blocks = (length + 31) // 32
    enc_key = _derive(key, b"enc")
    return b"".join(
        hmac.new(enc_key, nonce + i.to_bytes(4, "big"), hashlib.sha256).digest()
        for i in range(blocks)
    )[:length]


def _tag(key: bytes, nonce: bytes, ciphertext: bytes) -> bytes:
    return hmac.new(
        _derive(key, b"mac"), VERSION.encode() + nonce + ciphertext, hashlib.sha256
    ).digest()


def seal(plaintext: str) -> str:
    """`plaintext` sealed under the current field key, as printable text."""
    key = _keys()[0]
    data = plaintext.encode()
    nonce = secrets.token_bytes(NONCE_BYTES)
    ciphertext = bytes(a ^ b for a, b in zip(data, _keystream(key, nonce, len(data)), strict=True))
    parts = (nonce, ciphertext, _tag(key, nonce, ciphertext))
    return ":".join([VERSION, *(base64.urlsafe_b64encode(p).decode() for p in parts)])


def unseal(sealed: str) -> str:
    """The plaintext of a sealed value; `SealError` if it was tampered with or the key is
    gone."""
    try:
        version, *encoded = sealed.split(":")
        nonce, ciphertext, tag = (base64.urlsafe_b64decode(p) for p in encoded)
    except ValueError:
        raise SealError("not a sealed value") from None
    if version != VERSION:
        raise SealError(f"unknown seal version {version!r}")
    for key in _keys():
        if hmac.compare_digest(_tag(key, nonce, ciphertext), tag):
            stream = _keystream(key, nonce, len(ciphertext))
            return bytes(a ^ b for a, b in zip(ciphertext, stream, strict=True)).decode()
    raise SealError("sealed under none of the configured field keys, or altered")


def sealed_with_current_key(sealed: str) -> bool:
    """Whether a value needs resealing after a key rotation."""
    try:
        _, *encoded = sealed.split(":")
        nonce, ciphertext, tag = (base64.urlsafe_b64decode(p) for p in encoded)
    except ValueError:
        return False
    return hmac.compare_digest(_tag(_keys()[0], nonce, ciphertext), tag)
