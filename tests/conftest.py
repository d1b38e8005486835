"""Shared fixtures: the project root, built sites (MkDocs and Zensical), golden-file updates."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def load_benchmark(name: str) -> ModuleType:
    """``benchmarks/<name>.py`` as a module (the benchmarks are scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(f"{name}_benchmark", ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module
BIN = Path(sys.executable).parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/* from the current output (review the diff before committing)",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise AssertionError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def site_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of this checkout's project (configuration, pages, sources, BibTeX) in a temporary folder.

    Every build in the tests happens in such a copy, never in the checkout: its
    ``docs/``, ``bib/``, ``sources/anchors/`` and ``.papersite-cache/`` stay as
    they are, and two test runs can share one checkout."""
    project = make_fixture_project(tmp_path_factory.mktemp("site"), ROOT / "sources")
    shutil.copytree(ROOT / "bib", project / "bib")
    return project


@pytest.fixture(scope="session")
def mkdocs_site(tmp_path_factory: pytest.TempPathFactory, site_project: Path) -> Path:
    """The site as ``mkdocs build --strict`` makes it from this checkout's sources (hook runs the pipeline)."""
    out = tmp_path_factory.mktemp("site-mkdocs")
    _run([str(BIN / "mkdocs"), "build", "--strict", "-d", str(out)], site_project)
    return out


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory, site_project: Path, mkdocs_site: Path) -> Path:
    """The site as ``papersite build`` followed by ``zensical build`` makes it.

    Built in another copy of the project so its ``site/`` does not clash with MkDocs'.
    """
    work = tmp_path_factory.mktemp("zensical-project")
    _run([str(BIN / "papersite"), "--root", str(site_project), "build"], site_project)
    shutil.copy(site_project / "mkdocs.yml", work / "mkdocs.yml")
    shutil.copytree(site_project / "docs", work / "docs")
    shutil.copytree(site_project / "overrides", work / "overrides")
    _run([str(BIN / "zensical"), "build", "--clean"], work)
    return work / "site"


GENERATED = ("papers", "glossary", "arguments", "annotations", "bibliography", "citation-audit", "search")


def make_fixture_project(tmp: Path, sources: Path) -> Path:
    """A copy of the site's configuration and hand-written pages with other sources."""
    project = tmp / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns(*GENERATED))
    shutil.copytree(ROOT / "scripts", project / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(sources, project / "sources")
    return project


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built by MkDocs from a paper full of HTML, scripts and Markdown syntax."""
    project = make_fixture_project(tmp_path_factory.mktemp("hostile"), ROOT / "tests" / "fixtures" / "hostile")
    _run([str(BIN / "mkdocs"), "build"], project)
    return project / "site"


def use_pagefind(project: Path) -> None:
    """Switch a fixture project's mkdocs.yml to Pagefind search, as README tells an editor to."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "plugins:\n  - search\n" in text and "    search: material " in text, "mkdocs.yml no longer has the lines README names"
    text = text.replace("plugins:\n  - search\n", "plugins:\n  - search:\n      enabled: false\n", 1)
    config.write_text(text.replace("    search: material ", "    search: pagefind ", 1), encoding="utf-8")


@pytest.fixture(scope="session")
def pagefind_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site's own sources built by ``mkdocs build`` with ``extra.papersite.search: pagefind``
    (the hook runs the pipeline, then Pagefind over the built site)."""
    project = make_fixture_project(tmp_path_factory.mktemp("pagefind"), ROOT / "sources")
    use_pagefind(project)
    _run([str(BIN / "mkdocs"), "build", "--strict"], project)
    return project / "site"
