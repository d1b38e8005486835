"""Header and body features, title and heading decoding, and the author splitter (issue 16).

The texts here are written for these tests (no paper of the training data, no fixture): a
front matter whose title's last line looks like a name, and a body with a heading whose number
stands alone on the line above it.
"""

from __future__ import annotations

from papersite.structure import LineLabel, label_lines
from papersite.structure.authors import split_authors
from papersite.structure.body_features import body_features, legend_headings
from papersite.structure.header_features import _best_run, header_features
from papersite.structure.types import LABEL_BLANK

FRONT = """Learning Seasonal Patterns of River Discharge with
Recurrent Neural Networks
Maria Lindqvist 1 , Tomás Herrera 2 and Aiko Watanabe 1
1 Department of Earth Sciences, Uppsala University, Uppsala, Sweden
2 Instituto de Hidráulica, Universidad de Chile, Santiago, Chile
Correspondence: maria.lindqvist@geo.uu.se
Abstract
River discharge follows seasonal patterns that recurrent neural networks can learn from a few
decades of daily records. We train such networks on the discharge of forty rivers in Sweden and
Chile and compare them with seasonal baselines; the networks predict the spring flood two weeks
ahead with half the error of the baselines, and learning the seasonal patterns of one river
helps to predict another.
Keywords: river discharge; recurrent neural networks; seasonal patterns; hydrology
1 Introduction
Seasonal patterns of river discharge matter for flood warnings, for hydropower and for the
ecology of rivers. Snow melt in spring, rain in autumn and low water in late summer shape the
year of most rivers in the north, and each river has its own timing.
""".split("\n")


BODY = """2 Data and methods
We use the daily discharge of forty rivers, twenty in Sweden and twenty in Chile, from the
national gauging networks. The records run from 1961 to 2020 with few gaps; a gap of up to
five days was filled by linear interpolation, longer gaps were left open and masked in training.
2.1
Study Area
The forty catchments cover from 120 to 48,000 square kilometres. In Sweden they lie between the
mountains of the north and the lakes of the south; in Chile between the Andes and the Pacific,
from the dry north to the rainy south, so that snow melt and rain shape their years differently.
Network Architecture
Each network reads the discharge of the last ninety days and the day of the year, and predicts
the discharge of the next fourteen days. It has two recurrent layers of sixty-four units each,
followed by one dense layer; it was trained with the Adam optimiser for fifty epochs.
3 Results
The networks predict the spring flood two weeks ahead with half the error of the baselines.
""".split("\n")


def _first_field(lines: list[str], labels: list[LineLabel], label: str) -> list[str]:
    out: list[str] = []
    for text, got in zip(lines, labels):
        if got.label == LABEL_BLANK:
            continue
        if got.zone == "header" and got.label == label and (not out or not got.start):
            out.append(text.strip())
        elif out:
            break
    return out


def test_the_best_run_is_contiguous_and_may_bridge_one_weak_line() -> None:
    assert _best_run([0.1, 0.9, 0.8, 0.0, 0.95], 0.5) == (1, 2)
    assert _best_run([0.1, 0.9, 0.8, 0.2, 0.95], 0.5) == (1, 4)
    assert _best_run([0.1, 0.2], 0.5) is None


def test_a_title_line_is_told_from_a_name_line_by_the_document_s_own_words() -> None:
    features = header_features(FRONT[:12])
    title_start, title_end, byline = features[0], features[1], features[2]
    # "Recurrent Neural Networks" is shaped like a list of names, but all three words occur in
    # lower case in the abstract; so do the title's first line's capitalised words
    assert "h:nameline" in title_end and "h:vocab=all" in title_end
    assert "h:vocab=all" in title_start and "h:fw=2" in title_start
    # the byline's names occur in lower case only in the e-mail address, which does not count
    assert "h:vocab=0" in byline and "h:unseen=3+" in byline and "h:marks" in byline and "h:nameline" in byline


