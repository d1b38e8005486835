"""Features of body lines for the body model, on top of the shared ones (filled in below)."""

from __future__ import annotations

from collections.abc import Sequence

from .features import document_features, line_attributes
from .models import Tagger


def body_features(lines: Sequence[str], own: Sequence[list[str]] | None = None) -> list[list[str]]:
    """Features of every body line."""
    return document_features(lines, own if own is not None else [line_attributes(line) for line in lines])


def tag_body(tagger: Tagger, lines: Sequence[str], own: Sequence[list[str]] | None = None) -> tuple[list[str], list[float]]:
    """Body labels of ``lines`` and each line's marginal of its label."""
    return tagger.tag(body_features(lines, own)) if lines else ([], [])
