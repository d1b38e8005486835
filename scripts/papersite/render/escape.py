"""Escaping text that came from a source, for raw HTML and for Markdown.

Text from a paper is data, never markup. In raw HTML blocks it is
HTML-escaped. In the few places where the generated page must be Markdown
(headings, so that the table of contents sees them) every character that
Markdown or a pymdown extension could read as syntax is written as a numeric
character reference, which Markdown passes through untouched and the browser
shows as the character itself.
"""

from __future__ import annotations

import html
import re

#: ASCII punctuation with a meaning in Markdown, pymdown-extensions or Jinja.
_MARKDOWN_SPECIAL = re.compile(r"""[\\`*_{}\[\]#+!|~^=:$<>&%]""")


def escape_html(text: str) -> str:
    """Escape text for HTML element content (use :func:`escape_attribute` in attributes)."""
    return html.escape(text, quote=False)


def escape_markdown(text: str) -> str:
    """Escape text so that Markdown shows it literally, with no markup at all."""
    text = re.sub(r"\s+", " ", text)
    return _MARKDOWN_SPECIAL.sub(lambda m: f"&#{ord(m.group(0))};", text)


def escape_attribute(text: str) -> str:
    """Escape text for an attribute value in generated HTML (single line)."""
    return html.escape(re.sub(r"\s+", " ", text).strip(), quote=True)


def safe_title(text: str) -> str:
    """A page title for YAML front matter: plain text with no angle brackets.

    Themes put the title into ``<title>`` and navigation; characters that
    could open a tag are replaced by look-alike brackets so no theme can ever
    read them as markup.
    """
    return re.sub(r"\s+", " ", text).replace("<", "‹").replace(">", "›").strip()
