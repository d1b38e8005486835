"""What every stage shares: the build's context, what a stage returns, and the stage itself.

A stage is one feature's step of the build (see ARCHITECTURE.md): a name, the
names of the :class:`BuildResult` fields it reads and writes, and a ``run``
function from the :class:`BuildContext` to a :class:`StageResult`. The
pipeline runs the stages in order; it applies each result (only to the fields
the stage declared it writes), gathers diagnostics and pages, and times each
stage. Stages do not write files: what is written is in the result's pages,
the cache (:mod:`papersite.cache`) and :attr:`BuildResult.files`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Callable, Mapping

from .bibliography.stage import Bibliography
from .cache import Cache
from .link.citations import CitationUse
from .model import Annotation, Claim, Diagnostic, Paper, Term, TermUse
from .project import Project
from .rules import stops_build


@dataclass
class BuildResult:
    """Everything a build produced: the linked papers, what each feature found, the pages, the problems."""

    papers: list[Paper] = field(default_factory=list)
    terms: tuple[Term, ...] = ()
    term_uses: list[TermUse] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    #: Generated pages by path relative to ``docs/``.
    pages: dict[str, str] = field(default_factory=dict)
    #: Files published beside the pages as they are (a paper's PDF), by path relative to ``docs/``.
    downloads: dict[str, bytes] = field(default_factory=dict)
    #: Files written beside the sources (anchor ledgers, BibTeX), by path relative to the project root.
    files: dict[str, str] = field(default_factory=dict)
    #: Each paper's source text, by paper id (for the nothing-lost check).
    texts: dict[str, str] = field(default_factory=dict)
    #: Updated anchor ledgers by paper id (JSON text), for ``sources/anchors/``.
    ledgers: dict[str, str] = field(default_factory=dict)
    annotations: list[Annotation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    #: The argument themes of ``sources/arguments.yml``: (id, title).
    themes: list[tuple[str, str]] = field(default_factory=list)
    bibliography: Bibliography = field(default_factory=Bibliography)
    citations: list[CitationUse] = field(default_factory=list)
    #: Wall-clock seconds each stage took, by stage name.
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def lost_text(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.rule == "text-lost"]

    @property
    def fatal(self) -> list[Diagnostic]:
        """Problems that stop the build (rules with effect ``stop``: lost text, unmatched quotes)."""
        return [d for d in self.diagnostics if stops_build(d)]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]


FIELDS = frozenset(f.name for f in fields(BuildResult))


@dataclass
class BuildContext:
    """What a stage may read: the project (settings parsed once), the cache, and the results so far."""

    project: Project
    cache: Cache
    state: BuildResult


@dataclass(frozen=True)
class StageResult:
    """What a stage returns: new values for the fields it declared, its diagnostics, its pages."""

    updates: Mapping[str, Any] = field(default_factory=dict)
    diagnostics: tuple[Diagnostic, ...] | list[Diagnostic] = ()
    #: Pages by path relative to ``docs/``.
    pages: Mapping[str, str] = field(default_factory=dict)
    #: Files beside the sources, by path relative to the project root.
    files: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Stage:
    """One step of the build."""

    name: str
    run: Callable[[BuildContext], StageResult]
    #: The :class:`BuildResult` fields it reads (besides the project and the cache).
    reads: tuple[str, ...] = ()
    #: The fields it sets; the pipeline refuses any other.
    writes: tuple[str, ...] = ()
    #: The files of the project it reads, for the map (ARCHITECTURE.md).
    inputs: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        unknown = set(self.reads + self.writes) - FIELDS
        if unknown:
            raise ValueError(f"stage {self.name!r} names no such result fields: {sorted(unknown)}")


def apply(stage: Stage, result: StageResult, state: BuildResult) -> None:
    """Fold a stage's result into the build's state (only the fields it declared)."""
    undeclared = set(result.updates) - set(stage.writes)
    if undeclared:
        raise ValueError(f"stage {stage.name!r} set fields it does not declare: {sorted(undeclared)}")
    for name, value in result.updates.items():
        setattr(state, name, value)
    state.diagnostics.extend(result.diagnostics)
    state.pages.update(result.pages)
    state.files.update(result.files)
