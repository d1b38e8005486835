"""Features of body lines for the body model, on top of the shared ones.

Without fonts a section heading shows itself by how it sits among its neighbours: it follows a
sentence's end, is short for this document, ends without a period, and is followed by a longer
line that starts a sentence; its words are capitalised as in a title ("Data Collection") or it
is in capitals; it may carry a number (``2.1``, ``IV.``, ``A.``), sometimes alone on the line
before it; a long heading runs on to a second short line. A linear-chain model sees each of these
facts but cannot form their conjunction, so the conjunctions are features here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .features import document_features, line_attributes
from .models import Tagger

#: A line whose heading marginal reaches this is a heading (chosen on the development split: F1 0.863 -> 0.870).
HEADING_THRESHOLD = 0.4
_SECTION_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}|[IVX]{1,5}|[A-H])\.?$")
_NUMBERED_HEAD = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}|[IVX]{1,5}|[A-H])\.?\s+[A-Z]")
_SENTENCE_BREAK = re.compile(r"[.:](?=\s+[A-Z(\[])")
_ITEM_LABEL = re.compile(r"\((?:\d{1,3}[a-z]?|[a-z]|[ivx]+)\)[.:]?(?:\s|$)")
_CAPTION = re.compile(r"^(?:fig\.?|figure|table|tab\.)\s*[\dIVX]", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:[-'][^\W_]+)*", re.UNICODE)
_MINOR = frozenset(
    """a an the of in on for to and or by with from at as via into under over between about its their our
    vs versus per""".split()
)


def _width(ratio: float) -> str:
    return "tiny" if ratio < 0.25 else "short" if ratio < 0.5 else "half" if ratio < 0.75 else "near" if ratio < 0.95 else "full"


def _ending(text: str) -> str:
    last = text[-1:]
    if last in ".?!":
        return "stop"
    if last in ",;:":
        return last
    if last == "-":
        return "hyphen"
    return "open" if last.isalnum() or last in ")]" else "sym"


def _case(text: str) -> str:
    """Capitalisation of the line's words: caps, title (every major word capitalised), sentence or lower."""
    words = _WORD.findall(text)
    if not words:
        return "none"
    letters = "".join(words)
    if letters.isupper() and len(letters) > 1:
        return "caps"
    major = [w for w in words if w.lower() not in _MINOR]
    if major and all(w[0].isupper() for w in major) and len(major) >= 2:
        return "title"
    if words[0][0].isupper():
        return "sentence"
    return "lower"


def _shape(text: str, typical: int) -> tuple[str, str, str, str]:
    stripped = text.strip()
    return _width(len(stripped) / max(typical, 1)), _ending(stripped), _case(stripped), stripped[:1].isupper() and "A" or "x"


def _run_in(text: str) -> list[str]:
    """Where the line's first sentence ends (a run-in heading, "Data Collection. We …", ends early)
    and how that first sentence is capitalised; whether a labelled item ("… imidazole (6b).") is named."""
    out = []
    found = _SENTENCE_BREAK.search(text)
    if found and found.start() > 2:
        share = found.start() / len(text)
        where = "early" if share < 0.35 else "mid" if share < 0.7 else "late"
        out.append("b:runin=" + where + "|" + _case(text[: found.start()]))
    if _ITEM_LABEL.search(text):
        out.append("b:itemlabel")
    return out


