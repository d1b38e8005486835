"""``papersite inspect`` reads a PDF as the parse stage does: its lines in reading order, labelled with the
PDF's own layout evidence; a file that is not a usable PDF gives the pipeline's diagnostic and exit 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from papersite.cli import main

from .conftest import ROOT

SANDWICH = ROOT / "tests" / "fixtures" / "pdf" / "zeileis2004-sandwich" / "paper.pdf"


def test_inspect_labels_a_pdfs_lines(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", "--json", str(SANDWICH)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    first = rows[0]
    assert first["line"] == 1 and first["zone"] == "header" and first["label"] == "title"
    assert first["text"] == "Econometric Computing with HC and HAC Covariance Matrix Estimators"
    entries = [row for row in rows if row.get("entry_start")]
    # The facts count 26 entries in the list; every entry start is in the references zone.
    assert len(entries) >= 20 and all(row["zone"] == "references" for row in entries)
    assert entries[0]["text"].startswith("Andrews DWK (1991).")


def test_inspect_names_a_file_that_is_not_a_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf at all")
    assert main(["inspect", str(bad)]) == 1
    err = capsys.readouterr().err
    assert str(bad) in err and "not a PDF" in err
