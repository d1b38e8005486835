"""Token features for the reference labeller: form, shape, punctuation, position, context.

Everything here is computed from the string itself — no name lists, no
gazetteers. A token (see :mod:`papersite.refparse.tokens`) is described by its lower-cased core (digits folded to
``0``), a compressed character shape (``Xx``, ``(d),``), its capitalisation, the
punctuation around it, a few pattern flags (year, number, range, roman
numeral, initial, URL, DOI), where it sits in the string, whether it is inside
quotes or parentheses, how many years and sentence stops came before it, and
whether it is glued to its neighbours (no space between), and the same basic
facts about its neighbours.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple

from .tokens import Token

_EDGE = "\"'`´“”‘’«»„‚‹›()[]{}<>.,;:!?*/\\|-–—_…·•#^~"
_OPEN_QUOTES = "\"“‘«„‚‹'`"
_CLOSE_QUOTES = "\"”’»‹›'´"
_RUNS = re.compile(r"(\d+)|([^\W\d_]+)|(.)", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d[a-z]?")
_RANGE = re.compile(r"[a-z]?\d+[a-z]?\s*[-–—‐‑]+\s*[a-z]?\d+[a-z]?")
_ROMAN = re.compile(r"[ivxlcdm]+")
_INITIAL = re.compile(r"(?:[A-Z][a-z]?\.)+(?:-[A-Z]\.)?|[A-Z]")
_URL = re.compile(r"(?:https?:|ftp:|www\.)|\.(?:com|org|net|edu|gov|int|html?|pdf|php|aspx?)(?:/|$)")
_DOI = re.compile(r"(?:doi:?|https?://(?:dx\.)?doi\.org/)?10\.\d{3,}/")


class _Base(NamedTuple):
    """What a token says about itself, before context is added."""

    word: str
    shape: str
    trail: str
    own: tuple[str, ...]
    is_year: bool
    stop: bool
    opens_quote: bool
    closes_quote: bool
    opens: int
    closes: int
    as_prev: tuple[str, str, str]  # what the next token says about this one ...
    as_prev2: tuple[str, str]  # ... the one after that
    as_next: tuple[str, str]  # what the previous token says about this one ...
    as_next2: tuple[str, str]  # ... the one before that
    as_head: str  # "kw=": this token heads the chunk of the one described
    as_prev_head: str  # "pkw=": it heads the chunk before
    as_next_head: str  # "nkw=": it heads the chunk after


def _shape(text: str) -> str:
    """``"Journal"`` -> ``"Xx"``, ``"(2009),"`` -> ``"(d),"``, ``"McDonald"`` -> ``"XxX"``."""
    out: list[str] = []
    for digits, letters, other in _RUNS.findall(text):
        if digits:
            out.append("d")
        elif letters:
            if letters.islower():
                out.append("x")
            elif letters.isupper():
                out.append("X")
            elif letters[0].isupper() and letters[1:].islower():
                out.append("Xx")
            else:
                out.append("XxX")
        else:
            out.append(other)
    return "".join(out)[:8]


@lru_cache(maxsize=8192)  # tokens repeat ("J.", "pp.", "2008)."): each is described once
def _base(raw: str) -> _Base:
    """The attributes of one token's own text.

    Over 60 lines because it is one flat pass over the token's text, run for every token of every
    parse; split into helpers it would re-scan the text and cost a fifth of the parser's speed."""
    text = _TAG.sub("", raw) if "<" in raw else raw
    inner = text.lstrip(_EDGE)  # punctuation before and after the core (a token holds no whitespace)
    lead = text[: len(text) - len(inner)]
    core = inner.rstrip(_EDGE)
    trail = inner[len(core) :]
    lower = core.lower()
    has_digit = _DIGIT.search(lower) is not None
    word = _DIGIT.sub("0", lower) if has_digit else lower
    shape = _shape(text)
    own = ["b", "w=" + word, "s=" + shape, "l=" + lead[-2:], "t=" + trail[:3], "x3=" + word[-3:], "p2=" + word[:2]]
    is_year = False
    initial = False
    if core:
        first = core[0]
        if first.isupper():
            own.append("c=A" if len(core) > 1 and core.isupper() else "c=U")
            if len(core) <= 6:
                initial = _INITIAL.fullmatch(core) is not None
                if initial:
                    own.append("ini")
        elif first.islower():
            own.append("c=L")
        elif first.isdigit():
            own.append("c=D")
        else:
            own.append("c=O")
        if has_digit:
            if _YEAR.fullmatch(lower):
                is_year = True
                own.append("yr")
            elif lower.isdigit():
                own.append("num" + str(min(len(lower), 5)))
            elif _RANGE.fullmatch(lower):
                own.append("rng")
            elif _YEAR.search(lower):
                own.append("hasyr")
            if _DOI.match(lower):
                own.append("doi")
        elif len(lower) < 8 and _ROMAN.fullmatch(lower):
            own.append("rom")
        if ("." in lower or ":" in lower) and _URL.search(lower):
            own.append("url")
        if first >= "\u2e80":  # Chinese, Japanese, Korean: words are not spaced, so their ends say more
            own += ("cjk", "cl=" + str(min(len(core), 9)), "c1=" + core[-1], "c0=" + core[0])
    else:
        own.append("c=P")
    opens_quote = bool(lead) and lead[-1] in _OPEN_QUOTES
    closes_quote = bool(trail) and any(c in _CLOSE_QUOTES for c in trail)
    opens = closes = 0
    if lead:
        if opens_quote:
            own.append("qo")
        if "(" in lead:
            own.append("po")
        if "[" in lead:
            own.append("bo")
        opens = lead.count("(") + lead.count("[")
    if trail:
        if closes_quote:
            own.append("qc")
        if ")" in trail:
            own.append("pc")
        if "]" in trail:
            own.append("bc")
        closes = trail.count(")") + trail.count("]")
    stop = trail.endswith(".") and not initial and len(core) > 3
    return _Base(
        word,
        shape,
        trail,
        tuple(own),
        is_year,
        stop,
        opens_quote,
        closes_quote,
        opens,
        closes,
        ("w-1=" + word, "s-1=" + shape, "t-1=" + trail[-2:]),
        ("s-2=" + shape, "w-2=" + word),
        ("w+1=" + word, "s+1=" + shape),
        ("s+2=" + shape, "w+2=" + word),
        "kw=" + word,
        "pkw=" + word,
        "nkw=" + word,
    )


