"""The Markdown grammar: markdown-it-py (CommonMark) with the extensions papers use.

CommonMark plus GFM tables and strikethrough, bare URLs found by linkify,
YAML front matter, Pandoc/PHP Markdown Extra footnotes and definition lists
(mdit-py-plugins). Raw HTML is *tokenised* (``html: True``) so that the reader
can turn it into text: nothing it contains ever reaches a page as markup.
Footnote definitions stay where they are in the token stream (the plugin's
"move to end" step is off) so that each keeps its source lines.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin


#: Token nesting markdown-it allows; deeper content would be dropped, so the
#: reader reads quote markers past :data:`MAX_QUOTES` as text.
MAX_NESTING = 100
MAX_QUOTES = 12


def markdown_parser() -> MarkdownIt:
    """A fresh parser (cheap to make; none is kept between calls, so no shared state)."""
    md = MarkdownIt("commonmark", {"html": True, "linkify": True, "typographer": False})
    md.enable(["table", "strikethrough", "linkify"])
    md.use(front_matter_plugin)
    md.use(footnote_plugin, inline=False, move_to_end=False)
    md.use(deflist_plugin)
    md.options["maxNesting"] = MAX_NESTING
    md.validateLink = _keep  # type: ignore[method-assign] # every target is kept (as text); unsafe ones are reported

    return md


def _keep(url: str) -> bool:
    return True
