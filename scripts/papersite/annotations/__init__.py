"""Editors' annotations: ``sources/annotations/<paper>.yml`` (:mod:`.notes_file`) attached to their quotes (:mod:`.attach`).

Its stage is :mod:`papersite.stages.annotations`; its pages :mod:`papersite.render.annotations_page`.
"""

from ..quotes import read_quote
from .attach import attach_annotations
from .notes_file import load_annotations

__all__ = ["attach_annotations", "load_annotations", "read_quote"]
