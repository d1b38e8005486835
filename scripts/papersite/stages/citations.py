"""Stage "citations": link every citation (in notes first, then in the text) to its bibliography entry; audit them."""

from __future__ import annotations

from ..link.citations import CitationUse, audit, build_index, link_citations
from ..link.note_citations import link_note_citations
from ..model import Paper
from ..stage import BuildContext, Stage, StageResult


def run(ctx: BuildContext) -> StageResult:
    bibliography = ctx.state.bibliography
    index = build_index(ctx.state.papers, bibliography.entries, bibliography.keys)
    linked: list[Paper] = []
    citations: list[CitationUse] = []
    for paper in ctx.state.papers:
        # Notes first: a note's author part is one citation, not several guesses.
        paper, note_uses = link_note_citations(paper, index)
        paper, uses = link_citations(paper, index)
        citations.extend(note_uses + uses)
        linked.append(paper)
    return StageResult({"papers": linked, "citations": citations}, audit(linked, citations, bibliography.keys))


STAGE = Stage("citations", run, reads=("papers", "bibliography"), writes=("papers", "citations"))
