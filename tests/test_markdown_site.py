"""Markdown sources on the built page (issue #15): what the reader makes of them is what readers see."""

from __future__ import annotations

import re
import shutil

import pytest

from papersite.nothing_lost import visible_text
from papersite.pipeline import BuildResult, generate_site
from papersite.project import Project

from .conftest import ROOT, make_fixture_project

FIXTURES = ROOT / "tests" / "fixtures" / "markdown"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    sources = tmp_path_factory.mktemp("md-sources")
    for name in ("kitchen-sink", "hostile"):
        shutil.copy(FIXTURES / f"{name}.md", sources / f"{name.replace('-', '')}.md")
    return generate_site(Project.at(make_fixture_project(tmp_path_factory.mktemp("md"), sources)))


def page(built: BuildResult, name: str) -> str:
    return built.pages[f"papers/{name}.md"]


def test_reference_entries_show_emphasis_and_no_asterisks(built: BuildResult) -> None:
    entries = re.findall(r'<li id="ref-\d+"[^>]*class="reference">(.*?) <a class="bib-link"', page(built, "kitchensink"))
    assert entries[:2] == [
        "[1] Smith, John. 2000. <em>A Book</em>. Place: Press.",
        '[2] Doe, Jane. 2001. "An Article." <em>Journal</em> 3: 4-5.',
    ]
    assert not any("*" in entry for entry in entries)


def test_web_addresses_are_links_and_nothing_else_is_markup(built: BuildResult) -> None:
    text = page(built, "kitchensink")
    assert '(<a class="source-link" href="https://example.org/cited">https://example.org/cited</a>' in text
    hostile = re.sub(r'<script type="application/ld\+json">[^<]*</script>', "", page(built, "hostile"))  # the page's own
    assert "<script" not in hostile and "<iframe" not in hostile and 'href="javascript' not in hostile.lower()
    assert "onerror=" not in hostile.replace("onerror=&quot;", "")  # only ever as escaped text


def test_template_tags_are_read_not_shown(built: BuildResult) -> None:
    shown = " ".join(visible_text(page(built, "kitchensink")).split())
    assert "{%" not in shown and "{{" not in shown
    assert "[Figure: " in shown
    dropped = [str(d) for d in built.diagnostics if d.rule == "markdown-template-tag"]
    assert any("kitchensink.md:87:" in d and "other.html" in d for d in dropped)


def test_the_nothing_lost_check_passes_for_markdown(built: BuildResult) -> None:
    assert [str(d) for d in built.diagnostics if d.rule == "text-lost"] == []
