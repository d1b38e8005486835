"""Stage "settings": the problems found when mkdocs.yml was read (settings are parsed once, in Project.at)."""

from __future__ import annotations

from ..model import Diagnostic, SourceSpan
from ..stage import BuildContext, Stage, StageResult


def run(ctx: BuildContext) -> StageResult:
    project = ctx.project
    diagnostics = [Diagnostic("warning", "settings-invalid", problem, SourceSpan("mkdocs.yml", line)) for problem, line in project.setting_problems]
    if project.search_problem:
        span = SourceSpan("mkdocs.yml", project.search_problem_line)
        diagnostics.append(Diagnostic("warning", "search-plugin-mismatch", project.search_problem, span))
    return StageResult(diagnostics=diagnostics)


STAGE = Stage("settings", run, inputs=("mkdocs.yml",))
