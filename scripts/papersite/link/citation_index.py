"""What citation linking knows of the bibliography: each work's names, year and
title, and each numbered list's printed labels.

A reference list may be numbered ``[1]``, ``1.``, ``1)`` or not at all; the
parser keeps each entry's raw text, and its printed label is read here
(:func:`printed_label`). A list with no labels is taken in citation order (its
position) only when the paper's text cites by number (``[3]``, ``(3)``) and
never by author and year.

Names are read from the parsed authors, with two repairs where the reference
parser fails: a family name of bare initials beside a given name that is a
word ("P.D." / "Watson") is that word, and an entry with no author that opens
with capitalised words ("R Development Core Team.") is indexed under them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from ..bibliography.merge import MergedEntry
from ..bibliography.records import PersonName
from ..model import Paper, Reference

#: A printed label at the head of a reference: "[12]", "[12].", "12.", "12)".
_LABEL = re.compile(r"^\s*(?:[-*]\s+)?(?:\[(?P<bracket>\d{1,4})\]|(?P<plain>\d{1,4})[.)](?=\s))")
#: A bracketed number in running text, counted to tell a list in citation order.
_BRACKET_NUMBER = re.compile(r"(?:(?<=[^\W\d_] )|(?<=[^\W\d_][.,;:] )|(?<=[^\W\d_][.,;:]))\[(\d{1,4})(?:\s*[-–,;]\s*\d{1,4})*\](?=[.,;:)]|\s+[A-Za-z][a-z]|\s*$)")
#: An author–year citation, roughly: a capitalised word and a year in one pair of parentheses, or just before one (or "[year]").
_AUTHOR_YEAR = re.compile(r"\([^()]*[A-Z][^()]*\b(?:1[6-9]|20)\d\d[a-z]?\b[^()]*\)|[A-Z]\w+\s+[(\[](?:1[6-9]|20)\d\d[a-z]?[)\]]")


#: Letters romanisations exchange: V/W, C/K/G/Q, Z/S, J/Y, X/KS.
_SOUNDS: Mapping[int, str] = MappingProxyType({ord(a): b for a, b in {"w": "v", "c": "k", "g": "k", "q": "k", "z": "s", "j": "y", "x": "ks"}.items()})


def transliteration_key(name: str) -> str:
    """A name as its consonants sound across romanisations: "Garelson" and
    "Carlsson" are both "krlsn"; the first letter's vowel is kept."""
    folded = fold(name)
    if not folded:
        return ""
    mapped = folded.translate(_SOUNDS)
    head, rest = mapped[0], re.sub(r"[aeiouh]", "", mapped[1:])
    return re.sub(r"(.)\1+", r"\1", head + rest)


@dataclass(frozen=True)
class Work:
    """What resolution needs to know of a merged entry."""

    key: str
    families: tuple[str, ...]
    year: str
    paper_ids: frozenset[str]
    title: str = ""


@dataclass
class CitationIndex:
    works: list[Work]
    #: (paper id, printed reference number) -> key
    numbers: dict[tuple[str, str], str] = field(default_factory=dict)
    #: (paper id, the key the source's own bibliography gives a work) -> key
    declared: dict[tuple[str, str], str] = field(default_factory=dict)
    #: The works of each year ("1987", without letters): linking needs the year
    #: equal, so only these are scored closely.
    by_year: dict[str, list[Work]] = field(default_factory=dict, init=False)
    #: Each first author's family name -> the works it begins, for suggestions.
    by_family: dict[str, list[Work]] = field(default_factory=dict, init=False)
    #: The keys of ``by_family``, listed once for rapidfuzz.
    families: list[str] = field(default_factory=list, init=False)
    #: The first authors' family names of each year's works, listed once.
    year_families: dict[str, list[str]] = field(default_factory=dict, init=False)
    by_key: dict[str, Work] = field(default_factory=dict, init=False)
    #: Each year's first authors' families by transliteration key.
    year_keys: dict[str, dict[str, set[str]]] = field(default_factory=dict, init=False)
    #: Each year's works' first one, two and three family names, for names printed without "and".
    year_prefixes: dict[str, set[tuple[str, ...]]] = field(default_factory=dict, init=False)
    _numbered_counts: dict[str, int] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        for work in self.works:
            self.by_key[work.key] = work
            self.by_year.setdefault(work.year[:4], []).append(work)
            self.by_family.setdefault(work.families[0] if work.families else "", []).append(work)
        self.families = list(self.by_family)
        for year, works in self.by_year.items():
            self.year_families[year] = sorted({work.families[0] if work.families else "" for work in works})
            keys: dict[str, set[str]] = {}
            for family in self.year_families[year]:
                keys.setdefault(transliteration_key(family), set()).add(family)
            self.year_keys[year] = keys
            self.year_prefixes[year] = {work.families[:size] for work in works for size in (1, 2, 3) if len(work.families) >= size}

    def numbered_count(self, paper_id: str) -> int:
        """How many numbered references ``paper_id`` has (counted once, after ``numbers`` is filled)."""
        if self._numbered_counts is None:
            self._numbered_counts = {}
            for paper, _ in self.numbers:
                self._numbered_counts[paper] = self._numbered_counts.get(paper, 0) + 1
        return self._numbered_counts.get(paper_id, 0)

    def is_numbered(self, paper_id: str) -> bool:
        return self.numbered_count(paper_id) > 0


