"""The byline and title a reader sees, on front-matter shapes common in journals (made-up papers in
those shapes; `benchmarks/parser_front.py` measures the same on GROBID's annotated documents).

- marks the extraction set apart from the names ("Glenn Litsios 1,2 and Nicolas Salamin 1,2*"), or
  after the comma before the next name ("Oany, 1 Tahmina Pervin, 2"), or a symbol alone ("1, *");
- a bare middle initial ("Calum J Maclean"), but never "UC Berkeley";
- a document type or a journal's "Open Access" above the title is no author;
- people's names in e-mail addresses are no vocabulary of the paper;
- an identifier line above the title, and a paper with no section headings (a letter)."""

from __future__ import annotations

from papersite.parse import parse_paper
from papersite.parse.bylines import lower_case_words, person_names

BODY = (
    "The results of this study show how the measured quantity changes with the applied field and\n"
    "with temperature, and we discuss how the samples were prepared before the measurements were\n"
    "made. The method follows earlier work closely, and every step is described in what follows.\n"
)


def test_marks_set_apart_from_names_are_the_names_marks() -> None:
    assert person_names("Glenn Litsios 1,2 and Nicolas Salamin 1,2*") == [
        ("Glenn Litsios", ("1", "2")), ("Nicolas Salamin", ("1", "2", "*"))]
    assert person_names("Arafat Rahman Oany, 1 Tahmina Pervin, 2 and K. M. Kaderi Kibria 1") == [
        ("Arafat Rahman Oany", ("1",)), ("Tahmina Pervin", ("2",)), ("K. M. Kaderi Kibria", ("1",))]
    assert person_names("Can Alkan 2 and S. Cenk Sahinalp 1, *") == [("Can Alkan", ("2",)), ("S. Cenk Sahinalp", ("1", "*"))]
    assert person_names("Table 1, Figure 2") is None
    assert person_names("Section 2 and Appendix 3") is None


def test_a_bare_middle_initial_but_not_an_acronym() -> None:
    assert person_names("Calum J Maclean* and Duncan Greig") == [("Calum J Maclean", ("*",)), ("Duncan Greig", ())]
    assert person_names("Ana CM Brasileiro") == [("Ana CM Brasileiro", ())]
    assert person_names("UC Berkeley") is None
    assert person_names("J Smith") is None


def test_names_in_e_mail_addresses_are_not_the_papers_vocabulary() -> None:
    words = lower_case_words("Contact: nicolas.salamin@unil.ch or see https://www.unil.ch/nicolas and the salamin data")
    assert "nicolas" not in words and "unil" not in words
    assert "salamin" in words and "data" in words


def _paper(front: str, body: str = "1. Introduction\n" + BODY * 20) -> tuple[str, list[str]]:
    parsed = parse_paper(front + body, paper_id="t", path="t.txt")
    return parsed.front.title, [a.name for a in parsed.front.authors]


def test_a_document_type_above_the_title_is_not_the_author() -> None:
    title, authors = _paper(
        "RESEARCH ARTICLE\nOpen Access\nHybridisation and diversification in the adaptive\nradiation of clownfishes\n"
        "Glenn Litsios 1,2 and Nicolas Salamin 1,2*\nAbstract\nBackground: We study how hybridisation shaped the "
        "diversification of a clade of reef fish.\nContact: nicolas.salamin@unil.ch\n"
    )
    assert title == "Hybridisation and diversification in the adaptive radiation of clownfishes"
    assert authors == ["Glenn Litsios", "Nicolas Salamin"]


def test_a_letter_without_headings_under_an_identifier_line() -> None:
    title, authors = _paper(
        "arXiv:cond-mat/0111187v1 [cond-mat.supr-con] 10 Nov 2001\n"
        "Temperature Dependence of the Magnetic Penetration Depth in the Vortex State of\n"
        "the Pyrochlore Superconductor\n"
        "M. D. Lumsden, 1 S. R. Dunsiger, J. E. Sonier, 3 R. I. Miller, 4 and R. F. Kiefl 4, 5\n"
        "1 Solid State Division, Oak Ridge National Laboratory, Oak Ridge, TN 37831\n"
        "(Dated: October 31, 2018)\n",
        BODY * 20,
    )
    assert title.startswith("Temperature Dependence of the Magnetic Penetration Depth")
    assert authors[:2] == ["M. D. Lumsden", "S. R. Dunsiger"]


