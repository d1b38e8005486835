from pathlib import Path

from papersite.metadata import load_metadata


def test_metadata_overrides_are_read_with_types(tmp_path: Path) -> None:
    path = tmp_path / "p.yml"
    path.write_text(
        "title: A Better Title\nyear: 2021\nkeywords: [a, b]\nheadings:\n  - text: Methods\n    level: 3\n  - text: Notes\n    heading: false\n",
        encoding="utf-8",
    )
    metadata, notes = load_metadata(path, "sources/p.yml")
    assert notes == []
    assert metadata.title == "A Better Title" and metadata.year == "2021" and metadata.keywords == ("a", "b")
    assert [(h.text, h.heading, h.level) for h in metadata.headings] == [("Methods", True, 3), ("Notes", False, None)]


def test_unknown_key_is_reported_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "p.yml"
    path.write_text("title: X\ntitel: typo\n", encoding="utf-8")
    metadata, notes = load_metadata(path, "sources/p.yml")
    assert metadata.title == "X"
    assert [str(n) for n in notes] == [
        "sources/p.yml:2: warning: unknown key 'titel' ignored (known: accepted, authors, doi, family_names, headings, issue, "
        "keywords, language, license, pages, published, publisher, received, short_title, submitted, title, url, venue, volume, year) "
        "[metadata-unknown-key]"
    ]


def test_invalid_yaml_is_an_error_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "p.yml"
    path.write_text("title: ok\nheadings: [unclosed\n", encoding="utf-8")
    metadata, notes = load_metadata(path, "sources/p.yml")
    assert metadata.title is None
    assert notes[0].severity == "error" and notes[0].rule == "yaml-invalid"
    assert notes[0].span is not None and notes[0].span.line >= 2
