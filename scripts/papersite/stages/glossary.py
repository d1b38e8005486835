"""Stage "glossary": load ``sources/glossary.yml`` and link its terms in every paper (after citations, so none is linked inside one)."""

from __future__ import annotations

from ..glossary import load_glossary
from ..link.terms import LinkPolicy, build_matcher, find_uses, link_terms
from ..model import Diagnostic, Paper, Term, TermUse
from ..render.labels import section_anchor
from ..stage import BuildContext, Stage, StageResult


def link_glossary(
    papers: list[Paper], terms: tuple[Term, ...], policy: LinkPolicy
) -> tuple[list[Paper], list[TermUse], list[Diagnostic]]:
    """Link terms in every paper and collect the concordance (pure)."""
    matcher = build_matcher(terms)
    uses = [use for paper in papers for use in find_uses(paper, matcher)]
    linked = [link_terms(paper, matcher, policy) for paper in papers]
    diagnostics: list[Diagnostic] = []
    used = {use.term_id for use in uses}
    by_id = {paper.id: paper for paper in papers}
    for term in terms:
        if term.id not in used:
            diagnostics.append(
                Diagnostic("warning", "glossary-term-unused", f"term {term.name!r} matches no paragraph of any paper", term.span)
            )
        for site in term.defined_in:
            paper = by_id.get(site.paper)
            if paper is None or section_anchor(paper, site.section) is None:
                diagnostics.append(
                    Diagnostic(
                        "warning",
                        "glossary-defined-in-unknown",
                        f"term {term.name!r}: no section {site.section!r} in paper {site.paper!r}",
                        term.span,
                    )
                )
    return linked, uses, diagnostics


def run(ctx: BuildContext) -> StageResult:
    project = ctx.project
    terms, diagnostics = load_glossary(project.glossary, project.shown(project.glossary))
    papers, uses, found = link_glossary(ctx.state.papers, terms, project.settings.glossary_links)
    return StageResult({"papers": papers, "terms": terms, "term_uses": uses}, diagnostics + found)


STAGE = Stage("glossary", run, reads=("papers",), writes=("papers", "terms", "term_uses"), inputs=("sources/glossary.yml",))
