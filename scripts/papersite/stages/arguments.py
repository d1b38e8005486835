"""Stage "arguments": find the papers' labelled claims and place the editors' claims of ``sources/arguments.yml``."""

from __future__ import annotations

from ..arguments_file import load_arguments
from ..link.arguments import add_claim_anchors, anchor_claims, find_labelled_claims
from ..model import Claim, Diagnostic, Paper
from ..stage import BuildContext, Stage, StageResult


def run(ctx: BuildContext) -> StageResult:
    project = ctx.project
    path = project.sources / "arguments.yml"
    themes, editorial, diagnostics = load_arguments(path, project.shown(path))
    known = {paper.id for paper in ctx.state.papers}
    for claim in editorial:
        if claim.paper_id not in known:
            diagnostics.append(Diagnostic("warning", "arguments-invalid", f"claim {claim.id!r}: no paper {claim.paper_id!r}", claim.span))
    linked: list[Paper] = []
    claims: list[Claim] = []
    for paper in ctx.state.papers:
        found = find_labelled_claims(paper)
        placed, claim_diagnostics = anchor_claims(paper, [c for c in editorial if c.paper_id == paper.id])
        diagnostics.extend(claim_diagnostics)
        paper, anchor_diagnostics = add_claim_anchors(paper, found + placed)
        diagnostics.extend(anchor_diagnostics)
        claims.extend(found + placed)
        linked.append(paper)
    return StageResult({"papers": linked, "claims": claims, "themes": themes}, diagnostics)


STAGE = Stage("arguments", run, reads=("papers",), writes=("papers", "claims", "themes"), inputs=("sources/arguments.yml",))
