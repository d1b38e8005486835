"""Inline markup of the extracted texts: superscripts, italics, escapes, e-mails.

PDF-to-text tools leave a little markup behind: ``^{2*}`` and Unicode
superscript digits for affiliation marks, ``*M.A.*`` for italics, and
backslash escapes such as ``\\$``. This module turns them into inline nodes;
everything else stays literal text (the renderer escapes it).
"""

from __future__ import annotations

import re

from ..model import Email, Emphasis, Inline, NoteRef, Superscript, Text

#: Brackets the layout and Markdown readers put around a footnote marker they
#: have matched with its note (private-use characters; :func:`clean_source`
#: removes any a source itself contains).
NOTE_OPEN, NOTE_CLOSE = "\ue000", "\ue001"


def note_token(marker: str) -> str:
    return f"{NOTE_OPEN}{marker}{NOTE_CLOSE}"

_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_MAP = str.maketrans(_SUPERSCRIPT_DIGITS + "⁺⁻⁽⁾*", "0123456789+-()*")

_EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"

_INLINE = re.compile(
    r"\ue000(?P<note>[^\ue000\ue001\n]{1,12})\ue001"  # a matched footnote marker
    r"|\^\{(?P<caret>[^{}\n]{1,12})\}"  # ^{2*}
    r"|(?P<uni>[⁰¹²³⁴⁵⁶⁷⁸⁹]+\*?)"  # ¹ ² ³
    r"|\\(?P<escaped>[\\`*_{}\[\]()#+\-.!$%&~^|<>\"'])"  # \$ and friends
    r"|(?<![\w*])\*(?P<em>[^\s*](?:[^*\n]{0,200}?[^\s*\\])?)\*(?![\w*])"  # *italic*
    r"|(?P<email>(?<![\w.@])" + _EMAIL + r")"
)


#: Cheap test for the characters every inline construct needs.
_MAY_HAVE_MARKUP = re.compile(r"[\^⁰¹²³⁴⁵⁶⁷⁸⁹\\*@\ue000]")


def parse_inline(text: str) -> tuple[Inline, ...]:
    """Split ``text`` into inline nodes; adjacent text is merged into one node."""
    if not _MAY_HAVE_MARKUP.search(text):
        return (Text(text),) if text else ()
    nodes: list[Inline] = []
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            nodes.append(Text("".join(buffer)))
            buffer.clear()

    position = 0
    for match in _INLINE.finditer(text):
        buffer.append(text[position : match.start()])
        position = match.end()
        kind = match.lastgroup
        value = match.group(kind or 0)
        if kind == "escaped":
            buffer.append(value)
            continue
        flush()
        if kind == "note":
            nodes.append(NoteRef(value))
        elif kind == "caret":
            nodes.append(Superscript(value.strip()))
        elif kind == "uni":
            nodes.append(Superscript(value.translate(_SUPERSCRIPT_MAP)))
        elif kind == "em":
            nodes.append(Emphasis(unescape(value)))
        else:
            nodes.append(Email(value.rstrip(".")))
            if value.endswith("."):
                buffer.append(".")
    buffer.append(text[position:])
    flush()
    return tuple(node for node in nodes if not (isinstance(node, Text) and not node.text))


def unescape(text: str) -> str:
    """Drop the backslash of escaped punctuation (``\\$`` -> ``$``)."""
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!$%&~^|<>\"'])", r"\1", text)


def strip_markers(text: str) -> tuple[str, tuple[str, ...]]:
    """Remove superscript markers from a name; return the name and its markers."""
    markers: list[str] = []

    def take(match: re.Match[str]) -> str:
        raw = match.group("caret") or match.group("uni") or ""
        markers.append(raw.strip().translate(_SUPERSCRIPT_MAP))
        return ""

    stripped = re.sub(
        r"\^\{(?P<caret>[^{}\n]{1,12})\}|(?P<uni>[⁰¹²³⁴⁵⁶⁷⁸⁹]+\*?)", take, text
    )
    return unescape(stripped).strip(), tuple(markers)


def to_plain(text: str) -> str:
    """The reading text of a source string: markup removed, escapes resolved."""
    from ..model import plain_text

    return plain_text(parse_inline(text))
