"""One BibTeX record per reference of a paper, made from the parsed reference string."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from types import MappingProxyType

from ..model import Reference, SourceSpan
from ..refparse import ParsedReference, PersonName

_TITLE_STOP = frozenset("a an the of on in and for to from with at by as is are its".split())


@dataclass(frozen=True)
class BibRecord:
    """A structured reference: BibTeX type and fields, and where it came from."""

    key: str
    entry_type: str
    #: BibTeX fields in a fixed order; values are plain text.
    fields: tuple[tuple[str, str], ...]
    paper_id: str
    reference_id: str
    raw: str
    authors: tuple[PersonName, ...] = ()
    #: The page the citing paper points at (numbered lists print it at the end).
    locator: str = ""
    span: SourceSpan | None = None
    #: True when an editor's correction changed a field.
    corrected: bool = False

    def get(self, name: str) -> str:
        return dict(self.fields).get(name, "")


#: Cyrillic to Latin letters (a simplified ISO 9 / scholarly transliteration),
#: so that keys and comparisons of Russian, Ukrainian or Serbian entries keep their names.
_CYRILLIC = MappingProxyType(dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
        "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch _ y _ e iu ia i i ie g u".split(),
    )
))
_TRANSLITERATION = MappingProxyType(str.maketrans(
    {**{c: ("" if v == "_" else v) for c, v in _CYRILLIC.items()},
     **{c.upper(): ("" if v == "_" else v.capitalize()) for c, v in _CYRILLIC.items()}}
))


def ascii_fold(text: str) -> str:
    """``Иванов`` -> ``Ivanov``, ``Mikhaïl`` -> ``Mikhail``: ASCII for keys and comparisons."""
    return unicodedata.normalize("NFKD", text.translate(_TRANSLITERATION)).encode("ascii", "ignore").decode("ascii")


def person_bibtex(person: PersonName) -> str:
    if getattr(person, "literal", False) or not person.given:
        return "{" + person.family + "}" if " " in person.family else person.family
    family = "{" + person.family + "}" if " " in person.family else person.family
    return f"{family}, {person.given}"


def choose_type(parsed: ParsedReference) -> str:
    if not parsed.title:
        return "misc"
    if parsed.url and not parsed.container and not parsed.publisher:
        return "online"
    if parsed.container and parsed.editors:
        return "incollection"
    if parsed.container and (parsed.volume or parsed.issue or parsed.pages or not parsed.publisher):
        return "article"
    if parsed.publisher or parsed.translators:
        return "book"
    return "misc"


def record_fields(parsed: ParsedReference, entry_type: str) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []

    def put(name: str, value: str | None) -> None:
        if value and value.strip():
            fields.append((name, " ".join(value.split())))

    names = [person_bibtex(p) for p in parsed.authors]
    if parsed.et_al:
        names.append("others")
    put("author", " and ".join(names))
    put("editor", " and ".join(person_bibtex(p) for p in parsed.editors))
    put("translator", " and ".join(person_bibtex(p) for p in parsed.translators))
    put("title", parsed.title)
    container_field = {"article": "journal", "incollection": "booktitle"}.get(entry_type, "howpublished" if entry_type == "misc" else "series")
    if entry_type == "online":
        container_field = "organization"
    put(container_field, parsed.container)
    put("year", parsed.year)
    put("volume", parsed.volume)
    put("number", parsed.issue)
    put("pages", parsed.pages)
    put("edition", parsed.edition)
    put("publisher", parsed.publisher)
    put("address", parsed.place)
    put("url", parsed.url)
    put("doi", parsed.doi)
    put("language", parsed.language)
    put("note", parsed.note)
    return fields


def base_key(parsed: ParsedReference) -> str:
    first = parsed.authors[0].family if parsed.authors else (parsed.editors[0].family if parsed.editors else "anon")
    return work_key(first, parsed.year or "", parsed.title or "")


def work_key(family: str, year: str, title: str) -> str:
    """``walt1987origins``: the first person's family name, the year and the title's first word."""
    family = re.sub(r"[^a-z]", "", ascii_fold(family).lower()) or "anon"
    year = re.sub(r"[^0-9a-z]", "", (year or "nd").lower())
    words = [w for w in re.findall(r"[a-z]+", ascii_fold(title).lower()) if w not in _TITLE_STOP]
    return f"{family}{year}{words[0] if words else ''}"


def make_record(parsed: ParsedReference, reference: Reference, paper_id: str) -> BibRecord:
    entry_type = choose_type(parsed)
    fields = record_fields(parsed, entry_type)
    if not parsed.title:
        # Nothing could be structured reliably: the reference's own words are the record.
        fields = [(k, v) for k, v in fields if k != "note"] + [("note", " ".join(reference.raw.split()))]
    return BibRecord(
        key=base_key(parsed),
        entry_type=entry_type,
        fields=tuple(fields),
        paper_id=paper_id,
        reference_id=reference.id,
        raw=reference.raw,
        authors=parsed.authors,
        locator=parsed.locator or "",
        span=reference.span,
    )


def _declared_people(value: str) -> tuple[PersonName, ...]:
    """``Family, Given and {Organisation}`` (as :mod:`papersite.parse.markdown.bibtex_source` writes them)."""
    people = []
    for name in (n.strip() for n in value.split(" and ") if n.strip()):
        family, _, given = name.partition(", ")
        people.append(PersonName(family, given, literal=not given and " " in family))
    return tuple(people)


def declared_record(reference: Reference, paper_id: str) -> BibRecord:
    """The record of a work whose fields the source's bibliography declares (a BibTeX entry)."""
    fields = dict(reference.declared)
    authors = _declared_people(fields.get("author", ""))
    named = authors or _declared_people(fields.get("editor", ""))
    return BibRecord(
        key=work_key(named[0].family if named else "anon", fields.get("year", ""), fields.get("title", "")),
        entry_type=reference.declared_type or "misc",
        fields=reference.declared,
        paper_id=paper_id,
        reference_id=reference.id,
        raw=reference.raw,
        authors=authors,
        span=reference.span,
    )


@dataclass
class KeyRegistry:
    """Unique citation keys: a second ``walt1987origins`` becomes ``walt1987originsb``."""

    used: set[str] = field(default_factory=set)

    def claim(self, key: str) -> str:
        candidate, count = key, 1
        while candidate in self.used:
            count += 1
            # b ... z, then x27, x28 ...: always letters and digits only.
            candidate = f"{key}{chr(ord('a') + count - 1)}" if count <= 26 else f"{key}x{count}"
        self.used.add(candidate)
        return candidate