def body_features(
    lines: Sequence[str], own: Sequence[list[str]] | None = None, *, typical: int | None = None
) -> list[list[str]]:
    """Features of every body line: the shared ones plus the heading conjunctions of the module's doc.
    ``typical``: the document's typical line width (default: the 75th percentile of its lines' widths)."""
    shared = document_features(lines, own if own is not None else [line_attributes(line) for line in lines])
    if typical is None:
        lengths = sorted(len(line.strip()) for line in lines)
        typical = lengths[(len(lengths) * 3) // 4] if lengths else 1
    shapes = [_shape(line, typical) for line in lines]
    total = len(lines)
    out: list[list[str]] = []
    for i, features in enumerate(shared):
        width, ending, case, initial = shapes[i]
        stripped = lines[i].strip()
        extra = ["b:w=" + width, "b:end=" + ending, "b:case=" + case, "b:we=" + width + "|" + ending + "|" + case]
        extra.extend(_run_in(stripped))
        if _SECTION_NUMBER.match(stripped):
            extra.append("b:numonly")
            if i + 1 < total:
                extra.append("b:numonly+next=" + shapes[i + 1][2] + "|" + shapes[i + 1][1])
        if _NUMBERED_HEAD.match(stripped):
            extra.append("b:numhead|" + ending + "|" + width)
        if i > 0:
            pw, pe, pc, _ = shapes[i - 1]
            extra.append("b:prev=" + pe + "|" + pw)
            extra.append("b:prev+this=" + pe + "|" + width + "|" + ending + "|" + case)
            if _SECTION_NUMBER.match(lines[i - 1].strip()):
                extra.append("b:afternum|" + case + "|" + ending)
        if i + 1 < total:
            nw, ne, nc, ni = shapes[i + 1]
            extra.append("b:this+next=" + width + "|" + ending + "|" + case + "|" + ni + nw)
            if i > 0:
                extra.append("b:3=" + shapes[i - 1][1] + "|" + width + "|" + ending + "|" + case + "|" + ni + nw)
        out.append(features + extra)
    return out


def promote(labels: Sequence[str], heading: Sequence[float], threshold: float = HEADING_THRESHOLD) -> list[str]:
    """``labels`` with every line whose heading marginal (``heading[i]``: P(heading/B) + P(heading/I))
    reaches ``threshold`` made a heading, and the line after it starting a new block."""
    out = list(labels)
    for i, label in enumerate(out):
        if label.startswith("heading/"):
            continue
        if heading[i] >= threshold:
            out[i] = "heading/I" if i > 0 and out[i - 1].startswith("heading/") else "heading/B"
            if i + 1 < len(out) and not out[i + 1].startswith("heading/"):
                out[i + 1] = out[i + 1].partition("/")[0] + "/B"
    return out


def heading_marginals(tagger: Tagger, count: int) -> list[float]:
    """After ``tagger.tag`` of ``count`` lines: each line's P(heading/B) + P(heading/I)."""
    return [tagger.marginal("heading/B", i) + tagger.marginal("heading/I", i) for i in range(count)]


def promote_headings(labels: Sequence[str], tagger: Tagger) -> list[str]:
    """Viterbi's labels, with every line whose heading marginal reaches HEADING_THRESHOLD made a
    heading (:func:`promote`).

    Viterbi under-calls headings (precision 0.90, recall 0.83 on the development split): a short
    line between paragraphs is a heading for the model's marginals more often than its best
    sequence says. Must follow ``tagger.tag`` of the same lines."""
    return promote(labels, heading_marginals(tagger, len(labels)))


def legend_headings(labels: Sequence[str], lines: Sequence[str]) -> list[str]:
    """Viterbi's labels, with a run of heading lines that sits between a figure or table line and
    a caption ("Figure 4: …", "Table 2") given the figure's or table's label: it is the graphic's
    legend or labels ("Local", "Non-Local").

    A rule, because it is near exact where the model is not: of the 1,223 heading lines of the
    training documents, one sits so; the model, which sees two lines on each side, takes short
    capitalised legend lines for headings."""
    out = list(labels)
    i = 0
    while i < len(out):
        if not out[i].startswith("heading/"):
            i += 1
            continue
        end = i
        while end + 1 < len(out) and out[end + 1].startswith("heading/"):
            end += 1
        before = out[i - 1].partition("/")[0] if i > 0 else ""
        if before in ("figure", "table") and end + 1 < len(out) and _CAPTION.match(lines[end + 1].strip()):
            out[i : end + 1] = [before + "/I"] * (end + 1 - i)
        i = end + 1
    return out


def tag_body(tagger: Tagger, lines: Sequence[str], own: Sequence[list[str]] | None = None) -> tuple[list[str], list[float]]:
    """Body labels of ``lines`` (headings promoted by their marginals, legends kept with their
    graphic) and each line's confidence: the marginal of its label, 1 where the legend rule decided."""
    if not lines:
        return [], []
    labels, _ = tagger.tag(body_features(lines, own))
    promoted = promote_headings(labels, tagger)
    labels = legend_headings(promoted, lines)
    return labels, [1.0 if label != promoted[i] else tagger.marginal(label, i) for i, label in enumerate(labels)]
