"""Builds are deterministic: the same inputs give byte-identical output."""

from __future__ import annotations

import shutil
from pathlib import Path

from papersite.pipeline import generate_site
from papersite.project import Project

from .conftest import BIN, ROOT, _run, make_fixture_project


def test_pipeline_output_is_identical_across_runs(root: Path) -> None:
    first = generate_site(Project.at(root)).pages
    second = generate_site(Project.at(root)).pages
    assert first == second


def test_two_mkdocs_builds_are_byte_identical(tmp_path: Path) -> None:
    project = make_fixture_project(tmp_path, ROOT / "sources")
    _run([str(BIN / "mkdocs"), "build", "-d", str(tmp_path / "one")], project)
    shutil.rmtree(project / "docs" / "papers")
    _run([str(BIN / "mkdocs"), "build", "-d", str(tmp_path / "two")], project)
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*") if p.is_file()}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*") if p.is_file()}
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
