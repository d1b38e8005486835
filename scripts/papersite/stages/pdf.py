"""Stage "pdf": papers read from a PDF get their PDF beside the page, linked, and checked against its metadata.

For each paper whose source is ``sources/<id>.pdf``: the PDF is published as
``papers/<id>.pdf`` (a download link, ``citation_pdf_url``, and a marker on
each section linking to the PDF page it starts on), and the PDF's own
metadata (document info, XMP, a DOI printed on page 1) is compared with the
page's title, authors and DOI; each disagreement is reported.
"""

from __future__ import annotations

from ..model import Diagnostic, SourceSpan
from ..pdf.extract import MAX_BYTES
from ..pdf.metadata import compare, read_info
from ..pdf.site import pdf_page
from ..stage import BuildContext, Stage, StageResult


def run(ctx: BuildContext) -> StageResult:
    project, state = ctx.project, ctx.state
    pages: dict[str, str] = {}
    downloads: dict[str, bytes] = dict(state.downloads)
    diagnostics: list[Diagnostic] = []
    for paper in state.papers:
        if not paper.source_path.lower().endswith(".pdf"):
            continue
        path = project.root / paper.source_path
        try:
            data = path.read_bytes() if path.stat().st_size <= MAX_BYTES else b""
        except OSError as exc:
            diagnostics.append(Diagnostic("error", "source-unreadable", f"cannot read file: {exc.strerror}", SourceSpan(paper.source_path, 1)))
            continue
        text = state.texts.get(paper.id, "")
        downloads[f"papers/{paper.id}.pdf"] = data
        name = f"papers/{paper.id}.md"
        if name in state.pages:
            pages[name] = pdf_page(state.pages[name], paper, text, project.base_path, project.site_url)
        front = paper.front
        metadata = read_info(data, text)
        diagnostics.extend(compare(metadata, front.title, [a.name for a in front.authors], front.doi or "", paper.source_path))
    return StageResult({"downloads": downloads}, diagnostics, pages)


STAGE = Stage("pdf", run, reads=("papers", "texts", "pages"), writes=("downloads",), inputs=("sources/*.pdf",))
