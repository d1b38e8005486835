"""The search setting: Material's search (default) or Pagefind's chunked static index.

Settings and the warning when the setting and the search plugin disagree; then
sites built with ``search: pagefind`` by MkDocs (the hook indexes the site) and
by ``papersite build`` + ``zensical build`` + ``papersite search-index``.
"""

from __future__ import annotations

import gzip
import json
import subprocess
from pathlib import Path

import pytest

from papersite.pipeline import generate_site
from papersite.project import Project, read_settings, search_plugin_enabled
from papersite.search_index import SearchIndexError, build_search_index

from .conftest import BIN, ROOT, _run, make_fixture_project, use_pagefind


def test_search_setting_defaults_to_material_and_accepts_pagefind() -> None:
    assert read_settings({})[0].search == "material"
    settings, problems = read_settings({"extra": {"papersite": {"search": "pagefind"}}})
    assert settings.search == "pagefind" and problems == []


@pytest.mark.parametrize("value", ["lunr", "Pagefind", ["pagefind"], None])
def test_an_unknown_search_value_is_reported_and_material_used(value: object) -> None:
    settings, problems = read_settings({"extra": {"papersite": {"search": value}}})
    assert settings.search == "material"
    assert problems and "extra.papersite.search must be one of ['material', 'pagefind']" in problems[0]


@pytest.mark.parametrize(
    ("plugins", "enabled"),
    [
        (None, True),  # no plugins key: MkDocs enables search
        (["search"], True),
        (["material/search"], True),
        ([{"search": {"lang": "en"}}], True),
        ([{"search": {"enabled": False}}], False),
        ({"search": {"enabled": False}}, False),  # plugins as a mapping
        (["tags"], False),
        ([], False),
    ],
)
def test_search_plugin_enabled_reads_every_form_of_plugins(plugins: object, enabled: bool) -> None:
    config = {} if plugins is None else {"plugins": plugins}
    assert search_plugin_enabled(config) is enabled


def _project(tmp_path: Path, plugins: str, search: str) -> Project:
    (tmp_path / "sources").mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Test\n\nplugins:\n{plugins}\nextra:\n  papersite:\n    search: {search}\n", encoding="utf-8"
    )
    return Project.at(tmp_path)


@pytest.mark.parametrize(
    ("plugins", "search", "says"),
    [
        ("  - search", "pagefind", "the search plugin is enabled"),
        ("  - search:\n      enabled: false", "material", "the search plugin is disabled or not listed"),
        ("  - tags", "material", "the search plugin is disabled or not listed"),
    ],
)
def test_setting_and_plugin_disagreeing_is_a_warning_naming_mkdocs_yml(tmp_path: Path, plugins: str, search: str, says: str) -> None:
    result = generate_site(_project(tmp_path, plugins, search))
    found = [d for d in result.diagnostics if d.rule == "search-plugin-mismatch"]
    assert len(found) == 1 and found[0].severity == "warning"
    assert str(found[0]).startswith("mkdocs.yml:3: warning: extra.papersite.search is ")  # line 3: plugins:
    assert says in found[0].message


@pytest.mark.parametrize(("plugins", "search"), [("  - search", "material"), ("  - search:\n      enabled: false", "pagefind")])
def test_setting_and_plugin_agreeing_is_no_warning(tmp_path: Path, plugins: str, search: str) -> None:
    result = generate_site(_project(tmp_path, plugins, search))
    assert not [d for d in result.diagnostics if d.rule == "search-plugin-mismatch"]
    assert ("search/index.md" in result.pages) is (search == "pagefind")


def test_indexing_a_folder_that_is_no_built_site_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match="no built site"):
        build_search_index(tmp_path)
    (tmp_path / "index.html").write_text("<html><body><p>No article here</p></body></html>", encoding="utf-8")
    with pytest.raises(SearchIndexError, match="indexed no page"):
        build_search_index(tmp_path)


# ---------------------------------------------------------------------------- built sites


