"""Features of front-matter lines for the header model, on top of the shared ones.

The header model's hardest calls are at the title's edges: a title's last line ("Mental
Development", "Sentiment Analysis") looks like a person's name, and an author line in capitals
looks like a title. Two kinds of evidence tell them apart without fonts:

- *vocabulary*: a title's words are ordinary words, and the same document's abstract, affiliations
  and keywords use them in lower case ("… of mental development …"); a person's name rarely
  appears in lower case anywhere. So each line gets the share of its capitalised words whose
  lower-case form occurs lower-cased elsewhere in the document — learned from nothing but the
  document itself, no word list.
- *name shape*: sequences of capitalised words and initials separated by commas and "and", with
  callout marks (digits, ``*``, ``†``) glued on or after them, and no function words.

Each line also sees these facts for its neighbours, and joint features of the line and its
neighbours that a linear-chain model cannot form by itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from .authors import UPPER
from .features import document_features, line_attributes
# decoding lives in header_decode; _best_run, _title_spans and decode_title are re-exported for existing callers
from .header_decode import _best_run, _title_label, _title_spans, decode_title  # noqa: F401
from .models import Tagger

_ADDRESS = re.compile(r"@|/|www\.|\w\.\w")
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
# Lower-case words a title or a sentence has and a list of names has not ("and" and name particles excepted).
_FUNCTION_WORDS = frozenset(
    """of the for in on with to from a an by at as is are its into via using under over between towards toward
    about through without within among against de la le les des du del der die das und et en""".split()
)
_NAME_PARTICLES = frozenset("and & van von de da del der di le la du dos das y e et und".split())
_MARK = re.compile(r"^(?:[*†‡§¶#∗✉⁎]+|\d{1,2}(?:[,.]\d{1,2})*[,*†‡]*|[a-z](?:,[a-z])*|\(?\d\)?)$")
_UP = UPPER  # capitals of any Latin-script alphabet ("Émilie", "Łucja"), not only A-Z
_INITIAL = re.compile(rf"^(?:[{_UP}]\.?-?){{1,3}},?$")
_CAPWORD = re.compile(rf"^[{_UP}][^\W\d_]*(?:-[{_UP}]?[^\W\d_]+)*[\d*†‡,.]*$")
_GIVEN_FAMILY = re.compile(rf"\b[{_UP}][^\W\d_{_UP}]+(?:\s+[{_UP}]\.)*\s+[{_UP}][^\W\d_{_UP}]+(?:-[{_UP}][^\W\d_{_UP}]+)?\b")


def _bucket3(value: int) -> str:
    return str(value) if value < 3 else "3+"


def _share(part: int, whole: int) -> str:
    if whole == 0:
        return "none"
    r = part / whole
    return "0" if r == 0 else "low" if r < 0.5 else "high" if r < 1 else "all"


def _tokens(line: str) -> list[str]:
    """The line's words, leaving out e-mail addresses and URLs (which spell names in lower case)."""
    return _TOKEN.findall(" ".join(w for w in line.split() if not _ADDRESS.search(w)))


_MAILBOX = re.compile(r"\{([^}]*)\}\s*@|([^\s{},;:<>()\[\]]+)@")


_UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe",
                               "þ": "th", "ð": "d"})


def _fold(word: str) -> str:
    """Lower case, accents dropped, letters only ("Björkelund" → "bjorkelund", "Zdzisław" → "zdzislaw"), as
    e-mail addresses spell names."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if c.isalpha() and c.isascii())


def _mailboxes(lines: Sequence[str]) -> list[str]:
    """The local parts of the document's e-mail addresses, folded ("anders.bjorkelund@…" → "andersbjorkelund")."""
    out: list[str] = []
    for line in lines:
        for braces, local in _MAILBOX.findall(line):
            out.extend(_fold(part) for part in (braces.split(",") if braces else [local]))
    return [box for box in out if box]


def _in_mail(line: str, boxes: Sequence[str]) -> str:
    """Share of the line's capitalised words (three letters or more) spelt inside an e-mail address of the
    document: a person's names are ("Anders Björkelund" … anders.bjorkelund@…), a title's words rarely."""
    if not boxes:
        return "h:mail=none"
    caps = {_fold(t) for t in _tokens(line) if t[0].isupper() and len(t) > 2}
    caps.discard("")
    return "h:mail=" + _share(sum(1 for w in caps if any(w in box for box in boxes)), len(caps))


