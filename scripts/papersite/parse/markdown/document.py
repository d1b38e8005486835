"""A Markdown file read into blocks, front matter, notes and diagnostics: :func:`read_document`.

The file is tokenised once by markdown-it-py (see :mod:`.syntax`); the tokens,
which carry their source lines, are turned into :class:`~.blocks.Block` values
holding model inline nodes. :mod:`papersite.parse.markdown_paper` makes the
Paper of them. Nothing here renders HTML or writes text to be parsed again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from ...model import Inline, Text
from .blocks import Block, Lines, read_blocks
from .front_matter import FrontMatter, load_front_matter, problem
from .inlines import Notes, Reader, inlines, strip
from .syntax import MAX_QUOTES, markdown_parser

_PRIVATE = re.compile("[\ue000-\ue005]")
_KEY_LINE = re.compile(r"^[A-Za-z_][\w\- ]*:(?:\s|$)")


@dataclass
class Note:
    marker: str
    nodes: tuple[Inline, ...]
    line: int
    end_line: int


@dataclass
class Document:
    """What :func:`read_document` read from one Markdown file."""

    front: FrontMatter
    #: The title (plain text and nodes) from the front matter or the one level-1 heading; "" when none.
    title: tuple[Inline, ...]
    title_line: int
    abstract: tuple[Inline, ...]
    blocks: list[Block]
    #: Footnotes in the order of their first reference (unreferenced ones last).
    notes: list[Note]
    problems: list[tuple[str, str, int]] = field(default_factory=list)


#: Jekyll's site root at the start of a link target: ``]({{ site.baseurl }}/en/x)``.
_SITE_IN_LINK = re.compile(r"(?:(?<=\]\()|(?<=\]: )|(?<=href=\")|(?<=src=\"))(?:\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\})+")
_UNCLOSABLE = re.compile(r"^ {0,3}(<!--|<(?:script|pre|style|textarea)\b)", re.IGNORECASE | re.MULTILINE)


def _guard_unclosed(text: str, problems: list[tuple[str, str, int]]) -> str:
    """An HTML comment or ``<script>`` block never closed would hide the rest of the file: read it as text."""
    lowered = text.lower()
    last_closer = {kind: lowered.rfind(kind) for kind in ("-->", "</script", "</pre", "</style", "</textarea")}
    parts: list[str] = []
    position = counted = 0
    line = 1
    for match in _UNCLOSABLE.finditer(text):
        opener = match.group(1)
        closer = "-->" if opener == "<!--" else f"</{opener[1:].lower()}"
        if last_closer[closer] >= match.end():
            continue
        what = "comment" if opener == "<!--" else opener[1:].lower()
        line += text.count("\n", counted, match.start())
        counted = match.start()
        problems.append(problem("markdown-html-unclosed", f"HTML {what} is never closed; read as text", line))
        parts.append(text[position : match.start(1)] + "&lt;")
        position = match.start(1) + 1
    return "".join(parts) + text[position:]


_DEEP_QUOTE = re.compile(r"^((?: {0,3}> ?){%d})(?= {0,3}>)" % MAX_QUOTES, re.MULTILINE)
#: More "[" than this with no "]" after them: markdown-it would take quadratic time over them.
_MANY_BRACKETS = 1000
_HEADER = re.compile(r"---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*$", re.DOTALL | re.MULTILINE)


def _unclosable_brackets(text: str) -> str:
    """Brackets that no "]" follows can open no link: escaped when there are very many (linear time)."""
    header = _HEADER.match(text)
    tail = max(text.rfind("]") + 1, header.end() if header else 0)  # the YAML header is not Markdown
    if text.count("[", tail) <= _MANY_BRACKETS:
        return text
    return text[:tail] + re.sub(r"(?<!\\)\[", r"\\[", text[tail:])


def _clean(text: str, problems: list[tuple[str, str, int]]) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    private = _PRIVATE.search(text)
    if private:
        line = text.count("\n", 0, private.start()) + 1
        problems.append(problem("markdown-private-use", "private-use characters U+E000-U+E005 removed (reserved for markers)", line))
        text = _PRIVATE.sub("", text)
    text = _SITE_IN_LINK.sub("", text)
    text = _unclosable_brackets(text)
    text = _DEEP_QUOTE.sub(lambda m: m.group(1) + "\\", text)  # deeper quote markers are text
    return _guard_unclosed(text, problems)


def _markers(labels: list[str], problems: list[tuple[str, str, int]], lines: dict[str, int]) -> dict[str, str]:
    """Each footnote label's marker: the label itself, or a number when it is longer than 12 characters."""
    markers: dict[str, str] = {}
    taken = set(labels)
    counter = 1
    for label in labels:
        if len(label) <= 12:
            markers[label] = label
            continue
        while str(counter) in taken:
            counter += 1
        markers[label] = str(counter)
        taken.add(str(counter))
        problems.append(
            problem("markdown-note-marker", f"footnote id [^{label[:40]}] is longer than 12 characters; shown as {counter}", lines[label])
        )
    return markers


