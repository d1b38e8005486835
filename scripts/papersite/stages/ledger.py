"""Stage "ledger": give every paragraph its stable id from the paper's anchor ledger (``sources/anchors/<id>.json``)."""

from __future__ import annotations

from ..link.ledger import apply_ledger, read_ledger, write_ledger
from ..model import Diagnostic, SourceSpan
from ..stage import BuildContext, Stage, StageResult


def run(ctx: BuildContext) -> StageResult:
    project = ctx.project
    papers, diagnostics, ledgers, files = [], [], {}, {}
    for paper in ctx.state.papers:
        path = project.sources / "anchors" / f"{paper.id}.json"
        try:
            ledger = read_ledger(path.read_text(encoding="utf-8") if path.is_file() else None)
        except (ValueError, KeyError, TypeError) as exc:
            diagnostics.append(
                Diagnostic("error", "anchors-invalid", f"anchor ledger unreadable ({exc}); ids start afresh", SourceSpan(project.shown(path), 1))
            )
            ledger = []
        paper, entries, found = apply_ledger(paper, ledger)
        diagnostics.extend(found)
        ledgers[paper.id] = write_ledger(entries)
        files[f"sources/anchors/{paper.id}.json"] = ledgers[paper.id]
        papers.append(paper)
    return StageResult({"papers": papers, "ledgers": ledgers}, diagnostics, files=files)


STAGE = Stage("ledger", run, reads=("papers",), writes=("papers", "ledgers"), inputs=("sources/anchors/*.json",))
