"""Stage "render": every generated page, from the linked papers and what each feature found (pure; no file access)."""

from __future__ import annotations

from ..bibliography.csl import plain
from ..model import Annotation, Paper, Term
from ..render import render_paper, render_papers_index
from ..render.annotations_page import render_annotations_jsonld, render_annotations_page
from ..render.arguments_page import render_arguments_page
from ..render.audit_page import render_audit_page
from ..render.bibliography_page import render_bibliography_page
from ..render.glossary_page import render_glossary_page
from ..render.inline import LinkTargets
from ..render.search_page import render_search_page
from ..stage import BuildContext, Stage, StageResult


def render_paper_pages(
    papers: list[Paper],
    terms: tuple[Term, ...],
    annotations: list[Annotation] = (),  # type: ignore[assignment]
    base: str = "/",
    references: dict[str, str] | None = None,
    site_url: str = "",
    csl_cache: dict[str, str] | None = None,
    csl_used: set[str] | None = None,
    csl_style: str = "apa",
) -> dict[str, str]:
    """The papers' pages and their index, by path relative to ``docs/papers/`` (pure).

    A paper page (``papers/<id>.md``, built as ``papers/<id>/``) links to other
    pages by site-absolute paths under ``base``: MkDocs resolves a relative link
    in raw HTML against the built page, Zensical against the Markdown file, and
    both leave an absolute path as it is.
    """
    targets = LinkTargets(
        base=base,
        terms={term.id: term for term in terms},
        annotations={a.id: a for a in annotations},
        references=references or {},
        site_url=site_url,
        csl_cache=csl_cache,
        csl_used=csl_used,
        csl_style=csl_style,
    )
    pages = {f"{paper.id}.md": render_paper(paper, targets) for paper in papers}
    pages["index.md"] = render_papers_index(papers)
    return pages


def run(ctx: BuildContext) -> StageResult:
    project, state = ctx.project, ctx.state
    bibliography, papers = state.bibliography, state.papers
    pages = {
        "bibliography/index.md": render_bibliography_page(bibliography, papers, project.settings.csl_style, state.citations),
        "citation-audit/index.md": render_audit_page(papers, state.citations, bibliography, state.diagnostics),
    }
    for path, text in bibliography.files.items():
        pages[f"bibliography/{path.split('/', 1)[1]}"] = text
    csl = ctx.cache.store("csl")
    references = {key: plain(text) for key, text in bibliography.formatted.items()}
    paper_pages = render_paper_pages(
        papers,
        state.terms,
        state.annotations,
        project.base_path,
        references,
        project.site_url,
        csl.data,
        bibliography.digests,
        project.settings.csl_style,
    )
    csl.keep(bibliography.digests)  # the cite boxes' entries too
    pages.update({f"papers/{name}": page for name, page in paper_pages.items()})
    pages["glossary/index.md"] = render_glossary_page(state.terms, papers, state.term_uses)
    pages["arguments/index.md"] = render_arguments_page(state.themes, state.claims, papers)
    pages["annotations/index.md"] = render_annotations_page(state.annotations, papers)
    pages["annotations/annotations.jsonld"] = render_annotations_jsonld(state.annotations, papers, project.site_url)
    if project.settings.search == "pagefind":  # the page Pagefind's UI is mounted on
        pages["search/index.md"] = render_search_page()
    for paper in papers:  # the source text as received, for download beside the page
        pages[f"papers/{paper.id}.txt"] = state.texts[paper.id]
    return StageResult(pages=pages)


STAGE = Stage(
    "render", run, reads=("papers", "bibliography", "citations", "terms", "term_uses", "annotations", "claims", "themes", "texts", "diagnostics")
)
