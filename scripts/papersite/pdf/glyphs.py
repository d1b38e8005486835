"""Glyphs with no Unicode mapping: TeX's ligature codes read back as letters.

A font without a ToUnicode map (old TeX fonts) leaves PDFium only the
character code, so "coefficients" comes out as ``coe\\x1ecients``. TeX's
two common encodings put the ligatures ff, fi, fl, ffi and ffl at codes
0x1B-0x1F (T1) and 0x0B-0x0F (OT1), and other letters at the other's codes
(OT1 has æ œ ø Æ Œ Ø at 0x1A-0x1F); T1 has quotation marks and dashes at
0x10-0x16. Which reading is right is decided, as for
hyphens, by the words: the paper's own vocabulary first, then the language's
word list; a code no reading makes a known word of stays as U+FFFD, shown and
reported rather than dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from types import MappingProxyType

from ..parse.line_hyphens import detect_language, word_list

#: Private-use stand-ins for unmapped codes 0x00-0x1F, kept until the words decide.
BASE = 0xF700
_READINGS = MappingProxyType({
    **{0x0B + i: (lig,) for i, lig in enumerate(("ff", "fi", "fl", "ffi", "ffl"))},
    **{0x1B + i: (lig, other) for i, (lig, other) in enumerate(zip(("ff", "fi", "fl", "ffi", "ffl"), ("œ", "ø", "Æ", "Œ", "Ø")))},
    0x1A: ("æ",),
    # T1's quotation marks and dashes (OT1 has the dotless i and j at 0x10 and 0x11).
    0x10: ("“", "ı"), 0x11: ("”", "ȷ"), 0x12: ("„",), 0x13: ("«",), 0x14: ("»",), 0x15: ("–",), 0x16: ("—",),
})
_WORD = re.compile(r"[^\W\d_]*[\uf700-\uf71f][^\W\d_\uf700-\uf71f]*(?:[\uf700-\uf71f][^\W\d_\uf700-\uf71f]*)*")
_PLAIN_WORD = re.compile(r"[^\W\d_]+")


def stand_in(code: int) -> str:
    return chr(BASE + code)


def has_stand_ins(text: str) -> bool:
    return any("\uf700" <= ch <= "\uf71f" for ch in text)


class GlyphReader:
    """Reads the stand-ins of one document back, from its own words and its language's list."""

    def __init__(self, texts: list[str]) -> None:
        self.vocabulary: Counter[str] = Counter(w.lower() for text in texts for w in _PLAIN_WORD.findall(text))
        language = detect_language(self.vocabulary.elements())
        self.listed = word_list(language) if language else None

    def known(self, word: str) -> bool:
        lowered = word.lower()
        return lowered in self.vocabulary or bool(self.listed and lowered in self.listed)

    def read(self, text: str) -> str:
        return _WORD.sub(lambda match: self._word(match.group(0)), text) if has_stand_ins(text) else text

    def _word(self, word: str) -> str:
        options = [""]
        for ch in word:
            code = ord(ch) - BASE
            readings = _READINGS.get(code, ("\ufffd",)) if 0 <= code < 0x20 else (ch,)
            options = [done + reading for done in options for reading in readings][:32]
        return next((option for option in options if self.known(option)), options[0])
