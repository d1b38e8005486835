"""Pandoc's citation syntax in a Markdown paper: ``[@key]``, ``[see @a, p. 3; -@b]``, ``@key [p. 3]``.

The grammar is Pandoc's (https://pandoc.org/MANUAL.html#citation-syntax): a
bracketed group of citations separated by ``;``, each an optional prefix, an
optional ``-`` (suppress the author), ``@key`` and an optional locator or
suffix; or an author-in-text citation, a bare ``@key`` optionally followed by
a bracketed locator. A key begins with a letter, digit or ``_`` and may hold
``:.#$%&-+?<>~/`` between its letters (or is written ``@{...}``).

Each citation becomes a :class:`~papersite.model.CitationRef` whose text is
what Pandoc's default author–date style prints, ``(Hunter, 2007)`` or
``Hunter (2007)``, with the key the source gave in every item: the link stage
resolves it exactly, never by guessing. A bracketed citation of a key the
bibliography lacks stays as written and unresolved (Pandoc warns too); a bare
``@word`` that names no work is ordinary text (a handle, an address).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Mapping

from ...model import CiteItem, CitationRef, Inline, Paragraph, Text

_KEY = r"(?:\{[^{}\n]+\}|[\w](?:\w|[:.#$%&\-+?<>~/](?=\w))*)"
_GROUP = re.compile(r"\[(?P<body>[^\[\]\n]*?(?<![\w.])-?@" + _KEY + r"[^\[\]\n]*)\](?![(\[])")
_PIECE = re.compile(r"^\s*(?P<prefix>.*?)(?P<minus>-?)(?<![\w.])@(?P<key>" + _KEY + r")(?P<rest>.*?)\s*$", re.S)
_NARRATIVE = re.compile(r"(?<![\w@.\[-])@(?P<key>" + _KEY + r")(?:\s\[(?P<locator>[^\[\]\n@]+)\])?")


@dataclass(frozen=True)
class Label:
    """How a citation prints one work: names and year (``Goodman and Weare``, ``2010a``)."""

    names: str
    year: str


def _key(raw: str) -> str:
    return raw[1:-1] if raw.startswith("{") else raw


def _rest(rest: str) -> str:
    """A piece's text after the key: its locator or suffix, without the comma before it."""
    return re.sub(r"^\s*,?\s*", "", rest).strip()


def _pieces(body: str) -> list[re.Match[str]] | None:
    """A bracketed group's citations, one match each, or None when any part is not one."""
    pieces = [_PIECE.match(piece) for piece in body.split(";")]
    return [p for p in pieces if p is not None] if pieces and all(pieces) else None


def _group(body: str, labels: Mapping[str, Label]) -> tuple[str, list[CiteItem]] | None:
    """``(see Hunter, 2007, p. 3; Farr and Farr, 2015)`` and its items, for a group's body; None if not citations."""
    pieces = _pieces(body)
    if pieces is None:
        return None
    text, items = "(", []
    for number, piece in enumerate(pieces):
        key = _key(piece["key"])
        label = labels.get(key)
        text += "; " if number else ""
        text += piece["prefix"].strip() + " " if piece["prefix"].strip() else ""
        start = len(text)
        if label is None:
            text += f"@{key}"
        elif piece["minus"]:
            text += label.year
        else:
            text += f"{label.names}, {label.year}"
        end = len(text)
        rest = _rest(piece["rest"])
        text += f", {rest}" if rest else ""
        note = "" if label else f"no entry @{key} in the paper's bibliography"
        items.append(CiteItem(start, end, locator=rest, note=note, source_key=key))
    return text + ")", items


def _citations(text: str, labels: Mapping[str, Label]) -> list[tuple[int, int, CitationRef]]:
    found: list[tuple[int, int, CitationRef]] = []
    for match in _GROUP.finditer(text):
        made = _group(match["body"], labels)
        if made is not None:
            shown, items = made
            if all(item.note for item in items):  # no key known: keep the source's own words
                shown = match.group(0)
                items = [replace(item, start=0, end=len(shown)) for item in items]
            found.append((match.start(), match.end(), CitationRef(shown, tuple(items), "parenthetical")))
    taken = [(start, end) for start, end, _ in found]
    for match in _NARRATIVE.finditer(text):
        key = _key(match["key"])
        if key not in labels or any(s <= match.start() < e for s, e in taken):
            continue
        label, locator = labels[key], (match["locator"] or "").strip()
        shown = f"{label.names} ({label.year}{', ' + locator if locator else ''})"
        item = CiteItem(0, len(shown), locator=locator, source_key=key)
        found.append((match.start(), match.end(), CitationRef(shown, (item,), "narrative")))
    return sorted(found, key=lambda f: f[0])


def cite_keys(paragraph: Paragraph, narrative: bool = True) -> list[str]:
    """The keys a paragraph cites, in order (for the reference list); ``narrative``: bare ``@key`` too."""
    keys: list[str] = []
    for node in paragraph.inlines:
        if isinstance(node, Text):
            for match in _GROUP.finditer(node.text):
                keys.extend(_key(p["key"]) for p in _pieces(match["body"]) or ())
            keys.extend(_key(m["key"]) for m in _NARRATIVE.finditer(node.text) if narrative)
    return keys


def with_citations(paragraph: Paragraph, labels: Mapping[str, Label]) -> Paragraph:
    """The paragraph with its Pandoc citations as :class:`CitationRef` nodes."""
    if paragraph.kind != "text" or not any(isinstance(n, Text) and "@" in n.text for n in paragraph.inlines):
        return paragraph
    inlines: list[Inline] = []
    for node in paragraph.inlines:
        if not isinstance(node, Text) or "@" not in node.text:
            inlines.append(node)
            continue
        position = 0
        for start, end, citation in _citations(node.text, labels):
            if start < position:
                continue
            if start > position:
                inlines.append(Text(node.text[position:start]))
            inlines.append(citation)
            position = end
        if position < len(node.text):
            inlines.append(Text(node.text[position:]))
    return replace(paragraph, inlines=tuple(inlines))


__all__ = ["Label", "cite_keys", "with_citations"]
