from papersite.model import Email, Emphasis, Superscript, Text
from papersite.parse.inline import parse_inline, strip_markers


def test_caret_superscript_becomes_superscript() -> None:
    assert parse_inline("Garineh Keshishyan Siraki^{2*}") == (
        Text("Garineh Keshishyan Siraki"),
        Superscript("2*"),
    )


def test_unicode_superscript_digits_become_superscript() -> None:
    assert parse_inline("¹Department of International Relations") == (
        Superscript("1"),
        Text("Department of International Relations"),
    )


def test_escaped_dollar_is_a_dollar() -> None:
    assert parse_inline(r"about \$ 30 billion in 2000") == (Text("about $ 30 billion in 2000"),)


def test_italics_marked_with_stars() -> None:
    assert parse_inline("(*M.A.* in International Relations)") == (
        Text("("),
        Emphasis("M.A."),
        Text(" in International Relations)"),
    )


def test_lone_stars_and_arithmetic_stay_text() -> None:
    assert parse_inline("a * b * c") == (Text("a * b * c"),)
    assert parse_inline("2*3*4") == (Text("2*3*4"),)


def test_email_is_recognised_without_its_full_stop() -> None:
    assert parse_inline("Email: g.keshishyan71@gmail.com.") == (
        Text("Email: "),
        Email("g.keshishyan71@gmail.com"),
        Text("."),
    )


def test_strip_markers_returns_name_and_markers() -> None:
    assert strip_markers("Miad Sadeghi¹") == ("Miad Sadeghi", ("1",))
    assert strip_markers("Garineh Keshishyan Siraki^{2*}") == ("Garineh Keshishyan Siraki", ("2*",))
