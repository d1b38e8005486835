"""Features of a line from its text alone, shared by the four structure models.

Every model sees each line through :func:`line_attributes` (its own shape) plus the shapes of
its neighbours (``-2 … +2``) and document-level facts (relative position, how often the line's
digit-folded form repeats in the document — running heads do). The training data has no fonts
or positions, so nothing here needs them; PDF evidence is applied after the models (see
:mod:`papersite.structure.labelling`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)[a-z]?\b")
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+\S")
_ROMAN = re.compile(r"^(?=[IVXL])M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})\.?\s+\S")
_BRACKET_NUMBER = re.compile(r"^\[\d+[a-z]?\]")
_PAREN_NUMBER = re.compile(r"^\(?\d+\)")
_DOT_NUMBER = re.compile(r"^\d+\.\s")
_BULLET = re.compile(r"^[•·\-–—*▪◦●○■□➢✓]\s*")
_INITIALS = re.compile(r"\b[A-Z]\.\s?(?:[A-Z]\.)?")
_AUTHOR_START = re.compile(r"^[A-Z][^\W\d_]+(?:[-'][A-Z][^\W\d_]+)?,\s+(?:[A-Z]\.|[A-Z][a-z]+)")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_URL = re.compile(r"https?://|www\.|doi\.org|\bdoi\s*:", re.IGNORECASE)
_FOLD = re.compile(r"\d+")

# Words whose presence at the start of a line tells much about it (lower case, stripped of punctuation).
_CUE_WORDS = frozenset(
    """abstract keywords key index terms introduction background conclusion conclusions discussion results methods
    method materials references bibliography literature works cited acknowledgements acknowledgments acknowledgement
    acknowledgment appendix table fig figure received accepted revised published available online copyright doi
    correspondence corresponding email e-mail author authors university department institute school faculty
    laboratory journal vol volume issue page pages pp issn isbn arxiv preprint proceedings conference summary
    résumé resume note notes funding data supplementary supporting competing declaration contents chapter
    section part equation eq where and of the in on for to a an by with see""".split()
)
_CUE_ANYWHERE = (
    ("univ", "universit"), ("dept", "department"), ("email", "@"), ("copy", "©"), ("copy2", "copyright"),
    ("licence", "licen"), ("journal", "journal"), ("etal", "et al"), ("press", "press"), ("proc", "proc."),
    ("vol", "vol."), ("pp", "pp."), ("abstract", "abstract"), ("keyword", "keyword"), ("received", "received"),
    ("accepted", "accepted"), ("inst", "institut"), ("fig", "fig"), ("table", "table"), ("eq", "="),
)


_SECTION_CUES = (
    ("refs", ("references", "bibliography", "literature cited", "works cited", "reference list", "literatur")),
    ("ack", ("acknowledg",)),
    ("annex", ("appendix", "supplementa", "supporting information", "author contribution", "competing interest",
               "conflict of interest", "conflicts of interest", "declaration", "funding", "availability", "ethics",
               "abbreviations", "author information", "additional information")),
    ("intro", ("introduction", "background")),
    ("abstract", ("abstract", "summary", "résumé")),
    ("end", ("conclusion", "discussion", "concluding")),
)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][^\W\d_]*[.,]?|[A-Z]\.(?:-?[A-Z]\.)*,?|and|&|,|\d{1,2}[,*]?|[*†‡]|[a-z],?)$")


def section_cue(text: str) -> str | None:
    """The kind of section a heading-like line opens (references, annex …), or ``None``."""
    stripped = text.strip()
    words = stripped.split()
    if not words or len(words) > 8 or (stripped.endswith(".") and len(words) > 3):
        return None
    low = stripped.lower()
    for name, cues in _SECTION_CUES:
        if any(cue in low for cue in cues):
            return name
    return None


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return "more"


def fold(text: str) -> str:
    """A line's repetition key: lower case, digits folded, spaces collapsed."""
    return " ".join(_FOLD.sub("0", text.lower()).split())


