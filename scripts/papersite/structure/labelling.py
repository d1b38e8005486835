"""The cascade over one document: zones, then header fields, body labels and reference entries.

Both source shapes go through the same models, which were trained on printed PDF lines:

- *line per PDF line* (``paper.raw.txt``-like): each non-blank line is one model line;
- *blank-line-separated* text, where a source line may be a whole paragraph: a line longer than
  a printed line is cut at word boundaries into pieces of about a printed line's width, the
  pieces are labelled, and the source line takes the label most of its text got (its first
  piece's label for a heading). A blank line always ends a block, so in this shape each
  non-blank line starts one.

A form feed (``\\f``) starting a line marks a new page; the models do not need it (their
training text has no page marks) but it is kept out of the text they see.

PDF evidence (``LineEvidence``), when given, is applied after the models by one rule: a short
body line set in a clearly larger font than the body (``font_size_ratio`` ≥ 1.15) or wholly in
bold, that does not end like a sentence, is a heading; a line the models called a heading that
is set in body-size regular type and runs to a sentence end is a paragraph line. The trained
models cannot use fonts (their data has none), and these two cues are the ones GROBID's own
features rely on most for headings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .body_features import tag_body
from .features import document_features, fold, line_attributes
from .header_features import tag_header
from .models import Models, default_models
from .zone_features import late_zones, zone_features
from .types import (
    LABEL_BLANK,
    ZONE_ANNEX,
    ZONE_BODY,
    ZONE_FOOTNOTE,
    ZONE_FURNITURE,
    ZONE_HEADER,
    ZONE_REFERENCES,
    LineEvidence,
    LineLabel,
)

PIECE_WIDTH = 90  # characters: about one printed line of a journal page
LONG_LINE = 130  # a source line longer than this is cut into pieces


@dataclass(frozen=True)
class _Piece:
    source: int  # index of the source line
    text: str


def _pieces(lines: Sequence[str]) -> list[_Piece]:
    out: list[_Piece] = []
    for index, raw in enumerate(lines):
        # crfsuite takes UTF-8 only: a lone surrogate becomes "?" for the models (the source is untouched)
        text = " ".join(raw.replace("\f", " ").encode("utf-8", "replace").decode("utf-8").split())
        if not text:
            continue
        if len(text) <= LONG_LINE:
            out.append(_Piece(index, text))
            continue
        current: list[str] = []
        width = 0
        for word in text.split(" "):
            if current and width + 1 + len(word) > PIECE_WIDTH:
                out.append(_Piece(index, " ".join(current)))
                current, width = [], 0
            width += len(word) + (1 if current else 0)
            current.append(word)
        if current:
            out.append(_Piece(index, " ".join(current)))
    return out


def _blank_separated(lines: Sequence[str]) -> bool:
    """True when blank lines separate the blocks (most non-blank lines have a blank line next to them)."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    if len(content) < 2:
        return True
    touching = sum(
        1 for i in content if (i > 0 and not lines[i - 1].strip()) or (i + 1 < len(lines) and not lines[i + 1].strip())
    )
    return touching >= 0.6 * len(content)


