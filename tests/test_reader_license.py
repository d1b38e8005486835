"""A paper's licence or reuse statement, when its metadata gives one, is shown in the title block and in the
JSON-LD, escaped as all source text is; a paper whose metadata says nothing shows no licence (none is guessed)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from papersite.pipeline import generate_site
from papersite.project import Project

from .conftest import ROOT, make_fixture_project


def _site(tmp_path: Path, license_line: str) -> dict[str, str]:
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(ROOT / "sources" / "rezapour2020.txt", sources / "rezapour2020.txt")
    meta = (ROOT / "sources" / "rezapour2020.yml").read_text(encoding="utf-8")
    (sources / "rezapour2020.yml").write_text(meta + license_line, encoding="utf-8")
    return generate_site(Project.at(make_fixture_project(tmp_path, sources))).pages


def test_the_licence_from_metadata_is_on_the_page_and_in_json_ld(tmp_path: Path) -> None:
    page = _site(tmp_path, 'license: "CC BY 4.0 <b>&</b>"\n')["papers/rezapour2020.md"]
    assert '<dt>Licence</dt><dd class="paper-license">CC BY 4.0 &lt;b&gt;&amp;&lt;/b&gt;</dd>' in page
    json_ld = re.search(r"^json_ld: (.*)$", page, re.M)
    assert json_ld is not None
    assert json.loads(json.loads(json_ld.group(1)) if json_ld.group(1).startswith('"') else json_ld.group(1))["license"] == "CC BY 4.0 <b>&</b>"


def test_no_licence_is_shown_when_the_metadata_gives_none(tmp_path: Path) -> None:
    page = _site(tmp_path, "")["papers/rezapour2020.md"]
    assert "paper-license" not in page and "Licence" not in page
