"""Stage "parse": find every paper in ``sources/``, read and decode it, parse it (in parallel when many).

A source format is a suffix and a parse function in :data:`PARSERS`; parsed
papers are kept in the cache store ``papers`` by a digest of all that parsing
reads (id, path, text, metadata, a PDF's line evidence), so a build parses only
papers that changed.
"""

from __future__ import annotations

import concurrent.futures
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from ..anchors import assign_ids, slugify
from ..cache import Store, digest
from ..metadata import PaperMetadata, load_metadata
from ..model import Diagnostic, FrontMatter, Paper, Paragraph, Section, SourceSpan
from ..parse import parse_paper
from ..parse.inline import parse_inline
from ..parse.markdown.cited_works import bibliography_names
from ..parse.markdown.front_matter import front_matter_mapping
from ..parse.markdown_paper import parse_markdown_paper
from ..parse.units import split_units
from ..project import Project
from ..stage import BuildContext, Stage, StageResult
from ..pdf.source import Evidence, read_pdf_source, read_pdf_with_evidence
from ..textsource import read_source

Parser = Callable[..., Paper]
METADATA_SUFFIXES = (".yml", ".yaml")
#: Markdown, and the Pandoc Markdown of R Markdown and Quarto papers (their code chunks are fenced code).
MARKDOWN_SUFFIXES = (".md", ".markdown", ".rmd", ".qmd")
#: From this many papers to parse (not in the cache), they are parsed in a
#: pool of worker processes, one per core.
PARALLEL_PAPERS = 16


def parsers() -> dict[str, Parser]:
    """Each source format: its file suffix and its parser ``(text, *, paper_id, path, metadata) -> Paper``.

    Adding a format is one line here (and its parse module)."""
    markdown = {suffix: parse_markdown_paper for suffix in MARKDOWN_SUFFIXES}
    return {".txt": parse_paper, **markdown, ".pdf": parse_paper}  # a PDF's text: see read_text


@dataclass(frozen=True)
class PaperSource:
    """One paper's input files."""

    id: str
    text_path: Path
    metadata_path: Path | None


def discover_papers(project: Project) -> tuple[list[PaperSource], list[Diagnostic]]:
    """Every paper in ``sources/``: its text file and optional metadata beside it."""
    diagnostics: list[Diagnostic] = []
    found: list[PaperSource] = []
    taken: dict[str, Path] = {}
    if not project.sources.is_dir():
        return [], [Diagnostic("warning", "sources-missing", f"no sources folder at {project.sources}")]
    suffixes = parsers()
    for path in sorted(project.sources.iterdir()):
        if not path.is_file() or path.suffix.lower() not in suffixes or path.name.startswith("."):
            continue
        paper_id = slugify(path.stem, "paper")
        if paper_id in taken:
            wanted = paper_id
            count = 2
            while f"{wanted}-{count}" in taken:
                count += 1
            paper_id = f"{wanted}-{count}"
            diagnostics.append(
                Diagnostic(
                    "warning",
                    "paper-id-taken",
                    f"page name {wanted!r} is already used by {project.shown(taken[wanted])}; "
                    f"this paper's page is {paper_id!r} instead (rename one file to choose)",
                    SourceSpan(project.shown(path), 1),
                )
            )
        taken[paper_id] = path
        metadata = next((path.with_suffix(s) for s in METADATA_SUFFIXES if path.with_suffix(s).is_file()), None)
        found.append(PaperSource(paper_id, path, metadata))
    return found, diagnostics


@dataclass(frozen=True)
class _PaperInput:
    """A paper's decoded text and metadata, before parsing."""

    source: PaperSource
    shown: str
    text: str | None
    metadata: PaperMetadata
    diagnostics: tuple[Diagnostic, ...]
    #: A PDF's layout of each text line (empty for other sources): the text alone does not
    #: determine it (a font made bold changes no character), so the key covers it too.
    evidence: Evidence = ()
    #: A Markdown paper's BibTeX files (name -> text): its front matter's ``bibliography:``, or ``<paper>.bib``.
    bibliographies: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> str:
        return digest(self.source.id, self.shown, self.text, repr(self.metadata), repr(self.evidence), repr(self.bibliographies))


def read_text(path: Path, shown: str) -> tuple[str | None, list[Diagnostic]]:
    """A source's text: a PDF's lines in reading order (see papersite.pdf), any other file decoded."""
    if path.suffix.lower() == ".pdf":
        return read_pdf_source(path, shown)
    return read_source(path, shown)


def _bibliographies(project: Project, path: Path, text: str) -> tuple[tuple[tuple[str, str], ...], list[Diagnostic]]:
    """The BibTeX files a Markdown paper names (or ``<paper>.bib``), read from its folder and never outside it."""
    folder = path.parent.resolve()
    names = bibliography_names(front_matter_mapping(text)) or [path.with_suffix(".bib").name]
    found, diagnostics = [], []
    for name in names:
        candidate = (path.parent / name).resolve()
        if not candidate.is_relative_to(folder) or not candidate.is_file() or candidate.suffix.lower() != ".bib":
            continue  # the parser reports a named file it was not given
        bib_text, problems = read_source(candidate, project.shown(candidate))
        diagnostics.extend(problems)
        if bib_text is not None:
            found.append((name, bib_text))
    return tuple(found), diagnostics