def word_of(raw: str) -> str:
    """The word form the features use for a token: its core lower-cased, digits folded to ``0``."""
    return _base(raw).word


# the position features, spelled once
_NY = tuple(f"ny={k}" for k in range(3))
_NS = tuple(f"ns={k}" for k in range(6))
_R = tuple(f"r={k}" for k in range(10))
_I = tuple(f"i={k}" for k in range(6))
_J = tuple(f"j={k}" for k in range(4))
_K = ("k=0", "k=1", "k=2", "k=3", "k=4+", "k=4+", "k=4+", "k=7+")
_KR = ("kr=0", "kr=1", "kr=2", "kr=3+")
_NO_LEXICON: Mapping[str, str] = MappingProxyType({})


def _lexicon_features(words: Sequence[str], chunk_start: Sequence[int], chunk_end: Sequence[int], lexicon: Mapping[str, str]) -> list[list[str]]:
    """Per token: the lexicon class of the token and of its neighbours, and the classes present in its chunk
    and in the next chunk (see :mod:`papersite.refparse.lexicon`)."""
    n = len(words)
    get = lexicon.get
    classes = [get(word, "") for word in words]
    bags: dict[int, list[str]] = {}  # per chunk head: "klx=" features, and the "nklx=" ones of the chunk before
    nbags: dict[int, list[str]] = {}
    for i in range(n):
        if chunk_start[i] == i:
            present = sorted({c for c in classes[i : chunk_end[i] + 1] if c})
            bags[i] = ["klx=" + c for c in present]
            nbags[i] = ["nklx=" + c for c in present]
    out: list[list[str]] = []
    for i in range(n):
        own = classes[i]
        feats = ["lx=" + own] if own else []
        if i > 0 and classes[i - 1]:
            feats.append("lx-1=" + classes[i - 1])
        if i + 1 < n and classes[i + 1]:
            feats.append("lx+1=" + classes[i + 1])
        feats += bags[chunk_start[i]]
        following = chunk_end[i] + 1
        if following < n:
            feats += nbags[following]
        out.append(feats)
    return out


