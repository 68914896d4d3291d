"""pydifact's reading of the same text: the baseline the tokenizer is checked and timed against.

pydifact (MIT) is a general EDIFACT library. It does not fit as the syntax layer of this reader
(docs/decisions/0007-edifact-syntax-layer.md): it stops at the first oddity real feeds carry
and is about ten times slower. It stays as an independent reading: on well-formed messages both
must give the same segments (tests), and benchmarks report both speeds. It is imported only
here, so the rest of the package never depends on its types or its exceptions.
"""

from __future__ import annotations

import warnings

from pydifact.control import Characters
from pydifact.parser import Parser
from pydifact.tokenizer import Tokenizer

Segments = list[tuple[str, list[list[str]]]]


def pydifact_segments(text: str) -> Segments | None:
    """Segments as pydifact parses them (UNA left out, every element as a component list), or
    None when pydifact gives up on the text.

    >>> pydifact_segments("UNB+UNOA:4+A'NAD+FL+++O?'LEARY:SAM'")
    [('UNB', [['UNOA', '4'], ['A']]), ('NAD', [['FL'], [''], [''], ["O'LEARY", 'SAM']])]
    >>> pydifact_segments("UNB'") is None
    True
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # it warns about every segment without elements
            parsed = list(Parser().parse(text))
    except Exception:  # it raises several types, IndexError among them
        return None
    return [
        (segment.tag, [_components(element) for element in segment.elements])
        for segment in parsed
        if segment.tag != "UNA"
    ]


def pydifact_token_count(text: str, service: str = ":+.? '") -> int:
    """Tokenise `text` (without its UNA) with pydifact's tokenizer alone: the plain
    tokenising baseline of the benchmarks. Returns the number of tokens, or -1 on an error.

    >>> pydifact_token_count("UNB+UNOA:4'")
    6
    """
    try:
        return sum(1 for _ in Tokenizer().get_tokens(text, Characters.from_str(service)))
    except Exception:  # see pydifact_segments
        return -1


def _components(element: object) -> list[str]:
    if isinstance(element, list):
        return [str(part) for part in element]
    return [str(element)]
