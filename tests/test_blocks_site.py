"""A real paper's formulas, tables and R code on the built site, with both engines: shown as
preformatted blocks with their own anchors, counted by the nothing-lost check, indexed for search.

The paper is the vegan diversity vignette as ``pdftotext -raw`` prints it (one printed line a
line; tests/fixtures/open/oksanen2022-vegan-diversity), whose displayed equations and R sessions
the text rules ran into the paragraphs around them."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from papersite.pipeline import generate_site
from papersite.project import Project
from papersite.stage import BuildResult

from .conftest import BIN, ROOT, _run, make_fixture_project

SLUG = "oksanen2022-vegan-diversity"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site's own two papers (its home page links to them: a strict build needs them) and vegan's."""
    sources = tmp_path_factory.mktemp("blocks-sources") / "sources"
    shutil.copytree(ROOT / "sources", sources)
    shutil.copy(ROOT / "tests" / "fixtures" / "open" / SLUG / "paper.raw.txt", sources / f"{SLUG}.txt")
    project = make_fixture_project(tmp_path_factory.mktemp("blocks-site"), sources)
    shutil.copytree(ROOT / "bib", project / "bib")
    return project


@pytest.fixture(scope="module")
def built(project: Path) -> BuildResult:
    return generate_site(Project.at(project))


@pytest.fixture(scope="module")
def mkdocs_site(project: Path, built: BuildResult) -> Path:
    _run([str(BIN / "mkdocs"), "build", "--strict"], project)
    return project / "site"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory, project: Path, built: BuildResult) -> Path:
    work = tmp_path_factory.mktemp("blocks-zensical")
    for name in ("mkdocs.yml",):
        shutil.copy(project / name, work / name)
    for name in ("docs", "overrides"):
        shutil.copytree(project / name, work / name)
    _run([str(BIN / "zensical"), "build", "--clean"], work)
    return work / "site"


def test_blocks_keep_every_word_on_the_page(built: BuildResult) -> None:
    paper = next(p for p in built.papers if p.id == SLUG)
    kinds = {p.kind for p in paper.all_paragraphs()}
    assert {"formula", "code"} <= kinds
    lost = [d for d in built.diagnostics if d.rule == "text-lost"]
    assert lost == [], "\n".join(map(str, lost))


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_blocks_are_preformatted_with_their_anchor(engine: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(f"{engine}_site")
    html = (site / "papers" / SLUG / "index.html").read_text(encoding="utf-8")
    shannon = re.search(r'<div id="([\w-]+)" class="para block block-formula"><pre><code>(.*?)</code></pre>', html, re.S)
    assert shannon is not None and "Shannon–Weaver (1)" in shannon.group(2)
    assert "\nS\nX\ni=1\n" in shannon.group(2)  # its printed lines kept
    assert f'href="#{shannon.group(1)}"' in html  # a permalink to the block
    assert re.search(r'class="para block block-code"><pre><code>&gt; library\(vegan\)\n&gt; data\(BCI\)</code>', html)


def test_material_search_indexes_the_blocks(mkdocs_site: Path) -> None:
    index = json.loads((mkdocs_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = [doc["text"] for doc in index["docs"] if doc["location"].startswith(f"papers/{SLUG}/")]
    assert any("Shannon–Weaver (1)" in text for text in texts)
    assert any("fisher.alpha(BCI)" in text for text in texts)
