"""The pipeline's code is type-checked (mypy) and linted (ruff), as part of the tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import BIN, ROOT


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_mypy_finds_no_type_errors(tmp_path: Path) -> None:
    # Its own cache folder: two runs of the suite on one checkout do not share (and race on) .mypy_cache.
    result = _run(str(BIN / "mypy"), "--cache-dir", str(tmp_path / "mypy-cache"), "scripts/papersite")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finds_no_errors() -> None:
    result = _run(str(BIN / "ruff"), "check", "--no-cache", "scripts/papersite", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_cli_documents_every_command() -> None:
    result = _run(sys.executable, "-m", "papersite", "--help")
    for command in ("build", "check", "audit", "search-index"):
        assert command in result.stdout
    readme = Path(ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("papersite build", "papersite check", "papersite audit", "papersite search-index"):
        assert command in readme
