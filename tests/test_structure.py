"""The structure models (papersite.structure) on real text: the open-licence fixtures and the two papers."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from papersite.cli import main
from papersite.structure import LineEvidence, LineLabel, label_lines
from papersite.structure.authors import split_authors
from papersite.structure.data import held_out, sequences
from papersite.structure.types import LABEL_BLANK, ZONES

from .conftest import ROOT

BUTTS = ROOT / "tests" / "fixtures" / "open" / "butts2008-network" / "paper.raw.txt"
SADEGHI = ROOT / "sources" / "sadeghi2022.txt"
LAYOUTDATA = Path("/work/shared/layoutdata")


@pytest.fixture(scope="module")
def butts() -> tuple[list[str], list[LineLabel]]:
    lines = BUTTS.read_text(encoding="utf-8").split("\n")
    return lines, label_lines(lines)


def _field(lines: list[str], labels: list[LineLabel], zone: str, label: str) -> list[str]:
    """The first block with ``zone``/``label``: its first line and the lines continuing it."""
    out: list[str] = []
    for text, got in zip(lines, labels):
        if got.zone == zone and got.label == label and (not out or not got.start):
            out.append(text.strip())
        elif out and got.label != LABEL_BLANK:
            break
    return out


def test_one_label_per_line_from_the_fixed_vocabularies(butts: tuple[list[str], list[LineLabel]]) -> None:
    lines, labels = butts
    assert len(labels) == len(lines)
    assert {label.zone for label in labels} <= set(ZONES)
    assert all(0.0 <= label.p <= 1.0 for label in labels)
    assert all(label.label == LABEL_BLANK for text, label in zip(lines, labels) if not text.strip())


def test_title_and_author_of_a_pdf_text_paper(butts: tuple[list[str], list[LineLabel]]) -> None:
    lines, labels = butts
    assert " ".join(_field(lines, labels, "header", "title")) == "network: A Package for Managing Relational Data in R"
    assert split_authors(" ".join(_field(lines, labels, "header", "author"))) == ["Carter T. Butts"]


def test_headings_running_heads_and_reference_entries_of_a_pdf_text_paper(
    butts: tuple[list[str], list[LineLabel]],
) -> None:
    lines, labels = butts
    by_text = {text.strip(): label for text, label in zip(lines, labels)}
    assert by_text["1.1. Historical note"].label == "heading"
    assert by_text["38 network: Managing Relational Data in R"].zone == "furniture"
    assert by_text["References"].zone == "references"
    for entry in ("Batagelj V, Brandes U (2005).", "Drabek TE, Tamminga HL, Kilijanek TS, Adams CR (1981)."):
        line = next(i for i, text in enumerate(lines) if text.startswith(entry))
        assert labels[line].zone == "references" and labels[line].entry_start, entry
    # an entry's wrapped second line does not start an entry
    wrapped = next(i for i, text in enumerate(lines) if text.startswith("jana, Slovenia."))
    assert labels[wrapped].zone == "references" and not labels[wrapped].entry_start


def test_blank_line_separated_paper_title_and_paragraphs() -> None:
    lines = SADEGHI.read_text(encoding="utf-8").split("\n")
    labels = label_lines(lines)
    assert _field(lines, labels, "header", "title") == [lines[0].strip()]
    # a blank line ends a block: every non-blank line starts one
    assert all(label.start for text, label in zip(lines, labels) if text.strip())
    body = [label for label in labels if label.zone == "body" and label.label != LABEL_BLANK]
    assert sum(label.label == "paragraph" for label in body) > 0.6 * len(body)


def test_pdf_evidence_turns_a_large_short_line_into_a_heading() -> None:
    lines = BUTTS.read_text(encoding="utf-8").split("\n")[100:160]
    plain = label_lines(lines)
    target = next(i for i, label in enumerate(plain) if label.zone == "body" and label.label == "paragraph" and len(lines[i].split()) > 3)
    short = lines[target].split()[:4]
    lines[target] = " ".join(short).rstrip(".,;:")
    evidence: list[LineEvidence | None] = [None] * len(lines)
    evidence[target] = LineEvidence(page=3, font_size_ratio=1.4, bold=True)
    with_evidence = label_lines(lines, evidence)
    assert with_evidence[target].label == "heading" and with_evidence[target].start
    # nothing else changes, but the line after a heading starts a block
    without = label_lines(lines)
    after = next(i for i in range(target + 1, len(lines)) if lines[i].strip())
    assert with_evidence[after].start
    assert [replace(label, start=False) if i == after else label for i, label in enumerate(with_evidence) if i != target] == [
        replace(label, start=False) if i == after else label for i, label in enumerate(without) if i != target
    ]


def test_author_lines_split_into_persons() -> None:
    assert split_authors("Kelly M. Schiabor 1 , Allison S. Quan 1 and Michael B. Eisen 1,2") == [
        "Kelly M. Schiabor", "Allison S. Quan", "Michael B. Eisen",
    ]
    assert split_authors("Miad Sadeghi¹, Garineh Keshishyan Siraki^{2*}, Mohammad Reza Ghaedi³") == [
        "Miad Sadeghi", "Garineh Keshishyan Siraki", "Mohammad Reza Ghaedi",
    ]
    assert split_authors("Smith, J., Jones, A. B.") == ["Smith, J", "Jones, A. B"]


def test_inspect_prints_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(BUTTS), "--json"]) == 0
    records = [json.loads(row) for row in capsys.readouterr().out.splitlines()]
    assert [r["line"] for r in records] == list(range(1, len(records) + 1))
    assert records[0]["text"].startswith("network: A Package") and records[0]["zone"] == "header"
    assert set(records[0]) >= {"line", "text", "zone", "label", "p"}
    starts = [r for r in records if r.get("entry_start")]
    assert starts and all(r["zone"] == "references" for r in starts)


def test_inspect_refuses_a_binary_file_with_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"abc\x00def")
    assert main(["inspect", str(binary)]) == 1
    assert "binary" in capsys.readouterr().err


@pytest.mark.skipif(not LAYOUTDATA.is_dir(), reason="GROBID layout data not available")
def test_split_is_by_document_and_the_same_in_every_file() -> None:
    held = {s.doc_id for s in sequences(LAYOUTDATA, "reference-segmenter", evaluation=True)}
    kept = {s.doc_id for s in sequences(LAYOUTDATA, "reference-segmenter", evaluation=False)}
    assert held and kept and not held & kept
    assert all(held_out(doc_id) for doc_id in held)
    assert 0.1 < len(held) / (len(held) + len(kept)) < 0.35


def test_odd_input_gets_labels_not_a_crash() -> None:
    assert label_lines([]) == []
    odd = ["x" * 5000, "\f", "\x00\ud800 lone surrogate", "", "References", "[1] A. B. 2001. Title."]
    labels = label_lines(odd)
    assert len(labels) == len(odd)
    assert labels[1].label == LABEL_BLANK and labels[3].label == LABEL_BLANK
