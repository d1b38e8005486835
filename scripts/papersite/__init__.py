"""Eurasia Reader's pipeline: paper texts -> document model -> Markdown pages.

Stages are pure functions over the model in :mod:`papersite.model`:
``parse`` (text -> Paper), link passes, ``render`` (Paper -> Markdown).
:mod:`papersite.pipeline` wires them together; :mod:`papersite.cli` and the
MkDocs hook are thin edges over it.
"""

__version__ = "0.1.0"
