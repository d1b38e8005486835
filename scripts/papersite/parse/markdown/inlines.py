"""Inline tokens of markdown-it into the model's inline nodes, line by line.

Emphasis becomes :class:`Emphasis`, a footnote reference a :class:`NoteRef`, an
e-mail address an :class:`Email`; everything else is text, shown as written:
a link as its words followed by its target in brackets, an image as
``[Image: alt (file)]``, raw HTML reduced to its words (a ``<script>``'s too,
visibly, never run). Template tags are understood (a figure include becomes a
figure caption) or dropped with a diagnostic naming the tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from markdown_it.token import Token

from ...model import Email, Emphasis, Inline, Link, NoteRef, Text
from .html import EMBED_TAGS, KNOWN_TAGS, Tag, read_tag
from .text import clean_url, dashes, figure_parts, is_unsafe_url, tag_kind, template_spans

_EMAIL = re.compile(r"(?<![\w.@])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_AUTO = ("autolink", "linkify")
#: A DOI written as ``doi:10.…`` (a doi.org URL is found as a URL).
_DOI = re.compile(r"\bdoi:\s?(10\.\d{4,9}/[^\s\"<>]+)", re.IGNORECASE)
_TRAILING = re.compile(r"[.,;:!?'\")\]]+$")
_WEB = re.compile(r"^(?:https?|ftp)://", re.IGNORECASE)
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}")
_ENDRAW = re.compile(r"\{%-?\s*endraw\s*-?%\}")
_SPACES = re.compile(r"[ \t]{2,}")
_UNDEFINED_NOTE = re.compile(r"\[\^([^\]\s]{1,100})\]")

#: (rule, message, line)
Report = Callable[[str, str, int], None]


@dataclass
class Notes:
    """The footnotes of a document: label -> marker, and the labels in order of first reference."""

    markers: dict[str, str] = field(default_factory=dict)
    referenced: list[str] = field(default_factory=list)


@dataclass
class Reader:
    """What converting inline tokens needs: where to report, the notes, a way to parse a caption."""

    report: Report
    notes: Notes
    parse_inline: Callable[[str], list[Token]]
    #: The source, line by line (for what the tokens do not keep: a table row's extra cells).
    source: list[str] = field(default_factory=list)
    #: Every link target used, to report link definitions that are not.
    targets: set[str] = field(default_factory=set)
    #: A link target as a reader reads it (markdown-it keeps targets percent-encoded).
    show_url: Callable[[str], str] = str


@dataclass
class _Link:
    href: str  # as shown
    url: str  # as a browser needs it (percent-encoded)
    title: str
    start: int  # index in _Line.plain where the link text starts
    auto: bool


class _Line:
    """The nodes of one line, built token by token."""

    def __init__(self) -> None:
        self.nodes: list[Inline] = []
        self.text: list[str] = []
        self.emphasis: list[str] | None = None
        self.depth = 0
        self.plain: list[str] = []  # everything shown on the line, for link texts
        self.links: list[_Link] = []

    def add(self, text: str) -> None:
        (self.emphasis if self.emphasis is not None else self.text).append(text)
        self.plain.append(text)

    def drop_space(self) -> None:
        target = self.emphasis if self.emphasis is not None else self.text
        if target and target[-1][-1:] in (" ", "\t"):
            target[-1] = target[-1][:-1]

    def flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self.text))
        self.text = []
        position = 0
        for match in _EMAIL.finditer(text):
            self.nodes.append(Text(text[position : match.start()]))
            address = match.group(0).rstrip(".")
            self.nodes.append(Email(address))
            position = match.start() + len(address)
        self.nodes.append(Text(text[position:]))

    def open_emphasis(self) -> None:
        if self.depth == 0:
            self.flush()
            self.emphasis = []
        self.depth += 1

    def close_emphasis(self) -> None:
        self.depth = max(0, self.depth - 1)
        if self.depth == 0 and self.emphasis is not None:
            self._end_emphasis()
            self.emphasis = None

    def _end_emphasis(self) -> None:
        text = "".join(self.emphasis or [])
        if text.strip():
            self.nodes.append(Emphasis(text))
        elif text:
            self.nodes.append(Text(text))

    def node(self, node: Inline) -> None:
        if self.emphasis is not None:
            self._end_emphasis()
            self.emphasis = []
        else:
            self.flush()
        self.nodes.append(node)

    def finish(self) -> tuple[Inline, ...]:
        if self.emphasis is not None:
            self._end_emphasis()
            self.emphasis = None
        self.flush()
        return merge(self.nodes)


def merge(nodes: list[Inline] | tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Adjacent text nodes as one; empty ones dropped."""
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text):
            if not node.text:
                continue
            if out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].text + node.text)
                continue
        out.append(node)
    return tuple(out)