_KP = ("kp=B", "kp=I", "kp=E")  # first, inner, last token of a chunk of two or more


def _chunks(bases: Sequence[_Base]) -> tuple[list[int], list[int]]:
    """Comma/stop-delimited chunks: where each token's chunk starts and where it ends."""
    n = len(bases)
    chunk_start = [0] * n
    chunk_end = [0] * n
    start = 0
    last = n - 1
    for i, base in enumerate(bases):
        if base.trail or i == last:
            size = i + 1 - start
            chunk_start[start : i + 1] = [start] * size
            chunk_end[start : i + 1] = [i] * size
            start = i + 1
    return chunk_start, chunk_end


def sequence_features(tokens: Sequence[Token], lexicon: Mapping[str, str] = _NO_LEXICON) -> list[list[str]]:
    """One list of string attributes per token, ready for ``pycrfsuite``; ``lexicon`` (word -> field,
    :mod:`papersite.refparse.lexicon`) adds the word-class features.

    Over 60 lines because the state carried along the tokens (years and stops so far, open quotes
    and brackets, chunks) is read and updated in one loop; split up, it would be passed around.
    It runs for every token of every parse, so what depends only on the chunk is built once per chunk."""
    bases = [_base(token.text) for token in tokens]
    n = len(bases)
    if not n:
        return []
    chunk_start, chunk_end = _chunks(bases)
    # per chunk head: what its first token and its other tokens say after their glue marks; "kr=" counts
    # the chunks after the token's own for its first token, one fewer for the others (none in the last chunk)
    chunk_tail: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    after = 0
    for head in sorted(set(chunk_start), reverse=True):
        end = chunk_end[head]
        tail: tuple[str, ...] = ()
        if head > 0:
            tail = (bases[chunk_start[head - 1]].as_prev_head,)
        if end + 1 < n:
            tail += (bases[end + 1].as_next_head,)
        inner = after - 1 if after else 0
        chunk_tail[head] = ((*tail, _KR[after if after < 3 else 3]), (*tail, _KR[inner if inner < 3 else 3]))
        after += 1
    lexical = _lexicon_features([b.word for b in bases], chunk_start, chunk_end, lexicon) if lexicon else None
    glued = [tokens[i].end == tokens[i + 1].start for i in range(n - 1)] + [False]
    out: list[list[str]] = []
    years = 0
    stops = 0
    in_quote = False
    depth = 0
    previous_glued = False
    last = n - 1
    for i, base in enumerate(bases):
        feats = [*base.own]
        if base.opens_quote:
            in_quote = True
        depth += base.opens
        if in_quote:
            feats.append("inq")
        if depth > 0:
            feats.append("inp")
        head = chunk_start[i]
        end = chunk_end[i]
        size = end - head + 1
        feats += (
            _NY[years if years < 2 else 2],
            _NS[stops if stops < 5 else 5],
            _R[10 * i // n],
            _I[i if i < 5 else 5],
            _J[last - i if last - i < 3 else 3],
            _K[size if size < 7 else 7],
            "kp=S" if size == 1 else _KP[0 if i == head else 2 if i == end else 1],
        )
        if previous_glued:
            feats.append("g-")  # glued to the previous token, no space between
        previous_glued = glued[i]
        if previous_glued:
            feats.append("g+")
        if head != i:
            feats.append(bases[head].as_head)
            feats += chunk_tail[head][1]
        else:
            feats += chunk_tail[head][0]
        if lexical is not None:
            feats += lexical[i]
        if i > 0:
            feats += bases[i - 1].as_prev
            if i > 1:
                feats += bases[i - 2].as_prev2
        else:
            feats.append("BOS")
        if i < last:
            feats += bases[i + 1].as_next
            if i + 1 < last:
                feats += bases[i + 2].as_next2
        else:
            feats.append("EOS")
        out.append(feats)
        # state carried to the next token
        if base.is_year:
            years += 1
        if base.stop:
            stops += 1
        if base.closes_quote and not (base.opens_quote and not base.word):
            in_quote = False
        depth = max(0, depth - base.closes)
    return out
