"""Decoding the header model's labels: the title as one contiguous run of lines (and an author run when none).

Viterbi's best label sequence often splits a title (a last line read as an author, a first line as the journal)
or finds none; :func:`decode_title` takes instead the likeliest label sequence with exactly one title run among
candidate runs, bounded by lines labelled as a title of some kind ("Title:", "Short title:", "Running head:").
The choices were made on the development split (``scripts/papersite/data/STRUCTURE-MODELS.md``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .models import Tagger

#: A line counts towards the title run by its title marginal minus this (chosen on the development split).
TITLE_THRESHOLD = 0.7
#: Candidate title runs (:func:`_title_spans`): at most this many lines, first and last line's title marginal at least the floor.
TITLE_SPAN = 8
CANDIDATE_FLOOR = 0.05
#: When Viterbi finds no author, the likeliest run of author lines (same rule) if its best line reaches AUTHOR_FLOOR.
AUTHOR_THRESHOLD = 0.5
AUTHOR_FLOOR = 0.05

#: A line labelled as a title of some kind ("Title:", "Short title:", "Running head:"): it can begin a title field,
#: never continue one nor be a byline; a short or running title ("Short title:", "Running head:") is no title at all.
_TITLE_LABEL = re.compile(r"^\W{0,2}(?:[^\W\d_]+\s+){0,2}(?:title|head)\s*:", re.IGNORECASE)
_SECONDARY = frozenset({"short", "running", "run", "page"})
#: What no title line holds (none of the training documents' 940 title lines does; hundreds of their other
#: lines do): a web or DOI address, an ISSN, an e-mail address, a copyright mark, "Printed in", letters spaced out.
_NEVER_TITLE = re.compile(r"https?://|www\.|doi\.org/|\bdoi:\s*10\.|\bISSN\b|@|©|\bcopyright\b|\bprinted in\b|^(?:\S ){4,}",
                          re.IGNORECASE)


def _best_run(p: Sequence[float], threshold: float) -> tuple[int, int] | None:
    """The contiguous run of lines maximising the sum of ``p - threshold`` (``None`` if no line passes)."""
    best, span = 0.0, None
    current, begin = 0.0, 0
    for i, value in enumerate(p):
        if current <= 0:
            current, begin = 0.0, i
        current += value - threshold
        if current > best:
            best, span = current, (begin, i)
    return span


def _run(p: Sequence[float], threshold: float, floor: float) -> tuple[int, int] | None:
    """:func:`_best_run`, or the likeliest single line when no line passes (if it reaches ``floor``)."""
    span = _best_run(p, threshold)
    if span is None and p:
        top = max(range(len(p)), key=p.__getitem__)
        span = (top, top) if p[top] >= floor else None
    return span


def _relabel(labels: list[str], span: tuple[int, int], name: str, tagger: Tagger) -> None:
    """Lines in ``span`` become field ``name`` (one field); other ``name`` lines take their likeliest other label."""
    fields = sorted({label.partition("/")[0] for label in tagger.labels()} - {name})
    for i, label in enumerate(labels):
        if span[0] <= i <= span[1]:
            labels[i] = f"{name}/B" if i == span[0] else f"{name}/I"
        elif label.startswith(name + "/"):
            labels[i] = _likeliest_other(labels, i, fields, tagger)


def _likeliest_other(labels: Sequence[str], i: int, fields: Sequence[str], tagger: Tagger) -> str:
    """The field of line ``i`` with the largest marginal (its first line and continuation summed), continuing
    the field of the line before it if that is the same and the model finds continuing likelier."""
    field = max(fields, key=lambda f: tagger.marginal(f + "/B", i) + tagger.marginal(f + "/I", i))
    if i > 0 and labels[i - 1].startswith(field + "/") and tagger.marginal(field + "/I", i) > tagger.marginal(field + "/B", i):
        return field + "/I"
    return field + "/B"


def _with_title(labels: Sequence[str], span: tuple[int, int], tagger: Tagger) -> list[str]:
    """``labels`` with the lines in ``span`` as the one title field (:func:`_relabel`); a line after it that
    continued a field now starts that field."""
    out = list(labels)
    _relabel(out, span, "title", tagger)
    after = span[1] + 1
    if after < len(out) and out[after].endswith("/I"):
        out[after] = out[after].split("/")[0] + "/B"
    return out


def _as_scored(candidate: Sequence[str], viterbi: Sequence[str]) -> list[str]:
    """``candidate`` as its probability is weighed: a line inside its title run that Viterbi began a title
    field on keeps ``title/B`` (the model may split a title in two fields; the run is still one title)."""
    return ["title/B" if label == "title/I" and old == "title/B" else label for label, old in zip(candidate, viterbi)]


def _title_label(line: str) -> str | None:
    """"title" for a line labelled as the title ("Title: …", "Full title: …"), "secondary" for a short or running
    title ("Short title: …", "Running head: …"), ``None`` for any other line."""
    found = _TITLE_LABEL.match(line)
    if found is None:
        return None
    words = found.group(0).lower().rstrip(": ").split()
    return "secondary" if words[-1] == "head" or _SECONDARY & set(words) else "title"


def _no_labelled_byline(labels: list[str], labelled: Sequence[bool], tagger: Tagger) -> None:
    """A line labelled as a title ("Running title: …") in the author field takes its likeliest label that is
    neither author nor title; an author line after it starts the field."""
    others = [label for label in tagger.labels() if not label.startswith(("author/", "title/"))]
    for i, flag in enumerate(labelled):
        if flag and labels[i].startswith("author/"):
            labels[i] = max(others, key=lambda other: tagger.marginal(other, i))
            if i + 1 < len(labels) and labels[i + 1] == "author/I":
                labels[i + 1] = "author/B"


def _title_spans(p: Sequence[float], labelled: Sequence[bool] = (), never: Sequence[bool] = ()) -> set[tuple[int, int]]:
    """Candidate title runs: the run over marginals (:func:`_run`) and every run of up to TITLE_SPAN lines
    whose first and last lines reach CANDIDATE_FLOOR and whose lines all reach half of it; none goes on
    over a line that can only begin a title (``labelled``, :func:`title_bounds`) or holds a line that is
    ``never`` in one."""
    spans = _all_title_spans(p)
    return {(a, b) for a, b in spans if not any(labelled[a + 1 : b + 1]) and not any(never[a : b + 1])}


def title_bounds(lines: Sequence[str]) -> tuple[list[bool], list[bool], list[bool]]:
    """For each line: labelled as a title of some kind (:func:`_title_label`); can only begin a title run,
    never continue one (labelled so); never in a title (a short or running title, or a line with what no title
    holds, :data:`_NEVER_TITLE`). A line ending a sentence is no bound:
    titles do so ("… regression model." / next line), the dev split lost as many as it gained."""
    kinds = [_title_label(line) for line in lines]
    labelled = [kind is not None for kind in kinds]
    begins = labelled
    never = [kind == "secondary" or bool(_NEVER_TITLE.search(line)) for kind, line in zip(kinds, lines)]
    return labelled, begins, never


def _all_title_spans(p: Sequence[float]) -> set[tuple[int, int]]:
    spans: set[tuple[int, int]] = set()
    best = _run(p, TITLE_THRESHOLD, 0.0)
    if best is not None:
        spans.add(best)
    for start in (i for i, value in enumerate(p) if value >= CANDIDATE_FLOOR):
        for end in range(start, min(len(p), start + TITLE_SPAN)):
            if p[end] < CANDIDATE_FLOOR / 2:
                break
            if p[end] >= CANDIDATE_FLOOR:
                spans.add((start, end))
    return spans


def decode_title(labels: Sequence[str], tagger: Tagger, lines: Sequence[str] = ()) -> list[str]:
    """The model's labels with the title made one contiguous run of lines: of the candidate runs
    (:func:`_title_spans`), the one whose whole label sequence the model finds likeliest, each
    candidate being the model's labels with that run as the title and the lines outside it that it
    called title given their likeliest other label. A document always gets a title. When no author
    is labelled then, the likeliest run of author lines outside the title is the author field (marginals
    of ``author/B`` + ``author/I``, each line counting ``p - AUTHOR_THRESHOLD``). Must follow
    ``tagger.tag`` of the same document; ``lines`` (its text) bound the candidate runs (:func:`title_bounds`).

    Viterbi's best label sequence often splits a title (a last line read as an author, a first
    line as the journal) or finds none; the likeliest sequence with exactly one title run is
    measured better on the development split (see ``STRUCTURE-MODELS.md``)."""
    out = list(labels)
    p = [tagger.marginal("title/B", i) + tagger.marginal("title/I", i) for i in range(len(out))]
    labelled, begins, never = title_bounds(lines)
    spans = _title_spans(p, begins, never)
    if spans:
        viterbi = list(out)
        out = max((_with_title(viterbi, span, tagger) for span in sorted(spans)),
                  key=lambda candidate: tagger.probability(_as_scored(candidate, viterbi)))
    _no_labelled_byline(out, labelled, tagger)
    if not any(label.startswith("author/") for label in out):
        pa = [0.0 if label.startswith("title/") or (labelled and labelled[i])
              else tagger.marginal("author/B", i) + tagger.marginal("author/I", i) for i, label in enumerate(out)]
        author = _run(pa, AUTHOR_THRESHOLD, AUTHOR_FLOOR)
        if author is not None:
            _relabel(out, author, "author", tagger)
    return out
