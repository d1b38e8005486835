"""Rendering inline nodes to HTML."""

from __future__ import annotations

import re

from ..model import Email, Emphasis, Inline, Superscript, Text
from .escape import escape_attribute, escape_html

_VALID_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


def render_inlines(nodes: tuple[Inline, ...]) -> str:
    """HTML for inline content; all source text is escaped."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(escape_html(node.text))
        elif isinstance(node, Superscript):
            out.append(f"<sup>{escape_html(node.text)}</sup>")
        elif isinstance(node, Emphasis):
            out.append(f"<em>{escape_html(node.text)}</em>")
        elif isinstance(node, Email):
            if _VALID_EMAIL.match(node.address):
                out.append(
                    f'<a href="mailto:{escape_attribute(node.address)}">{escape_html(node.address)}</a>'
                )
            else:
                out.append(escape_html(node.address))
    return "".join(out)