def _pattern_attributes(stripped: str) -> list[str]:
    """Numbering, bullets, years, names, e-mail, URL and similar patterns of a line."""
    n = len(stripped)
    attrs: list[str] = []
    if n and n == len(stripped) and stripped.isupper():
        attrs.append("allcaps")
    if _YEAR.search(stripped):
        attrs.append("year")
        attrs.append("years=" + _bucket(len(_YEAR.findall(stripped)), (1, 2)))
    numbered = _NUMBERED.match(stripped)
    if numbered:
        attrs.append("numbered=" + str(min(numbered.group(1).count(".") + 1, 4)))
    if _ROMAN.match(stripped):
        attrs.append("roman")
    if _BRACKET_NUMBER.match(stripped):
        attrs.append("bracketnum")
    if _PAREN_NUMBER.match(stripped):
        attrs.append("parennum")
    if _DOT_NUMBER.match(stripped):
        attrs.append("dotnum")
    if _BULLET.match(stripped):
        attrs.append("bullet")
    if _AUTHOR_START.match(stripped):
        attrs.append("authorstart")
    if len(_INITIALS.findall(stripped)) >= 2:
        attrs.append("initials")
    if _EMAIL.search(stripped):
        attrs.append("email")
    if _URL.search(stripped):
        attrs.append("url")
    if stripped.endswith("-") and n > 1 and stripped[-2].isalpha():
        attrs.append("hyphenend")
    if stripped.isdigit():
        attrs.append("number")
    return attrs


