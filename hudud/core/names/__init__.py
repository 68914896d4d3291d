"""Personal names in Arabic and Latin script, prepared for comparison.

A border officer meets the same person as محمد عبد الرحمن التكريتي on an ID card, MOHAMMED
ABDULRAHMAN AL-TIKRITI in a passport MRZ and Muhammad Abd al-Rahman al-Takriti on a list. This
package folds each script's writing variants (`normalise`), reads the structure of Arabic names
(`structure`: particles, compounds, name parts) and gives every name word a sound key that both
scripts share (`keys`), so that `similarity` can compare tokens across scripts and
transliterations without a dictionary. It imports no framework.

>>> [t.key for t in parse_name("Mohammed Abdulrahman al-Tikriti").tokens]
['MHMD', 'ABDRHMN', 'TKRT']
"""

from __future__ import annotations

from .normalise import detect_script
from .structure import ParsedName, Token, parse_name

__all__ = ["ParsedName", "Token", "detect_script", "parse_name"]
