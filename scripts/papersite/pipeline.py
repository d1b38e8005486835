"""The whole pipeline: read sources, parse, link, render, write the pages.

``build_site`` is what the CLI and the MkDocs hook call. The stages it chains
are pure functions; only this module touches the file system.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .anchors import slugify
from .metadata import PaperMetadata, load_metadata
from .model import Diagnostic, Paper, SourceSpan
from .parse import parse_paper
from .project import Project
from .render import render_paper, render_papers_index
from .textsource import read_source
from .writer import write_tree

PAPER_SUFFIXES = (".txt",)
METADATA_SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True)
class PaperSource:
    """One paper's input files."""

    id: str
    text_path: Path
    metadata_path: Path | None


@dataclass
class BuildResult:
    papers: list[Paper] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]


def discover_papers(project: Project) -> tuple[list[PaperSource], list[Diagnostic]]:
    """Every paper in ``sources/``: its text file and optional metadata beside it."""
    diagnostics: list[Diagnostic] = []
    found: list[PaperSource] = []
    taken: dict[str, Path] = {}
    if not project.sources.is_dir():
        return [], [Diagnostic("warning", "sources-missing", f"no sources folder at {project.sources}")]
    for path in sorted(project.sources.iterdir()):
        if not path.is_file() or path.suffix.lower() not in PAPER_SUFFIXES or path.name.startswith("."):
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
        metadata = next(
            (path.with_suffix(s) for s in METADATA_SUFFIXES if path.with_suffix(s).is_file()), None
        )
        found.append(PaperSource(paper_id, path, metadata))
    return found, diagnostics


def load_paper(project: Project, source: PaperSource) -> tuple[Paper | None, list[Diagnostic]]:
    """Read, decode and parse one paper; ``None`` when its text cannot be read."""
    shown = project.shown(source.text_path)
    text, diagnostics = read_source(source.text_path, shown)
    metadata = PaperMetadata()
    if source.metadata_path is not None:
        metadata, metadata_diagnostics = load_metadata(source.metadata_path, project.shown(source.metadata_path))
        diagnostics.extend(metadata_diagnostics)
    if text is None:
        return None, diagnostics
    paper = parse_paper(text, paper_id=source.id, path=shown, metadata=metadata)
    diagnostics.extend(paper.diagnostics)
    return paper, diagnostics


def render_pages(papers: list[Paper]) -> dict[str, str]:
    """Every generated page, by path relative to the generated folder (pure)."""
    pages = {f"{paper.id}.md": render_paper(paper) for paper in papers}
    pages["index.md"] = render_papers_index(papers)
    return pages


def build_site(root: Path) -> BuildResult:
    """Run the pipeline for the project at ``root`` and write its pages."""
    project = Project.at(root)
    result = BuildResult()
    sources, diagnostics = discover_papers(project)
    result.diagnostics.extend(diagnostics)
    for source in sources:
        paper, paper_diagnostics = load_paper(project, source)
        result.diagnostics.extend(paper_diagnostics)
        if paper is not None:
            result.papers.append(paper)
    pages = render_pages(result.papers)
    result.written, result.removed = write_tree(project.generated, pages)
    return result