def inline_lines(tokens: list[Token], first_line: int, reader: Reader) -> list[tuple[int, tuple[Inline, ...]]]:
    """The nodes of each source line of an inline token's children (a line break ends a line)."""
    lines: list[tuple[int, tuple[Inline, ...]]] = []
    number = first_line
    line = _Line()
    addresses = {i for i in range(len(tokens) - 2) if _is_address(tokens, i, reader)}
    for index, token in enumerate(tokens):
        if index - 1 in addresses:  # the words of a link that are its address: one Link node
            line.links.pop()
            _address(line, token.content, str(tokens[index - 1].attrGet("href") or ""))
            continue
        if index - 2 in addresses:
            continue
        if token.type in ("softbreak", "hardbreak"):
            if line.depth or line.links:  # emphasis or a link goes on: keep the line whole
                line.add(" ")
            else:
                lines.append((number, line.finish()))
                line = _Line()
            number += 1
            continue
        _token(token, line, number, reader)
    lines.append((number, line.finish()))
    return lines


def inlines(tokens: list[Token], first_line: int, reader: Reader) -> tuple[Inline, ...]:
    """The nodes of an inline token's children as one run (lines joined by a space)."""
    out: list[Inline] = []
    for _, nodes in inline_lines(tokens, first_line, reader):
        if out and nodes:
            out.append(Text(" "))
        out.extend(nodes)
    return strip(merge(out))