def test_running_heads_repeating_the_title_and_author_leave_the_first_page_alone() -> None:
    page = BODY * 7
    text = (
        "Digital biomarkers of cognitive function\nPaul Dagum 1\n1 Mindstrong Health, Palo Alto, CA, USA\n"
        "Abstract\nWe look for digital markers of cognition in the way people use their phones every day.\n"
        "1. Introduction\n" + page + "\f"
        + "".join(f"Digital biomarkers of cognitive function\nP Dagum\n{n}\n" + page + "\f" for n in (2, 3, 4))
    )
    parsed = parse_paper(text, paper_id="t", path="t.txt")
    assert parsed.front.title == "Digital biomarkers of cognitive function"
    assert [a.name for a in parsed.front.authors] == ["Paul Dagum"]
    removed = [d.message for d in parsed.diagnostics if d.rule == "layout-removed"]
    assert any("Digital biomarkers" in m and "3 page(s)" in m for m in removed), removed  # the later pages' heads go


def test_a_title_line_of_capitalised_words_is_not_a_byline() -> None:
    title, authors = _paper(
        "InfoStick: an interaction device for\nInter-Appliance Computing\n"
        "Naohiko Kohtake 1 , Jun Rekimoto 2 , and Yuichiro Anzai 1\n"
        "1 Department of Computer Science, Keio University, Yokohama, Japan\n"
        "Abstract. Many electric appliances have recently become network reachable, and we would like to use them together.\n"
    )
    assert title == "InfoStick: an interaction device for Inter-Appliance Computing"
    assert authors == ["Naohiko Kohtake", "Jun Rekimoto", "Yuichiro Anzai"]


def test_the_loose_author_rule_reads_labels_and_marks_and_skips_plain_words() -> None:
    from papersite.parse.author_lines import plain_words as _plain_words, read_authors as _read_authors

    assert [(a.name, a.markers) for a in _read_authors("Lisa M. Lix a, Jane Roe 2*")] == [("Lisa M. Lix", ("a",)), ("Jane Roe", ("2", "*"))]
    assert [a.name for a in _read_authors("AUTHORS: A. Wesley Burks")] == ["A. Wesley Burks"]
    vocabulary = frozenset({"comments", "and", "responses", "open", "introduction"})
    assert _plain_words("COMMENTS AND RESPONSES", vocabulary) and _plain_words("OPEN", vocabulary)
    assert not _plain_words("MADELYN L. WHEELER", vocabulary)


def test_a_short_line_above_the_title_yields_to_a_long_byline_below_it() -> None:
    title, authors = _paper(
        "ARTICLE\nOPEN\nSuppression of FOXM1 activities and breast cancer growth\nin vitro and in vivo by a new class of compounds\n"
        "Yvonne Ziegler 1 , Mary J. Laws 1 , Valeria Sanabria Guillen 1 , Sung Hoon Kim 2 , Parama Dey 1 , Brandi Patrice Smith 1 ,\n"
        "Noah Bindman 2 , Yuechao Zhao 1 , Kathryn Carlson 2 , Mayuri A. Yasuda 1 , Divya Singh 1 , Zhong Li 2 ,\n"
        "Zeynep Madak-Erdogan 3 , John A. Katzenellenbogen 2 and Benita S. Katzenellenbogen 1 *\n"
        "The transcription factor FOXM1 is upregulated and overexpressed in aggressive, therapy-resistant forms of cancer.\n"
    )
    assert title == "Suppression of FOXM1 activities and breast cancer growth in vitro and in vivo by a new class of compounds"
    assert authors[:2] == ["Yvonne Ziegler", "Mary J. Laws"] and authors[-1] == "Benita S. Katzenellenbogen"


def test_letter_marks_set_apart_from_names() -> None:
    assert person_names("Jean-Marc Bardet a * , Paul Doukhan ab , José Rafael León c †") == [
        ("Jean-Marc Bardet", ("a", "*")), ("Paul Doukhan", ("a", "b")), ("José Rafael León", ("c", "†"))]
    assert person_names("Pedro Silva e Maria Souza") is None  # "e" joins two names in Portuguese: no mark


def test_degrees_after_names_are_no_authors() -> None:
    from papersite.parse.author_lines import read_authors

    names = [a.name for a in read_authors("Joanne M. Murabito, MD, ScM 1,2,* , Charles C. White, MPH 3,* , Maryam Kavousi, M.D., Ph.D.")]
    assert names == ["Joanne M. Murabito", "Charles C. White", "Maryam Kavousi"]


def test_a_title_ending_in_a_full_stop_keeps_its_last_line() -> None:
    title, authors = _paper(
        "Fndc3a (Fibronectin Domain Containing Protein 3A) influences median fin fold\n"
        "development and caudal fin regeneration in zebrafish by ECM alteration.\n"
        "Daniel Liedtke 1,* , Melanie Orth 1 , Michelle Meissler 1 , Sinje Geuer 2\n"
        "1 Institute of Human Genetics, Biocenter, University of Würzburg, 97074 Würzburg, Germany\n"
        "2 Department of Human Genetics, Radboud University Medical Center, Nijmegen, The Netherlands\n"
    )
    assert title.endswith("caudal fin regeneration in zebrafish by ECM alteration.")
    assert authors[0] == "Daniel Liedtke"
