"""Stable, human-readable anchors for sections, paragraphs and references.

A paragraph's id is its section's id and its position there: the third
paragraph of "Balance of threat" is ``balance-of-threat-p3``. Ids come from
structure, not from hashes of the words, so fixing a typo never moves a link,
and a change in one section leaves every other section's ids alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from .model import Paper, Paragraph, Reference, Section


def slugify(text: str, fallback: str = "section") -> str:
    """``"China's Confrontation with US Hegemony"`` -> ``chinas-confrontation-with-us-hegemony``."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = re.sub(r"['’]", "", folded.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return slug[:60].rstrip("-") or fallback


class _IdRegistry:
    """Hands out unique ids within one page, suffixing repeats with -2, -3, ..."""

    def __init__(self, reserved: frozenset[str] | set[str]) -> None:
        self.used = set(reserved)

    def claim(self, wanted: str) -> str:
        candidate, count = wanted, 1
        while candidate in self.used:
            count += 1
            candidate = f"{wanted}-{count}"
        self.used.add(candidate)
        return candidate


#: Ids the page template itself uses.
RESERVED_IDS = frozenset({"title", "abstract", "keywords", "authors", "correspondence", "source-citation", "as-printed", "references"})


def _number_paragraphs(prefix: str, blocks: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    return tuple(replace(block, id=f"{prefix}-p{index}") for index, block in enumerate(blocks, start=1))


def reference_id(reference: Reference, position: int) -> str:
    if reference.number:
        return f"ref-{reference.number}"
    surname = re.match(r"\s*([^\W\d_][\w'’\- ]*?)(?:[,(]|\s+(?:and|&|et al)\b)", reference.raw)
    year = re.search(r"\b(1[5-9]|20)\d\d[a-z]?\b", reference.raw)
    if surname and year:
        return f"ref-{slugify(surname.group(1), 'ref')}-{year.group(0)}"
    return f"ref-{position}"


def assign_ids(paper: Paper) -> Paper:
    """Give every section, paragraph and reference of ``paper`` its anchor."""
    registry = _IdRegistry(RESERVED_IDS)

    seen_references = False

    def walk(section: Section) -> Section:
        nonlocal seen_references
        if section.is_references:
            section_id = "references"
            seen_references = True
        elif section.title:
            section_id = registry.claim(slugify(section.title))
        else:  # text before the first heading, or a block printed after the reference list
            section_id = registry.claim("back-matter" if seen_references else "preamble")
        subsections = tuple(walk(sub) for sub in section.subsections)
        return replace(
            section,
            id=section_id,
            blocks=_number_paragraphs(section_id, section.blocks),
            subsections=subsections,
        )

    sections = tuple(walk(section) for section in paper.sections)
    ref_registry = _IdRegistry(set())
    references = tuple(
        replace(reference, id=ref_registry.claim(reference_id(reference, position)))
        for position, reference in enumerate(paper.references, start=1)
    )
    front = replace(paper.front, abstract=_number_paragraphs("abstract", paper.front.abstract))
    return replace(paper, front=front, sections=sections, references=references)


def note_anchor(marker: str) -> str:
    """The id part for footnote ``marker`` ("3", "*", "iv"): letters and digits only."""
    cleaned = re.sub(r"[^0-9A-Za-z]", "", marker)
    return cleaned or f"u{''.join(f'{ord(c):x}' for c in marker)}"