def label_document(
    lines: Sequence[str], evidence: Sequence[LineEvidence | None] | None = None, models: Models | None = None
) -> list[LineLabel]:
    models = models or default_models()
    pieces = _pieces(lines)
    texts = [p.text for p in pieces]
    own = [line_attributes(text) for text in texts]
    first, zone_p = models.zones.tag(zone_features(texts, own))
    zones = late_zones(texts, own, first, lambda lines, attrs: tag_header(models.header, lines, attrs))
    # body and annex lines alike go to the body model: its labels need the zone model's
    # confidence that a line is running text of either, not which of the two
    zone_p = [
        models.zones.marginal(ZONE_BODY, i) + models.zones.marginal(ZONE_ANNEX, i) if z in (ZONE_BODY, ZONE_ANNEX)
        else p if z == f else models.zones.marginal(z, i)
        for i, (z, f, p) in enumerate(zip(zones, first, zone_p))
    ]
    labels = [""] * len(pieces)
    starts = [False] * len(pieces)
    probs = list(zone_p)
    for zone_set, tag in (
        ((ZONE_HEADER,), lambda lines, attrs: tag_header(models.header, lines, attrs)),
        ((ZONE_BODY, ZONE_ANNEX), lambda lines, attrs: tag_body(models.body, lines, attrs)),
        ((ZONE_REFERENCES,), lambda lines, attrs: models.references.tag(document_features(lines, attrs))),
    ):
        idx = [i for i, z in enumerate(zones) if z in zone_set]
        got, marg = tag([texts[i] for i in idx], [own[i] for i in idx]) if idx else ([], [])
        for i, label, p in zip(idx, got, marg):
            name, _, position = label.partition("/")
            labels[i] = name
            starts[i] = position == "B"
            probs[i] = probs[i] * p
    for i, zone in enumerate(zones):
        if zone == ZONE_FURNITURE:
            labels[i] = "page-number" if texts[i].strip(" -–—.").isdigit() else "running-head"
        elif zone == ZONE_FOOTNOTE:
            labels[i] = "footnote"
        elif not labels[i]:
            labels[i] = "other"
    out = _per_source_line(lines, pieces, zones, labels, starts, probs, evidence)
    return _page_edge_furniture(lines, out, evidence)


def _per_source_line(
    lines: Sequence[str],
    pieces: list[_Piece],
    zones: list[str],
    labels: list[str],
    starts: list[bool],
    probs: list[float],
    evidence: Sequence[LineEvidence | None] | None,
) -> list[LineLabel]:
    by_line: dict[int, list[int]] = {}
    for i, piece in enumerate(pieces):
        by_line.setdefault(piece.source, []).append(i)
    blank_shape = _blank_separated(lines)
    out: list[LineLabel] = []
    previous = LineLabel(ZONE_HEADER, LABEL_BLANK, 1.0)
    for index in range(len(lines)):
        members = by_line.get(index)
        if not members:
            previous = LineLabel(previous.zone, LABEL_BLANK, 1.0)
            out.append(previous)
            continue
        weight: Counter[tuple[str, str]] = Counter()
        for i in members:
            weight[(zones[i], labels[i])] += len(pieces[i].text)
        zone, label = weight.most_common(1)[0][0]
        first = members[0]
        if labels[first] == "heading" and len(members) <= 2:
            zone, label = zones[first], "heading"
        p = sum(probs[i] for i in members if (zones[i], labels[i]) == (zone, label)) / len(members)
        start = starts[first] or blank_shape or previous.zone != zone or previous.label != label
        entry_start = zone == ZONE_REFERENCES and label == "entry" and (starts[first] or blank_shape)
        line_label = LineLabel(zone, label, round(p, 4), entry_start=entry_start, start=start)
        if evidence is not None and index < len(evidence) and evidence[index] is not None:
            line_label = _apply_evidence(line_label, lines[index], evidence[index])  # type: ignore[arg-type]
        out.append(line_label)
        previous = line_label
    return _formulas(lines, _contents_entries(lines, out), evidence) if evidence is not None else out


#: A contents list's entry ends in its page number, often after a dot leader ("4.1 Fisher . . . 4").
_CONTENTS_ENTRY = re.compile(r"\D\s(?:\.\s*)*\d{1,4}$")
#: Lines in a row ending in a page number that make a contents list.
CONTENTS_RUN = 4


