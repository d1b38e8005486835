"""A Markdown paper's own bibliography (Pandoc's ``bibliography: paper.bib``), read from BibTeX.

A paper written in Pandoc Markdown (a JOSS paper, an R Markdown or Quarto
article) cites works by key, ``[@hunter2007]``, and keeps the works in a
BibTeX file. bibtexparser 2 reads the file (it already writes the site's
BibTeX, and keeps each entry's line); names are split with its BibTeX name
rules (``von Last, Jr, First``, braces kept together: ``{Astropy
Collaboration}`` is one organisation) and LaTeX (``M\\"{u}ller``, ``--``,
``~``) becomes text with pylatexenc, bibtexparser's own decoder. Nothing here
touches a file: the caller passes the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import bibtexparser
from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names
from pylatexenc.latex2text import LatexNodes2Text

from ...refparse import PersonName

#: Fields kept as written (addresses, not prose): LaTeX is not decoded in them.
_VERBATIM = frozenset({"url", "doi", "eprint", "file"})
#: The fields a record keeps, in BibTeX's order; others (abstract, keywords, ADS notes) are dropped.
_KEPT = ("title", "journal", "booktitle", "series", "year", "volume", "number", "pages", "edition",
         "publisher", "address", "institution", "school", "organization", "howpublished", "doi", "url", "note")


@dataclass(frozen=True)
class BibEntry:
    """One work of the bibliography, its values plain text."""

    key: str
    entry_type: str
    fields: dict[str, str]
    authors: tuple[PersonName, ...]
    editors: tuple[PersonName, ...]
    line: int

    def get(self, name: str) -> str:
        return self.fields.get(name, "")

    @property
    def year(self) -> str:
        found = re.search(r"\d{4}", self.get("year") or self.get("date"))
        return found.group(0) if found else ""


def _text(value: str) -> str:
    value = re.sub(r"\\url\{([^{}]*)\}", r"\1", value)  # a link is its address, not "<address>"
    try:
        decoded = LatexNodes2Text(math_mode="verbatim").latex_to_text(value)
    except Exception:  # noqa: BLE001 - undecodable LaTeX stays as written, braces dropped
        decoded = re.sub(r"[{}]", "", value)
    return " ".join(decoded.replace("\u00a0", " ").split())


def _people(value: str) -> tuple[PersonName, ...]:
    people = []
    for name in split_multiple_persons_names(value):
        if name.startswith("{") and name.endswith("}"):
            people.append(PersonName(_text(name[1:-1]), "", literal=True))
            continue
        parts = parse_single_name_into_parts(name, strict=False)
        family = _text(" ".join([*parts.von, *parts.last]))
        given = _text(" ".join(parts.first))
        if parts.jr:
            given = f"{given}, {_text(' '.join(parts.jr))}".strip(", ")
        if family or given:
            people.append(PersonName(family or given, given if family else ""))
    return tuple(people)


def read_bibliography(text: str) -> tuple[dict[str, BibEntry], list[tuple[str, int]]]:
    """The entries of a BibTeX text by key, and (problem, line) for blocks that could not be read."""
    library = bibtexparser.parse_string(text)
    problems = [
        (f"a BibTeX block could not be read ({type(block).__name__})", (block.start_line or 0) + 1)
        for block in library.failed_blocks
    ]
    entries: dict[str, BibEntry] = {}
    for entry in library.entries:
        raw = {f.key.lower(): str(f.value) for f in entry.fields}
        fields = {k: (" ".join(v.split()) if k in _VERBATIM else _text(v)) for k, v in raw.items() if v.strip()}
        if "date" in fields and "year" not in fields:
            fields["year"] = fields["date"][:4]
        if "journaltitle" in fields and "journal" not in fields:
            fields["journal"] = fields["journaltitle"]
        entries[entry.key] = BibEntry(
            entry.key, entry.entry_type.lower(), fields,
            _people(raw.get("author", "")), _people(raw.get("editor", "")), (entry.start_line or 0) + 1,
        )
    return entries, problems


def _person(person: PersonName) -> str:
    return person.family if person.literal or not person.given else f"{person.family}, {person.given}"


def declared_fields(entry: BibEntry) -> tuple[tuple[str, str], ...]:
    """The record's BibTeX fields: people as ``Family, Given``, the rest as read."""
    fields = []
    if entry.authors:
        fields.append(("author", " and ".join(_person(p) for p in entry.authors)))
    if entry.editors:
        fields.append(("editor", " and ".join(_person(p) for p in entry.editors)))
    fields.extend((name, entry.fields[name]) for name in _KEPT if entry.fields.get(name))
    return tuple(fields)


def _initials(given: str) -> str:
    return " ".join(f"{part[0]}." for part in re.split(r"[\s.]+", given) if part and part[0].isalpha())


def _names(people: tuple[PersonName, ...]) -> str:
    shown = [p.family if p.literal or not p.given else f"{p.family}, {_initials(p.given)}" for p in people]
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + ", & " + shown[-1]


def entry_text(entry: BibEntry) -> str:
    """The entry as one line of a reference list (author–date order): what the page shows as printed."""
    who = _names(entry.authors) or (_names(entry.editors) + " (Ed.)" if entry.editors else "")
    parts = [f"{who} ({entry.year or 'n.d.'})." if who else f"({entry.year or 'n.d.'})."]
    title = entry.get("title")
    if title:
        parts.append(title if title.endswith(("?", "!", ".")) else title + ".")
    container = entry.get("journal") or entry.get("booktitle")
    if container:
        where = container
        if entry.get("volume"):
            where += f", {entry.get('volume')}" + (f"({entry.get('number')})" if entry.get("number") else "")
        if entry.get("pages"):
            where += f", {entry.get('pages')}"
        parts.append(("In " if entry.get("booktitle") and not entry.get("journal") else "") + where + ".")
    for name in ("howpublished", "school", "institution", "publisher", "note"):
        value = entry.get(name)
        if value and not value.startswith(("http://", "https://")) and value not in " ".join(parts):
            parts.append(value.rstrip(".") + ".")
    if entry.get("doi"):
        parts.append("https://doi.org/" + re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)", "", entry.get("doi")))
    elif entry.get("url"):
        parts.append(entry.get("url"))
    return " ".join(parts)


def cite_names(entry: BibEntry) -> str:
    """How an author–date citation names the work: ``Hunter``, ``Farr and Farr``, ``Goodman et al.``."""
    people = entry.authors or entry.editors
    if not people:
        title = entry.get("title")
        return f"“{title}”" if len(title) <= 40 else f"“{' '.join(title.split()[:4])} …”"
    if len(people) == 1:
        return people[0].family
    if len(people) == 2:
        return f"{people[0].family} and {people[1].family}"
    return f"{people[0].family} et al."


__all__ = ["BibEntry", "cite_names", "declared_fields", "entry_text", "read_bibliography"]