def strip(nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """``nodes`` without white space at either end."""
    items = list(nodes)
    if items and isinstance(items[0], Text):
        items[0] = Text(items[0].text.lstrip())
    if items and isinstance(items[-1], Text):
        items[-1] = Text(items[-1].text.rstrip())
    return merge(items)


def _token(token: Token, line: _Line, number: int, reader: Reader) -> None:
    kind = token.type
    if kind == "text":
        _text(token.content, line, number, reader)
    elif kind == "code_inline":
        line.add(token.content)
    elif kind == "em_open":
        line.open_emphasis()
    elif kind == "em_close":
        line.close_emphasis()
    elif kind == "link_open":
        href = clean_url(reader.show_url(str(token.attrGet("href") or "")))
        if is_unsafe_url(href):
            reader.report("markdown-unsafe-url", f"link to a script or data URL kept as text: {href[:80]}", number)
        reader.targets.add(str(token.attrGet("href") or ""))
        auto = token.markup in _AUTO
        url = clean_url(str(token.attrGet("href") or ""))
        line.links.append(_Link(href, url, str(token.attrGet("title") or ""), len("".join(line.plain)), auto))
    elif kind == "link_close" and line.links:
        _close_link(line, line.links.pop())
    elif kind == "image":
        src = clean_url(reader.show_url(str(token.attrGet("src") or "")))
        title = str(token.attrGet("title") or "")
        target = " ".join(part for part in (src, f'"{title}"' if title else "") if part)
        alt = token.content.strip()
        line.add("[Image: " + (f"{alt} ({target})" if alt and target else alt or target) + "]")
    elif kind == "footnote_ref":
        label = token.meta.get("label", "")
        if label not in reader.notes.referenced:
            reader.notes.referenced.append(label)
        line.drop_space()
        line.node(NoteRef(reader.notes.markers.get(label, label)))
    elif kind == "html_inline":
        _html(token.content, line, number, reader)
    # strong, strikethrough: their words, no markup


def _is_address(tokens: list[Token], index: int, reader: Reader) -> bool:
    """``<https://x.org>``, a bare URL, or ``[https://x.org](https://x.org)``: a link whose words are its address."""
    opener, words, closer = tokens[index : index + 3]
    if opener.type != "link_open" or words.type != "text" or closer.type != "link_close":
        return False
    href = str(opener.attrGet("href") or "")
    return opener.markup in _AUTO or words.content.strip() in (href, reader.show_url(href))


def _address(line: _Line, text: str, url: str) -> None:
    """A web address in the text: a :class:`Link` when it is one (an e-mail address stays text, read as Email)."""
    if _WEB.match(url):
        line.node(Link(text, url))
    else:
        line.add(text)


def _close_link(line: _Line, link: _Link) -> None:
    """The end of ``[words](target "title")``: the target follows the words, in brackets, as a link."""
    shown = "".join(line.plain)[link.start :].strip()
    if link.auto or not (link.href or link.title):
        return
    title = f' "{link.title}"' if link.title else ""
    if shown == link.href:
        return
    line.add(" (" if shown else "")
    if link.href:
        _address(line, link.href, link.url)
    line.add((title if link.href else title.strip()) + (")" if shown else ""))


def _text(text: str, line: _Line, number: int, reader: Reader) -> None:
    auto = any(link.auto for link in line.links)
    position = 0
    for start, end in template_spans(text):
        if start < position:  # inside a {% raw %} region
            continue
        line.add(text[position:start] if auto else dashes(text[position:start]))
        position = end
        tag = text[start:end]
        template(tag, line, number, reader)
        if _RAW.fullmatch(tag):  # {% raw %}: what follows up to {% endraw %} is text as written
            closing = _ENDRAW.search(text, end)
            line.add(text[end : closing.start() if closing else len(text)])
            position = closing.start() if closing else len(text)
    rest = text[position:]
    for undefined in _UNDEFINED_NOTE.finditer(rest):
        reader.report("markdown-note-undefined", f"footnote [^{undefined.group(1)}] has no definition; kept as text", number)
    if auto:
        line.add(rest)
        return
    position = 0
    for doi in _DOI.finditer(rest):
        trail = _TRAILING.search(doi.group(0))
        end = doi.end() - (len(trail.group(0)) if trail else 0)
        line.add(dashes(rest[position : doi.start()]))
        line.node(Link(rest[doi.start() : end], "https://doi.org/" + rest[doi.start(1) : end]))
        position = end
    line.add(dashes(rest[position:]))


def template(tag: str, line: _Line, number: int, reader: Reader) -> None:
    """A template tag in running text: a figure's caption, or nothing (reported)."""
    kind = tag_kind(tag)
    shown = re.sub(r"\s+", " ", tag)[:200]
    if kind == "figure":
        caption, file, description = figure_parts(tag)
        line.add("[Figure: ")
        for node in inlines(reader.parse_inline(caption), number, reader) if caption else ():
            line.node(node) if not isinstance(node, Text) else line.add(node.text)
        tail = " ".join(part for part in (f"({file})" if file else "", f"Description: {description}" if description else "") if part)
        line.add((" " if caption and tail else "") + tail + "]")
    elif kind in ("toc", "raw"):
        if kind == "toc" or "raw" in tag:
            reader.report("markdown-template-removed", f"template tag removed: {shown}", number)
    else:
        reader.report("markdown-template-tag", f"template tag dropped (not shown): {shown}", number)


def _html(content: str, line: _Line, number: int, reader: Reader) -> None:
    if content.startswith("<!--"):
        comment = re.sub(r"\s+", " ", content[4:].removesuffix("-->")).strip()
        reader.report("markdown-html-comment", f"HTML comment removed: {comment}", number)
        return
    tag = read_tag(content)
    if tag is None or tag.name not in KNOWN_TAGS:
        line.add(content)  # List<T>, <username>: text, not HTML
        return
    _known_tag(tag, line, number, reader)


def _known_tag(tag: Tag, line: _Line, number: int, reader: Reader) -> None:
    name, attrs = tag.name, tag.attrs
    if tag.closing:
        if name in ("em", "i", "cite"):
            line.close_emphasis()
        elif name in ("a", "abbr") and line.links:
            _close_link(line, line.links.pop())
        return
    if name in ("em", "i", "cite"):
        line.open_emphasis()
    elif name in ("script", "style", "noscript"):
        reader.report("markdown-html-script", f"<{name}> in the text: its content is kept as visible text", number)
    elif name in EMBED_TAGS:
        url = clean_url(attrs.get("src") or attrs.get("data") or "")
        title = attrs.get("title", "").strip()
        if url or title:
            line.add(" [Embedded: " + (f"{title} ({url})" if title and url else url or title) + "] ")
    elif name == "img":
        alt, src = attrs.get("alt", "").strip(), clean_url(attrs.get("src", ""))
        line.add("[Image: " + (f"{alt} ({src})" if alt and src else alt or src) + "]")
    elif name == "a":
        href = clean_url(attrs.get("href", ""))
        if is_unsafe_url(href):
            reader.report("markdown-unsafe-url", f"link to a script or data URL kept as text: {href[:80]}", number)
        line.links.append(_Link(href, href, "", len("".join(line.plain)), False))
    elif name == "abbr":
        line.links.append(_Link(attrs.get("title", "").strip(), "", "", len("".join(line.plain)), False))
    elif tag.block or name == "br":
        line.add(" ")


def template_nodes(tag: str, number: int, reader: Reader) -> tuple[Inline, ...]:
    """A template tag standing alone: a figure's caption line, or nothing (reported)."""
    line = _Line()
    template(tag, line, number, reader)
    return strip(line.finish())