def _fragments(site: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    """Pagefind's per-page records (gzip, a signature, then JSON) by page URL."""
    pages = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        record = json.loads(data[len(b"pagefind_dcd") :])
        pages[record["url"]] = record
    return pages


def _content_pages(site: Path) -> set[str]:
    """The site's pages but the Search page, as Pagefind names them."""
    found = {"/" + p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")}
    return {"/" if url == "/./" else url for url in found} - {"/search/"}


def check_pagefind_site(site: Path) -> None:
    # The chunked index: an entry, index chunks, one fragment per page; the UI from the bundle.
    bundle = site / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] > 0
    assert list((bundle / "index").glob("*.pf_index")) and list((bundle / "fragment").glob("*.pf_fragment"))
    assert (bundle / "pagefind-ui.js").is_file() and (bundle / "pagefind-ui.css").is_file()
    # Every page but the Search page and the 404 page, once each.
    fragments = _fragments(site)
    assert set(fragments) == _content_pages(site)
    assert entry["languages"]["en"]["page_count"] == len(fragments)
    # A paper's record holds its text, not the page's furniture, and its paragraph anchors.
    paper = fragments["/papers/rezapour2020/"]
    assert "Heartland" in paper["content"] and "Foreign policy of China and Russia" in paper["meta"]["title"]
    for furniture in ("Cite this paper", "@article{", "¶", "See also in the other paper", "Back to the passage", "Download:"):
        assert furniture not in paper["content"], furniture
    ids = {anchor["id"] for anchor in paper["anchors"]}
    assert {"abstract", "abstract-p1", "eurasia-geopolitics", "ref-1"} <= ids
    # The Glossary's record has the definitions, not the snippets of the papers' paragraphs.
    assert "Abstract ¶1" not in fragments["/glossary/"]["content"]
    # Material's search index is not shipped; the pages offer the Search page instead.
    assert not (site / "search" / "search_index.json").exists()
    search_page = (site / "search" / "index.html").read_text(encoding="utf-8")
    assert 'id="papersite-search"' in search_page
    paper_page = (site / "papers" / "rezapour2020" / "index.html").read_text(encoding="utf-8")
    assert 'class="papersite-search-link"' in paper_page and 'aria-label="Search"' in paper_page
    assert "javascripts/search.js" in paper_page and "stylesheets/search.css" in paper_page
    assert 'for="__search"' not in paper_page  # Material's own search button is gone


def test_mkdocs_builds_the_pagefind_index_with_the_site(pagefind_site: Path) -> None:
    check_pagefind_site(pagefind_site)


def test_material_mode_ships_nothing_of_pagefind(mkdocs_site: Path) -> None:
    assert (mkdocs_site / "search" / "search_index.json").is_file()
    assert not (mkdocs_site / "pagefind").exists()
    paper_page = (mkdocs_site / "papers" / "rezapour2020" / "index.html").read_text(encoding="utf-8")
    for marker in ("papersite-search-link", "javascripts/search.js", "stylesheets/search.css"):
        assert marker not in paper_page


def test_zensical_site_gets_the_index_from_papersite_search_index(tmp_path: Path) -> None:
    project = make_fixture_project(tmp_path, ROOT / "sources")
    use_pagefind(project)
    built = _run([str(BIN / "papersite"), "--root", str(project), "build"], project)
    assert "search-plugin-mismatch" not in built.stderr
    _run([str(BIN / "zensical"), "build", "--clean"], project)
    assert not (project / "site" / "pagefind").exists()
    result = _run([str(BIN / "papersite"), "--root", str(project), "search-index"], tmp_path)
    assert "pages" in result.stdout and "site/pagefind" in result.stdout
    check_pagefind_site(project / "site")
    # Zensical writes an empty index when its search plugin is off; nothing loads it.
    zensical_index = project / "site" / "search.json"
    assert not zensical_index.exists() or json.loads(zensical_index.read_text(encoding="utf-8"))["items"] == []


def test_search_index_command_fails_clearly_without_a_site(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(BIN / "papersite"), "--root", str(tmp_path), "search-index"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert "no built site" in result.stderr