def read_document(text: str) -> Document:
    """Read a Markdown paper source; never raises."""
    problems: list[tuple[str, str, int]] = []
    text = _clean(text, problems)
    md = markdown_parser()
    env: dict[str, Any] = {}
    tokens = md.parse(text, env)
    definitions = [t for t in tokens if t.type == "footnote_reference_open"]
    first_lines: dict[str, int] = {}
    for token in definitions:
        first_lines.setdefault(str(token.meta.get("label", "")), (token.map or [0])[0] + 1)
    notes = Notes(_markers(list(first_lines), problems, first_lines))
    def parse_inline(source: str) -> list[Token]:
        found = md.parseInline(source, dict(env))
        return list(found[0].children or []) if found else []

    reader = Reader(lambda rule, message, line: problems.append((rule, message, max(1, line))), notes,
                    parse_inline, text.split("\n"), show_url=md.normalizeLinkText)
    front = FrontMatter()
    kept: list[Block] = []
    if tokens and tokens[0].type == "front_matter":
        front = load_front_matter(tokens[0].content, 2)
        problems.extend(front.problems)
        if front.kept_as_text:
            first = 2
            lines: Lines = [(first + k, (Text(line),)) for k, line in enumerate(tokens[0].content.split("\n")) if line.strip()]
            kept = [Block("code", first, first + len(lines), lines)] if lines else []
        tokens = tokens[1:]
    elif text.startswith("---") and any(_KEY_LINE.match(line) for line in text.split("\n")[1:3]):
        problems.append(problem("markdown-front-matter-unclosed", "front matter opened with '---' is never closed; read as text", 1))
    blocks = kept + read_blocks(tokens, reader)
    title, title_line = _title(blocks, front, reader, problems)
    abstract = front.values.get("abstract", "")
    abstract_nodes = inlines(reader.parse_inline(abstract), front.lines.get("abstract", 1), reader) if abstract else ()
    for label, definition in env.get("references", {}).items():
        if definition.get("href") not in reader.targets:
            line = (definition.get("map") or [0])[0] + 1
            problems.append(problem("markdown-link-definition-unused", f"link definition [{label.lower()}]: {definition.get('href')} is never used", line))
    document = Document(front, title, title_line, abstract_nodes, blocks, [], problems)
    document.notes = _notes(document, notes)
    return document


def _title(
    blocks: list[Block], front: FrontMatter, reader: Reader, problems: list[tuple[str, str, int]]
) -> tuple[tuple[Inline, ...], int]:
    """The title: the front matter's, else the only level-1 heading when it opens the text (taken out of ``blocks``)."""
    title: tuple[Inline, ...] = ()
    line = front.lines.get("title", 1)
    if "title" in front.values:
        title = inlines(reader.parse_inline(front.values["title"]), line, reader)
    first = blocks[0] if blocks else None
    level_one = [b for b in blocks if b.kind == "heading" and b.level == 1]
    if first is None or first.kind != "heading" or first.level != 1 or len(level_one) != 1:
        return title, line
    words = _words(first.nodes())
    if not words:
        return title, line
    if not title:
        problems.append(problem("markdown-title-heading", "the only top-level heading opens the text: taken as the title", first.line))
        blocks.pop(0)
        return strip(first.nodes()), first.line
    if words == _words(title):
        problems.append(problem("markdown-title-heading", "top-level heading repeats the front-matter title: taken as the title", first.line))
        blocks.pop(0)
    return title, line


def _words(nodes: tuple[Inline, ...]) -> str:
    from ...model import plain_text

    return re.sub(r"\W+", " ", plain_text(nodes)).strip().casefold()


def _notes(document: Document, notes: Notes) -> list[Note]:
    """The footnotes in order of first reference; unused, empty and repeated ones reported."""
    found: dict[str, Note] = {}
    kept: list[Block] = []
    for block in document.blocks:
        if block.kind != "note":
            kept.append(block)
            continue
        label = block.info
        nodes = strip(block.nodes())
        if label in found:
            document.problems.append(problem("markdown-note-duplicate", f"footnote [^{label}] is defined again (first at line "
                                      f"{found[label].line}); this definition is kept as text", block.line))
            kept.append(Block("paragraph", block.line, block.end_line, [(block.line, (Text(f"[^{label}]: "), *nodes))]))
            continue
        if not nodes:
            document.problems.append(problem("markdown-note-empty", f"footnote [^{label}] has no text", block.line))
        found[label] = Note(notes.markers.get(label, label), nodes, block.line, block.end_line)
        kept.append(Block("note", block.line, block.end_line, info=label))  # where it was, for the notes heading
    document.blocks = kept
    unused = [label for label in found if label not in notes.referenced]
    for label in unused:
        document.problems.append(problem("markdown-note-unused", f"footnote [^{label}] is never referenced; kept with the notes",
                                  found[label].line))
    return [found[label] for label in notes.referenced if label in found] + [found[label] for label in unused]
