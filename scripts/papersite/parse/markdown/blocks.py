"""Block tokens of markdown-it into the reader's blocks: headings, paragraphs, items, code, notes.

One pass over the token stream. Each block keeps its source lines (the token
``map``), and its inline content as model nodes line by line, so that a
reference list can be cut one entry a line and a paragraph joined into one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it.token import Token

from ...model import Inline, Text
from .html import html_block
from .inlines import Reader, inline_lines, merge, template_nodes
from .text import MARKUP_LINE, only_templates, template_spans

Lines = list[tuple[int, tuple[Inline, ...]]]


@dataclass
class Block:
    """One block of the document as read."""

    #: heading, paragraph, item, code, figure or note (a footnote definition)
    kind: str
    line: int
    end_line: int
    lines: Lines = field(default_factory=list)
    #: A heading's level (1..6); for a list item, its nesting depth (0 = top).
    level: int = 0
    #: A footnote definition's label; a code fence's info string.
    info: str = ""

    def nodes(self) -> tuple[Inline, ...]:
        """The block's inline nodes, its lines joined by a space."""
        out: list[Inline] = []
        for _, nodes in self.lines:
            if out and nodes:
                out.append(Text(" "))
            out.extend(nodes)
        return merge(out)


@dataclass
class _Walk:
    reader: Reader
    blocks: list[Block] = field(default_factory=list)
    containers: int = 0  # open block quotes and lists
    items: list[list[str]] = field(default_factory=list)  # per open list item: [prefix] while its first block is due
    note: Block | None = None


def read_blocks(tokens: list[Token], reader: Reader) -> list[Block]:
    """The blocks of a token stream (the front matter token is the caller's)."""
    walk = _Walk(reader)
    index = 0
    while index < len(tokens):
        index = _step(walk, tokens, index)
    return walk.blocks


def _lines(token: Token) -> tuple[int, int]:
    first, last = token.map if token.map else (0, 1)
    return first + 1, max(first + 1, last)


def _step(walk: _Walk, tokens: list[Token], index: int) -> int:  # noqa: C901 - one branch per token type
    token = tokens[index]
    kind = token.type
    if kind in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
        walk.containers += 1
    elif kind in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
        walk.containers -= 1
    elif kind == "list_item_open":
        walk.items.append([f"{token.info}{token.markup} " if token.info else ""])
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.info and (following is None or following.type != "paragraph_open"):
            first, last = _lines(token)
            _add(walk, Block("item", first, first, [(first, (Text(walk.items[-1][0].strip()),))], level=len(walk.items) - 1))
            walk.items[-1].clear()
    elif kind == "list_item_close":
        walk.items.pop()
    elif kind in ("heading_open", "paragraph_open") and index + 1 < len(tokens):
        _paragraph(walk, token, tokens[index + 1])
        return index + 3
    elif kind == "inline":  # a term of a definition list, a table cell outside a row
        _paragraph(walk, token, token)
    elif kind in ("fence", "code_block"):
        first, last = _lines(token)
        _code(walk, token.content, first + 1 if kind == "fence" else first, token.info.strip())
        closing = walk.reader.source[last - 1].strip() if kind == "fence" and last - 1 < len(walk.reader.source) else ""
        if kind == "fence" and (last == first or not closing.startswith(token.markup[:3])):
            walk.reader.report("markdown-fence-unclosed", f"code fence {token.markup} is never closed; the rest is code", first)
    elif kind == "html_block":
        first, _ = _lines(token)
        for piece_kind, line, text in html_block(token.content, first, walk.reader.report):
            _add(walk, Block("item" if piece_kind == "item" else "paragraph", line, line, [(line, (Text(text.strip()),))]))
    elif kind == "tr_open":
        return _row(walk, tokens, index)
    elif kind == "footnote_reference_open":
        first, last = _lines(token)
        walk.note = Block("note", first, last, info=str(token.meta.get("label", "")))
    elif kind == "footnote_reference_close" and walk.note is not None:
        walk.blocks.append(walk.note)
        walk.note = None
    return index + 1


def _add(walk: _Walk, block: Block) -> None:
    if walk.note is not None:  # the content of a footnote definition
        walk.note.lines.extend(block.lines)
        return
    walk.blocks.append(block)


def _paragraph(walk: _Walk, opener: Token, inline: Token) -> None:
    first, last = _lines(opener)
    raw = inline.content
    if only_templates(raw):
        for start, end in template_spans(raw):
            line = first + raw.count("\n", 0, start)
            nodes = template_nodes(raw[start:end], line, walk.reader)
            if nodes:
                _add(walk, Block("figure", line, line, [(line, nodes)]))
        return
    lines: Lines = []
    for number, nodes in inline_lines(inline.children or [], first, walk.reader):
        if len(nodes) == 1 and isinstance(nodes[0], Text) and MARKUP_LINE.match(nodes[0].text):
            walk.reader.report("markdown-markup-removed", f"markup line removed: {nodes[0].text.strip()}", number)
            continue
        lines.append((number, nodes))
    if not any(nodes for _, nodes in lines):
        return
    prefix = walk.items[-1][0] if walk.items and walk.items[-1] else None
    if walk.items and walk.items[-1]:
        walk.items[-1].clear()  # the item's later blocks are paragraphs of their own
    if opener.type == "heading_open" and not walk.containers and walk.note is None:
        _add(walk, Block("heading", first, last, lines, level=int(opener.tag[1:])))
    elif prefix is not None:
        if prefix:
            number, nodes = lines[0]
            lines[0] = (number, merge([Text(prefix), *nodes]))
        _add(walk, Block("item", first, last, lines, level=len(walk.items) - 1))
    else:
        _add(walk, Block("paragraph", first, last, lines))


def _row(walk: _Walk, tokens: list[Token], index: int) -> int:
    first, _ = _lines(tokens[index])
    cells: list[Inline] = []
    count = 0
    index += 1
    while index < len(tokens) and tokens[index].type != "tr_close":
        token = tokens[index]
        if token.type == "inline":
            count += 1
            cell = [node for _, nodes in inline_lines(token.children or [], first, walk.reader) for node in nodes]
            if cells and cell:
                cells.append(Text(" | "))
            cells.extend(cell)
        index += 1
    source = walk.reader.source[first - 1] if first - 1 < len(walk.reader.source) else ""
    written = [c for c in re.split(r"(?<!\\)\|", source.strip().strip("|"))]
    for extra in written[count:] if count and len(written) > count else ():  # GFM drops cells beyond the header's
        cells.append(Text(" | "))
        for _, nodes in inline_lines(walk.reader.parse_inline(extra.strip()), first, walk.reader):
            cells.extend(nodes)
    nodes = merge(cells)
    if any(re.search(r"[^\s|]", getattr(n, "text", "x")) for n in nodes):
        _add(walk, Block("paragraph", first, first, [(first, nodes)]))
    return index + 1


def _code(walk: _Walk, content: str, start: int, info: str) -> None:
    """A code block, one block per run of lines between blank lines (its words kept, one line each)."""
    run: Lines = []
    for offset, text in enumerate(content.split("\n") + [""]):
        if text.strip():
            run.append((start + offset, (Text(text.strip()),)))
        elif run:
            _add(walk, Block("code", run[0][0], run[-1][0], run, info=info))
            run = []
