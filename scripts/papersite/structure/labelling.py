"""The cascade over one document (first commit: a placeholder that calls every line body text)."""

from __future__ import annotations

from collections.abc import Sequence

from .types import LABEL_BLANK, ZONE_BODY, LineEvidence, LineLabel


def label_document(lines: Sequence[str], evidence: Sequence[LineEvidence | None] | None = None) -> list[LineLabel]:
    out: list[LineLabel] = []
    previous_blank = True
    for line in lines:
        if not line.strip():
            out.append(LineLabel(ZONE_BODY, LABEL_BLANK, 1.0))
            previous_blank = True
            continue
        out.append(LineLabel(ZONE_BODY, "paragraph", 0.0, start=previous_blank))
        previous_blank = False
    return out