def _lower_forms(lines: Sequence[str]) -> Counter[str]:
    """How many lines use each word in lower case (a word starting with a lower-case letter)."""
    seen: Counter[str] = Counter()
    for line in lines:
        seen.update({t for t in _tokens(line) if t[0].islower() and len(t) > 2})
    return seen


def _echo(line: str, anywhere: Counter[str]) -> str:
    """Share of the line's longer words (any case) that another line of the document also uses."""
    words = {t.lower() for t in _tokens(line) if len(t) > 3}
    return _share(sum(1 for w in words if anywhere[w] > 1), len(words))


def _vocabulary(line: str, lower: Counter[str]) -> tuple[str, int]:
    """Share of the line's capitalised words seen lower-cased on another line; count of those never seen."""
    tokens = _tokens(line)
    own = {t for t in tokens if t[0].islower()}
    caps = [t for t in tokens if t[0].isupper() and len(t) > 2]
    seen = sum(1 for t in caps if lower[t.lower()] - (t.lower() in own) > 0)
    return _share(seen, len(caps)), len(caps) - seen


def _name_shape(words: Sequence[str]) -> list[str]:
    """Function-word count and whether the line reads as a list of persons' names."""
    folded = [w.strip(".,:;()[]'\"").lower() for w in words]
    functions = sum(1 for w in folded if w in _FUNCTION_WORDS)
    marks = sum(1 for w in words if _MARK.match(w))
    capital = sum(1 for w in words if _CAPWORD.match(w) and not _INITIAL.match(w))
    initials = sum(1 for w in words if _INITIAL.match(w))
    punct = sum(1 for w in words if not any(c.isalnum() for c in w) and not _MARK.match(w))
    particles = sum(1 for w in folded if w in _NAME_PARTICLES)
    rest = len(words) - punct - marks - capital - initials - particles
    attrs = ["h:fw=" + _bucket3(functions)]
    if marks:
        attrs.append("h:marks")
    if words and _MARK.match(words[-1]):
        attrs.append("h:endmark")
    if capital + initials >= 2 and rest <= 0 and functions == 0 and len(words) <= 30:
        attrs.append("h:nameline")
    elif capital + initials >= 2 and rest <= 1 and functions == 0:
        attrs.append("h:nearname")
    return attrs


def _style(line: str) -> str:
    """The line's lettering: capitals only, title case (most words capitalised), or sentence case."""
    words = _TOKEN.findall(line)
    if not words:
        return "none"
    letters = "".join(words)
    if len(letters) >= 2 and letters.isupper():
        return "caps"
    long = [w for w in words if len(w) > 3]
    if long and sum(w[0].isupper() for w in long) * 3 >= len(long) * 2:
        return "title"
    return "sentence"


def _edges(line: str) -> tuple[str, str]:
    """How the line ends (a function word, hyphen, comma, colon, stop, or open) and starts (lower case, a
    function word, or other): a title or affiliation wrapped over lines ends open ("… for Library and")
    and its next line starts as a continuation ("of Visual Pattern Completion")."""
    words = line.split()
    if not words:
        return "none", "none"
    last, first = words[-1], words[0]
    folded_last = last.strip("\"'()[]").lower()
    if folded_last in _FUNCTION_WORDS or folded_last in ("and", "&"):
        end = "func"
    elif last.endswith("-"):
        end = "hyphen"
    elif last[-1] in ",;":
        end = "comma"
    elif last[-1] == ":":
        end = "colon"
    elif last[-1] in ".?!":
        end = "stop"
    else:
        end = "open"
    folded_first = first.strip("\"'()[]").lower()
    start = "func" if folded_first in _FUNCTION_WORDS else "lower" if first[0].islower() else "other"
    return end, start


