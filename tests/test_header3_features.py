"""Header model: the features added for title edges and names, the name splitter, and the title decoding."""

from __future__ import annotations

from papersite.structure.authors import name_key, split_authors
from papersite.structure.header_features import (
    _boundaries,
    _in_mail,
    _mailboxes,
    _name_shape,
    _title_spans,
    header_features,
    tag_header,
)
from papersite.structure.models import default_models

FRONT = [
    "Journal of Hydrological Studies 12 (2024) 101-118",
    "PROFILES OF GROUNDWATER RECHARGE ESTIMATES FOR THE UPPER AND",
    "LOWER BASINS OF THE RIVER ODRA",
    "Zdzisław Kowalczyk 1 , Anders Björkelund 2 and Émilie Aussant 1*",
    "1 Faculty of Geology, University of Wrocław, Poland",
    "2 Department of Earth Sciences, Lund University, Sweden",
    "* Corresponding author: emilie.aussant@uni.example.org, zdzislaw.kowalczyk@uni.example.org",
    "Abstract",
    "We compare estimates of groundwater recharge for the upper and lower basins of the river,",
    "using profiles of soil moisture measured over twelve years in both basins.",
]


def test_names_spelt_in_an_e_mail_address_are_marked_and_title_words_are_not() -> None:
    boxes = _mailboxes(FRONT)
    assert "emilieaussant" in boxes and "zdzislawkowalczyk" in boxes
    # accents folded as addresses spell them: "Zdzisław" -> zdzislaw, "Émilie" -> emilie
    assert _in_mail("Zdzisław Kowalczyk and Émilie Aussant", boxes) == "h:mail=all"
    assert _in_mail("Anders Björkelund", boxes) == "h:mail=0"  # no address of his
    assert _in_mail(FRONT[1], boxes) == "h:mail=0"
    assert _in_mail("Anything", []) == "h:mail=none"
    assert _mailboxes(["{love.hafdell, pierre.nugues}@cs.example.se"]) == ["lovehafdell", "pierrenugues"]


def test_a_wrapped_title_shows_its_seam() -> None:
    seams = _boundaries(FRONT)
    # the title's first line ends on a function word, the next goes on in the same capitals
    assert "h:seamnext=func>other|caps>caps" in seams[1]
    assert "h:seamprev=func>other|caps>caps" in seams[2]
    assert "h:end=func" in seams[1] and "h:style=caps" in seams[2]
    # the title's last line and the byline differ in lettering
    assert "h:seamnext=open>other|caps>title" in seams[2]


def test_names_in_any_latin_alphabet_read_as_a_name_line() -> None:
    assert "h:nameline" in _name_shape("Émilie Aussant".split())
    assert "h:nameline" in _name_shape("Zdzisław Kowalczyk , Łucja Dobrucka".split())
    assert "h:nameline" not in _name_shape("Lower Basins of the River Odra".split())


def test_every_line_gets_the_new_features() -> None:
    features = header_features(FRONT)
    assert len(features) == len(FRONT)
    assert all(any(f.startswith("h:mail=") for f in line) for line in features)
    assert all(any(f.startswith("h:style=") for f in line) for line in features)


def test_a_label_before_the_author_list_is_no_name() -> None:
    assert split_authors("AUTHORS: Martin-StPaul N 1 , Delzon S 2 ; Cochard H 3") == [
        "Martin-StPaul N", "Delzon S", "Cochard H"
    ]
    assert split_authors("By Tony D. Auld and Judith Scott") == ["Tony D. Auld", "Judith Scott"]
    # a name that merely starts like "By…" is not cut
    assert split_authors("Byron Smith and Ada Jones") == ["Byron Smith", "Ada Jones"]


def test_a_run_of_names_keeps_the_names_read_before_it_stops() -> None:
    people = split_authors("Christian Clémençon Karsten M. Decker Frank Zimmermann Centro Svizzero di Calcolo")
    assert people[:3] == ["Christian Clémençon", "Karsten M. Decker", "Frank Zimmermann"]
    # nothing is lost: the words after the names are still there
    assert " ".join(people).split() == "Christian Clémençon Karsten M. Decker Frank Zimmermann Centro Svizzero di Calcolo".split()
    assert split_authors("Émilie Aussant Łucja Dobrucka Jean Dupont") == ["Émilie Aussant", "Łucja Dobrucka", "Jean Dupont"]
    # one name alone before the stop: the piece stays whole (no reading of a single name is sure)
    assert split_authors("Greg Badros UW-CSE Technical Report") == ["Greg Badros UW-CSE Technical Report"]


def test_candidate_title_spans_cover_the_marginal_run_and_likely_edges() -> None:
    p = [0.0, 0.06, 0.9, 0.95, 0.3, 0.01, 0.0]
    spans = _title_spans(p)
    assert (2, 3) in spans  # the run over marginals
    assert (1, 3) in spans and (1, 4) in spans and (2, 4) in spans  # an edge line the model doubts
    assert all(s >= 1 and e <= 4 for s, e in spans)
    assert _title_spans([0.0, 0.0]) == {(0, 0)}  # always a title: the likeliest line


def test_the_shipped_model_finds_a_two_line_title_and_the_first_author() -> None:
    labels, _ = tag_header(default_models().header, FRONT)
    title = [line for line, label in zip(FRONT, labels) if label.startswith("title/")]
    assert title == FRONT[1:3]
    assert sum(label == "title/B" for label in labels) == 1
    authors = split_authors(" ".join(line for line, label in zip(FRONT, labels) if label.startswith("author/")))
    assert name_key(authors[0]) == name_key("Zdzisław Kowalczyk")