def _contents_entries(lines: Sequence[str], labels: list[LineLabel]) -> list[LineLabel]:
    """A contents list is a list, whatever its type: in a run of at least :data:`CONTENTS_RUN`
    lines each ending in a page number (a line wrapped from an entry may go between), each body
    line labelled a heading or a paragraph is an ``item``, one starting after a line that ended in a page number. Its entries are
    set as the headings they list are (bold, larger), which would make each a heading."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    ends = [bool(_CONTENTS_ENTRY.search(lines[i].strip())) for i in content]
    out = list(labels)
    run: list[int] = []  # positions in ``content``
    for position in range(len(content) + 1):
        wrapped = bool(run) and position + 1 < len(content) and ends[position + 1] and not lines[content[position]].strip().endswith((".", ":"))
        if position < len(content) and (ends[position] or wrapped):
            run.append(position)
            continue
        if sum(ends[j] for j in run) >= CONTENTS_RUN:
            for j in run:
                i = content[j]
                if out[i].zone in (ZONE_BODY, ZONE_ANNEX) and out[i].label in ("heading", "paragraph", "item"):  # not a table's rows
                    out[i] = LineLabel(out[i].zone, "item", 1.0, start=j == run[0] or ends[j - 1])
        run = []
    return out


def _apply_evidence(label: LineLabel, text: str, evidence: LineEvidence) -> LineLabel:
    if label.zone not in (ZONE_BODY, ZONE_ANNEX):
        return label
    stripped = text.strip()
    sentence_end = stripped.endswith((".", "?", "!", ":", ";", ","))
    large = evidence.font_size_ratio is not None and evidence.font_size_ratio >= 1.15
    body_size = evidence.font_size_ratio is not None and abs(evidence.font_size_ratio - 1.0) < 0.05
    short = len(stripped.split()) <= 12 and not sentence_end
    if (large or evidence.bold) and short and label.label == "paragraph":
        return LineLabel(label.zone, "heading", 1.0, start=True)
    # Larger *and* bold with space above: a heading after code or a table, whose lines the models
    # took it for (a table's or a figure's own text is not set larger than the body and bold).
    if large and evidence.bold and short and (evidence.gap_above or 0) >= 0.5 and label.label in ("table", "figure", "formula"):
        return LineLabel(label.zone, "heading", 1.0, start=True)
    if label.label == "heading" and body_size and evidence.bold is False and sentence_end:
        return LineLabel(label.zone, "paragraph", 1.0, start=label.start)
    return label


#: An equation's number at the end of a line: "(3)", "(2.1)", "(4a)".
_EQUATION_NUMBER = re.compile(r"\(\d{1,3}(?:\.\d{1,3})?[a-z]?\)$")
#: A plain lower-case word of running text ("the", "covariance,").
_PLAIN_WORD = re.compile(r"^[a-z]{3,}[.,;:]?$")
_CAPTION = re.compile(r"^(?:Figure|Fig\.|Table|Tab\.)\s*[A-Z]?\d+", re.I)


#: A sign of mathematics in a line's text: an operator or relation, a function's name.
_MATH_SIGN = re.compile(r"[=<>≤≥≈∼∝±×÷∑∏∫√∞∂∇−+|]|\b(?:sin|cos|tan|log|ln|exp|min|max|sup|inf|lim|det)\b")


def _displayed_formula(text: str, evidence: LineEvidence | None) -> bool:
    """Could this line be part of a displayed equation by its layout: set apart as a display
    (indented well into its column, ending short of its margin or with an equation number) or
    mostly in a math font, with math type or an equation number, and neither a sentence (four
    plain lower-case words or more making half its words) nor a caption."""
    if evidence is None:
        return False
    math = evidence.math or 0.0
    if not (evidence.display or math >= 0.6) or not (math >= 0.3 or _EQUATION_NUMBER.search(text)):
        return False
    words = text.split()
    plain = sum(1 for word in words if _PLAIN_WORD.match(word))
    return not (plain >= 4 and 2 * plain >= len(words)) and not _CAPTION.match(text)


def _formulas(lines: Sequence[str], labels: list[LineLabel], evidence: Sequence[LineEvidence | None]) -> list[LineLabel]:
    """Lines of displayed equations labelled ``formula`` from the PDF's evidence, which the models
    cannot see (they read an equation's pieces set on lines of their own, a fraction's bar or a
    sum's limits, as text or a table). A body line is a formula line when its layout says it could
    be (:func:`_displayed_formula`) and its text has a sign of mathematics or an equation number,
    or a neighbour is one too; a display line without words between two formula lines (a
    fraction's numerators "1 1 1") is one. A lone piece of an inline formula set on a line of its
    own within a paragraph (a sum sign "Pn") has neither and stays text."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    ev = [evidence[i] if i < len(evidence) else None for i in content]
    texts = [lines[i].strip(" \f") for i in content]
    # a heading the models are sure of stays one; a line ending in an equation's number is none
    body = [
        labels[i].zone in (ZONE_BODY, ZONE_ANNEX) and (labels[i].label != "heading" or labels[i].p < 0.5 or bool(_EQUATION_NUMBER.search(t)))
        for i, t in zip(content, texts)
    ]
    could = [ok and _displayed_formula(text, e) for ok, text, e in zip(body, texts, ev)]
    # a sign alone ("√", a sum's "Pn") is a piece of a formula inside a sentence, not a display
    signed = [c and len(t.replace(" ", "")) >= 3 and bool(_MATH_SIGN.search(t) or _EQUATION_NUMBER.search(t)) for c, t in zip(could, texts)]
    near = len(content)
    chosen = [c and (signed[k] or (k > 0 and signed[k - 1]) or (k + 1 < near and signed[k + 1])) for k, c in enumerate(could)]
    for k in range(1, near - 1):
        e = ev[k]
        if body[k] and not chosen[k] and e is not None and e.display and chosen[k - 1] and chosen[k + 1]:
            chosen[k] = not re.search(r"[^\W\d_]{3}", texts[k])
    out = list(labels)
    for k, i in enumerate(content):
        if chosen[k]:
            out[i] = LineLabel(out[i].zone, "formula", 1.0, start=not (k > 0 and chosen[k - 1]))
        elif out[i].label == "formula" and ev[k] is not None and not could[k] and _sentence(texts[k]):
            out[i] = LineLabel(out[i].zone, "paragraph", 1.0, start=out[i].start)  # running text the model took for a formula
    return out


def _sentence(text: str) -> bool:
    """A printed line of running text: eight words or more, half of them plain lower-case words."""
    words = text.split()
    plain = sum(1 for word in words if _PLAIN_WORD.match(word))
    return len(words) >= 8 and plain >= 5 and 2 * plain >= len(words)


def _pages(lines: Sequence[str], evidence: Sequence[LineEvidence | None] | None) -> list[list[int]]:
    """Source line indices (non-blank) page by page: from PDF evidence when it gives pages, else
    from form feeds; one page when neither does."""
    pages: list[list[int]] = [[]]
    current: int | None = None
    for index, line in enumerate(lines):
        known = evidence[index] if evidence is not None and index < len(evidence) else None
        if known is not None and known.page is not None:
            if current is not None and known.page != current and pages[-1]:
                pages.append([])
            current = known.page
        elif line.startswith("\f") and pages[-1]:
            pages.append([])
        if line.strip():
            pages[-1].append(index)
    return pages


def _page_edge_furniture(
    lines: Sequence[str], labels: list[LineLabel], evidence: Sequence[LineEvidence | None] | None
) -> list[LineLabel]:
    """Running heads and page numbers found by a rule where pages are known.

    The rule beats the model here: the models' training text has no page marks, so they can
    only guess furniture from a line's look and its repetition, and a running head inside a
    table or a reference list takes its neighbours' zone. With pages known, a line within the
    first or last two lines of a page whose digit-folded form recurs there on at least three
    pages (and a fifth of them) is furniture. Bare numbers are left to the model: at a page's
    foot they are as often footnote markers set on their own line as page numbers.
    """
    pages = _pages(lines, evidence)
    if len(pages) < 3:
        return labels
    edges = [page[:2] + page[-2:] for page in pages]
    seen: Counter[str] = Counter()
    for edge in edges:
        seen.update({fold(lines[i]) for i in edge})
    enough = max(3, len(pages) // 5)
    out = list(labels)
    for edge in edges:
        for i in edge:
            text = lines[i].strip().lstrip("\f").strip()
            if seen[fold(lines[i])] >= enough and any(c.isalpha() for c in text):
                out[i] = LineLabel(ZONE_FURNITURE, "running-head", 1.0, start=True)
    return out