def _read_input(project: Project, source: PaperSource, pdf_store: Store | None = None) -> _PaperInput:
    shown = project.shown(source.text_path)
    evidence: Evidence = ()
    bibliographies: tuple[tuple[str, str], ...] = ()
    if source.text_path.suffix.lower() == ".pdf":
        text, evidence, diagnostics = read_pdf_with_evidence(source.text_path, shown, pdf_store)
    else:
        text, diagnostics = read_text(source.text_path, shown)
    if source.text_path.suffix.lower() in MARKDOWN_SUFFIXES and text is not None:
        bibliographies, problems = _bibliographies(project, source.text_path, text)
        diagnostics.extend(problems)
    metadata = PaperMetadata()
    if source.metadata_path is not None:
        metadata, metadata_diagnostics = load_metadata(source.metadata_path, project.shown(source.metadata_path))
        diagnostics.extend(metadata_diagnostics)
    return _PaperInput(source, shown, text, metadata, tuple(diagnostics), evidence, bibliographies)


def _parse_input(given: _PaperInput) -> tuple[Paper, bool]:
    """The paper's model, and whether the parser succeeded (pure; runs in worker processes too)."""
    assert given.text is not None
    try:
        parse = parsers()[given.source.text_path.suffix.lower()]
        extra: dict[str, object] = {"evidence": given.evidence} if given.evidence else {}
        if given.bibliographies:
            extra["bibliographies"] = dict(given.bibliographies)
        return parse(given.text, paper_id=given.source.id, path=given.shown, metadata=given.metadata, **extra), True
    except Exception as exc:  # a parser bug must not cost the paper: show it plainly
        paper = plain_paper(given.text, given.source.id, given.shown)
        failed = Diagnostic(
            "error",
            "parser-failed",
            f"the parser failed ({type(exc).__name__}: {exc}); the paper is shown as plain paragraphs",
            SourceSpan(given.shown, 1),
        )
        return replace(paper, diagnostics=(failed, *paper.diagnostics)), False


def _parse_all(missing: list[_PaperInput], parallel_from: int) -> list[tuple[Paper, bool]]:
    workers = min(os.cpu_count() or 1, len(missing))
    if len(missing) >= parallel_from and workers > 1:
        with concurrent.futures.ProcessPoolExecutor(workers) as pool:
            return list(pool.map(_parse_input, missing, chunksize=max(1, len(missing) // (workers * 4))))
    return [_parse_input(given) for given in missing]


def read_papers(
    project: Project,
    sources: list[PaperSource],
    store: Store | None = None,
    parallel_from: int = PARALLEL_PAPERS,
    pdf_store: Store | None = None,
) -> list[tuple[str | None, Paper | None, list[Diagnostic]]]:
    """Read, decode and parse every paper: its text (``None`` if unreadable), model, diagnostics.

    Papers in ``store`` (parsed by an earlier build from the same inputs) are
    taken from it; the others are parsed, in parallel when there are many, and
    those parsed without failure are added to it. The result is in the order
    of ``sources`` whatever the number of cores."""
    inputs = [_read_input(project, source, pdf_store) for source in sources]
    cached = {given.key: store.get(given.key) for given in inputs if store is not None and given.text is not None}
    missing = [given for given in inputs if given.text is not None and not isinstance(cached.get(given.key), Paper)]
    fresh = dict(zip((given.key for given in missing), _parse_all(missing, parallel_from)))
    results: list[tuple[str | None, Paper | None, list[Diagnostic]]] = []
    for given in inputs:
        diagnostics = list(given.diagnostics)
        if given.text is None:
            results.append((None, None, diagnostics))
            continue
        paper = cached.get(given.key)
        if not isinstance(paper, Paper):
            paper, succeeded = fresh[given.key]
            if succeeded and store is not None:
                store.put(given.key, paper)
        diagnostics.extend(paper.diagnostics)
        results.append((given.text, paper, diagnostics))
    return results


def load_paper(project: Project, source: PaperSource) -> tuple[Paper | None, list[Diagnostic]]:
    """Read, decode and parse one paper; ``None`` when its text cannot be read."""
    _, paper, diagnostics = read_papers(project, [source])[0]
    return paper, diagnostics


def plain_paper(text: str, paper_id: str, path: str) -> Paper:
    """The fallback model: every unit of the text as a paragraph, nothing interpreted."""
    blocks = tuple(Paragraph(parse_inline(unit.text), unit.span(path)) for unit in split_units(text))
    section = Section("", 2, SourceSpan(path, 1), blocks=blocks)
    return assign_ids(Paper(paper_id, path, FrontMatter(title=paper_id), (section,)))


def run(ctx: BuildContext) -> StageResult:
    sources, diagnostics = discover_papers(ctx.project)
    papers: list[Paper] = []
    texts: dict[str, str] = {}
    parsed, pdf_texts = ctx.cache.store("papers", pickled=True), ctx.cache.store("pdf-text", pickled=True)
    for text, paper, paper_diagnostics in read_papers(ctx.project, sources, parsed, pdf_store=pdf_texts):
        diagnostics.extend(paper_diagnostics)
        if paper is not None and text is not None:
            papers.append(paper)
            texts[paper.id] = text
    return StageResult({"papers": papers, "texts": texts}, diagnostics)


STAGE = Stage("parse", run, writes=("papers", "texts"), inputs=("sources/*.txt", "sources/*.md", "sources/*.markdown", "sources/*.Rmd", "sources/*.qmd", "sources/*.pdf", "sources/*.yml", "sources/*.bib"))
