"""Stage "check": every passage of every source is on its paper's page (else the build writes nothing)."""

from __future__ import annotations

from ..nothing_lost import check_nothing_lost
from ..stage import BuildContext, Stage, StageResult


def run(ctx: BuildContext) -> StageResult:
    state = ctx.state
    diagnostics = []
    for paper in state.papers:
        page = state.pages[f"papers/{paper.id}.md"]
        diagnostics.extend(check_nothing_lost(paper.checked_text or state.texts[paper.id], page, paper.source_path))
    return StageResult(diagnostics=diagnostics)


STAGE = Stage("check", run, reads=("papers", "pages", "texts"))
