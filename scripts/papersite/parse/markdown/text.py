"""Text-level rules shared by the Markdown reader: typographic dashes, template tags, link targets.

Pure functions on strings, each bounded (linear in the length of the text).
"""

from __future__ import annotations

import html
import re
from types import MappingProxyType
from typing import Iterator

_SITE_URL = re.compile(r"\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\}")
_RAW_TAG = re.compile(r"\{%-?\s*(?:end)?raw\s*-?%\}")
_TOC_TAG = re.compile(r"\{%-?\s*(?:include\s+toc(?:\.html)?\b[^%]*|toc)\s*-?%\}")
_FIGURE = re.compile(r"^\{(?:%-?\s*include\s+figure(?:\.html)?|\{<\s*figure)\b", re.IGNORECASE)
_ATTR = re.compile(r"(?P<name>[A-Za-z_:][\w:.\-]*)\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s\"'=<>`%}]+))")
#: Pure markup lines: Kramdown attribute lists ({: .note}, {:toc}), [TOC], Pandoc div fences (:::).
MARKUP_LINE = re.compile(r"^ {0,3}(?:\{:[^{}\n]{0,500}\}|\[TOC\]|\[\[_TOC_\]\]|:{3,}.{0,500})[ \t]*$")
_UNSAFE_SCHEME = re.compile(r"^\s*(?:javascript|vbscript|data):", re.IGNORECASE)
_DASHES = re.compile(r"(?<![-!<])(-{2,3})(?![->])")


def dashes(text: str) -> str:
    """``---`` as an em dash and ``--`` as an en dash where they are used as dashes.

    Not where they are something else: a command-line flag (``--name``, a
    dash run right before a word at the start of a word), an arrow (``-->``),
    a comment opener, or a longer rule of hyphens. Code and link targets never
    reach this function.
    """
    if "--" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        start, end = match.start(), match.end()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before.isspace() and (after.isalnum() or after in "_-"):
            return match.group(0)  # --flag
        return "\u2014" if len(match.group(1)) == 3 else "\u2013"

    return _DASHES.sub(replace, text)


_OPENER = re.compile(r"\{(?:%|\{<|\{|#)")
_CLOSERS = MappingProxyType({"{%": "%}", "{{<": ">}}", "{{": "}}", "{#": "#}"})
_LONGEST_TAG = 4000


def template_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each template tag in ``text``, in order; linear in the length of ``text``."""
    position = 0
    missing: set[str] = set()  # closers not found again after some point: no later opener can close
    while True:
        opener = _OPENER.search(text, position)
        if opener is None:
            return
        closer = _CLOSERS[opener.group(0)]
        end = -1 if closer in missing else text.find(closer, opener.end(), opener.end() + _LONGEST_TAG)
        if end < 0:
            if closer not in missing and text.find(closer, opener.end()) < 0:
                missing.add(closer)
            position = opener.start() + 1
            continue
        yield opener.start(), end + len(closer)
        position = end + len(closer)


def only_templates(text: str) -> bool:
    """Is ``text`` nothing but template tags (and white space)?"""
    position, rest = 0, []
    for start, end in template_spans(text):
        rest.append(text[position:start])
        position = end
    return bool(position) and not "".join(rest + [text[position:]]).strip()


def tag_kind(tag: str) -> str:
    """``figure``, ``toc``, ``raw`` (markup with no words: removed) or ``other``."""
    if _FIGURE.match(tag):
        return "figure"
    if _TOC_TAG.fullmatch(tag.strip()):
        return "toc"
    if _RAW_TAG.fullmatch(tag.strip()) or _SITE_URL.fullmatch(tag.strip()):
        return "raw"
    return "other"


def attributes(text: str) -> dict[str, str]:
    """``name="value"`` pairs of a tag, entities decoded; the first of each name wins."""
    found: dict[str, str] = {}
    for match in _ATTR.finditer(text):
        value = match.group("dq") if match.group("dq") is not None else match.group("sq")
        if value is None:
            value = match.group("bare") or ""
        found.setdefault(match.group("name").lower(), html.unescape(value))
    return found


def figure_parts(tag: str) -> tuple[str, str, str]:
    """(caption in Markdown, file name, description) of a figure include or shortcode."""
    attrs = attributes(tag)
    caption = attrs.get("caption") or attrs.get("title") or ""
    file = attrs.get("filename") or attrs.get("src") or attrs.get("file") or ""
    description = attrs.get("alt", "")
    if description == caption:
        description = ""
    return caption, file, description


def clean_url(url: str) -> str:
    """A link target as shown: Jekyll's site root taken out, entities decoded."""
    return html.unescape(_SITE_URL.sub("", url).strip())


def is_unsafe_url(url: str) -> bool:
    return bool(_UNSAFE_SCHEME.match(url))
