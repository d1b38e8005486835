"""Stage "bibliography": structure, merge, correct and format every reference; BibTeX files beside the sources.

Cache stores: ``refparse`` (parsed reference strings), ``csl`` (formatted
entries; the paper pages' cite boxes add to it) and ``bib-written`` (each
paper's ``.bib`` as the last build wrote it, when it held no hand edit, so it
need not be parsed again to look for one).
"""

from __future__ import annotations

from dataclasses import replace

from ..bibliography.stage import build_bibliography
from ..cache import digest
from ..stage import BuildContext, Stage, StageResult


def run(ctx: BuildContext) -> StageResult:
    project, papers = ctx.project, ctx.state.papers
    untouched = ctx.cache.store("bib-written")
    existing: dict[str, str | None] = {}
    for paper in papers:
        path = project.root / "bib" / f"{paper.id}.bib"
        text = path.read_text(encoding="utf-8") if path.is_file() else None
        existing[paper.id] = None if text is not None and untouched.data.get(paper.id) == digest(text) else text
    corrections_path = project.root / "bib" / "corrections.bib"
    corrections = corrections_path.read_text(encoding="utf-8") if corrections_path.is_file() else None
    csl, parses = ctx.cache.store("csl"), ctx.cache.store("refparse")
    bibliography = build_bibliography(papers, existing, corrections, project.settings.csl_style, csl.data, parses.data)
    csl.keep(bibliography.digests)
    parses.keep(bibliography.parse_keys)
    untouched.replace_all({
        paper_id: digest(bibliography.files[f"bib/{paper_id}.bib"])
        for paper_id, records in bibliography.records.items()
        if f"bib/{paper_id}.bib" in bibliography.files and not any(record.corrected for record in records)
    })
    keys = bibliography.keys
    linked = [
        replace(paper, references=tuple(replace(r, bib_key=keys.get((paper.id, r.id), "")) for r in paper.references))
        for paper in papers
    ]
    return StageResult({"papers": linked, "bibliography": bibliography}, bibliography.diagnostics, files=bibliography.files)


STAGE = Stage(
    "bibliography", run, reads=("papers",), writes=("papers", "bibliography"), inputs=("bib/<paper>.bib", "bib/corrections.bib")
)
