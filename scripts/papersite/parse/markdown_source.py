"""Reading Markdown paper sources: ``read_markdown_source``.

A pure function from the text of a Markdown file (Jekyll, Pandoc, GitHub
flavours) to what the rest of the parser needs:

- the YAML front matter, normalised to :class:`~papersite.metadata.PaperMetadata`
  field names (the raw mapping is kept too);
- the body as the plain-text shape :func:`papersite.parse.paper.parse_paper`
  reads: blocks separated by blank lines, each heading alone in its block,
  list items as ``- item``, one line per paragraph, inline markup reduced to
  the conventions of :mod:`papersite.parse.inline` (``*italics*``, backslash
  escapes, footnote tokens);
- a map from each line of that text to its line in the Markdown file;
- the Markdown headings with their levels, the footnotes, the code blocks;
- diagnostics for whatever an editor should look at.

Nothing is rendered to HTML and no word is dropped: link targets are written
after the link text, template tags that do not make a figure stay as text,
raw HTML is reduced to its text, scripts are shown as code. The few pieces of
pure markup that are removed (a table-of-contents directive, an HTML comment,
an unused link definition, a Kramdown attribute list) are named, with their
words, in a diagnostic.

Block structure follows CommonMark where it matters (fences, indented code,
ATX and setext headings, lists with lazy continuation, block quotes, HTML
blocks), plus GFM tables and Pandoc/PHP Markdown Extra footnotes. Every
pattern is bounded so the time is linear in the size of the text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, NamedTuple

import yaml

from ..yamlfile import _LineLoader, line_of
from .inline import note_token, to_plain
from .references import is_reference_heading

__all__ = [
    "Block",
    "MarkdownNote",
    "MarkdownDiagnostic",
    "MarkdownSource",
    "SEVERITY",
    "read_markdown_source",
    "severity",
]


class Block(NamedTuple):
    """One block of :attr:`MarkdownSource.text`: its kind and its first and last line index."""

    #: title, abstract, heading, paragraph, item, quote, code, table-row, html,
    #: figure, template, front-matter (unreadable YAML kept as code)
    kind: str
    first: int
    last: int
    #: List nesting (0 = top level) for items; the level (2..6) for headings.
    depth: int = 0
    #: A code fence's info string (``python``), or a figure's file name.
    info: str = ""


class MarkdownNote(NamedTuple):
    """A footnote definition ``[^id]: text``: marker, text (inline markup simplified), source line."""

    marker: str
    text: str
    line: int


class MarkdownDiagnostic(NamedTuple):
    rule: str
    message: str
    line: int


@dataclass(frozen=True)
class MarkdownSource:
    """What :func:`read_markdown_source` read from one Markdown file."""

    #: Front matter under PaperMetadata's field names (title, short_title,
    #: authors, year, published, venue, volume, issue, pages, doi, url,
    #: publisher, language, keywords, received, accepted, submitted,
    #: family_names) plus ``abstract`` (str) and ``author_details`` (one dict
    #: per author: name, affiliations, email, orcid). Only keys present.
    metadata: dict[str, Any]
    #: The source line of each key of ``metadata``.
    metadata_lines: dict[str, int]
    #: The front matter mapping as YAML gave it (every key, unnormalised).
    front_matter: dict[Any, Any]
    #: The converted text: a lead-in (the title, then ``Abstract: ...``, when the
    #: front matter has them) followed by the body from ``body_start`` on.
    text: str
    #: For each line of ``text`` (``text.split("\n")``), its 1-based line in the source.
    line_map: tuple[int, ...]
    #: Index of the first line of ``text`` that comes from the body.
    body_start: int
    #: (heading text exactly as its line in ``text``, level 2..6), in order.
    headings: tuple[tuple[str, int], ...]
    #: Footnotes, in the order of their first reference (unreferenced ones last).
    notes: tuple[MarkdownNote, ...]
    #: The heading whose section held only footnote definitions ("Endnotes"),
    #: now empty in ``text``; "" when there is none.
    notes_heading: str
    #: (first, last) line index in ``text`` of each code block; code lines are
    #: kept line by line with ``\\``, ``*``, ``^{`` (and a leading ``-``)
    #: backslash-escaped for parse_inline (``inline.unescape`` restores them).
    code_blocks: tuple[tuple[int, int], ...]
    #: Every block of ``text`` with its kind, in order.
    blocks: tuple[Block, ...]
    diagnostics: tuple[MarkdownDiagnostic, ...]


#: Severity of each diagnostic rule, for building :class:`papersite.model.Diagnostic`.
SEVERITY: dict[str, str] = {
    "markdown-front-matter-invalid": "error",
    "markdown-front-matter-unclosed": "warning",
    "markdown-front-matter-not-mapping": "warning",
    "markdown-front-matter-value": "warning",
    "markdown-note-undefined": "warning",
    "markdown-note-unused": "warning",
    "markdown-note-duplicate": "warning",
    "markdown-note-empty": "warning",
    "markdown-note-marker": "info",
    "markdown-template-tag": "warning",
    "markdown-template-removed": "info",
    "markdown-html-script": "warning",
    "markdown-html-comment": "info",
    "markdown-html-unclosed": "warning",
    "markdown-unsafe-url": "warning",
    "markdown-fence-unclosed": "warning",
    "markdown-link-definition-unused": "info",
    "markdown-markup-removed": "info",
    "markdown-title-heading": "info",
    "markdown-private-use": "warning",
}


def severity(rule: str) -> str:
    return SEVERITY.get(rule, "warning")


# --- patterns -----------------------------------------------------------------

_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_ATX = re.compile(r"^ {0,3}(?P<hashes>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_HR = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}> ?")
_ITEM = re.compile(r"^(?P<indent> {0,3})(?P<marker>[-*+]|\d{1,9}[.)])(?P<space>[ \t]+|$)")
_FNDEF = re.compile(r"^ {0,3}\[\^(?P<id>[^\]\s]{1,100})\]:[ \t]*(?P<text>.*)$")
_LINKDEF = re.compile(
    r"^ {0,3}\[(?P<label>[^\]\^\s][^\]]{0,998})\]:[ \t]*(?P<url><[^<>\n]*>|\S+)"
    r"(?:[ \t]+(?P<title>\"[^\"]*\"|'[^']*'|\([^()]*\)))?[ \t]*$"
)
_TABLE_DELIMITER = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_TEMPLATE_OPEN = re.compile(r"^[ \t]*\{[%{#]")
_TEMPLATE_CLOSERS = {"%": "%}", "{": "}}", "#": "#}"}
#: Pure markup lines: Kramdown attribute lists ({: .note}, {:toc}), [TOC], Pandoc div fences (:::).
_MARKUP_LINE = re.compile(r"^ {0,3}(?:\{:[^{}\n]{0,500}\}|\[TOC\]|\[\[_TOC_\]\]|:{3,}.{0,500})[ \t]*$")

_HTML_BLOCK_TAGS = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|"
    "dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|"
    "menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|"
    "title|tr|track|ul"
)
_HTML_RAW_START = re.compile(r"^ {0,3}<(script|pre|style|textarea)(?:[\s>]|$)", re.IGNORECASE)
_HTML_COMMENT_START = re.compile(r"^ {0,3}<!--")
_HTML_BLOCK_START = re.compile(r"^ {0,3}</?(?:" + _HTML_BLOCK_TAGS + r")(?:[\s>]|/>|$)", re.IGNORECASE)

#: Characters papersite.parse.inline treats as escapable after a backslash.
_INLINE_ESCAPABLE = set("\\`*_{}[]()#+-.!$%&~^|<>\"'")
_PLACEHOLDER = re.compile("\ue002(\\d+)\ue003")
_PRIVATE = re.compile("[\ue000-\ue003]")

_ESCAPE_OR_TICKS = re.compile(r"\\(?P<esc>[!-/:-@\[-`{-~])|(?P<ticks>`+)")
_NOTE_REF = re.compile(r"[ \t]?\[\^(?P<id>[^\]\s]{1,100})\](?!:)")
_LINK_LABEL = re.compile(r"(?P<bang>!?)\[(?P<label>(?:[^\[\]]|\[[^\[\]]{0,500}\]){0,1000})\]")
_REF_LABEL = re.compile(r"\[(?P<label>[^\[\]]{0,999})\]")
_AUTOLINK = re.compile(
    r"<(?P<url>[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]{0,2000}"
    r"|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?){0,10})>"
)
_BARE_URL = re.compile(r"(?<![\w/@\ue003])(?:https?://|ftp://|www\.)[^\s<>\ue002\ue003]{1,2000}")
_SITE_URL = re.compile(r"\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\}")
#: Jekyll's site root at the start of a link target: ``]({{ site.baseurl }}/en/x)``.
_SITE_URL_IN_LINK = re.compile(
    r"(?:(?<=\]\()|(?<=\]: )|(?<=href=\")|(?<=href=')|(?<=src=\")|(?<=src='))(?:" + _SITE_URL.pattern + r")+"
)
_INLINE_TAG = re.compile(r"<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9\-]{0,30})(?P<attrs>\s[^<>]{0,2000})?\s*/?>")
_ATTR = re.compile(r"(?P<name>[A-Za-z_:][\w:.\-]*)\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s\"'=<>`]+))")
_INLINE_TAGS = frozenset(
    "a abbr acronym b bdi bdo big br cite code data del dfn em font i img ins kbd mark nobr noscript q rp rt ruby s "
    "samp small span strike strong sub sup time tt u var wbr script style video audio source embed object picture".split()
)
#: Tags that embed another document or medium: their address is kept ("[Embedded: url]").
_EMBED_TAGS = frozenset("iframe video audio source embed object".split())
_BLOCK_TAG_NAMES = frozenset(
    re.sub(r"h\[1-6\]", "h1|h2|h3|h4|h5|h6", _HTML_BLOCK_TAGS).split("|") + ["pre", "textarea"]
)
_ITALIC_TAG = re.compile(r"(?<!\w)<(?P<tag>i|em|cite)>(?P<text>[^<>*\n]{1,300}?)</(?P=tag)>(?!\w)", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

#: Emphasis delimiters: (token, opener test, closer test, replacement). An opener
#: pairs with the next closer at most 1000 characters on (see _pair_delimiters).
_EMPHASIS = (
    ("~~", re.compile(r"(?<![\\~])~~(?=[^\s~])"), re.compile(r"(?<=[^\s\\~])~~(?!~)"), ""),
    ("***", re.compile(r"(?<![\\*])\*\*\*(?=[^\s*])"), re.compile(r"(?<=[^\s\\*])\*\*\*(?!\*)"), "*"),
    ("**", re.compile(r"(?<![\\*])\*\*(?=[^\s*])"), re.compile(r"(?<=[^\s\\*])\*\*(?!\*)"), ""),
    ("__", re.compile(r"(?<![\w_\\])__(?=[^\s_])"), re.compile(r"(?<=[^\s_\\])__(?![\w_])"), ""),
    ("_", re.compile(r"(?<![\w_\\])_(?=[^\s_])"), re.compile(r"(?<=[^\s_\\])_(?![\w_])"), "*"),
)

_FURTHER_READING = re.compile(
    r"^(?:(?:further|additional|suggested|recommended|selected)\s+readings?|reading\s+list|works\s+consulted"
    r"|selected\s+bibliography|bibliography\s+and\s+(?:sources|further\s+reading)|sources\s+and\s+literature)\s*:?$",
    re.IGNORECASE,
)
_SUFFIX = re.compile(r"^(?:jr|sr|ii|iii|iv)\.?$", re.IGNORECASE)
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_UNSAFE_SCHEME = re.compile(r"^\s*(?:javascript|vbscript|data):", re.IGNORECASE)
_TOC_TAG = re.compile(r"^\{%-?\s*(?:include\s+toc(?:\.html)?\b[^%]*|toc)\s*-?%\}$")
_RAW_TAG = re.compile(r"\{%-?\s*(?:end)?raw\s*-?%\}")


#: Quotes and lists nest at most this deep; deeper markers are read as text.
_MAX_NESTING = 12


class _FrontMatterLoader(_LineLoader):
    """YAML with line numbers whose dates stay text ("2022-10-03"): a bad date is not an error."""

    yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _LineLoader.yaml_implicit_resolvers.items()
    }


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _expand_leading_tabs(line: str) -> str:
    if "\t" not in line:
        return line
    stripped = line.lstrip(" \t")
    lead = line[: len(line) - len(stripped)]
    return lead.expandtabs(4) + stripped


def _lit(text: str) -> str:
    """``text`` as literal characters for parse_inline (its markup characters escaped)."""
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("^{", "\\^{")


def _join(lines: list[tuple[int, str]]) -> str:
    """The lines of a paragraph as one line; a hard break (a backslash at the end of a line) is a space."""
    parts = []
    for _, line in lines:
        line = line.strip()
        if line.endswith("\\") and not line.endswith("\\\\"):
            line = line[:-1].rstrip()
        if line:
            parts.append(line)
    return " ".join(parts)


def _label_key(label: str) -> str:
    return re.sub(r"\s+", " ", label).strip().casefold()


# --- intermediate blocks ------------------------------------------------------


@dataclass
class _Raw:
    """A block as the block parser found it, before inline conversion."""

    kind: str  # heading para code quote item table html template fndef fndup front-matter
    line: int
    lines: list[tuple[int, str]] = field(default_factory=list)
    level: int = 0
    children: list[_Raw] = field(default_factory=list)
    marker: str = ""
    info: str = ""


_Lines = list[tuple[int, str]]


class _Reader:
    def __init__(self, source: str) -> None:
        self.diagnostics: list[MarkdownDiagnostic] = []
        if source.startswith("\ufeff"):
            source = source[1:]
        source = source.replace("\r\n", "\n").replace("\r", "\n")
        private = _PRIVATE.search(source)
        if private:
            first = source[: private.start()].count("\n") + 1
            self.diag("markdown-private-use", "private-use characters U+E000-U+E003 removed (reserved for markers)", first)
            source = _PRIVATE.sub("", source)
        self.source_lines = source.split("\n")
        self.notes: dict[str, tuple[int, _Lines]] = {}
        self.note_order: list[str] = []
        self.links: dict[str, tuple[str, str, int]] = {}  # key -> url, title, line
        self.links_used: set[str] = set()
        self.refs_seen: list[str] = []  # note ids in order of first reference
        self.refs_set: set[str] = set()
        self.markers: dict[str, str] = {}

    def diag(self, rule: str, message: str, line: int) -> None:
        self.diagnostics.append(MarkdownDiagnostic(rule, message, max(1, line)))

    # --- front matter -----------------------------------------------------------

    def front_matter(self) -> tuple[dict[Any, Any], int, _Raw | None]:
        """The YAML mapping, the index of the first body line, and unreadable YAML kept as a block."""
        lines = self.source_lines
        if not lines or lines[0].rstrip() != "---":
            return {}, 0, None
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
        if end is None:
            if any(re.match(r"^[A-Za-z_][\w\- ]*:(?:\s|$)", line) for line in lines[1:3]):
                self.diag("markdown-front-matter-unclosed", "front matter opened with '---' is never closed; read as text", 1)
            return {}, 0, None
        yaml_text = "\n".join(lines[1:end])
        kept = _Raw("front-matter", 2, [(i + 1, lines[i]) for i in range(1, end)])
        try:
            data = yaml.load(yaml_text, Loader=_FrontMatterLoader)  # noqa: S506 - a SafeLoader subclass
        except Exception as exc:  # noqa: BLE001 - any YAML failure (syntax, bad date, depth) is reported
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            problem = getattr(exc, "problem", None) or (str(exc).splitlines() or [type(exc).__name__])[0]
            self.diag("markdown-front-matter-invalid", f"front matter is not valid YAML ({problem}); kept as text", line)
            return {}, end + 1, kept
        if data is None:
            return {}, end + 1, None
        if not isinstance(data, dict):
            if isinstance(data, (list, dict)):
                self.diag(
                    "markdown-front-matter-not-mapping", "front matter must be a mapping of keys to values; kept as text", 2
                )
                return {}, end + 1, kept
            # A scalar: the '---' lines were thematic breaks around ordinary text.
            return {}, 0, None
        return data, end + 1, None

    # --- block structure --------------------------------------------------------

    def starts_block(self, line: str, top: bool) -> bool:
        """Does ``line`` start a block that interrupts a paragraph?"""
        if _ATX.match(line) or _HR.match(line) or _QUOTE.match(line) or (_FENCE.match(line) and _indent(line) < 4):
            return True
        item = _ITEM.match(line)
        if item and line[item.end():].strip() and (item.group("marker")[0] in "-*+" or item.group("marker")[:-1] == "1"):
            return True
        if _HTML_RAW_START.match(line) or _HTML_COMMENT_START.match(line) or _HTML_BLOCK_START.match(line):
            return True
        if top and _FNDEF.match(line):
            return True
        return bool(_MARKUP_LINE.match(line) or (_TEMPLATE_OPEN.match(line) and _is_template_line(line)))

    def parse(self, lines: _Lines, *, top: bool, depth: int, contained: bool, nesting: int = 0) -> list[_Raw]:
        """Blocks of ``lines``; quotes and list items deeper than _MAX_NESTING are read as text."""
        nests = nesting < _MAX_NESTING
        out: list[_Raw] = []
        para: _Lines = []

        def close() -> None:
            if para:
                out.append(_Raw("para", para[0][0], list(para)))
                para.clear()

        i, n = 0, len(lines)
        while i < n:
            number, line = lines[i]
            if not line.strip():
                close()
                i += 1
                continue
            indent = _indent(line)
            if indent >= 4:
                if para:  # lazy continuation of the paragraph
                    para.append((number, line.strip()))
                    i += 1
                    continue
                i = self.indented_code(lines, i, out)
                continue
            fence = _FENCE.match(line)
            if fence and (fence.group("fence")[0] == "~" or "`" not in fence.group("info")):
                close()
                i = self.fenced_code(lines, i, fence, out)
                continue
            heading = _ATX.match(line)
            if heading:
                close()
                text = heading.group("text") or ""
                if contained:
                    if text.strip():
                        out.append(_Raw("para", number, [(number, text)]))
                else:
                    out.append(_Raw("heading", number, [(number, text)], level=len(heading.group("hashes"))))
                i += 1
                continue
            if para and _SETEXT.match(line):
                level = 1 if line.strip()[0] == "=" else 2
                if contained:
                    close()
                else:
                    out.append(_Raw("heading", para[0][0], list(para), level=level))
                    para.clear()
                i += 1
                continue
            if _HR.match(line):
                close()
                i += 1
                continue
            if nests and _QUOTE.match(line):
                close()
                i = self.quote(lines, i, out, depth, nesting)
                continue
            note = _FNDEF.match(line) if top else None
            if note:
                close()
                i = self.note_definition(lines, i, note, out)
                continue
            link = _LINKDEF.match(line) if not para else None
            if link:
                key = _label_key(link.group("label"))
                url = link.group("url").strip("<>")
                if key not in self.links:
                    self.links[key] = (url, (link.group("title") or "")[1:-1], number)
                i += 1
                continue
            if _TEMPLATE_OPEN.match(line) and (not para or _is_template_line(line)):
                end = self.template_end(lines, i)
                if end is not None:
                    close()
                    out.append(_Raw("template", number, lines[i : end + 1]))
                    i = end + 1
                    continue
            if _MARKUP_LINE.match(line):
                close()
                self.diag("markdown-markup-removed", f"markup line removed: {line.strip()}", number)
                i += 1
                continue
            if _HTML_RAW_START.match(line) or _HTML_COMMENT_START.match(line) or _HTML_BLOCK_START.match(line):
                close()
                i = self.html_block(lines, i, out)
                continue
            if "|" in line and i + 1 < n and "|" in lines[i + 1][1] and _TABLE_DELIMITER.match(lines[i + 1][1]):
                close()
                i = self.table(lines, i, out, top)
                continue
            item = _ITEM.match(line) if nests else None
            if item and (
                not para
                or (line[item.end():].strip() and (item.group("marker")[0] in "-*+" or item.group("marker")[:-1] == "1"))
            ):
                close()
                i = self.list_item(lines, i, item, out, depth, nesting)
                continue
            para.append((number, line.strip()))
            i += 1
        close()
        return out

    def indented_code(self, lines: _Lines, start: int, out: list[_Raw]) -> int:
        code: _Lines = []
        i = start
        while i < len(lines):
            number, line = lines[i]
            if line.strip() and _indent(line) < 4:
                break
            code.append((number, line[4:] if line.strip() else ""))
            i += 1
        while code and not code[-1][1].strip():
            code.pop()
        out.append(_Raw("code", code[0][0], code))
        return i

    def fenced_code(self, lines: _Lines, start: int, fence: re.Match[str], out: list[_Raw]) -> int:
        indent = len(fence.group("indent"))
        mark = fence.group("fence")
        closing = re.compile(r"^ *" + re.escape(mark[0]) + "{" + str(len(mark)) + r",}[ \t]*$")
        code: _Lines = []
        i = start + 1
        while i < len(lines) and not closing.match(lines[i][1]):
            number, line = lines[i]
            strip = min(indent, _indent(line))
            code.append((number, line[strip:]))
            i += 1
        if i >= len(lines):
            self.diag("markdown-fence-unclosed", f"code fence {mark} is never closed; the rest is code", lines[start][0])
        out.append(_Raw("code", lines[start][0], code, info=fence.group("info").strip()))
        return i + 1

    def quote(self, lines: _Lines, start: int, out: list[_Raw], depth: int, nesting: int) -> int:
        content: _Lines = []
        i = start
        while i < len(lines):
            number, line = lines[i]
            mark = _QUOTE.match(line)
            if mark:
                content.append((number, _expand_leading_tabs(line[mark.end():])))
            elif line.strip() and content and content[-1][1].strip() and not self.starts_block(line, False):
                content.append((number, line))  # lazy continuation
            else:
                break
            i += 1
        children = self.parse(content, top=False, depth=depth, contained=True, nesting=nesting + 1)
        out.append(_Raw("quote", lines[start][0], children=children))
        return i

    def list_item(self, lines: _Lines, start: int, item: re.Match[str], out: list[_Raw], depth: int, nesting: int) -> int:
        number, line = lines[start]
        space = item.group("space")
        rest = line[item.end():]
        width = item.end() - len(space)
        content_indent = width + (len(space) if 1 <= len(space) <= 4 and rest.strip() else 1)
        content: _Lines = [(number, line[content_indent:] if len(line) >= content_indent else rest.lstrip())]
        fence = _FENCE.match(content[0][1])
        open_fence = fence.group("fence") if fence else ""
        last_blank = False
        i = start + 1
        while i < len(lines):
            number, line = lines[i]
            if open_fence:  # inside a fence the item goes on to its end, however indented
                content.append((number, line[min(content_indent, _indent(line)):]))
                if re.match(r"^ *" + re.escape(open_fence[0]) + "{" + str(len(open_fence)) + r",}[ \t]*$", line):
                    open_fence = ""
                i += 1
                continue
            if not line.strip():
                content.append((number, ""))
                last_blank = True
                i += 1
                continue
            if _indent(line) >= content_indent:
                text = line[content_indent:]
            elif _ITEM.match(line):
                break  # the next item of this list (or of an outer one)
            elif not last_blank and not self.starts_block(line, True):
                text = line.strip()  # lazy continuation
            else:
                break
            fence = _FENCE.match(text)
            if fence:
                open_fence = fence.group("fence")
            content.append((number, text))
            last_blank = False
            i += 1
        while len(content) > 1 and not content[-1][1].strip():
            content.pop()
        children = self.parse(content, top=False, depth=depth + 1, contained=True, nesting=nesting + 1)
        out.append(_Raw("item", lines[start][0], children=children, marker=item.group("marker"), level=depth))
        return i

    def note_definition(self, lines: _Lines, start: int, match: re.Match[str], out: list[_Raw]) -> int:
        number = lines[start][0]
        note_id = match.group("id")
        content: _Lines = [(number, match.group("text"))]
        last_blank = False
        i = start + 1
        while i < len(lines):
            line_number, line = lines[i]
            if not line.strip():
                last_blank = True
                i += 1
                continue
            if _indent(line) >= 4:
                content.append((line_number, line.strip()))
            elif not last_blank and not self.starts_block(line, True):
                content.append((line_number, line.strip()))
            else:
                break
            last_blank = False
            i += 1
        # Blank lines after the note belong to nobody; give them back.
        while i > start + 1 and not lines[i - 1][1].strip():
            i -= 1
        if note_id in self.notes:
            self.diag(
                "markdown-note-duplicate",
                f"footnote [^{note_id}] is defined again (first at line {self.notes[note_id][0]}); "
                "this definition is kept as text",
                number,
            )
            out.append(_Raw("fndup", number, content, marker=note_id))
        else:
            self.notes[note_id] = (number, content)
            self.note_order.append(note_id)
            out.append(_Raw("fndef", number, marker=note_id))
        return i

    def template_end(self, lines: _Lines, start: int) -> int | None:
        """The last line of template tags that start at ``start`` (a tag may run over 50 lines)."""
        if _is_template_line(lines[start][1]):
            return start
        opener = _TEMPLATE_OPEN.match(lines[start][1])
        if not opener:
            return None
        closer = _TEMPLATE_CLOSERS[opener.group(0)[-1]]
        for i in range(start + 1, min(len(lines), start + 50)):
            if not lines[i][1].strip():
                return None
            if closer in lines[i][1]:
                joined = " ".join(line.strip() for _, line in lines[start : i + 1])
                return i if _is_template_line(joined) else None
        return None

    def html_block(self, lines: _Lines, start: int, out: list[_Raw]) -> int:
        first = lines[start][1]
        raw = _HTML_RAW_START.match(first)
        end_marker = f"</{raw.group(1).lower()}" if raw else ("-->" if _HTML_COMMENT_START.match(first) else "")
        i = start
        if end_marker:
            j = start
            while j < len(lines) and end_marker not in lines[j][1].lower():
                j += 1
            if j < len(lines):
                out.append(_Raw("html", lines[start][0], lines[start : j + 1]))
                return j + 1
            self.diag(
                "markdown-html-unclosed",
                f"HTML {'comment' if end_marker == '-->' else raw.group(1) if raw else ''} is never closed; "
                "read up to the next blank line, as text",
                lines[start][0],
            )
        while i < len(lines) and lines[i][1].strip():
            i += 1
        out.append(_Raw("html", lines[start][0], lines[start:i]))
        return i

    def table(self, lines: _Lines, start: int, out: list[_Raw], top: bool) -> int:
        rows: _Lines = [lines[start]]
        i = start + 2
        while i < len(lines) and lines[i][1].strip() and not self.starts_block(lines[i][1], top):
            rows.append(lines[i])
            i += 1
        out.append(_Raw("table", lines[start][0], rows))
        return i


# --- inline conversion ----------------------------------------------------------------


class _Inline:
    """Simplifies the inline Markdown of one paragraph (see :func:`read_markdown_source`)."""

    def __init__(self, reader: _Reader, notes: bool = True) -> None:
        self.reader = reader
        #: Off for front-matter values, read before the notes are known: markers are dropped.
        self.notes = notes
        self.table: list[str] = []
        self.line = 1

    def hold(self, text: str) -> str:
        """Put ``text`` (already in parse_inline's form) beyond the reach of later steps."""
        self.table.append(text)
        return f"\ue002{len(self.table) - 1}\ue003"

    def url(self, url: str) -> str:
        url = html.unescape(_SITE_URL.sub("", url).strip())
        if _UNSAFE_SCHEME.match(url):
            self.reader.diag("markdown-unsafe-url", f"link to a script or data URL kept as text: {url[:80]}", self.line)
        return url

    def convert(self, text: str, line: int) -> str:
        self.table = []
        self.line = line
        text = re.sub(r"\\\n|\n", " ", text)
        text = self.escapes_and_code(text)
        text = self.templates(text)
        text = _NOTE_REF.sub(self.note_ref, text)
        text = self.links(text, 0)
        text = self.inline_html(text)
        text = _BARE_URL.sub(self.bare_url, text)
        text = self.emphasis(text)
        text = _ENTITY.sub(lambda m: self.hold(_lit(html.unescape(m.group(0)))), text)
        text = re.sub(r"[ \t]+", " ", text).strip()
        for _ in range(6):
            if "\ue002" not in text:
                break
            text = _PLACEHOLDER.sub(lambda m: self.table[int(m.group(1))], text)
        return text

    def escapes_and_code(self, text: str) -> str:
        out: list[str] = []
        position = 0
        for_ticks_failed: set[int] = set()
        while True:
            match = _ESCAPE_OR_TICKS.search(text, position)
            if not match:
                break
            out.append(text[position : match.start()])
            position = match.end()
            escaped = match.group("esc")
            if escaped is not None:
                out.append(self.hold("\\" + escaped) if escaped in _INLINE_ESCAPABLE else escaped)
                continue
            ticks = match.group("ticks")
            closing = None
            if len(ticks) not in for_ticks_failed:
                closing = re.compile(r"(?<!`)" + "`" * len(ticks) + r"(?!`)").search(text, position, position + 5000)
                if closing is None and len(text) - position <= 5000:
                    for_ticks_failed.add(len(ticks))
            if closing is None:
                out.append(self.hold("\\`" * len(ticks)))
                continue
            code = text[position : closing.start()]
            if code.startswith(" ") and code.endswith(" ") and code.strip():
                code = code[1:-1]
            out.append(self.hold(_lit(code)))
            position = closing.end()
        out.append(text[position:])
        return "".join(out)

    def templates(self, text: str) -> str:
        if "{" not in text:
            return text
        text = _SITE_URL_IN_LINK.sub("", text)
        out: list[str] = []
        position = 0
        for start, end in _template_spans(text):
            out.append(text[position:start])
            position = end
            tag = text[start:end]
            if _RAW_TAG.fullmatch(tag):
                self.reader.diag("markdown-template-removed", f"template tag removed: {tag}", self.line)
                continue
            self.reader.diag("markdown-template-tag", f"template tag kept as text: {tag[:200]}", self.line)
            out.append(self.hold(_lit(tag)))
        out.append(text[position:])
        return "".join(out)

    def note_ref(self, match: re.Match[str]) -> str:
        note_id = match.group("id")
        if not self.notes:
            return ""
        if note_id not in self.reader.notes:
            self.reader.diag("markdown-note-undefined", f"footnote [^{note_id}] has no definition; kept as text", self.line)
            return self.hold(match.group(0))
        if note_id not in self.reader.refs_set:
            self.reader.refs_set.add(note_id)
            self.reader.refs_seen.append(note_id)
        return self.hold(note_token(self.reader.markers[note_id]))

    def links(self, text: str, depth: int) -> str:
        if "[" not in text:
            return text
        out: list[str] = []
        position = 0
        while True:
            match = _LINK_LABEL.search(text, position)
            if not match:
                break
            out.append(text[position : match.start()])
            end = match.end()
            bang, label = match.group("bang"), match.group("label")
            found: tuple[str, str, int] | None = None
            if text.startswith("(", end):
                found = _destination(text, end + 1)
            elif text.startswith("[", end):
                ref = _REF_LABEL.match(text, end)
                if ref:
                    key = _label_key(ref.group("label") or label)
                    if key in self.reader.links:
                        url, title, _ = self.reader.links[key]
                        self.reader.links_used.add(key)
                        found = (url, title, ref.end())
            elif _label_key(label) in self.reader.links:
                key = _label_key(label)
                url, title, _ = self.reader.links[key]
                self.reader.links_used.add(key)
                found = (url, title, end)
            if found is None:
                # Not a link: keep the bracket and look inside it for links.
                out.append(text[match.start() : match.start() + len(bang) + 1])
                position = match.start() + len(bang) + 1
                continue
            url, title, position = found
            inner = self.links(label, depth + 1) if depth < 3 else label
            out.append(self.render_link(bool(bang), inner, self.url(url), title))
        out.append(text[position:])
        return "".join(out)

    def render_link(self, image: bool, text: str, url: str, title: str) -> str:
        shown = text.strip()
        target = self.hold(_lit(url)) if url else ""
        if title:
            target = f'{target} "{title}"' if target else f'"{title}"'
        if image:
            inner = f"{shown} ({target})" if shown and target else shown or target
            return self.hold("[Image: ") + inner + self.hold("]")
        if not target:
            return shown
        if not shown or shown == url:
            return target
        return f"{shown} ({target})"

    def inline_html(self, text: str) -> str:
        if "<" not in text:
            return text
        text = self.comments(text)
        text = _AUTOLINK.sub(lambda m: self.hold(_lit(self.url(m.group("url")))), text)
        text = _ITALIC_TAG.sub(lambda m: f"*{m.group('text').strip()}*" if m.group("text").strip() else "", text)
        out: list[str] = []
        anchors: list[tuple[str, int]] = []  # (href or title, index in out)
        position = 0
        for match in _INLINE_TAG.finditer(text):
            name = match.group("name").lower()
            if name not in _INLINE_TAGS and name not in _BLOCK_TAG_NAMES:
                continue  # <T>, <username>: text, not HTML
            out.append(text[position : match.start()])
            position = match.end()
            attrs = _attributes(match.group("attrs") or "")
            closing = bool(match.group("close"))
            if name in ("script", "style", "noscript") and not closing:
                self.reader.diag("markdown-html-script", f"<{name}> in the text: its content is kept as visible text", self.line)
            if name in _EMBED_TAGS and not closing:
                url = self.url(attrs.get("src") or attrs.get("data") or "")
                title = attrs.get("title", "").strip()
                if url or title:
                    shown = f"{self.hold(_lit(title))} ({self.hold(_lit(url))})" if title and url else self.hold(_lit(url or title))
                    out.append(f" {self.hold('[Embedded: ')}{shown}{self.hold(']')} ")
            elif name == "br" or name in _BLOCK_TAG_NAMES:
                out.append(" ")
            elif name == "img" and not closing:
                alt, src = attrs.get("alt", "").strip(), self.url(attrs.get("src", ""))
                out.append(self.render_link(True, self.hold(_lit(alt)) if alt else "", src, attrs.get("title", "")))
            elif name in ("a", "abbr", "acronym"):
                if not closing:
                    target = self.url(attrs.get("href", "")) if name == "a" else attrs.get("title", "").strip()
                    anchors.append((target, len(out)))
                elif anchors:
                    target, index = anchors.pop()
                    inner = "".join(out[index:]).strip()
                    if target and _PLACEHOLDER.sub("", inner).strip() != target:
                        out.append(f" ({self.hold(_lit(target))})" if inner else self.hold(_lit(target)))
        out.append(text[position:])
        return "".join(out)

    def comments(self, text: str) -> str:
        out: list[str] = []
        position = 0
        while True:
            start = text.find("<!--", position)
            if start < 0:
                break
            end = text.find("-->", start + 4)
            if end < 0:
                break
            out.append(text[position:start])
            comment = re.sub(r"\s+", " ", text[start + 4 : end]).strip()
            self.reader.diag("markdown-html-comment", f"HTML comment removed: {comment}", self.line)
            out.append(" ")
            position = end + 3
        out.append(text[position:])
        return "".join(out)

    def bare_url(self, match: re.Match[str]) -> str:
        url = match.group(0)
        trail = re.search(r"[.,;:!?'\"]+$", url)
        tail = ""
        if trail:
            url, tail = url[: trail.start()], url[trail.start():]
        while url.endswith(")") and url.count(")") > url.count("("):
            url, tail = url[:-1], ")" + tail
        return self.hold(_lit(url)) + tail

    def emphasis(self, text: str) -> str:
        for token, opener, closer, replacement in _EMPHASIS:
            if token in text:
                text = _pair_delimiters(text, token, opener, closer, replacement)
        return text


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTR.finditer(text):
        value = match.group("dq") if match.group("dq") is not None else match.group("sq")
        if value is None:
            value = match.group("bare") or ""
        found.setdefault(match.group("name").lower(), html.unescape(value))
    return found


_DESTINATION = re.compile(
    r"[ \t]*(?:<(?P<angle>[^<>\n]{0,2000})>|(?P<url>(?:[^\s()]|\([^\s()]{0,500}\)){0,2000}))"
    r"(?:[ \t]+(?P<title>\"[^\"\n]{0,500}\"|'[^'\n]{0,500}'|\([^()\n]{0,500}\)))?[ \t]*\)"
)


def _destination(text: str, start: int) -> tuple[str, str, int] | None:
    """Parse ``url "title")`` of an inline link from ``start``; (url, title, end) or None."""
    match = _DESTINATION.match(text, start)
    if not match:
        return None
    url = match.group("angle") if match.group("angle") is not None else match.group("url") or ""
    return url, (match.group("title") or "  ")[1:-1], match.end()


# --- output ---------------------------------------------------------------------


class _Emitter:
    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.inline = _Inline(reader)
        self.lines: list[str] = []
        self.line_map: list[int] = []
        self.blocks: list[Block] = []
        self.headings: list[tuple[str, int]] = []
        self.code_blocks: list[tuple[int, int]] = []
        self.level_shift = 1
        self.reference_level = 0  # level of the open reference heading, 0 when none
        # The open heading's text and what its section holds so far.
        self.section: tuple[str, int, int] | None = None  # text, content blocks, note definitions
        self.notes_heading = ""

    def add(self, kind: str, texts: list[tuple[str, int]], depth: int = 0, info: str = "", tight: bool = False) -> None:
        if not any(text.strip() for text, _ in texts):
            return
        if self.lines and not tight:
            self.lines.append("")
            self.line_map.append(texts[0][1])
        first = len(self.lines)
        for text, line in texts:
            self.lines.append(text)
            self.line_map.append(line)
        self.blocks.append(Block(kind, first, len(self.lines) - 1, depth, info))
        if kind == "code":
            self.code_blocks.append((first, len(self.lines) - 1))
        if self.section is not None and kind not in ("heading",):
            text, content, notes = self.section
            self.section = (text, content + 1, notes)

    def prose(self, text: str) -> str:
        """Guard a prose line that split_units would take for a list item."""
        if re.match(r"^\s*-\s", text):
            return "\\" + text.lstrip()
        return text

    def emit(self, blocks: list[_Raw], quote: bool = False) -> None:
        for block in blocks:
            getattr(self, "emit_" + block.kind.replace("-", "_"))(block, quote)

    def emit_heading(self, block: _Raw, quote: bool) -> None:
        text = self.inline.convert(_join(block.lines), block.line)
        if not text:
            return
        self.close_section()
        level = max(2, min(6, block.level - self.level_shift + 2))
        text = self.prose(text)
        self.add("heading", [(text, block.line)], depth=level)
        self.headings.append((text, level))
        if self.reference_level and level <= self.reference_level:
            self.reference_level = 0
        if not self.reference_level and _is_reference_heading(text):
            self.reference_level = level
        self.section = (text, 0, 0)

    def close_section(self) -> None:
        if self.section is not None:
            text, content, notes = self.section
            if notes and not content:
                self.notes_heading = text
        self.section = None

    def emit_para(self, block: _Raw, quote: bool) -> None:
        kind = "quote" if quote else "paragraph"
        if self.reference_level and not quote:
            texts = [(self.prose(self.inline.convert(text, number)), number) for number, text in block.lines]
            self.add(kind, [(t, n) for t, n in texts if t])
            return
        text = self.inline.convert(_join(block.lines), block.line)
        if text:
            self.add(kind, [(self.prose(text), block.line)])

    def emit_code(self, block: _Raw, quote: bool) -> None:
        lines = [(_code_line(text), number) for number, text in block.lines]
        while lines and not lines[-1][0].strip():
            lines.pop()
        while lines and not lines[0][0].strip():
            lines.pop(0)
        self.add("code", lines, info=block.info)

    def emit_front_matter(self, block: _Raw, quote: bool) -> None:
        self.add("front-matter", [(_code_line(text), number) for number, text in block.lines if text.strip()])
        if self.blocks and self.blocks[-1].kind == "front-matter":
            self.code_blocks.append((self.blocks[-1].first, self.blocks[-1].last))

    def emit_quote(self, block: _Raw, quote: bool) -> None:
        self.emit(block.children, quote=True)

    def emit_item(self, block: _Raw, quote: bool) -> None:
        children = list(block.children)
        marker = block.marker
        ordered = marker[0].isdigit()
        prefix = "- "
        if ordered:
            prefix = f"- [{marker[:-1]}] " if self.reference_level else f"- {marker} "
        tight = bool(self.blocks) and self.blocks[-1].kind == "item" and self.lines[-1] != ""
        if children and children[0].kind == "para":
            first = children.pop(0)
            text = self.inline.convert(_join(first.lines), first.line)
            if text:
                self.add("item", [(prefix + text, first.line)], depth=block.level, tight=tight)
        elif ordered:
            self.add("item", [(prefix.rstrip(), block.line)], depth=block.level, tight=tight)
        self.emit(children, quote)

    def emit_table(self, block: _Raw, quote: bool) -> None:
        for number, row in block.lines:
            cells = _cells(row)
            text = " | ".join(self.inline.convert(cell, number) for cell in cells)
            if text.strip(" |"):
                self.add("table-row", [(self.prose(text), number)])

    def emit_html(self, block: _Raw, quote: bool) -> None:
        for kind, texts in _html_block_parts(block.lines, self.reader):
            if kind == "code":
                self.add("code", [(_code_line(text), number) for text, number in texts])
            else:
                text, number = texts[0]
                converted = self.inline.convert(text, number)
                if converted.strip(" |"):
                    if kind == "item":
                        self.add("item", [("- " + converted, number)])
                    else:
                        self.add("html", [(self.prose(converted), number)])

    def emit_template(self, block: _Raw, quote: bool) -> None:
        text = " ".join(t.strip() for _, t in block.lines)
        for start, end in _template_spans(text):
            tag = text[start:end]
            figure = _figure(tag)
            if figure is not None:
                caption, filename, rest = figure
                parts = [self.inline.convert(caption, block.line)] if caption else []
                if filename:
                    parts.append(f"({_lit(filename)})")
                shown = " ".join(p for p in parts if p)
                for name, value in rest:
                    converted = self.inline.convert(value, block.line)
                    shown += f" {name.capitalize()}: {converted}" if shown else f"{name.capitalize()}: {converted}"
                self.add("figure", [("[Figure: " + shown + "]", block.line)], info=filename)
            elif _TOC_TAG.match(tag) or _RAW_TAG.fullmatch(tag):
                self.reader.diag("markdown-template-removed", f"template tag removed: {tag}", block.line)
            else:
                self.reader.diag("markdown-template-tag", f"template tag kept as text: {tag[:200]}", block.line)
                self.add("template", [(self.prose(_lit(tag)), block.line)])

    def emit_fndef(self, block: _Raw, quote: bool) -> None:
        if self.section is not None:
            text, content, notes = self.section
            self.section = (text, content, notes + 1)

    def emit_fndup(self, block: _Raw, quote: bool) -> None:
        body = _join(block.lines)
        text = self.inline.convert(body, block.line)
        self.add("paragraph", [(f"[^{_lit(block.marker)}]: {text}".rstrip(), block.line)])


def _template_spans(text: str, limit: int = 2000) -> list[tuple[int, int]]:
    """Where the template tags ``{% %}``, ``{{ }}`` (incl. ``{{< >}}``) and ``{# #}`` are in ``text``."""
    spans: list[tuple[int, int]] = []
    next_closer: dict[str, int] = {}  # closer -> its next position (len(text) when none is left)
    position = 0
    while True:
        start = text.find("{", position)
        if start < 0 or start + 1 >= len(text):
            break
        closer = _TEMPLATE_CLOSERS.get(text[start + 1])
        if closer is None:
            position = start + 1
            continue
        found = next_closer.get(closer, -1)
        if found < start + 2:
            found = text.find(closer, start + 2)
            next_closer[closer] = found if found >= 0 else len(text)
            found = next_closer[closer]
        if found >= len(text) or found - start > limit:
            position = start + 1
            continue
        spans.append((start, found + 2))
        position = found + 2
    return spans


def _is_template_line(line: str) -> bool:
    """Is ``line`` nothing but template tags (and spaces)?"""
    spans = _template_spans(line)
    if not spans:
        return False
    position = 0
    for start, end in spans:
        if line[position:start].strip():
            return False
        position = end
    return not line[position:].strip()


def _pair_delimiters(text: str, token: str, opener: re.Pattern[str], closer: re.Pattern[str], replacement: str) -> str:
    """Replace paired emphasis delimiters ``token`` by ``replacement``, left to right, in linear time."""
    out: list[str] = []
    position = 0
    open_at = -1
    for match in re.finditer(re.escape(token), text):
        at = match.start()
        if open_at >= 0 and at - open_at > 1000 + len(token):
            open_at = -1
        if open_at >= 0 and at > open_at + len(token) and closer.match(text, at):
            out.append(text[position:open_at])
            out.append(replacement)
            out.append(text[open_at + len(token) : at])
            out.append(replacement)
            position = at + len(token)
            open_at = -1
        elif open_at < 0 and opener.match(text, at):
            open_at = at
    out.append(text[position:])
    return "".join(out)


def _is_reference_heading(title: str) -> bool:
    plain = to_plain(title).strip()
    return is_reference_heading(plain) or bool(_FURTHER_READING.match(plain))


def _code_line(text: str) -> str:
    line = _lit(text.rstrip())
    if re.match(r"^\s*-\s", line):
        position = line.index("-")
        line = line[:position] + "\\" + line[position:]
    return line


def _cells(row: str) -> list[str]:
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", row)]


_FIGURE_FILE = ("filename", "file", "src", "image", "img", "path")
_FIGURE_TEXT = ("caption", "title", "alt", "credit", "source")


def _figure(tag: str) -> tuple[str, str, list[tuple[str, str]]] | None:
    """(caption, file, other texts) of a figure include/shortcode, or None for another tag."""
    inner = re.match(r"^\{[%{]-?[<%]?\s*(?P<body>.*?)\s*[>%]?-?[%}]\}$", tag, re.DOTALL)
    if not inner:
        return None
    body = inner.group("body")
    name = re.match(r"^(?:include\s+(?P<file>[\w./\-]+)|(?P<short>figure|img|image))\b", body)
    if not name:
        return None
    attrs = _attributes(body[name.end():])
    filename = next((attrs[k] for k in _FIGURE_FILE if attrs.get(k)), "")
    if not filename:
        return None
    caption = attrs.get("caption", "").strip()
    rest: list[tuple[str, str]] = []
    for key in _FIGURE_TEXT[1:]:
        value = attrs.get(key, "").strip()
        if value and value != caption and all(value != v for _, v in rest):
            rest.append(("description" if key == "alt" else key, value))
    if not caption and rest and rest[0][0] == "title":
        caption = rest.pop(0)[1]
    return caption, filename, rest


_HTML_SCAN = re.compile(
    r"(?P<comment><!--)|<(?P<raw>script|style|pre|textarea)\b[^<>]{0,2000}>"
    r"|<(?P<close>/?)(?P<tag>" + _HTML_BLOCK_TAGS + r")\b[^<>]{0,2000}>",
    re.IGNORECASE,
)


def _html_block_parts(lines: _Lines, reader: _Reader) -> list[tuple[str, list[tuple[str, int]]]]:
    """An HTML block as (kind, [(text, line)]): paragraphs of its text, items, and code (scripts, pre)."""
    text = "\n".join(line for _, line in lines)
    starts = [0]
    for _, line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)

    def line_at(offset: int) -> int:
        low, high = 0, len(starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if starts[middle] <= offset:
                low = middle
            else:
                high = middle - 1
        return lines[low][0]

    parts: list[tuple[str, list[tuple[str, int]]]] = []
    segment: list[str] = []
    segment_start = 0
    segment_kind = "paragraph"
    missing: set[str] = set()
    lowered = text.lower()

    def flush(next_kind: str = "paragraph") -> None:
        nonlocal segment_kind
        joined = "".join(segment)
        if joined.strip():
            parts.append((segment_kind, [(joined, line_at(segment_start))]))
        segment.clear()
        segment_kind = next_kind

    position = 0
    while True:
        match = _HTML_SCAN.search(text, position)
        if not match:
            break
        if not segment:
            segment_start = position
        segment.append(text[position : match.start()])
        position = match.end()
        if match.group("comment"):
            end = -1 if "-->" in missing else text.find("-->", position)
            if end < 0:
                missing.add("-->")
                segment.append(match.group(0))  # unclosed: kept as text
                continue
            comment = re.sub(r"\s+", " ", text[position:end]).strip()
            reader.diag("markdown-html-comment", f"HTML comment removed: {comment}", line_at(match.start()))
            position = end + 3
            continue
        raw = (match.group("raw") or "").lower()
        if raw:
            closing = f"</{raw}"
            end = -1 if closing in missing else lowered.find(closing, position)
            if end < 0:
                missing.add(closing)
                end = len(text)
            flush()
            body = text[position:end]
            if raw in ("script", "style"):
                reader.diag("markdown-html-script", f"<{raw}> block: its content is kept as visible text (code)", line_at(match.start()))
                code_lines = body.split("\n")
            else:
                code_lines = [html.unescape(re.sub(r"<[^<>]{0,2000}>", "", line)) for line in body.split("\n")]
            base = line_at(position)
            numbered = [(line, base + k) for k, line in enumerate(code_lines)]
            while numbered and not numbered[0][0].strip():
                numbered.pop(0)
            while numbered and not numbered[-1][0].strip():
                numbered.pop()
            if numbered:
                parts.append(("code", numbered))
            close = text.find(">", end)
            position = close + 1 if close >= 0 else len(text)
            continue
        tag = match.group("tag").lower()
        if tag in _EMBED_TAGS:
            segment.append(match.group(0))  # converted with the text: its address is kept
        elif tag in ("td", "th") and match.group("close"):
            segment.append(" | ")
        elif tag in ("td", "th"):
            pass
        else:
            flush("item" if tag == "li" and not match.group("close") else "paragraph")
    if not segment:
        segment_start = position
    segment.append(text[position:])
    flush()
    return parts


# --- the whole file ---------------------------------------------------------------


def read_markdown_source(text: str) -> MarkdownSource:
    """Read a Markdown paper source; never raises. See the module docstring."""
    reader = _Reader(text)
    front, body_from, kept = reader.front_matter()
    metadata, metadata_lines, author_note = _normalise(front, reader)
    body: _Lines = [
        (number + 1, _expand_leading_tabs(line))
        for number, line in enumerate(reader.source_lines)
        if number >= body_from
    ]
    blocks = reader.parse(body, top=True, depth=0, contained=False)
    if kept is not None:
        blocks.insert(0, kept)

    # Footnote markers: the id as written (parse_inline's marker token holds 1..12 characters).
    taken = set(reader.notes)
    counter = 1
    for note_id in reader.note_order:
        if len(note_id) <= 12:
            reader.markers[note_id] = note_id
            continue
        while str(counter) in taken:
            counter += 1
        reader.markers[note_id] = str(counter)
        taken.add(str(counter))
        reader.diag(
            "markdown-note-marker",
            f"footnote id [^{note_id[:40]}] is longer than 12 characters; shown as {counter}",
            reader.notes[note_id][0],
        )

    emitter = _Emitter(reader)
    # The title as the source wrote it (Markdown), for the lead-in line.
    raw_title = " ".join(str(front[k]).strip() for k in ("title", "subtitle") if _scalar(front.get(k)))
    title_block = _title_heading(blocks, metadata)
    if title_block is not None:
        index, heading = title_block
        blocks.pop(index)
        if "title" not in metadata:
            raw_title = _join(heading.lines)
            metadata["title"] = _plain(_Inline(reader, notes=False).convert(raw_title, heading.line))
            metadata_lines["title"] = heading.line
            reader.diag("markdown-title-heading", "the only top-level heading opens the text: taken as the title", heading.line)
        else:
            reader.diag("markdown-title-heading", "top-level heading repeats the front-matter title: taken as the title", heading.line)
    levels = [b.level for b in blocks if b.kind == "heading"]
    emitter.level_shift = min(levels) if levels else 1

    if "title" in metadata:
        title_line = metadata_lines.get("title", 1)
        if "subtitle" in front and "title" in front:
            raw_title = f"{str(front['title']).strip().rstrip(':')}: {str(front['subtitle']).strip()}"
        emitter.add("title", [(emitter.prose(emitter.inline.convert(raw_title or metadata["title"], title_line)), title_line)])
    if "abstract" in metadata:
        line = metadata_lines["abstract"]
        raw = front.get("abstract")
        source = raw if isinstance(raw, str) else metadata["abstract"]
        emitter.add("abstract", [("Abstract: " + emitter.inline.convert(source, line), line)])
    body_start = len(emitter.lines) + (1 if emitter.lines else 0)

    emitter.emit(blocks)
    emitter.close_section()
    if len(emitter.lines) < body_start:
        body_start = len(emitter.lines)

    notes = _notes(reader, emitter)
    for key, (url, _title, line) in reader.links.items():
        if key not in reader.links_used:
            reader.diag("markdown-link-definition-unused", f"link definition [{key}]: {url} is never used", line)
    if author_note:
        reader.diag("markdown-front-matter-value", author_note, metadata_lines.get("authors", 1))

    out_text = "\n".join(emitter.lines)
    return MarkdownSource(
        metadata=metadata,
        metadata_lines=metadata_lines,
        front_matter=dict(front),
        text=out_text,
        line_map=tuple(emitter.line_map),
        body_start=body_start,
        headings=tuple(emitter.headings),
        notes=notes,
        notes_heading=emitter.notes_heading,
        code_blocks=tuple(emitter.code_blocks),
        blocks=tuple(emitter.blocks),
        diagnostics=tuple(sorted(dict.fromkeys(reader.diagnostics), key=lambda d: d.line)),
    )


def _notes(reader: _Reader, emitter: _Emitter) -> tuple[MarkdownNote, ...]:
    texts: dict[str, str] = {}
    # Notes may cite other notes; convert in definition order, then count references.
    for note_id in reader.note_order:
        line, content = reader.notes[note_id]
        joined = _join(content)
        texts[note_id] = emitter.inline.convert(joined, line)
        if not texts[note_id]:
            reader.diag("markdown-note-empty", f"footnote [^{note_id}] has no text", line)
    unused = [n for n in reader.note_order if n not in reader.refs_set]
    for note_id in unused:
        reader.diag("markdown-note-unused", f"footnote [^{note_id}] is never referenced; kept with the notes", reader.notes[note_id][0])
    order = [n for n in reader.refs_seen if n in reader.notes] + unused
    return tuple(MarkdownNote(reader.markers[n], texts[n], reader.notes[n][0]) for n in order)


def _title_heading(blocks: list[_Raw], metadata: dict[str, Any]) -> tuple[int, _Raw] | None:
    """The level-1 heading that is the paper's title: the first block, and the only level-1 heading."""
    first = next((i for i, b in enumerate(blocks) if b.kind not in ("template", "markup", "linkdef", "hr")), None)
    if first is None or blocks[first].kind != "heading" or blocks[first].level != 1:
        return None
    if not re.search(r"\w", " ".join(t for _, t in blocks[first].lines)):
        return None
    if sum(1 for b in blocks if b.kind == "heading" and b.level == 1) != 1:
        return None
    if "title" in metadata:
        text = re.sub(r"\W+", " ", " ".join(t for _, t in blocks[first].lines)).strip().casefold()
        if text != re.sub(r"\W+", " ", str(metadata["title"])).strip().casefold():
            return None
    return first, blocks[first]


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", to_plain(text)).strip()


# --- front matter normalisation ---------------------------------------------------------

_SCALAR_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "short_title": ("short_title", "short-title", "shorttitle", "title-short", "title_short", "running_title"),
    "venue": ("venue", "journal", "container-title", "container_title", "journal-title", "journal_title", "publication"),
    "volume": ("volume",),
    "issue": ("issue", "number"),
    "pages": ("pages", "page"),
    "doi": ("doi", "DOI"),
    "url": ("url", "URL", "link"),
    "publisher": ("publisher",),
    "language": ("language", "lang"),
    "published": ("published", "date", "issued", "publication_date", "publication-date"),
    "received": ("received",),
    "accepted": ("accepted",),
    "submitted": ("submitted",),
    "year": ("year",),
}


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