def fold(name: str) -> str:
    """Letters only, lower case, accents removed; any script (Cyrillic names stay Cyrillic)."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in decomposed if c.isalpha() and not unicodedata.combining(c))


def fold_words(text: str) -> str:
    """Lower-case words and digits separated by single spaces, accents removed (for titles)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    kept = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(kept.split())


def printed_label(raw: str) -> str:
    """The number a reference list printed in front of an entry, or ""."""
    match = _LABEL.match(raw)
    return (match.group("bracket") or match.group("plain")) if match else ""


def _cites_by_number(paper: Paper, count: int) -> bool:
    """The paper's text cites by bracketed numbers that fit its list, after
    words and before words or punctuation (not "x[1]" nor "[1] 4" in printed
    program output), at least twice, and more than twice as often as it cites
    by author and year."""
    texts = [paragraph.text for paragraph in paper.all_paragraphs()]
    numbers = sum(1 for text in texts for m in _BRACKET_NUMBER.finditer(text) if 1 <= int(m.group(1)) <= count)
    return numbers >= 2 and numbers > 2 * sum(len(_AUTHOR_YEAR.findall(text)) for text in texts)


def reference_numbers(paper: Paper) -> list[str]:
    """Each reference's number: the parser's, else its printed label, else its
    position when the list is unlabelled and the text cites by number; "" in
    an author–year list."""
    references: tuple[Reference, ...] = paper.references
    labels = [r.number or printed_label(r.raw) for r in references]
    if references and sum(1 for label in labels if label) >= len(references) / 2:
        # A few entries lost their label: the one before plus one.
        out: list[str] = []
        for label in labels:
            previous = int(out[-1]) if out and out[-1].isdigit() else 0
            out.append(label or str(previous + 1))
        return out
    if references and _cites_by_number(paper, len(references)):
        return [str(position) for position in range(1, len(references) + 1)]
    return ["" for _ in references]


#: The first sentence of an entry when it is capitalised words (and short
#: joining words): "R Development Core Team.", "World Health Organization.".
_CORPORATE = re.compile(
    r"^\s*(?:[-*]\s+)?(?:\[\d+\]\.?\s*|\d+[.)]\s+)?(?P<name>[A-Z][\w&'’-]*(?:\s+(?:[A-Z][\w&'’-]*|of|for|and|on|the|de|des|für)){1,7})\.\s"
)
#: A name that is only initials: "P.D.", "L. J.".
_INITIALS = re.compile(r"^(?:[^\W\d_]\.\s*){1,3}$")


def _family(person: PersonName) -> str:
    """A person's family name, folded. A "family" that is only initials beside a
    "given" that is a word is the name read the wrong way round ("P.D. Watson"
    parsed as family "P.D.", given "Watson"): the word is the family name."""
    if _INITIALS.match(person.family.strip()) and re.search(r"[^\W\d_]{2}", person.given) and not _INITIALS.match(person.given.strip()):
        return fold(person.given)
    return fold(person.family)


def _families(entry: MergedEntry) -> tuple[str, ...]:
    people = entry.members[0].authors or ()
    families = tuple(_family(p) for p in people if p.family)
    if families:
        return families
    # A work listed under its editors ("Smith, J. (ed.)"), or an unparsed author field.
    for name in ("author", "editor"):
        value = entry.get(name)
        if value:
            return tuple(fold(part.split(",")[0]) for part in re.split(r"\s+and\s+", value) if fold(part.split(",")[0]))
    # An author the parser could not read as a person: a corporate name ("R Development Core Team.").
    corporate = _CORPORATE.match(entry.members[0].raw)
    if corporate and fold_words(corporate.group("name")) != fold_words(entry.get("title")):
        return (fold(corporate.group("name")),)
    return ("",)


def build_index(papers: list[Paper], entries: list[MergedEntry], keys: dict[tuple[str, str], str]) -> CitationIndex:
    works = []
    for entry in entries:
        year = re.sub(r"[^0-9a-z]", "", entry.get("year").lower())
        works.append(Work(entry.key, _families(entry), year, frozenset(m.paper_id for m in entry.members), fold_words(entry.get("title"))))
    index = CitationIndex(works)
    for paper in papers:
        for reference, number in zip(paper.references, reference_numbers(paper)):
            if number and (paper.id, reference.id) in keys:
                index.numbers[(paper.id, number)] = keys[(paper.id, reference.id)]
            if reference.source_key and (paper.id, reference.id) in keys:
                index.declared[(paper.id, reference.source_key)] = keys[(paper.id, reference.id)]
    return index