def test_the_title_keeps_its_last_line_and_the_byline_gives_the_first_author() -> None:
    labels = label_lines(FRONT)
    assert _first_field(FRONT, labels, "title") == [
        "Learning Seasonal Patterns of River Discharge with",
        "Recurrent Neural Networks",
    ]
    assert split_authors(" ".join(_first_field(FRONT, labels, "author"))) == [
        "Maria Lindqvist", "Tomás Herrera", "Aiko Watanabe"
    ]


def test_names_without_separators_are_split_only_when_every_name_reads_whole() -> None:
    assert split_authors("Terry Therneau Cynthia Crowson Elizabeth Atkinson") == [
        "Terry Therneau", "Cynthia Crowson", "Elizabeth Atkinson"
    ]
    assert split_authors("Bharathi Subramanian Theodore W. Leung") == ["Bharathi Subramanian", "Theodore W. Leung"]
    assert split_authors("J. H. Jacobs M. R. Swanson") == ["J. H. Jacobs", "M. R. Swanson"]
    # three words cannot be told apart as given and family names: one name, as printed
    assert split_authors("Anneh Mohammad Gharravi") == ["Anneh Mohammad Gharravi"]
    # a word in capitals (an institution) stops the reading: the names read before it are kept, the rest is one piece
    assert split_authors("Lorie M. Liebrock Ken Kennedy CRPC") == ["Lorie M. Liebrock", "Ken Kennedy", "CRPC"]
    assert split_authors("Lorie M. Liebrock CRPC Ken Kennedy") == ["Lorie M. Liebrock CRPC Ken Kennedy"]
    assert split_authors("Smith, J., Brown, K. L. and Green, A.") == ["Smith, J", "Brown, K. L", "Green, A"]


def test_a_callout_mark_ends_a_name() -> None:
    # an affiliation run on after the mark is not part of the name
    assert split_authors("Ingrid Falk * INRIA / Université Nancy 2")[0] == "Ingrid Falk"
    assert split_authors("Alan Fekete* David Gupta† Victor Luchangco‡") == ["Alan Fekete", "David Gupta", "Victor Luchangco"]
    assert split_authors("Jaka Bobnar 1 , Katarina Susman 2 , V Adrian Parsegian 3 ,") == [
        "Jaka Bobnar", "Katarina Susman", "V Adrian Parsegian"
    ]


def test_body_features_see_a_section_number_alone_and_the_heading_after_it() -> None:
    lines = ["the rivers were gauged every day from 1961 to 2020.", "2.1", "Study Area",
             "The forty catchments cover from 120 to 48,000 square kilometres of land in the two countries."]
    features = body_features(lines)
    assert "b:numonly" in features[1]
    assert any(f.startswith("b:numonly+next=title") for f in features[1])
    assert any(f.startswith("b:afternum|title|open") for f in features[2])
    assert "b:end=stop" in features[0] and "b:case=title" in features[2]


def test_headings_numbered_unnumbered_and_with_their_number_alone_are_found() -> None:
    lines = FRONT + BODY
    labels = label_lines(lines)
    headings = [text for text, got in zip(lines, labels) if got.zone == "body" and got.label == "heading"]
    assert headings == ["1 Introduction", "2 Data and methods", "2.1", "Study Area", "Network Architecture", "3 Results"]
    # each paragraph line after a heading starts a new block; its continuation lines do not
    after = lines.index("Study Area") + 1
    assert labels[after].start and not labels[after + 1].start


def test_a_legend_between_a_graphic_and_its_caption_is_not_a_heading() -> None:
    lines = ["US.Forest.Service..Randle.District.Office.", "Local", "Non-Local", "Figure 4: Sample display of the",
             "locally and non-locally headquartered organizations.", "Results"]
    labels = ["table/I", "heading/B", "heading/I", "paragraph/B", "paragraph/I", "heading/B"]
    assert legend_headings(labels, lines) == ["table/I", "table/I", "table/I", "paragraph/B", "paragraph/I", "heading/B"]
    # after running text, a heading before a figure's caption stays a heading
    after_text = ["paragraph/I", "heading/B", "heading/I", "paragraph/B", "paragraph/I", "heading/B"]
    assert legend_headings(after_text, lines) == after_text
