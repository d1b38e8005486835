"""The build, as a recipe: the stages in order, the loop that runs them, and the one place files are written.

Each stage (``papersite/stages/<feature>.py``) reads the project and what the
stages before it produced, and returns its result (see :mod:`papersite.stage`
and ARCHITECTURE.md). ``build_site`` is what the CLI and the MkDocs hook call.
"""

from __future__ import annotations

import time
from pathlib import Path

from .cache import Cache
from .project import Project
from .rules import resolve
from .stage import BuildContext, BuildResult, Stage, apply
from .stages import annotations as annotation_stage
from .stages import settings as settings_stage
from .stages import arguments, bibliography, citations, doctor, glossary, ledger, nothing_lost, pages, papers, pdf, see_also
from .writer import write_if_changed, write_tree

# Names other modules and tests import from here.
from .stages.papers import PARALLEL_PAPERS, PaperSource, discover_papers, load_paper, plain_paper, read_papers  # noqa: F401
from .stages.pages import render_paper_pages  # noqa: F401

STAGES: tuple[Stage, ...] = (
    settings_stage.STAGE,  # problems in mkdocs.yml's settings
    papers.STAGE,  # find, read and parse every paper
    doctor.STAGE,  # each paper's shape checked (title, headings, lists, running heads): warnings
    ledger.STAGE,  # stable paragraph ids
    bibliography.STAGE,  # structured, merged, formatted references; BibTeX
    citations.STAGE,  # citations linked to entries (before terms: no term inside a citation)
    glossary.STAGE,  # glossary terms linked
    arguments.STAGE,  # claims found and placed
    annotation_stage.STAGE,  # editors' notes attached
    see_also.STAGE,  # cross-paper links
    pages.STAGE,  # every page rendered
    nothing_lost.STAGE,  # every passage reached its page
    pdf.STAGE,  # a PDF source published beside its page, linked, its metadata checked
)

#: Folders of ``docs/`` that the pipeline writes wholly (each listed in .gitignore).
GENERATED_DIRS = ("papers", "glossary", "arguments", "annotations", "bibliography", "citation-audit", "search")
#: Where the reference parser's cache is (tests look at it).
REFPARSE_FILE = ".papersite-cache/refparse.json"


def run_stages(project: Project, cache: Cache, stages: tuple[Stage, ...] | None = None) -> BuildResult:
    """Run ``stages`` (default :data:`STAGES`) in order over the project; the diagnostics as the user's rules show them."""
    ctx = BuildContext(project, cache, BuildResult())
    for stage in STAGES if stages is None else stages:
        started = time.perf_counter()
        apply(stage, stage.run(ctx), ctx.state)
        ctx.state.timings[stage.name] = time.perf_counter() - started
    ctx.state.diagnostics = resolve(ctx.state.diagnostics, project.settings.rules)
    return ctx.state


def generate_site(project: Project) -> BuildResult:
    """Read every input and generate every page, writing nothing (not even the cache)."""
    return run_stages(project, Cache(project.root))


def build_site(root: Path | Project) -> BuildResult:
    """Run the pipeline for the project at ``root`` and write its pages, its files beside the sources and the cache.

    ``docs/papers/`` is wholly generated (stale pages there are removed), as
    are the other folders in :data:`GENERATED_DIRS`. Nothing is written when a
    problem stops the build (see :attr:`BuildResult.fatal`): the previous pages stay.
    """
    project = root if isinstance(root, Project) else Project.at(root)
    cache = Cache(project.root)
    result = run_stages(project, cache)
    if result.fatal:
        return result
    for folder in GENERATED_DIRS:
        prefix = folder + "/"
        files: dict[str, str | bytes] = {**result.pages, **result.downloads}
        written, removed = write_tree(project.docs / folder, {k[len(prefix) :]: v for k, v in files.items() if k.startswith(prefix)})
        result.written += [prefix + name for name in written]
        result.removed += [prefix + name for name in removed]
    for path, text in result.files.items():
        if write_if_changed(project.root / path, text):
            result.written.append(path)
    cache.save()
    return result
