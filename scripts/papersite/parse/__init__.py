"""Parse stage: a paper's source text -> :class:`papersite.model.Paper`."""

from .paper import parse_paper

__all__ = ["parse_paper"]
