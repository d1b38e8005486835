"""Words hyphenated at a line end: one word split by the typesetter, or a real hyphen?

Evidence, strongest first:

1. The shape of the continuation: a capital (``Russia-`` / ``China``,
   ``post-`` / ``Cold War``), a digit (``233-`` / ``251``) or an acronym before
   the hyphen means the hyphen is printed, not added by the line break.
2. The paper's own words: the joined form elsewhere in the text means join;
   the hyphenated form inside a line elsewhere means keep.
3. A word list for the paper's language (pyspellchecker's frequency lists,
   loaded once, only when a case is still open): a joined form in the list
   means join; in English, two listed words whose join is not listed make a
   compound (``self-`` / ``interest``).
4. Otherwise the break split one word: join.

A hyphen before one of the paper's commonest short words (``pre-`` / ``and
post-war``) is a suspended hyphen: kept, with its space.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Iterable

HYPHEN_END = re.compile(r"(?P<word>[^\W_][\w'’]*)(?P<hyphen>[-\u2010\u00ad])$")
WORD_START = re.compile(r"^(?P<word>[\w'’]+)")
_WORD = re.compile(r"[^\W\d_][\w'’]*[^\W_]|[^\W\d_]")
_HYPHENATED = re.compile(r"[^\W_]+(?:[-\u2010][^\W_]+)+")

#: Function words that tell languages apart; only to pick a word list.
_FUNCTION_WORDS = MappingProxyType({
    "en": "the of and to in is that for are with as by this which".split(),
    "es": "el la de que y en los las del por una para con se".split(),
    "fr": "le la les de des et est une dans pour que qui du sur".split(),
    "pt": "o a os as de que e do da em um uma para com não".split(),
    "de": "der die das und ist nicht mit von zu den ein eine auf sich".split(),
    "it": "il la di che e un una per non sono del della con gli".split(),
    "nl": "de het een en van is dat niet op te zijn met voor".split(),
    "ru": "и в не на что с по как это из он к".split(),
})


@dataclass(frozen=True)
class Decision:
    """How a line-end hyphen was settled: ``join``, ``keep`` or ``suspended``, and why."""

    action: str
    evidence: str


def detect_language(words: Iterable[str]) -> str | None:
    """The language of a text from its commonest function words, or None."""
    counts: Counter[str] = Counter()
    total = 0
    for word in words:
        counts[word] += 1
        total += 1
        if total >= 20000:
            break
    if total < 30:
        return None
    scores = {lang: sum(counts[w] for w in ws) for lang, ws in _FUNCTION_WORDS.items()}
    lang, score = max(scores.items(), key=lambda kv: (kv[1], kv[0]))
    return lang if score >= 0.08 * total else None


@lru_cache(maxsize=8)
def word_list(language: str) -> frozenset[str] | None:
    """The words pyspellchecker ships for ``language``; None when it is not installed."""
    try:
        from spellchecker import SpellChecker  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        return None
    try:
        checker = SpellChecker(language=language, distance=1)
    except (ValueError, OSError):
        return None
    return frozenset(checker.word_frequency.keys())


class HyphenJudge:
    """Settles line-end hyphens for one text, using the text's own vocabulary first."""

    def __init__(self, lines: Iterable[str], language: str | None = None, use_word_list: bool = True) -> None:
        self.words: Counter[str] = Counter()
        self.hyphenated: Counter[str] = Counter()
        for line in lines:
            lowered = line.lower()
            self.words.update(_WORD.findall(lowered))
            if "-" in lowered or "\u2010" in lowered:
                # Only hyphens inside the line: a line-end hyphen is what is in question.
                body = lowered.rstrip()
                if body.endswith(("-", "\u2010")):
                    body = body[: body.rfind(" ") + 1] if " " in body else ""
                self.hyphenated.update(h.replace("\u2010", "-") for h in _HYPHENATED.findall(body))
        self.language = language or detect_language(self.words.elements())
        self._use_word_list = use_word_list
        common = [w for w, _ in self.words.most_common(40) if len(w) <= 4]
        self.common_short = frozenset(common[:20])

    def _listed(self) -> frozenset[str] | None:
        if not self._use_word_list or not self.language:
            return None
        return word_list(self.language)

    def decide(self, left: str, hyphen: str, right: str) -> Decision:
        """Settle ``left`` + hyphen at a line end followed by ``right`` on the next line."""
        if hyphen == "\u00ad":
            return Decision("join", "soft hyphen")
        if not right:
            return Decision("keep", "no word follows")
        if right[0].isupper() or right[0].isdigit() or left[-1].isdigit():
            return Decision("keep", "capital or digit")
        if len(left) >= 2 and left.isupper():
            return Decision("keep", "acronym before the hyphen")
        joined = (left + right).lower()
        compound = f"{left}-{right}".lower()
        as_one = self.words[joined]
        as_two = self.hyphenated[compound]
        if as_one or as_two:
            if as_two > as_one:
                return Decision("keep", f"'{compound}' elsewhere in the text")
            return Decision("join", f"'{joined}' elsewhere in the text")
        listed = self._listed()
        if listed is not None:
            if joined in listed:
                return Decision("join", f"'{joined}' in the {self.language} word list")
            if right.lower() in self.common_short:
                return Decision("suspended", f"'{right}' is a common word")
            if self.language == "en" and left.lower() in listed and right.lower() in listed and len(left) >= 3:
                return Decision("keep", f"'{left.lower()}' and '{right.lower()}' are words, '{joined}' is not")
            return Decision("join", "split word (no evidence for a hyphen)")
        if right.lower() in self.common_short:
            return Decision("suspended", f"'{right}' is a common word")
        return Decision("join", "lower-case continuation")
