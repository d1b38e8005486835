"""Text fragments for claim links: the claim's own sentence, percent-encoded per the spec."""

from __future__ import annotations

from urllib.parse import unquote

from papersite.render.fragments import claim_sentence, encode_term, sentence_around, text_directive

PARAGRAPH = (
    "Russia, therefore, has sought to strike a balance. Important point for Russia is its aggressive "
    "policy in the form of a tough balance against the hegemon. They have exercised their military "
    "jurisdiction wherever necessary."
)


def test_syntax_characters_are_encoded() -> None:
    encoded = encode_term("Russia-China ties, trade & arms")
    assert encoded == "Russia%2DChina%20ties%2C%20trade%20%26%20arms"
    assert unquote(encoded) == "Russia-China ties, trade & arms"


def test_the_sentence_holding_a_quote_is_found() -> None:
    assert claim_sentence(PARAGRAPH, "tough balance") == (
        "Important point for Russia is its aggressive policy in the form of a tough balance against the hegemon."
    )
    assert claim_sentence(PARAGRAPH, "Russia,   therefore") == "Russia, therefore, has sought to strike a balance."
    assert claim_sentence(PARAGRAPH, "not in the paragraph") == ""


def test_a_quote_across_sentences_spans_both() -> None:
    start = PARAGRAPH.index("hegemon.")
    assert sentence_around(PARAGRAPH, start, start + 20).startswith("Important point")
    assert sentence_around(PARAGRAPH, start, start + 20).endswith("wherever necessary.")


def test_short_sentences_whole_long_ones_by_their_edges() -> None:
    assert text_directive("A short claim.") == ":~:text=A%20short%20claim."
    long = text_directive(claim_sentence(PARAGRAPH, "tough balance"))
    assert long == ":~:text=Important%20point%20for%20Russia%20is,tough%20balance%20against%20the%20hegemon."
    assert text_directive("   ") == ""
