"""Header decoding (hdr4): a line labelled as a title of some kind bounds the title run and is no byline."""

from __future__ import annotations

from papersite.structure.header_features import _title_label, _title_spans, header_features, tag_header
from papersite.structure.models import default_models


def test_title_labels_are_told_apart_from_a_title_line_with_a_colon() -> None:
    assert _title_label("Title: Estimating species interactions") == "title"
    assert _title_label("Full title: How do citizens perceive farm animal welfare") == "title"
    assert _title_label("Short title: Oral microbial dysbiosis and arthritis") == "secondary"
    assert _title_label("Running head: Species interactions in Markov networks") == "secondary"
    assert _title_label("RUNNING TITLE: NRF3-CPEB3-NRF1 axis") == "secondary"
    # a wrapped title whose line happens to hold a colon is no label
    assert _title_label("Antiepileptic Drug Review: Part 1") is None
    assert _title_label("Systems: An Encoded Path View Approach") is None


def test_no_candidate_run_goes_over_a_labelled_line_or_takes_a_short_title() -> None:
    p = [0.9, 0.9, 0.8, 0.1]
    spans = _title_spans(p, [False, False, True, False], [False, False, True, False])
    assert (0, 1) in spans
    assert not any(a <= 2 <= b for a, b in spans)
    # a "Title:" line may begin the run but never continue one
    spans = _title_spans(p, [True, True, False, False], [True, False, False, False])
    assert (1, 2) in spans and all(a >= 1 for a, _ in spans)


FRONT = [
    "1",
    "Oral microbial dysbiosis linked to worsened periodontal condition in rheumatoid",
    "arthritis patients",
    "Short title: Oral microbial dysbiosis and arthritis",
    "Jane C. Smith 1 , Peter R. Jones 2 , Maria Souza 1 *",
    "1 Faculty of Dentistry, Federal University of Minas Gerais, Belo Horizonte, Brazil",
    "2 Oswaldo Cruz Foundation, Belo Horizonte, Brazil",
    "* Corresponding author: E-mail: msouza@example.org",
    "Abstract",
    "Rheumatoid arthritis is an autoimmune disorder associated with periodontal destruction. We",
    "analysed the oral microbial community of patients with rheumatoid arthritis and of controls.",
]


def test_the_short_title_is_neither_in_the_title_nor_the_first_author() -> None:
    labels, _ = tag_header(default_models().header, FRONT)
    title = [FRONT[i] for i, label in enumerate(labels) if label.startswith("title/")]
    assert title == FRONT[1:3]
    assert not labels[3].startswith(("title/", "author/"))


def test_only_a_name_found_in_an_address_is_evidence_no_address_is_none() -> None:
    lines = [
        "Adaptive Sampling Strategies for Sparse Sensor Networks",
        "Tomasz Wierzbicki and Helena Marchetti",
        "helena.marchetti@uni.example.org",
    ]
    features = header_features(lines)
    # the byline names someone with an address: a match
    assert "h:mail=low" in features[1] or "h:mail=high" in features[1]
    # the title's words are in no address, and that says nothing either way (it read as strong title evidence)
    assert "h:mail=none" in features[0] and "h:mail=0" not in features[0]
    assert not any(f.endswith("h:mail=0") or "h:mail=0|" in f or "h:mail=0/" in f for f in features[0] + features[1])


def test_a_candidate_is_weighed_with_the_title_fields_viterbi_began_inside_its_run() -> None:
    from papersite.structure.header_decode import _as_scored

    viterbi = ["other/B", "title/B", "title/B", "title/I", "author/B"]
    candidate = ["title/B", "title/I", "title/I", "title/I", "author/B"]
    # lines 1 and 2 began title fields in Viterbi's reading: weighed as they were; the output stays one run
    assert _as_scored(candidate, viterbi) == ["title/B", "title/B", "title/B", "title/I", "author/B"]
    assert _as_scored(viterbi, viterbi) == viterbi


def test_lines_put_out_of_the_title_take_a_whole_field_continuing_the_line_before() -> None:
    tagger = default_models().header
    labels, _ = tag_header(tagger, FRONT)
    fields = [label.partition("/")[0] for label in labels]
    # every continuation line continues the field of the line before it
    for i, label in enumerate(labels):
        if label.endswith("/I"):
            assert i > 0 and fields[i - 1] == fields[i]


def test_a_web_address_doi_or_issn_line_is_never_in_the_title() -> None:
    from papersite.structure.header_decode import title_bounds

    lines = [
        "Statistical notes for clinical researchers: Type I and type II errors",
        "ISSN 2234-7658 (print) / ISSN 2234-7666 (online) http://dx.doi.org/10.5395/rde.2015.40.3.249",
        "www.fob.usp.br/jaos",
        "Title: Estimating species interactions from observational data",
        "Short title: Species interactions",
        "Surgery: Medicolegal Implications",
        "Printed in Austria",
        "© 2005 IEEE",
        "O r i g i n a l r e s e a r c h",
        "N . G . G R A T Z",
        "jane.doe@uni.example.org",
    ]
    labelled, begins, never = title_bounds(lines)
    assert never == [False, True, True, False, True, False, True, True, True, True, True]
    assert labelled == begins == [False, False, False, True, True, False, False, False, False, False, False]
