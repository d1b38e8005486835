"""Features of the zone model: the shared line features plus cues of supplementary material.

A line's zone depends on where it sits in the whole paper more than on its own look: an
annex is body-like text after an "Appendix" or "Supplementary" cue (often after the
references), and figures printed after the references may be the body's or supplementary. On top of
:func:`papersite.structure.features.document_features` the zone model sees

- *annex cues* anywhere in the line: "Appendix", "Supplementary", "S1 Fig", a lettered
  appendix heading ("A. Proof of Lemma 2"), marked when it comes after a references heading;
- *the last caption seen*: a main figure or table ("Figure 3", "Table 2") or a supplementary
  one ("Figure S1", "Supplementary Table 4", "Appendix 1 Figure 2"), and whether a references
  heading came before — figures printed after the references belong to the body, supplementary
  items to the annex.

After the model, :func:`late_zones` repairs two of its errors that reach the page (a header-zone
run inside the body, an address block under a label read as body), asking the header model.

Inferred page edges (running heads, bare page numbers counting up a page apart) with each
line's distance to them were tried too and left out: no gain on the dev split; so were the
neighbours' shapes across page furniture, the words of the last heading-like line, and the
distance to the next and the last references heading (better on the dev split, worse on the
held-out documents: see ``STRUCTURE-MODELS.md``).

What was measured on the dev split to choose these is in ``papersite/data/STRUCTURE-MODELS.md``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .features import document_features, line_attributes, section_cue

_SUPP_ITEM = re.compile(
    r"\b(?:fig(?:ure)?s?\.?|tables?|movies?|videos?|data|files?|text|methods?|appendix)\s*S\d+\b|\bS\d+\s+(?:fig|table|text|file|data)",
    re.IGNORECASE,
)
_SUPP_WORD = re.compile(r"\bsupplement(?:ary|al)?\b|\bsupporting information\b|\badditional file\b", re.IGNORECASE)
_APPENDIX_WORD = re.compile(r"\bappendi(?:x|ces)\b", re.IGNORECASE)
_LETTER_HEAD = re.compile(r"^(?:[A-H](?:\.\d+)*\.?|Appendix\s+[A-Z0-9]+[.:]?)\s+[A-Z][\w-]*")
_CAPTION = re.compile(
    r"^(?:supplement(?:ary|al)\s+|appendix\s+\w+\s+)?(?:fig(?:ure)?s?\.?|table|movie|video)\s*S?[0-9IVX]+\b", re.IGNORECASE
)


def zone_features(lines: Sequence[str], own: Sequence[list[str]] | None = None) -> list[list[str]]:
    """:func:`document_features` plus the zone model's cues of annexes and supplementary material."""
    if own is None:
        own = [line_attributes(line) for line in lines]
    out = document_features(lines, own)
    after_refs = False
    caption = "none"
    for i, line in enumerate(lines):
        features = out[i]
        after_refs = after_refs or section_cue(line) == "refs"
        supp = bool(_SUPP_ITEM.search(line))
        if supp:
            features.append("suppitem")
        supp_word = bool(_SUPP_WORD.search(line))
        if supp_word:
            features.append("suppword")
        if _APPENDIX_WORD.search(line):
            supp_word = True
            features.append("appendixword")
        if len(line.split()) <= 12 and _LETTER_HEAD.match(line.strip()):
            features.append("letterhead" + ("|afterrefs" if after_refs else ""))
        if _CAPTION.match(line.strip()):
            caption = "supp" if supp or supp_word else "main"
            features.append("caption=" + caption)
        features.append("lastcap=" + caption + ("|afterrefs" if after_refs else ""))
    return out


#: Header fields of an address block (a byline printed at a paper's end, "Affiliation: …").
_BYLINE_FIELDS = frozenset({"author", "affiliation", "address", "email", "note"})
#: Body lines seen before a header-zone run counts as "late" (past the front matter).
BODY_BEGUN = 10
#: Body lines seen before a header-zone run is no front matter (title pages interleave notes,
#: dates, affiliations and funding with the first page's body text).
LATE_BODY = 100
#: A label opening an address block: "Affiliation:", "Author's address:", "Correspondence:"
#: (one to four words and a colon, alone on its line).
_BLOCK_LABEL = re.compile(r"^[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}:$")
#: The most lines of an address block under such a label.
_BLOCK_LINES = 12

