"""Where a node or a problem came from (re-exported by :mod:`papersite.model`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceSpan:
    """Where a node came from: a file and its 1-based first and last line."""

    path: str
    line: int
    end_line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"