def _boundaries(lines: Sequence[str]) -> list[list[str]]:
    """Joint features of each line and its neighbours at the seam between them: how the previous line
    ends and this one starts, with both lines' lettering (a title wraps within one lettering)."""
    styles = [_style(line) for line in lines]
    edges = [_edges(line) for line in lines]
    out: list[list[str]] = [[] for _ in lines]
    for i in range(1, len(lines)):
        seam = f"{edges[i - 1][0]}>{edges[i][1]}"
        same = "same" if styles[i - 1] == styles[i] else "diff"
        out[i].append(f"h:seamprev={seam}|{same}")
        out[i].append(f"h:seamprev={seam}|{styles[i - 1]}>{styles[i]}")
        out[i - 1].append(f"h:seamnext={seam}|{same}")
        out[i - 1].append(f"h:seamnext={seam}|{styles[i - 1]}>{styles[i]}")
    for i, (end, start) in enumerate(edges):
        out[i].extend((f"h:end={end}", f"h:start={start}", f"h:style={styles[i]}"))
    return out


def _own(line: str, lower: Counter[str], anywhere: Counter[str]) -> list[str]:
    words = line.split()
    vocab, unseen = _vocabulary(line, lower)
    attrs = ["h:vocab=" + vocab, "h:unseen=" + _bucket3(unseen), "h:echo=" + _echo(line, anywhere)]
    attrs.extend(_name_shape(words))
    pairs = len(_GIVEN_FAMILY.findall(line))
    if pairs:
        attrs.append("h:pairs=" + _bucket3(pairs))
    if pairs and (" and " in line or "," in line):
        attrs.append("h:pairsep")
    head, colon, _ = line.partition(":")
    if colon and 0 < len(head.split()) <= 3:  # "Running head:", "Short title:", "Keywords:"
        attrs.append("h:label=" + " ".join(_TOKEN.findall(head.lower())))
    if words:
        attrs.append("h:w1=" + "".join(_TOKEN.findall(words[0].lower()))[:12])
    digits = any(c.isdigit() for c in line)
    if len(words) >= 2 and not digits and "@" not in line and not line.rstrip().endswith("."):
        attrs.append("h:titleshape")
    return attrs


def header_features(lines: Sequence[str], own: Sequence[list[str]] | None = None) -> list[list[str]]:
    """Features of every front-matter line: the shared ones plus vocabulary and name shape (own and neighbours')."""
    shared = document_features(lines, own if own is not None else [line_attributes(line) for line in lines])
    lower = _lower_forms(lines)
    anywhere: Counter[str] = Counter()
    for line in lines:
        anywhere.update({t.lower() for t in _tokens(line) if len(t) > 3})
    boxes = _mailboxes(lines)
    # no name of the line in an address is no evidence of a title (most names have no address of their own):
    # only a match counts ("h:mail=0" as a feature made a byline with no address read as the title's last line)
    extra = [_own(line, lower, anywhere) + seams + [_in_mail(line, boxes).replace("h:mail=0", "h:mail=none")]
             for line, seams in zip(lines, _boundaries(lines))]
    short = [[a for a in attrs if a.startswith(("h:vocab=", "h:nameline", "h:nearname", "h:fw=", "h:mail="))]
             for attrs in extra]
    first_title = next((i for i, attrs in enumerate(extra) if "h:titleshape" in attrs and "h:fw=0" not in attrs), None)
    out: list[list[str]] = []
    for i, features in enumerate(shared):
        features = features + extra[i]
        for offset in (-1, 1):
            j = i + offset
            if 0 <= j < len(lines):
                features.extend(f"{offset}:{a}" for a in short[j])
        key = "|".join(a for a in short[i] if not a.startswith("h:fw="))
        if i > 0:
            features.append("h:prev+this=" + "|".join(short[i - 1]) + "/" + key)
        if i + 1 < len(lines):
            features.append("h:this+next=" + key + "/" + "|".join(short[i + 1]))
        if first_title is not None:
            features.append("h:fromtitle=" + str(max(-3, min(3, i - first_title))))
        out.append(features)
    return out


def tag_header(tagger: Tagger, lines: Sequence[str], own: Sequence[list[str]] | None = None) -> tuple[list[str], list[float]]:
    """Header labels of front-matter ``lines`` (title decoded as one run) and each line's marginal of its label."""
    if not lines:
        return [], []
    labels, _ = tagger.tag(header_features(lines, own))
    labels = decode_title(labels, tagger, lines)
    return labels, [tagger.marginal(label, i) for i, label in enumerate(labels)]
