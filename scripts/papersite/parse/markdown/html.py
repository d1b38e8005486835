"""Raw HTML in a Markdown source, reduced to its words.

No tag of a source ever reaches a page: a tag the reader knows is read for
what it says (a link's address, an image's description, a table's cells, an
embedded document's address), a ``<script>`` or ``<style>`` is shown as code
(and reported), a comment is removed (and reported with its words).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable

from .text import attributes, clean_url

BLOCK_TAGS = frozenset(
    "address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link "
    "main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead "
    "title tr track ul pre textarea".split()
)
INLINE_TAGS = frozenset(
    "a abbr acronym b bdi bdo big br cite code data del dfn em font i img ins kbd mark nobr noscript q rp rt ruby s "
    "samp small span strike strong sub sup time tt u var wbr script style video audio source embed object picture".split()
)
KNOWN_TAGS = BLOCK_TAGS | INLINE_TAGS
#: Tags that embed another document or medium: their address is kept ("[Embedded: url]").
EMBED_TAGS = frozenset("iframe video audio source embed object".split())

_TAG = re.compile(r"<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9\-]{0,30})(?P<attrs>(?:\s[^<>]{0,2000})?)\s*/?>")
_ANY = re.compile(r"<!--.*?(?:-->|$)|<(?P<raw>script|style)\b[^>]{0,2000}>|</?[A-Za-z][A-Za-z0-9\-]{0,30}(?:\s[^<>]{0,2000})?/?>",
                  re.DOTALL | re.IGNORECASE)


@dataclass(frozen=True)
class Tag:
    name: str
    closing: bool
    attrs: dict[str, str]

    @property
    def block(self) -> bool:
        return self.name in BLOCK_TAGS


def read_tag(text: str) -> Tag | None:
    """The tag ``text`` is (``<a href="x">``, ``</em>``), or None."""
    match = _TAG.fullmatch(text.strip())
    if not match:
        return None
    return Tag(match.group("name").lower(), bool(match.group("close")), attributes(match.group("attrs") or ""))


#: (kind, first line, text): kind is "paragraph", "item" or "code".
Piece = tuple[str, int, str]


def html_block(content: str, first_line: int, report: Callable[[str, str, int], None]) -> list[Piece]:
    """The words of an HTML block, cut where its block tags are, with their lines."""
    pieces: list[Piece] = []
    segment: list[str] = []
    anchors: list[str] = []
    kind, start = "paragraph", 0
    lowered = content.lower()

    def line_at(index: int) -> int:
        return first_line + content.count("\n", 0, index)

    def flush(next_kind: str, at: int) -> None:
        nonlocal kind, start
        raw = "".join(segment)
        text = re.sub(r"\s+", " ", html.unescape(raw)).strip()
        if text.strip(" |"):
            lead = len(raw) - len(raw.lstrip())
            pieces.append((kind, line_at(start) + raw.count("\n", 0, lead), text))
        segment.clear()
        kind, start = next_kind, at

    position = 0
    while True:
        match = _ANY.search(content, position)
        if match is None:
            break
        segment.append(content[position : match.start()])
        position = match.end()
        token = match.group(0)
        if token.startswith("<!--"):
            comment = re.sub(r"\s+", " ", token[4:].removesuffix("-->")).strip()
            report("markdown-html-comment", f"HTML comment removed: {comment}", line_at(match.start()))
            segment.append(" ")
            continue
        if match.group("raw"):
            raw = match.group("raw").lower()
            end = lowered.find(f"</{raw}", position)
            end = len(content) if end < 0 else end
            flush("paragraph", end)
            report("markdown-html-script", f"<{raw}> block: its content is kept as visible text (code)", line_at(match.start()))
            body = content[position:end].strip("\n")
            if body.strip():
                pieces.append(("code", line_at(position) + (1 if content[position:end].startswith("\n") else 0), body))
            close = content.find(">", end)
            position = close + 1 if close >= 0 else len(content)
            start = position
            continue
        _tag(token, segment, anchors, flush, match.end())
    segment.append(content[position:])
    flush("paragraph", len(content))
    return pieces


def _tag(token: str, segment: list[str], anchors: list[str], flush: Callable[[str, int], None], at: int) -> None:
    tag = read_tag(token)
    if tag is None or tag.name not in KNOWN_TAGS:
        segment.append(token.replace("<", "‹").replace(">", "›") if tag is None else token)
        return
    if tag.name in EMBED_TAGS and not tag.closing:
        url = clean_url(tag.attrs.get("src") or tag.attrs.get("data") or "")
        if url:
            segment.append(f" [Embedded: {url}] ")
    elif tag.name == "a":
        if not tag.closing:
            anchors.append(clean_url(tag.attrs.get("href", "")))
        elif anchors and anchors[-1]:
            segment.append(f" ({anchors.pop()})")
    elif tag.name == "img" and not tag.closing:
        alt, src = tag.attrs.get("alt", "").strip(), clean_url(tag.attrs.get("src", ""))
        segment.append("[Image: " + (f"{alt} ({src})" if alt and src else alt or src) + "]")
    elif tag.name in ("td", "th") and tag.closing:
        segment.append(" | ")
    elif tag.name in ("td", "th"):
        pass
    elif tag.block:
        flush("item" if tag.name == "li" and not tag.closing else "paragraph", at)
    else:
        segment.append(" " if tag.name == "br" else "")
