"""Glossary matching rules and their near-misses, on small texts."""

from __future__ import annotations

from pathlib import Path

from papersite.glossary import load_glossary
from papersite.glossary.linking import build_matcher, link_paragraph
from papersite.model import Paragraph, SourceSpan, Term, TermRef, Text

TERMS = (
    Term("balance", "Balance", (), "An even spread of power."),
    Term("balance-of-threat", "Balance of threat", ("balance of threats", "threat balance"), "Walt's theory."),
    Term("nato", "NATO", ("North Atlantic Treaty Organization",), "The alliance."),
    Term("atlanticism", "Atlanticism", ("Atlanticist", "new Atlanticism"), "A transatlantic orientation."),
    Term("eurasia", "Eurasia", (), "The continent."),
    Term("eurasianism", "Eurasianism", ("neo-Eurasians",), "A Russian doctrine."),
)
MATCHER = build_matcher(TERMS)


def linked(text: str, policy: str = "first-per-paragraph") -> list[tuple[str, str]]:
    paragraph = Paragraph((Text(text),), SourceSpan("t.txt", 1), id="x-p1")
    result = link_paragraph(paragraph, MATCHER, policy)  # type: ignore[arg-type]
    assert "".join(n.text for n in result.inlines if isinstance(n, (Text, TermRef))) == text  # no text lost
    return [(n.text, n.term_id) for n in result.inlines if isinstance(n, TermRef)]


def test_longest_form_wins() -> None:
    assert linked("the balance of threat theory") == [("balance of threat", "balance-of-threat")]
    assert linked("a new Atlanticism emerged") == [("new Atlanticism", "atlanticism")]


def test_balance_alone_is_the_shorter_term_not_balance_of_threat() -> None:
    assert linked("a balance against them") == [("balance", "balance")]


def test_all_forms_of_threat_balance_link_to_the_same_term() -> None:
    for text in ("threat balance", "the balance of threats", "Balance of Threat"):
        assert [t for _, t in linked(text)] == ["balance-of-threat"]


def test_case_insensitive_for_ordinary_words_case_sensitive_for_acronyms() -> None:
    assert linked("atlanticism and ATLANTICISM") == [("atlanticism", "atlanticism")]
    assert linked("nato is not NATO") == [("NATO", "nato")]


def test_possessive_links_the_term_and_word_boundaries_hold() -> None:
    assert linked("NATO's expansion") == [("NATO", "nato")]
    assert linked("NATOS and Eurasianists") == []
    assert linked("Eurasianism in Eurasia") == [("Eurasianism", "eurasianism"), ("Eurasia", "eurasia")]


def test_only_first_occurrence_per_paragraph_by_default() -> None:
    assert linked("NATO grew. NATO again.") == [("NATO", "nato")]
    assert linked("NATO grew. NATO again.", "every-occurrence") == [("NATO", "nato"), ("NATO", "nato")]


def test_form_broken_over_a_line_still_matches() -> None:
    assert linked("balance of\nthreat") == [("balance of\nthreat", "balance-of-threat")]


def test_one_compiled_pattern_for_all_terms() -> None:
    assert MATCHER.pattern is not None
    assert MATCHER.pattern.pattern.count("|") == sum(1 + len(t.forms) for t in TERMS) - 1


def test_glossary_file_problems_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yml"
    path.write_text(
        "terms:\n"
        "  - id: a\n    name: A\n    short: First.\n    related: [missing]\n"
        "  - id: a\n    name: Again\n    short: Duplicate.\n"
        "  - id: b\n    name: No short\n",
        encoding="utf-8",
    )
    terms, notes = load_glossary(path, "sources/glossary.yml")
    assert [t.id for t in terms] == ["a"]
    assert {(n.rule, n.span.line if n.span else 0) for n in notes} == {
        ("glossary-duplicate-id", 6),
        ("glossary-missing-field", 9),
        ("glossary-unknown-related", 2),
    }
