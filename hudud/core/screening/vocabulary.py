"""The distinct name tokens and sound keys of an index, and the neighbourhood lookup over keys.

Entries store token ids, not strings: a million entries share perhaps a hundred thousand
distinct spellings and fewer sound keys. A query token finds the keys it may match through the
deletion neighbourhood (each key filed under itself and every one-letter deletion), which is a
dictionary lookup rather than a scan of the vocabulary.
"""

from __future__ import annotations

import threading

from hudud.core.names import Token
from hudud.core.names.similarity import MIN_TOKEN_SIMILARITY, key_similarity, neighbourhood


class Vocabulary:
    """Token spellings (sid) and sound keys (cid); it only grows, so no reader sees an id vanish."""

    def __init__(self) -> None:
        self._sid_of: dict[tuple[str, str], int] = {}
        self.tokens: list[Token] = []
        self.sid_cid: list[int] = []
        self._cid_of: dict[str, int] = {}
        self.keys: list[str] = []
        self._filed_under: dict[str, list[int]] = {}
        self._close: dict[str, tuple[tuple[int, float], ...]] = {}
        self._lock = threading.Lock()

    def sid(self, token: Token) -> int:
        """The id of a token's spelling, added if new."""
        found = self._sid_of.get((token.folded, token.script))
        if found is not None:
            return found
        with self._lock:
            sid = len(self.tokens)
            self._sid_of[(token.folded, token.script)] = sid
            self.tokens.append(token)
            self.sid_cid.append(self._cid(token.key))
            return sid

    def _cid(self, key: str) -> int:
        found = self._cid_of.get(key)
        if found is not None:
            return found
        cid = len(self.keys)
        self._cid_of[key] = cid
        self.keys.append(key)
        for variant in neighbourhood(key):
            self._filed_under.setdefault(variant, []).append(cid)
        self._close.clear()  # a new key may be close to keys already looked up
        return cid

    def cid_of(self, key: str) -> int | None:
        return self._cid_of.get(key)

    def close_keys(self, key: str) -> tuple[tuple[int, float], ...]:
        """Keys a query key may match, with their key similarity, best first.

        >>> v = Vocabulary()
        >>> from hudud.core.names import parse_name
        >>> _ = [v.sid(t) for t in parse_name("Mohammed Mohamed Hamid").tokens]
        >>> [(v.keys[c], s) for c, s in v.close_keys("MHMD")]
        [('MHMD', 1.0), ('HMD', 0.75)]
        """
        cached = self._close.get(key)
        if cached is not None:
            return cached
        seen: dict[int, float] = {}
        for variant in neighbourhood(key):
            for cid in self._filed_under.get(variant, ()):
                if cid not in seen:
                    sim = key_similarity(key, self.keys[cid])
                    if sim >= MIN_TOKEN_SIMILARITY:
                        seen[cid] = sim
        close = tuple(sorted(seen.items(), key=lambda item: (-item[1], item[0])))
        if len(self._close) > 200_000:
            self._close.clear()
        self._close[key] = close
        return close