def _normalise(front: dict[Any, Any], reader: _Reader) -> tuple[dict[str, Any], dict[str, int], str]:
    """PaperMetadata-shaped values from the front matter, their lines, and a note on odd authors."""
    metadata: dict[str, Any] = {}
    lines: dict[str, int] = {}

    def line(key: Any) -> int:
        return line_of(front, key) + 1 if key in getattr(front, "key_lines", {}) else 1

    for field_name, keys in _SCALAR_KEYS.items():
        for key in keys:
            if key not in front:
                continue
            value = _scalar(front[key])
            if value is None:
                reader.diag("markdown-front-matter-value", f"front matter {key!r} must be a single value; ignored", line(key))
                continue
            if value:
                metadata[field_name] = value
                lines[field_name] = line(key)
            break
    if "title" in metadata and isinstance(front.get("subtitle"), (str, int)):
        subtitle = str(front["subtitle"]).strip()
        if subtitle:
            metadata["title"] = f"{metadata['title'].rstrip(':')}: {subtitle}"
    if "title" in metadata:
        metadata["title"] = _plain(_Inline(reader, notes=False).convert(metadata["title"], lines["title"]))
    if "doi" in metadata:
        metadata["doi"] = _DOI_PREFIX.sub("", metadata["doi"]).strip()
    if "year" not in metadata:
        for source in ("published", "accepted", "received", "submitted"):
            found = re.search(r"\b(1[5-9]|20)\d\d\b", metadata.get(source, ""))
            if found:
                metadata["year"] = found.group(0)
                lines["year"] = lines[source]
                break
    abstract = front.get("abstract")
    if isinstance(abstract, list):
        abstract = " ".join(s for s in (_scalar(a) for a in abstract) if s)
    elif not isinstance(abstract, str) and _scalar(abstract) is not None:
        abstract = _scalar(abstract)
    if isinstance(abstract, str) and abstract.strip():
        metadata["abstract"] = _plain(_Inline(reader, notes=False).convert(abstract, line("abstract")))
        lines["abstract"] = line("abstract")
    elif abstract not in (None, ""):
        reader.diag("markdown-front-matter-value", "front matter 'abstract' must be text; ignored", line("abstract"))
    for key in ("keywords", "keyword"):
        if key in front:
            value = front[key]
            if isinstance(value, str):
                words = [w.strip() for w in value.split(";" if ";" in value else ",")]
            elif isinstance(value, list):
                words = [s for s in (_scalar(v) for v in value) if s is not None]
            else:
                reader.diag("markdown-front-matter-value", f"front matter {key!r} must be a list of words; ignored", line(key))
                break
            metadata["keywords"] = [w for w in words if w]
            lines["keywords"] = line(key)
            break
    note = ""
    for key in ("authors", "author"):
        if key in front:
            names, families, details, note = _authors(front[key])
            if names:
                metadata["authors"] = names
                metadata["author_details"] = details
                lines["authors"] = line(key)
                if any(f is not None for f in families):
                    metadata["family_names"] = [f if f is not None else n.split()[-1] for f, n in zip(families, names)]
            break
    return metadata, lines, note


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
        if not isinstance(affiliations, list):
            affiliations = [affiliations]
        for affiliation in affiliations:
            if isinstance(affiliation, dict):
                affiliation = affiliation.get("name") or affiliation.get("organization")
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
