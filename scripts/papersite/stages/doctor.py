"""Stage "doctor": each parsed paper's shape checked as a reader would see it (warnings for the editor only)."""

from __future__ import annotations

from ..doctor import check_structure
from ..stage import BuildContext, Stage, StageResult


def run(ctx: BuildContext) -> StageResult:
    state = ctx.state
    diagnostics = []
    for paper in state.papers:
        diagnostics.extend(check_structure(paper, state.texts[paper.id]))
    return StageResult(diagnostics=diagnostics)


STAGE = Stage("doctor", run, reads=("papers", "texts"))
