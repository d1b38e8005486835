"""Stage "annotations": attach the editors' notes of ``sources/annotations/<paper>.yml`` to their quotes."""

from __future__ import annotations

from ..annotations import load_annotations
from ..link.annotations import attach_annotations
from ..model import Annotation, Diagnostic, Paper
from ..stage import BuildContext, Stage, StageResult


def run(ctx: BuildContext) -> StageResult:
    project = ctx.project
    linked: list[Paper] = []
    placed: list[Annotation] = []
    diagnostics: list[Diagnostic] = []
    for paper in ctx.state.papers:
        path = project.sources / "annotations" / f"{paper.id}.yml"
        if path.is_file():
            annotations, found = load_annotations(path, project.shown(path), paper.id)
            diagnostics.extend(found)
            paper, attached, attach_diagnostics = attach_annotations(paper, annotations)
            diagnostics.extend(attach_diagnostics)
            placed.extend(attached)
        linked.append(paper)
    return StageResult({"papers": linked, "annotations": placed}, diagnostics)


STAGE = Stage("annotations", run, reads=("papers",), writes=("papers", "annotations"), inputs=("sources/annotations/*.yml",))
