"""Issue 18, fifth round: the early segment repairs (:mod:`papersite.refparse.repairs`).

The repairs are tested on segments as the labeller cuts them: the references that show each
repair at work are strings of GROBID's dev files with the labelling the dev model gave them;
the counter-cases, which must come out unchanged, are made up. Where it matters the result is
checked through :func:`assemble`, as the field a reader sees.
"""

from __future__ import annotations

from papersite.refparse.assemble import assemble
from papersite.refparse.fields import split_trailing_volume
from papersite.refparse.repairs import (
    editors_in_book_title,
    glued_number_prefix,
    journal_alone,
    quoted_title,
    range_not_publisher,
    title_before_identifier,
    title_in_authors,
)


def test_a_cjk_ordinal_glued_to_the_volume_leaves_the_journal() -> None:
    raw = "劉曉紅, 馮碩, '制度型開放背景下境外仲裁機構內地仲裁的改革因應', 法學評論, 總第221期, 2020."
    segments = [
        ("author", "劉曉紅, 馮碩,"),
        ("title", "'制度型開放背景下境外仲裁機構內地仲裁的改革因應',"),
        ("journal", "法學評論, 總第"),
        ("volume", "221"),
        ("date", "期, 2020."),
    ]
    parsed = assemble(raw, segments)
    assert parsed.container == "法學評論"
    assert parsed.title == "制度型開放背景下境外仲裁機構內地仲裁的改革因應"
    assert parsed.year == "2020"


def test_a_cjk_ordinal_moves_to_the_pages_too_but_only_when_glued() -> None:
    raw = "曹明德, 2004, '对建立我国生态补偿制度的思考', 法学, 第41页."
    segments = [("author", "曹明德,"), ("date", "2004,"), ("title", "'对建立我国生态补偿制度的思考',"), ("journal", "法学, 第"), ("pages", "41页.")]
    assert glued_number_prefix(raw, segments)[3:] == [("journal", "法学, "), ("pages", "第41页.")]
    spaced = "曹明德, 2004, '对建立我国生态补偿制度的思考', 法学, 第 41页."
    assert glued_number_prefix(spaced, segments) == segments


def test_a_series_letter_glued_to_the_volume_stays_with_the_journal() -> None:
    raw = "J. M. Bardeen, Gauge-invariant cosmological perturbations Phys. Rev. D22 (1980)."
    segments = [
        ("author", "J. M. Bardeen,"),
        ("title", "Gauge-invariant cosmological perturbations"),
        ("journal", "Phys. Rev. D"),
        ("volume", "22"),
        ("date", "(1980)."),
    ]
    assert glued_number_prefix(raw, segments) == segments


def test_the_title_of_a_preprint_is_taken_from_the_note_before_its_arxiv_number() -> None:
    raw = "M. Bullimore, T. Dimofte, D. Gaiotto, J. Hilburn, H. Kim, Vortices and Vermas, arXiv:1609.04406."
    segments = [("author", "M. Bullimore, T. Dimofte, D. Gaiotto, J. Hilburn, H. Kim,"), ("note", "Vortices and Vermas, arXiv:1609.04406.")]
    parsed = assemble(raw, segments)
    assert parsed.title == "Vortices and Vermas"
    assert parsed.note == "arXiv:1609.04406"
    assert [p.family for p in parsed.authors] == ["Bullimore", "Dimofte", "Gaiotto", "Hilburn", "Kim"]


def test_a_note_is_left_alone_when_there_is_a_title_or_no_identifier() -> None:
    with_title = [("author", "D. Baumann,"), ("title", "TASI Lectures on Inflation,"), ("note", "arXiv:0907.5424.")]
    assert title_before_identifier(with_title) == with_title
    no_identifier = [("author", "A. B,"), ("note", "to be published in Phys. Rev.")]
    assert title_before_identifier(no_identifier) == no_identifier
    one_word = [("author", "A. B,"), ("note", "Preprint, arXiv:0907.5424.")]
    assert title_before_identifier(one_word) == one_word


def test_an_open_quotation_runs_the_title_on_to_its_closing_mark() -> None:
    raw = (
        'Koszul, J.-L., "Crochet de Schouten-Nijenhuis et cohomologie, in the mathematical heritage of Elie '
        'Cartan (Lyon, 1984)," Astérisque 257-291 (1985).'
    )
    segments = [
        ("author", "Koszul, J.-L.,"),
        ("title", '"Crochet de Schouten-Nijenhuis et cohomologie, in the mathematical heritage of Elie Cartan'),
        ("location", "(Lyon,"),
        ("date", '1984),"'),
        ("journal", "Astérisque"),
        ("pages", "257-291"),
        ("date", "(1985)."),
    ]
    parsed = assemble(raw, segments)
    assert parsed.title is not None and parsed.title.endswith("Cartan (Lyon, 1984)")
    assert parsed.year == "1985"
    assert parsed.place is None
    assert parsed.container == "Astérisque"


def test_a_quotation_is_not_run_on_past_a_journal() -> None:
    segments = [("title", "“Open quote without end"), ("journal", "Journal of X"), ("note", "said ”")]
    assert quoted_title(segments) == segments


