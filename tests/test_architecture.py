"""The shape the developers' guide asks for: a short pipeline that lists every stage, stages that declare what they set,
and, in every module of the package, no module over 400 lines nor function over 60 without a reason."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import papersite.pipeline as pipeline
from papersite.cache import Cache
from papersite.project import Project
from papersite.stage import Stage, StageResult

from .conftest import ROOT

PACKAGE = ROOT / "scripts" / "papersite"
#: Every module of the package is held to the limits (the developers' guide: no module over 400 lines,
#: no function over 60, without a reason written at its top; no module-level mutable state).
CORE = sorted(PACKAGE.rglob("*.py"))


def test_the_pipeline_is_a_short_recipe_listing_every_stage_module() -> None:
    assert len((PACKAGE / "pipeline.py").read_text(encoding="utf-8").splitlines()) < 150
    modules = {p.stem for p in (PACKAGE / "stages").glob("*.py")} - {"__init__"}
    listed = {stage.run.__module__.rsplit(".", 1)[-1] for stage in pipeline.STAGES}
    assert listed == modules
    for name in modules:
        assert isinstance(importlib.import_module(f"papersite.stages.{name}").STAGE, Stage)
    names = [stage.name for stage in pipeline.STAGES]
    assert len(set(names)) == len(names)
    assert names.index("citations") < names.index("glossary") < names.index("see-also") < names.index("render") < names.index("check")


def test_a_stage_may_set_only_the_fields_it_declares(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    rogue = Stage("rogue", lambda ctx: StageResult({"terms": ()}), writes=("papers",))
    with pytest.raises(ValueError, match="rogue.*terms"):
        pipeline.run_stages(Project.at(tmp_path), Cache(tmp_path), (rogue,))
    with pytest.raises(ValueError, match="no such result fields"):
        Stage("typo", lambda ctx: StageResult(), reads=("paper",))


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_modules_and_functions_are_within_the_limits(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    assert len(source.splitlines()) <= 400 or "Over 400 lines because" in (ast.get_docstring(tree) or "")
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno:
            length = node.end_lineno - node.lineno + 1
            assert length <= 60 or "Over 60 lines because" in (ast.get_docstring(node) or ""), f"{node.name}: {length} lines"


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_modules_keep_no_mutable_state(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    mutable = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            names = [t.id for t in (node.targets if isinstance(node, ast.Assign) else [node.target]) if isinstance(t, ast.Name)]
            if names == ["__all__"]:
                continue
            called = node.value.func.id if isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name) else ""
            assert not isinstance(node.value, mutable) and called not in ("dict", "list", "set"), f"line {node.lineno}: {names}"


def test_the_map_names_every_stage_and_its_module() -> None:
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for stage in pipeline.STAGES:
        module = stage.run.__module__.rsplit(".", 1)[-1]
        assert f"| {stage.name} | `{module}.py` |" in text, f"ARCHITECTURE.md's stage table lacks {stage.name}"
