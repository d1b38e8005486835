"""The YAML front matter of a Markdown paper, read into :class:`PaperMetadata`.

Jekyll, Pandoc and Quarto spell the same facts differently (``journal`` or
``container-title``, ``author`` as a string, a list of names or of mappings);
this module reads them all into PaperMetadata's field names and says, with
the YAML line, what it had to ignore.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType
from typing import Any, Callable, Mapping

import yaml

from ...metadata import SCALAR_KEYS, AuthorMeta, PaperMetadata
from ...yamlfile import _LineLoader, line_of

#: (rule, message, line) — the caller turns these into Diagnostics.
Problem = tuple[str, str, int]


def problem(rule: str, message: str, line: int) -> Problem:
    """One problem found while reading: its rule id (declared in :mod:`papersite.rules`), message and line."""
    return (rule, message, line)


class _FrontMatterLoader(_LineLoader):
    """YAML with line numbers whose dates stay text ("2022-10-03"): a bad date is not an error."""

    yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _LineLoader.yaml_implicit_resolvers.items()
    }


@dataclass
class FrontMatter:
    """What the front matter said: the raw mapping, normalised values and their lines."""

    raw: dict[Any, Any] = field(default_factory=dict)
    #: PaperMetadata field names plus ``abstract`` (Markdown text) and ``author_details``.
    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    #: The YAML could not be read as a mapping: show it as text.
    kept_as_text: bool = False
    problems: list[Problem] = field(default_factory=list)


def front_matter_mapping(text: str) -> dict[Any, Any]:
    """The front matter of a Markdown text as a plain mapping ({} when it has none or it cannot be read)."""
    found = re.match(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", text[:200_000], re.DOTALL)
    if not found:
        return {}
    try:
        data = yaml.load(found.group(1), Loader=_FrontMatterLoader)  # noqa: S506 - a SafeLoader subclass
    except Exception:  # noqa: BLE001 - the parser reports bad YAML with its line
        return {}
    return data if isinstance(data, dict) else {}


def load_front_matter(yaml_text: str, first_line: int) -> FrontMatter:
    """Read the YAML between the ``---`` lines; ``first_line`` is its first line in the file."""
    found = FrontMatter()
    try:
        data = yaml.load(yaml_text, Loader=_FrontMatterLoader)  # noqa: S506 - a SafeLoader subclass
    except Exception as exc:  # noqa: BLE001 - any YAML failure (syntax, bad date, depth) is reported
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + first_line if mark is not None else first_line - 1
        what = getattr(exc, "problem", None) or (str(exc).splitlines() or [type(exc).__name__])[0]
        found.problems.append(problem("markdown-front-matter-invalid", f"front matter is not valid YAML ({what}); kept as text", line))
        found.kept_as_text = True
        return found
    if data is None:
        return found
    if isinstance(data, (str, int, float)):  # the '---' lines were thematic breaks around text
        found.kept_as_text = True
        return found
    if not isinstance(data, dict):
        found.problems.append(problem("markdown-front-matter-not-mapping", "front matter must be a mapping of keys to values; kept as text", first_line))
        found.kept_as_text = True
        return found
    found.raw = data
    _normalise(found, first_line - 1)
    return found


_SCALAR_KEYS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "title": ("title",),
    "short_title": ("short_title", "short-title", "shorttitle", "title-short", "title_short", "running_title"),
    "venue": ("venue", "journal", "container-title", "container_title", "journal-title", "journal_title", "publication"),
    "volume": ("volume",),
    "issue": ("issue", "number"),
    "pages": ("pages", "page"),
    "doi": ("doi", "DOI"),
    "url": ("url", "URL", "link"),
    "license": ("license", "licence", "rights"),
    "publisher": ("publisher",),
    "language": ("language", "lang"),
    "published": ("published", "date", "issued", "publication_date", "publication-date"),
    "received": ("received",),
    "accepted": ("accepted",),
    "submitted": ("submitted",),
    "year": ("year",),
})
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_SUFFIX = re.compile(r"^(?:jr|sr|ii|iii|iv)\.?$", re.IGNORECASE)


def _scalar(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (str, int, float)):
        return re.sub(r"\s+", " ", str(value)).strip()
    return None


def _normalise(found: FrontMatter, offset: int) -> None:
    """Fill ``found.values`` and ``found.lines`` from ``found.raw`` (YAML lines + ``offset``)."""
    front, values, lines = found.raw, found.values, found.lines

    def line(key: Any) -> int:
        return line_of(front, key) + offset if key in getattr(front, "key_lines", {}) else max(1, offset)

    for field_name, keys in _SCALAR_KEYS.items():
        key = next((k for k in keys if k in front), None)
        if key is None:
            continue
        value = _scalar(front[key])
        if value is None:
            found.problems.append(problem("markdown-front-matter-value", f"front matter {key!r} must be a single value; ignored", line(key)))
        elif value:
            values[field_name], lines[field_name] = value, line(key)
    if "title" in values and _scalar(front.get("subtitle")):
        values["title"] = f"{values['title'].rstrip(':')}: {_scalar(front['subtitle'])}"
    if "doi" in values:
        values["doi"] = _DOI_PREFIX.sub("", values["doi"]).strip()
    if "year" not in values:
        for source in ("published", "accepted", "received", "submitted"):
            year = re.search(r"\b(1[5-9]|20)\d\d\b", values.get(source, ""))
            if year:
                values["year"], lines["year"] = year.group(0), lines[source]
                break
    abstract = front.get("abstract")
    if isinstance(abstract, list):
        abstract = " ".join(s for s in (_scalar(a) for a in abstract) if s)
    elif not isinstance(abstract, str) and _scalar(abstract) is not None:
        abstract = _scalar(abstract)
    if isinstance(abstract, str) and abstract.strip():
        values["abstract"], lines["abstract"] = abstract, line("abstract")
    elif abstract not in (None, ""):
        found.problems.append(problem("markdown-front-matter-value", "front matter 'abstract' must be text; ignored", line("abstract")))
    _keywords(found, line)
    for key in ("authors", "author"):
        if key in front:
            names, families, details, note = _authors(front[key])
            if names:
                values["authors"], values["author_details"], lines["authors"] = names, details, line(key)
                if any(f is not None for f in families):
                    values["family_names"] = [f if f is not None else n.split()[-1] for f, n in zip(families, names)]
            if note:
                found.problems.append(problem("markdown-front-matter-value", note, line(key)))
            break
    named = _affiliation_index(front)
    for person in values.get("author_details") or ():
        person["affiliations"] = [name for text in person["affiliations"] for name in _affiliation_names(text, named)]


def _affiliation_index(front: Mapping[Any, Any]) -> dict[str, str]:
    """Affiliations declared once and referred to by index or id (JOSS ``affiliations: - name, index``;
    Quarto ``affiliations: - id, name``; ``institute: - key: name``)."""
    named: dict[str, str] = {}
    for key in ("affiliations", "institute", "institutes"):
        items = front.get(key)
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict):
                continue
            name = _scalar(item.get("name") or item.get("organization"))
            ident = _scalar(item.get("index", item.get("id", item.get("ref"))))
            if name and ident:
                named[ident] = name
            elif len(item) == 1:  # "- fhg: Fraunhofer Institute"
                (ident_key, value), = item.items()
                if _scalar(value) and _scalar(ident_key):
                    named[str(_scalar(ident_key))] = str(_scalar(value))
    return named


def _affiliation_names(text: str, named: Mapping[str, str]) -> list[str]:
    """``"1, 2"`` -> the names of affiliations 1 and 2 when the front matter declares them; else the text."""
    parts = [part.strip() for part in re.split(r"[,;]", text) if part.strip()]
    if named and parts and all(part in named for part in parts):
        return [named[part] for part in parts]
    return [text]


def _keywords(found: FrontMatter, line: Callable[[Any], int]) -> None:
    for key in ("keywords", "keyword"):
        if key not in found.raw:
            continue
        value = found.raw[key]
        if isinstance(value, str):
            words = [w.strip() for w in value.split(";" if ";" in value else ",")]
        elif isinstance(value, list):
            words = [s for s in (_scalar(v) for v in value) if s is not None]
        else:
            found.problems.append(problem("markdown-front-matter-value", f"front matter {key!r} must be a list of words; ignored", line(key)))
            return
        found.values["keywords"], found.lines["keywords"] = [w for w in words if w], line(key)
        return


def _authors(value: Any) -> tuple[list[str], list[str | None], list[dict[str, Any]], str]:
    items: list[Any]
    if isinstance(value, str):
        items = [p for p in re.split(r";|\s+and\s+|\s*&\s*", value) if p.strip()]
        # "Ann Lee, Bo Chen" names two people; "Lee, Ann" is one name inverted.
        if len(items) == 1 and all(len(p.split()) >= 2 for p in items[0].split(",")):
            items = [p for p in items[0].split(",") if p.strip()]
    elif isinstance(value, list):
        items = value
    elif isinstance(value, dict):
        items = [value]
    else:
        return [], [], [], "front matter 'authors' must be a list of names; ignored"
    names: list[str] = []
    families: list[str | None] = []
    details: list[dict[str, Any]] = []
    skipped = 0
    for item in items:
        name, family, extra = _author(item)
        if not name:
            skipped += 1
            continue
        names.append(name)
        families.append(family)
        details.append({"name": name, **extra})
    note = f"{skipped} author entr{'y' if skipped == 1 else 'ies'} without a name ignored" if skipped else ""
    return names, families, details, note


def _author(item: Any) -> tuple[str, str | None, dict[str, Any]]:
    extra: dict[str, Any] = {"affiliations": [], "email": "", "orcid": ""}
    if isinstance(item, dict):
        given = _scalar(item.get("given") or item.get("first") or item.get("firstname") or item.get("given-names")) or ""
        family = _scalar(item.get("family") or item.get("last") or item.get("lastname") or item.get("surname"))
        name = _scalar(item.get("name") or item.get("literal")) or ""
        affiliations = item.get("affiliations", item.get("affiliation", item.get("institute", [])))
        for affiliation in affiliations if isinstance(affiliations, list) else [affiliations]:
            if isinstance(affiliation, dict):  # Quarto: {name: ...}, or {ref: id} of a declared one
                affiliation = affiliation.get("name") or affiliation.get("organization") or affiliation.get("ref")
            text = _scalar(affiliation)
            if text:
                extra["affiliations"].append(text)
        extra["email"] = _scalar(item.get("email")) or ""
        extra["orcid"] = _scalar(item.get("orcid")) or ""
        if family:
            return name or f"{given} {family}".strip(), family, extra
        if not name:
            return "", None, extra
        item = name
    name = _scalar(item) or ""
    parts = [p.strip() for p in name.split(",")]
    if len(parts) == 2 and all(parts) and len(parts[1].split()) <= 4:
        return f"{parts[1]} {parts[0]}", parts[0], extra
    if len(parts) == 3 and all(parts) and _SUFFIX.match(parts[2]):
        return f"{parts[1]} {parts[0]} {parts[2]}", parts[0], extra
    return name, None, extra


#: The metadata's one-value keys: the schema is :class:`~papersite.metadata.PaperMetadata`, declared once.
_SCALARS = SCALAR_KEYS


def front_matter_metadata(found: dict[str, Any]) -> PaperMetadata:
    """PaperMetadata from the normalised front matter values (``title`` already plain text)."""
    values: dict[str, Any] = {key: str(found[key]) for key in _SCALARS if found.get(key) not in (None, "")}
    details = found.get("author_details") or [{"name": name} for name in found.get("authors") or []]
    authors = tuple(
        AuthorMeta(
            str(person.get("name", "")),
            tuple(str(a) for a in person.get("affiliations") or ()),
            str(person.get("email") or ""),
            str(person.get("orcid") or ""),
        )
        for person in details
        if isinstance(person, dict) and person.get("name")
    )
    if authors:
        values["authors"] = authors
    if found.get("keywords"):
        values["keywords"] = tuple(str(k) for k in found["keywords"])
    if found.get("family_names"):
        values["family_names"] = tuple(str(f) for f in found["family_names"])
    return PaperMetadata(**values)


def merged(base: PaperMetadata, editor: PaperMetadata) -> PaperMetadata:
    """``editor``'s fields where set, else ``base``'s; headings from both."""
    values = {
        f.name: getattr(editor, f.name) if getattr(editor, f.name) not in (None, ()) else getattr(base, f.name)
        for f in dataclasses.fields(PaperMetadata)
    }
    values["headings"] = tuple(base.headings) + tuple(editor.headings)
    values["path"] = editor.path
    return PaperMetadata(**values)