def line_attributes(text: str) -> list[str]:
    """The line's own attributes (no neighbours, no document facts)."""
    stripped = text.strip()
    n = len(stripped)
    words = stripped.split()
    letters = [c for c in stripped if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    digits = len(_DIGIT.findall(stripped))
    alpha_words = _WORD.findall(stripped)
    capitalised = sum(1 for w in alpha_words if w[0].isupper())
    first = words[0] if words else ""
    first_clean = first.strip(".,:;()[]{}*†‡§'\"").lower()
    attrs = [
        "len=" + _bucket(n, (2, 5, 10, 20, 35, 50, 65, 80, 100, 140)),
        "words=" + _bucket(len(words), (1, 2, 3, 5, 8, 12, 16, 25)),
        "first=" + (first_clean if first_clean in _CUE_WORDS else _shape(first)),
        "firstchar=" + _char_class(stripped[:1]),
        "lastchar=" + _char_class(stripped[-1:]),
        "last=" + (stripped[-1:] if stripped[-1:] in ".,;:-)]?!" else "x"),
        "caps=" + _ratio(upper, len(letters)),
        "capwords=" + _ratio(capitalised, len(alpha_words)),
        "digits=" + _ratio(digits, n),
        "alpha=" + _ratio(len(letters), n),
    ]
    attrs.extend(_pattern_attributes(stripped))
    low = stripped.lower()
    attrs.extend("has=" + name for name, cue in _CUE_ANYWHERE if cue in low)
    lowered = [w.strip(".,:;()[]{}*'\"") for w in low.split()[:6]]
    attrs.extend("w=" + w for w in lowered if w.isalpha())
    if words and words[-1].strip(".,:;").isalpha():
        attrs.append("wl=" + words[-1].strip(".,:;").lower())
    if len(words) <= 4:
        attrs.append("line=" + " ".join(w for w in lowered if w.isalpha()))
    if words:
        attrs.append("names=" + _ratio(sum(1 for w in words if _NAME_TOKEN.match(w)), len(words)))
    if stripped.count(",") >= 2:
        attrs.append("commas")
    if n and sum(1 for c in stripped if not c.isalnum() and not c.isspace()) > n * 0.3:
        attrs.append("symbols")
    return attrs


def _ratio(part: int, whole: int) -> str:
    if whole == 0:
        return "none"
    r = part / whole
    if r == 0:
        return "0"
    if r < 0.2:
        return "low"
    if r < 0.6:
        return "mid"
    if r < 1:
        return "high"
    return "all"


def _char_class(char: str) -> str:
    if not char:
        return "none"
    if char.isupper():
        return "A"
    if char.islower():
        return "a"
    if char.isdigit():
        return "0"
    return char


def _shape(word: str) -> str:
    out: list[str] = []
    for char in word[:6]:
        c = "A" if char.isupper() else "a" if char.isalpha() else "0" if char.isdigit() else char
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


_NEIGHBOUR_KEYS = ("len=", "first=", "firstchar=", "lastchar=", "caps=", "digits=", "numbered=", "bullet",
                   "bracketnum", "dotnum", "allcaps", "year", "authorstart", "hyphenend", "number", "last=")


def _page_like_repeats(keys: Sequence[str], counts: Counter[str]) -> set[int]:
    """Lines whose folded form has letters and recurs at least three times, each time at least
    15 lines from the last: a running head or a journal line printed once a page."""
    last: dict[str, int] = {}
    spaced: Counter[str] = Counter()
    for i, key in enumerate(keys):
        if counts[key] >= 3 and any(c.isalpha() for c in key):
            if key not in last or i - last[key] >= 15:
                spaced[key] += 1
            last[key] = i
    return {i for i, key in enumerate(keys) if spaced[key] >= 3}


def document_features(lines: Sequence[str], own: Sequence[list[str]] | None = None) -> list[list[str]]:
    """Attributes of every line of a document, with its neighbours' and the document's facts.

    ``lines`` are non-empty text lines in order (blank lines are left out by the caller);
    ``own`` may give their :func:`line_attributes`, already computed.
    """
    if own is None:
        own = [line_attributes(line) for line in lines]
    short = [[a for a in attrs if a.startswith(_NEIGHBOUR_KEYS)] for attrs in own]
    keys = [fold(line) for line in lines]
    counts = Counter(keys)
    pagelike = _page_like_repeats(keys, counts)
    lengths = sorted(len(line.strip()) for line in lines)
    typical = lengths[(len(lengths) * 3) // 4] if lengths else 1
    total = len(lines)
    out: list[list[str]] = []
    context, since, seen_refs = "none", 0, False
    for i, attrs in enumerate(own):
        cue = section_cue(lines[i])
        if cue is not None:
            context, since = cue, 0
            seen_refs = seen_refs or cue == "refs"
        else:
            since += 1
        features = ["bias", *attrs]
        features.append("ctx=" + context)
        features.append("ctx=" + context + "|" + _bucket(since, (0, 3, 20, 100)))
        if seen_refs:
            features.append("afterrefs")
        features.append("pos=" + str(min(19, (20 * i) // max(total, 1))))
        features.append("idx=" + _bucket(i, (0, 2, 5, 10, 20, 40, 80)))
        features.append("fromend=" + _bucket(total - 1 - i, (0, 5, 20, 60)))
        features.append("rep=" + _bucket(counts[keys[i]], (1, 2, 4, 8)))
        if i in pagelike:
            features.append("pagelike")
        rel = len(lines[i].strip()) / max(typical, 1)
        features.append("rel=" + ("tiny" if rel < 0.3 else "short" if rel < 0.75 else "near" if rel < 0.95 else "full"))
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < total:
                prefix = f"{offset}:"
                features.extend(prefix + a for a in short[j])
                if offset in (-1, 1):
                    relj = len(lines[j].strip()) / max(typical, 1)
                    features.append(prefix + ("rel=short" if relj < 0.75 else "rel=full"))
            else:
                features.append(f"{offset}:edge")
        if i > 0:
            features.append("prevlast+first=" + own[i - 1][5] + "|" + attrs[3])
        out.append(features)
    return out
