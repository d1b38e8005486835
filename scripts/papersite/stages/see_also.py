"""Stage "see-also": cross-paper links between paragraphs (computed, plus the editors' ``sources/crosslinks.yml``).

Every paragraph's text and terms go into the links, so any change to a paper
computes them again; a build that changed none (an annotation edited, a page
restyled) takes them from the cache store ``crosslinks``.
"""

from __future__ import annotations

from ..arguments_file import load_crosslink_edits
from ..cache import digest
from ..link.crosslinks import LinkEdit, add_crosslinks, compute_crosslinks
from ..model import CrossLink, Diagnostic, Paper, SourceSpan, plain_text
from ..render.labels import paper_label, section_titles
from ..stage import BuildContext, Stage, StageResult


def paragraph_labels(papers: list[Paper]) -> dict[tuple[str, str], str]:
    """How a link names each paragraph: "Author (year), Section ¶n"."""
    labels = {}
    for paper in papers:
        titles = section_titles(paper)
        for paragraph in paper.all_paragraphs():
            number = paragraph.id.rsplit("-p", 1)[-1]
            labels[(paper.id, paragraph.id)] = f"{paper_label(paper)}, {titles.get(paragraph.id, '')} ¶{number}"
    return labels


def _inputs_digest(ctx: BuildContext, labels: dict[tuple[str, str], str], added: list[LinkEdit], removed: list[LinkEdit]) -> str:
    paragraphs = [[p.id, q.id, plain_text(q.inlines)] for p in ctx.state.papers for q in p.all_paragraphs()]
    uses = [[u.paper_id, u.paragraph_id, u.term_id] for u in ctx.state.term_uses]
    edits = [[e.source, e.target] for e in added] + [None] + [[e.source, e.target] for e in removed]
    return digest(paragraphs, uses, sorted(labels.items()), edits)


def run(ctx: BuildContext) -> StageResult:
    project, papers = ctx.project, ctx.state.papers
    path = project.sources / "crosslinks.yml"
    added, removed, diagnostics = load_crosslink_edits(path, project.shown(path))
    labels = paragraph_labels(papers)
    for edit in added + removed:
        for end in (edit.source, edit.target):
            if end not in labels:
                diagnostics.append(
                    Diagnostic("warning", "crosslinks-unknown", f"no paragraph {end[1]!r} in paper {end[0]!r}", SourceSpan(project.shown(path), 1))
                )
    added = [e for e in added if e.source in labels and e.target in labels]
    key = _inputs_digest(ctx, labels, added, removed)
    store = ctx.cache.store("crosslinks", prune=False)
    cached = store.data.get("links")
    if store.data.get("digest") == key and isinstance(cached, list):
        links = {(str(a), str(b)): [CrossLink(*link) for link in found] for a, b, found in cached}
    else:
        links = compute_crosslinks(papers, ctx.state.term_uses, labels, added, removed)
    store.replace_all({
        "digest": key,
        "links": [[a, b, [[l.paper_id, l.paragraph_id, l.label, l.reason] for l in found]] for (a, b), found in sorted(links.items())],
    })
    return StageResult({"papers": [add_crosslinks(paper, links) for paper in papers]}, diagnostics)


STAGE = Stage("see-also", run, reads=("papers", "term_uses"), writes=("papers",), inputs=("sources/crosslinks.yml",))
