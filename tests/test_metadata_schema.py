"""The paper-metadata schema is declared once (the PaperMetadata dataclass) and every reader uses it."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from papersite.metadata import KNOWN_KEYS, LIST_KEYS, SCALAR_KEYS, PaperMetadata, load_metadata
from papersite.parse.markdown_paper import front_matter_metadata


def test_the_schema_is_the_dataclass() -> None:
    assert KNOWN_KEYS == {f.name for f in fields(PaperMetadata)} - {"path"}
    assert set(SCALAR_KEYS) | set(LIST_KEYS) | {"authors", "headings"} == KNOWN_KEYS
    assert not set(SCALAR_KEYS) & set(LIST_KEYS)


def test_a_metadata_file_and_markdown_front_matter_read_every_scalar_key_alike(tmp_path: Path) -> None:
    path = tmp_path / "paper.yml"
    path.write_text("".join(f"{key}: value of {key}\n" for key in SCALAR_KEYS), encoding="utf-8")
    from_file, problems = load_metadata(path, "sources/paper.yml")
    assert problems == []
    from_front_matter = front_matter_metadata({key: f"value of {key}" for key in SCALAR_KEYS})
    for key in SCALAR_KEYS:
        assert getattr(from_file, key) == getattr(from_front_matter, key) == f"value of {key}"


def test_an_unknown_key_is_reported_naming_the_known_ones(tmp_path: Path) -> None:
    path = tmp_path / "paper.yml"
    path.write_text("title: T\ncolour: blue\n", encoding="utf-8")
    metadata, problems = load_metadata(path, "sources/paper.yml")
    assert metadata.title == "T"
    assert [str(p) for p in problems] == [
        f"sources/paper.yml:2: warning: unknown key 'colour' ignored (known: {', '.join(sorted(KNOWN_KEYS))}) [metadata-unknown-key]"
    ]
