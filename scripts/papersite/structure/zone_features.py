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

Inferred page edges (running heads, bare page numbers counting up a page apart) with each
line's distance to them were tried too and left out: no gain on the dev split.

What was measured on the dev split to choose these is in ``papersite/data/STRUCTURE-MODELS.md``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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
