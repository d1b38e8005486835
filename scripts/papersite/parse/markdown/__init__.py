"""Markdown paper sources read with markdown-it-py straight into the document model.

:mod:`.syntax` (the grammar) → :mod:`.document` (tokens into blocks of model
inline nodes, front matter, footnotes) → :mod:`papersite.parse.markdown_paper`
(sections, references, the Paper). :mod:`.inlines`, :mod:`.html`, :mod:`.text`
and :mod:`.front_matter` hold the rules for inline tokens, raw HTML, template
tags and dashes, and the YAML header.
"""