Tag = Callable[[Sequence[str], Sequence[list[str]]], tuple[list[str], list[float]]]


def late_zones(texts: Sequence[str], own: Sequence[list[str]], zones: Sequence[str], tag_header: Tag) -> list[str]:
    """The zone model's ``zones`` with two of its errors repaired past the front matter.

    The zone model sees a line and a few neighbours, not the shape of the whole paper, and it
    flips short stretches into the header zone or out of it where only their look speaks:

    - a **header-zone run well inside the body** (after :data:`LATE_BODY` body lines, before the
      references) is front matter only when the header model reads it as an address block (four
      in five of its lines author, affiliation, address, e-mail or note); any other run (a short
      closing section read as an abstract, "Computational details …") takes the zone of the text
      before it. Title pages interleave dates, funding notes and affiliations with the first
      body lines, and end matter after the references is often a real header block (GROBID puts
      both in the header zone), so neither is touched;
    - a **label alone on its line** ("Affiliation:") in the body or an annex (after
      :data:`BODY_BEGUN` body lines), followed by lines the header model reads as an address
      block (at least two, one a person or an affiliation), is such a block: header zone — its
      lines are never headings or paragraphs.

    ``tag_header(lines, own)`` is the header model's labels (``field/B`` or ``field/I``). Both
    repairs ask the header model, not a list of words. On the dev split (zone model trained
    without it) they change 86 lines, 58 to the right zone and 28 away from it; what they are
    for is the page: a section or an address block read in the wrong zone loses its heading or
    gains false ones. An annex run inside the body made body was tried and left out: on the dev
    split it lost more lines (acknowledgements without a heading, supplementary tables) than it
    gained.
    """
    out = list(zones)
    begun = _body_begins(out)
    if begun is None:
        return out
    refs = next((j for j, zone in enumerate(out) if zone == "references"), len(out))
    i = _body_begins(out, LATE_BODY) or len(out)
    while i < refs:
        if out[i] != "header":
            i += 1
            continue
        run = _run(out, i, "header")
        if run[-1] >= refs:
            break
        fields = _fields(tag_header, texts, own, run)
        if sum(1 for f in fields if f in _BYLINE_FIELDS) < 0.8 * len(run):
            before = next((out[j] for j in range(i - 1, -1, -1) if out[j] in ("body", "annex", "references")), "body")
            for j in run:
                out[j] = "annex" if before == "annex" else "body"
        i = run[-1] + 1
    for i in range(begun, len(out)):
        if out[i] in ("body", "annex") and _BLOCK_LABEL.match(texts[i].strip()):
            block = _address_block(texts, own, out, i, tag_header)
            for j in block:
                out[j] = "header"
    return out


def _body_begins(zones: Sequence[str], lines: int = 0) -> int | None:
    seen = 0
    for i, zone in enumerate(zones):
        seen += zone == "body"
        if seen >= (lines or BODY_BEGUN):
            return i + 1
    return None


def _run(zones: Sequence[str], start: int, zone: str) -> list[int]:
    """Indices of the run of ``zone`` from ``start``, page furniture inside it skipped."""
    run: list[int] = []
    for j in range(start, len(zones)):
        if zones[j] == zone:
            run.append(j)
        elif zones[j] != "furniture":
            break
    return run


def _fields(tag_header: Tag, texts: Sequence[str], own: Sequence[list[str]], idx: Sequence[int]) -> list[str]:
    labels, _ = tag_header([texts[j] for j in idx], [own[j] for j in idx])
    return [label.partition("/")[0] for label in labels]


def _address_block(texts: Sequence[str], own: Sequence[list[str]], zones: Sequence[str], at: int, tag_header: Tag) -> list[int]:
    """The label at ``at`` and the address block under it, or ``[]`` when the lines under it do
    not read as one."""
    after = [j for j in range(at + 1, len(zones)) if zones[j] != "furniture"][:_BLOCK_LINES]
    if len(after) < 2:
        return []
    fields = _fields(tag_header, texts, own, [at, *after])[1:]
    taken = 0
    while taken < len(fields) and fields[taken] in _BYLINE_FIELDS:
        taken += 1
    if taken < 2 or not {"author", "affiliation"} & set(fields[:taken]):
        return []
    return [at, *after[:taken]]