def test_an_author_followed_only_by_a_volume_and_pages_is_a_journal_cited_alone() -> None:
    raw = "Glycoconjugate J (1990) 7:525-543"
    segments = [("author", "Glycoconjugate J"), ("date", "(1990)"), ("volume", "7:"), ("pages", "525-543")]
    parsed = assemble(raw, segments)
    assert parsed.container == "Glycoconjugate J"
    assert parsed.authors == ()
    assert (parsed.volume, parsed.pages, parsed.year) == ("7", "525-543", "1990")


def test_a_list_of_names_or_a_reference_with_a_title_keeps_its_authors() -> None:
    names = [("author", "Munro S, Nichols BJ."), ("date", "2005;"), ("volume", "12(3):"), ("pages", "45-67")]
    assert journal_alone(names) == names
    titled = [("author", "Smith J"), ("title", "On X."), ("volume", "7:"), ("pages", "1-2")]
    assert journal_alone(titled) == titled
    pages_only = [("author", "Smith J"), ("date", "1990"), ("pages", "1-2")]
    assert journal_alone(pages_only) == pages_only


def test_a_title_run_into_an_initials_first_author_list_is_taken_out() -> None:
    raw = "[15] R. M. Wald, General Relativity, University of Chicago Press (1984)."
    segments = [
        ("citation-number", "[15]"),
        ("author", "R. M. Wald, General Relativity,"),
        ("publisher", "University of Chicago Press"),
        ("date", "(1984)."),
    ]
    parsed = assemble(raw, segments)
    assert parsed.title == "General Relativity"
    assert [(p.family, p.given) for p in parsed.authors] == [("Wald", "R. M.")]
    assert parsed.publisher == "University of Chicago Press"


def test_names_suffixes_collaborations_and_abbreviations_stay_in_the_author_list() -> None:
    for text in (
        "E. W. GARBISCH, JR.",
        "R. Diener, LCTPC Collaboration,",
        "G.S. Bali, S. Collins, W.Söldner ,A .Sternbeck ,",
        "A. F. Shestakov, Russ.",
        "Smith, John, Jones, Mary,",
    ):
        segments = [("author", text), ("journal", "J. X"), ("volume", "3")]
        assert title_in_authors(segments) == segments, text
    titled = [("author", "R. M. Wald, General Relativity,"), ("title", "Other")]
    assert title_in_authors(titled) == titled


def test_a_number_range_labelled_publisher_is_the_pages() -> None:
    raw = "Dragesco, J., 1970. Cilis libres du Cameroun. Num. Ann. Fac. Sci. Univ. fed. Cameroun), (Numero hors-Serie: 1-141."
    segments = [
        ("author", "Dragesco, J.,"),
        ("date", "1970."),
        ("title", "Cilis libres du Cameroun."),
        ("journal", "Num. Ann. Fac. Sci. Univ. fed. Cameroun),"),
        ("location", "(Numero hors-Serie:"),
        ("publisher", "1-141."),
    ]
    parsed = assemble(raw, segments)
    assert (parsed.pages, parsed.publisher) == ("1-141", None)
    with_pages = [("publisher", "1-2"), ("pages", "3-4")]
    assert range_not_publisher(with_pages) == with_pages


def test_volume_words_of_other_languages_leave_the_end_of_a_book_title() -> None:
    assert split_trailing_volume("Handbuch Sonderpädagogik Band 3", volume_follows=False) == (
        "Handbuch Sonderpädagogik",
        "Band 3",
    )
    assert split_trailing_volume("Consumer Installment Credit, Part II,", volume_follows=True) == (
        "Consumer Installment Credit",
        "Part II,",
    )
    assert split_trailing_volume("Journal of Banding Studies", volume_follows=True) == ("Journal of Banding Studies", None)


def test_editors_run_into_a_book_title_are_taken_out_but_not_a_title_after_eds() -> None:
    raw = (
        "Yorke, Barbara. “Anglo-Saxon Origin Legends.” In Myth, Rulership, Church and Charters: Essays in Honour "
        "of Nicholas Brooks, ed. Julia Barrow and Andrew Wareham. Aldershot, 2008. Pp. 15–29."
    )
    segments = [
        ("author", "Yorke, Barbara."),
        ("title", "“Anglo-Saxon Origin Legends.”"),
        ("container-title", "In Myth, Rulership, Church and Charters: Essays in Honour of Nicholas Brooks, ed. Julia Barrow and Andrew Wareham."),
        ("location", "Aldershot,"),
        ("date", "2008."),
        ("pages", "Pp. 15–29."),
    ]
    parsed = assemble(raw, segments)
    assert parsed.container == "Myth, Rulership, Church and Charters: Essays in Honour of Nicholas Brooks"
    assert [p.family for p in parsed.editors] == ["Barrow", "Wareham"]
    title_after = [("container-title", "in Judith Fingard and Janet Guildford, eds. Mothers of the Municipality: Women, Work,")]
    assert editors_in_book_title(title_after) == title_after
