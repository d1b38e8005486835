"""The trained reference parser on real reference strings from the site's papers.

The model is trained on AnyStyle's and GROBID's labelled data only; these
strings (from rezapour2020 and sadeghi2022) were never part of its training.
"""

from __future__ import annotations

import dataclasses
import random
import string
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from papersite.refparse import ParsedReference, PersonName, parse_reference, parse_references
from papersite.refparse.fields import language_marks, page_range, volume_parts, year_of
from papersite.refparse.labeller import MODEL_RESOURCE, default_labeller
from papersite.refparse.names import split_names

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "papersite"

# --- from the numbered list of rezapour2020 ("- " bullet stripped) ------------------------

HETTIARACHCHI = (
    "Hettiarachchi, Nill and Abeyrathne, Uotr (2016). The US attempt of supremacy in the twenty first century: "
    "Russian and Chinese response. African Journal of Political Science and International Relations. VI.10. No. 7"
)
NAGHDI = (
    "[6]. Naghdi Nejad, Hasan and Souri, Amir Mohammad, (2009), Russian US Rivalry in Eurasia, Journal of Central "
    "Asia and The Caucasus Studies, Volume 14, Issue 62, p 161 [in persian]"
)
KARAMI = (
    "[10]. Karami, Jahangir, Kouzehgar, Vali, (2014), Counter-Hegemonic Models of Iran, Russia and China in Central "
    "Asia, Journal of Central Asia and The Caucasus Studies, Volume 20, Issue 85, p 146 [in persian]"
)
YAZDAN_PANAH = (
    "[12]. Yazdan Panah, Kiyoumars, (2010), Shanghai Union Prospects, Fears and Hopes, Scientific and Cultural "
    "Publishing, p 182 [in persian]"
)
SHAH_MANSOURI = (
    "[21]. Shah Mansouri, Tajmohamad and Shamiri, Afshin, (2011), China's Goals and interests in Central Asia after "
    "September 11 : From Cooperation to International Economic Diplomacy, Volume 16, Issue 69, pp 76-77 [in persian]"
)
WEITZ = (
    "[11]. Weitz, Richard (2006), Averting a New Great Game in Central Asia, Washington Quarterly, Vol. 29, No 3, p 156"
)
DUKE = (
    "[15]. Duke, Sill, (2004), The European Security Strategy in a Comparative Framework: Does It Make for Secure "
    "Alliances in a Better World. European Foreign Affairs Review, Vol. 9, No. 4, p475"
)

# --- from the author-year list of sadeghi2022 (wrapped entries joined) ---------------------

HAQ_SHENAS = (
    "Haq Shenas, Mohammad Javad and Amin Bavir (2011). \"Methods of Russia's confrontation with NATO expansion to "
    'the East", International Relations Studies Quarterly, Volume 4, Number 16, pp. 9-34'
)
EDER = (
    "Eder, Thomas Stephen (2016). Sino-Russian Relations in Central Asia (Energy Policy, New Beijing's Expression "
    "of 21st Century Geopolitics), translated by Mohsen Rostami, Halimeh Shabani and Azadeh Ketabi, Tehran, "
    "Support Publications"
)
MOUSAVIZADEH = (
    'Mousavizadeh, Alireza, et al. (2020). "Security Alignment of China and Russia in Facing the Threats of the '
    'United States", International Relations Research Quarterly, No. 3, Serial No. 38, pp. 125-160'
)
WALT = (
    'Walt M, Stephan (1986). "Alliance: Balancing and Band wagoning", in Stephan M. Walt, (Eds), the Origins of '
    "Alliances, Cornell University Press."
)
SAKWA = 'Richard Sakwa (2015). "The New Atlanticism", Valdai Papers, Discussion Club'
NEZAFATI = (
    'Nezafati and Keshishyan (2023). "The strategic alliance ..." International Relations Studies Quarterly, '
    "summer 2023"
)
KOOLAEI = (
    'Koolaei, Elahe, Mandana Tishehyar and Mahmoud Mohammadi (2007). "North Atlantic Treaty Organization (NATO) '
    'Transformation in Missions and Functions", Tehran University of Printing and Publishing Institute'
)
ASGARI_KHANI = (
    'Asgari Khani, Abu Mohammad and Mahmoud Mohammadi (2016). "Transformation in NATO missions and the need to '
    'strengthen the monitoring regime in international law (NATO accountability strategy)" Strategy Quarterly, '
    "year 25, number 81, pp. 235-207"
)
MOUSA_ZADEH = "Mousa Zadeh, Reza (2009). International Organizations, Tehran, Mizan Publishing House"
YAZDANIYEH = (
    'Yazdaniyeh, Enayatullah, et al. (2020). "The role of Russia and China in the transition of the international '
    'system from unipolar to multipolar", Political Studies Quarterly, Year 9, Number 2'
)
KAGAN = (
    'Kagan, Robert (2003). "Of Paradise and Power: America and Europe in the New World Order", New York: '
    "Alfred A. Knopf, pp. 3–4."
)


def families(ref: ParsedReference) -> list[str]:
    return [person.family for person in ref.authors]


# --- the shipped model ---------------------------------------------------------------------


def test_model_ships_with_the_package_and_is_small() -> None:
    model = resources.files("papersite").joinpath(MODEL_RESOURCE)
    assert model.is_file()
    assert 100_000 < len(model.read_bytes()) < 5_000_000
    notes = resources.files("papersite").joinpath("data/REFPARSE-MODEL.md").read_text(encoding="utf-8")
    assert "inukshuk/anystyle" in notes and "c6f5fb2" in notes
    assert "Copyright 2011-2023 Sylvester Keil" in notes and "NEGLIGENCE OR OTHERWISE" in notes


def test_model_loads_and_labels() -> None:
    labeller = default_labeller()
    assert labeller is default_labeller()  # loaded once
    ref = parse_reference("Smith, John (2001). A study of things. Journal of Stuff, 12(3), 45-67.")
    assert families(ref) == ["Smith"]
    assert ref.year == "2001"
    assert ref.title == "A study of things"
    assert ref.container == "Journal of Stuff"
    assert (ref.volume, ref.issue, ref.pages) == ("12", "3", "45-67")
    assert 0.0 < ref.confidence <= 1.0


def test_runtime_does_not_need_shared_data() -> None:
    for source in (PACKAGE / "refparse").glob("*.py"):
        assert "/work/shared" not in source.read_text(encoding="utf-8"), source


# --- numbered list: the trailing page is the cited page ---------------------------------------


def test_first_numbered_entry_without_number() -> None:
    ref = parse_reference(HETTIARACHCHI, numbered_list=True)
    assert ref.number is None
    assert families(ref) == ["Hettiarachchi", "Abeyrathne"]
    assert [p.given for p in ref.authors] == ["Nill", "Uotr"]
    assert ref.year == "2016"
    assert ref.title == "The US attempt of supremacy in the twenty first century: Russian and Chinese response"
    assert ref.container == "African Journal of Political Science and International Relations"
    assert (ref.volume, ref.issue) == ("10", "7")
    assert ref.pages is None and ref.locator is None
    assert ref.language is None


def test_naghdi_nejad_multiword_surname_issue_and_locator() -> None:
    ref = parse_reference(NAGHDI, numbered_list=True)
    assert ref.number == "6"
    assert ref.authors == (PersonName("Naghdi Nejad", "Hasan"), PersonName("Souri", "Amir Mohammad"))
    assert ref.year == "2009"
    assert ref.title == "Russian US Rivalry in Eurasia"
    assert ref.container == "Journal of Central Asia and The Caucasus Studies"
    assert (ref.volume, ref.issue) == ("14", "62")
    assert ref.locator == "161"
    assert ref.pages is None
    assert ref.language == "persian"
    assert ref.raw == NAGHDI


def test_in_author_year_mode_the_same_page_is_a_page_range() -> None:
    ref = parse_reference(NAGHDI)
    assert ref.pages == "161"
    assert ref.locator is None


def test_karami_comma_separated_inverted_names() -> None:
    ref = parse_reference(KARAMI, numbered_list=True)
    assert ref.number == "10"
    assert ref.authors == (PersonName("Karami", "Jahangir"), PersonName("Kouzehgar", "Vali"))
    assert ref.year == "2014"
    assert ref.title == "Counter-Hegemonic Models of Iran, Russia and China in Central Asia"
    assert ref.container == "Journal of Central Asia and The Caucasus Studies"
    assert (ref.volume, ref.issue, ref.locator, ref.pages) == ("20", "85", "146", None)
    assert ref.language == "persian"


def test_yazdan_panah_book_with_cited_page() -> None:
    ref = parse_reference(YAZDAN_PANAH, numbered_list=True)
    assert ref.number == "12"
    assert ref.authors == (PersonName("Yazdan Panah", "Kiyoumars"),)
    assert ref.year == "2010"
    assert ref.title == "Shanghai Union Prospects, Fears and Hopes"
    assert ref.publisher == "Scientific and Cultural Publishing"
    assert ref.container is None
    assert (ref.locator, ref.pages) == ("182", None)
    assert ref.language == "persian"


def test_shah_mansouri_page_range_locator() -> None:
    ref = parse_reference(SHAH_MANSOURI, numbered_list=True)
    assert ref.number == "21"
    assert families(ref) == ["Shah Mansouri", "Shamiri"]
    assert ref.year == "2011"
    assert ref.title == (
        "China's Goals and interests in Central Asia after September 11 : "
        "From Cooperation to International Economic Diplomacy"
    )
    assert (ref.volume, ref.issue) == ("16", "69")
    assert (ref.locator, ref.pages) == ("76-77", None)
    assert ref.language == "persian"


@pytest.mark.parametrize(
    ("raw", "number", "container", "volume", "issue", "locator"),
    [
        (WEITZ, "11", "Washington Quarterly", "29", "3", "156"),
        (DUKE, "15", "European Foreign Affairs Review", "9", "4", "475"),
    ],
)
def test_numbered_english_entries(raw: str, number: str, container: str, volume: str, issue: str, locator: str) -> None:
    ref = parse_reference(raw, numbered_list=True)
    assert (ref.number, ref.container, ref.volume, ref.issue, ref.locator) == (
        number,
        container,
        volume,
        issue,
        locator,
    )
    assert ref.pages is None
    assert ref.language is None


# --- author-year list: pages stay pages --------------------------------------------------------


def test_haq_shenas_inverted_then_direct() -> None:
    ref = parse_reference(HAQ_SHENAS)
    assert ref.number is None
    assert ref.authors == (PersonName("Haq Shenas", "Mohammad Javad"), PersonName("Bavir", "Amin"))
    assert ref.year == "2011"
    assert ref.title == "Methods of Russia's confrontation with NATO expansion to the East"
    assert ref.container == "International Relations Studies Quarterly"
    assert (ref.volume, ref.issue, ref.pages, ref.locator) == ("4", "16", "9-34", None)


def test_eder_translators() -> None:
    ref = parse_reference(EDER)
    assert ref.authors == (PersonName("Eder", "Thomas Stephen"),)
    assert ref.year == "2016"
    assert ref.title == (
        "Sino-Russian Relations in Central Asia (Energy Policy, New Beijing's Expression of 21st Century Geopolitics)"
    )
    assert [p.family for p in ref.translators] == ["Rostami", "Shabani", "Ketabi"]
    assert [p.given for p in ref.translators] == ["Mohsen", "Halimeh", "Azadeh"]
    assert ref.publisher is not None and ref.publisher.endswith("Support Publications")


def test_mousavizadeh_et_al_and_issue_without_volume() -> None:
    ref = parse_reference(MOUSAVIZADEH)
    assert ref.authors == (PersonName("Mousavizadeh", "Alireza"),)
    assert ref.et_al is True
    assert ref.year == "2020"
    assert ref.title == "Security Alignment of China and Russia in Facing the Threats of the United States"
    assert ref.container == "International Relations Research Quarterly"
    assert (ref.volume, ref.issue, ref.pages) == (None, "3", "125-160")


def test_walt_trailing_initial_editor_and_book() -> None:
    ref = parse_reference(WALT)
    assert ref.authors == (PersonName("Walt", "Stephan M."),)
    assert ref.year == "1986"
    assert ref.title == "Alliance: Balancing and Band wagoning"
    assert ref.editors == (PersonName("Walt", "Stephan M."),)
    assert ref.container == "the Origins of Alliances"
    assert ref.publisher == "Cornell University Press"


def test_sakwa_direct_order_name() -> None:
    ref = parse_reference(SAKWA)
    assert ref.authors == (PersonName("Sakwa", "Richard"),)
    assert ref.et_al is False
    assert ref.year == "2015"
    assert ref.title == "The New Atlanticism"


def test_nezafati_surnames_only() -> None:
    ref = parse_reference(NEZAFATI)
    assert ref.authors == (PersonName("Nezafati"), PersonName("Keshishyan"))
    assert ref.year == "2023"
    assert ref.title == "The strategic alliance ..."
    assert ref.container == "International Relations Studies Quarterly"


def test_koolaei_first_inverted_rest_direct() -> None:
    ref = parse_reference(KOOLAEI)
    assert ref.authors == (
        PersonName("Koolaei", "Elahe"),
        PersonName("Tishehyar", "Mandana"),
        PersonName("Mohammadi", "Mahmoud"),
    )
    assert ref.year == "2007"
    assert ref.title == "North Atlantic Treaty Organization (NATO) Transformation in Missions and Functions"


def test_asgari_khani_year_as_volume() -> None:
    ref = parse_reference(ASGARI_KHANI)
    assert families(ref) == ["Asgari Khani", "Mohammadi"]
    assert ref.container == "Strategy Quarterly"
    assert (ref.volume, ref.issue, ref.pages) == ("25", "81", "235-207")


def test_mousa_zadeh_and_yazdaniyeh() -> None:
    assert families(parse_reference(MOUSA_ZADEH)) == ["Mousa Zadeh"]
    ref = parse_reference(YAZDANIYEH)
    assert families(ref) == ["Yazdaniyeh"] and ref.et_al
    assert ref.container == "Political Studies Quarterly"
    assert (ref.volume, ref.issue) == ("9", "2")


def test_kagan_place_publisher_pages() -> None:
    ref = parse_reference(KAGAN)
    assert (ref.place, ref.publisher, ref.pages) == ("New York", "Alfred A. Knopf", "3-4")


def test_parse_references_keeps_order() -> None:
    raws = [SAKWA, NAGHDI, HAQ_SHENAS]
    refs = parse_references(raws, numbered_list=True)
    assert [r.raw for r in refs] == raws
    assert refs[1].locator == "161"


def test_labels_cover_the_whole_string() -> None:
    for raw in (NAGHDI, EDER, WALT, HETTIARACHCHI):
        ref = parse_reference(raw)
        assert " ".join(text for _, text in ref.labels).split() == raw.split()
        assert {label for label, _ in ref.labels} <= {
            "author", "date", "title", "journal", "container-title", "volume", "pages", "publisher",
            "location", "editor", "citation-number", "note", "url", "edition", "genre", "doi", "source",
            "translator", "isbn", "medium", "director", "collection-title", "producer",
        }  # fmt: skip


def test_results_are_frozen() -> None:
    ref = parse_reference(SAKWA)
    with pytest.raises(dataclasses.FrozenInstanceError):
        ref.title = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        ref.authors[0].family = "x"  # type: ignore[misc]


# --- name lists ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "et_al"),
    [
        ("Hettiarachchi, Nill and Abeyrathne, Uotr", [("Hettiarachchi", "Nill"), ("Abeyrathne", "Uotr")], False),
        ("Karami, Jahangir, Kouzehgar, Vali,", [("Karami", "Jahangir"), ("Kouzehgar", "Vali")], False),
        ("Richard Sakwa", [("Sakwa", "Richard")], False),
        ("Mousavizadeh, Alireza, et al.", [("Mousavizadeh", "Alireza")], True),
        ("Carlsson, Märta et al", [("Carlsson", "Märta")], True),
        ("Nezafati and Keshishyan", [("Nezafati", ""), ("Keshishyan", "")], False),
        (
            "Koolaei, Elahe, Mandana Tishehyar and Mahmoud Mohammadi",
            [("Koolaei", "Elahe"), ("Tishehyar", "Mandana"), ("Mohammadi", "Mahmoud")],
            False,
        ),
        ("Simbar, Reza, and Seyed Mostafa Hosseini", [("Simbar", "Reza"), ("Hosseini", "Seyed Mostafa")], False),
        (
            "Asgari Khani, Abu Mohammad and Mahmoud Mohammadi",
            [("Asgari Khani", "Abu Mohammad"), ("Mohammadi", "Mahmoud")],
            False,
        ),
        (
            "Shah Mansouri, Tajmohamad and Shamiri, Afshin",
            [("Shah Mansouri", "Tajmohamad"), ("Shamiri", "Afshin")],
            False,
        ),
        ("Mousa Zadeh, Reza", [("Mousa Zadeh", "Reza")], False),
        ("Walt M, Stephan", [("Walt", "Stephan M.")], False),
        ("Bolt, J. Paul", [("Bolt", "J. Paul")], False),
        ("Romero, C., Paunesku, D., & Dweck, C.", [("Romero", "C."), ("Paunesku", "D."), ("Dweck", "C.")], False),
        (
            "Hildebrand, A. R., Pilkington, M. and Grieve,R.A.F.,",
            [("Hildebrand", "A. R."), ("Pilkington", "M."), ("Grieve", "R.A.F.")],
            False,
        ),
        (
            "Bangpeng Yao, Aditya Khosla, and Li Fei-Fei.",
            [("Yao", "Bangpeng"), ("Khosla", "Aditya"), ("Fei-Fei", "Li")],
            False,
        ),
        ("Smith JA, Jones B", [("Smith", "JA"), ("Jones", "B")], False),
        ("Ludwig van Beethoven", [("van Beethoven", "Ludwig")], False),
        ("Abbey, Edward.", [("Abbey", "Edward")], False),
    ],
)
def test_split_names(text: str, expected: list[tuple[str, str]], et_al: bool) -> None:
    names = split_names(text)
    assert [(p.family, p.given) for p in names.persons] == expected
    assert names.et_al is et_al


def test_split_editor_and_translator_lists() -> None:
    editors = split_names("in Stephan M. Walt, (Eds),", role="editor")
    assert editors.persons == (PersonName("Walt", "Stephan M."),)
    translators = split_names("translated by Mohsen Rostami, Halimeh Shabani and Azadeh Ketabi,", role="translator")
    assert [(p.family, p.given) for p in translators.persons] == [
        ("Rostami", "Mohsen"),
        ("Shabani", "Halimeh"),
        ("Ketabi", "Azadeh"),
    ]


def test_organisation_as_author() -> None:
    names = split_names("World Health Organization.")
    assert names.persons == (PersonName("World Health Organization", literal=True),)


# --- field rules -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "volume", "issue", "pages"),
    [
        ("Volume 14, Issue 62,", "14", "62", None),
        ("VI.10. No. 7", "10", "7", None),
        ("Vol. 36, No. 9", "36", "9", None),
        ("No. 3, Serial No. 38,", None, "3", None),
        ("Year 25, No. 80,", "25", "80", None),
        ("27, No. 4,", "27", "4", None),
        ("35(9):1077–1095.", "35", "9", "1077-1095"),
        ("2012;30(35):", "30", "35", None),
        ("Vol. 2, Nos. 1-4,", "2", "1-4", None),
        ("vol. II,", "II", None, None),
    ],
)
def test_volume_parts(text: str, volume: str | None, issue: str | None, pages: str | None) -> None:
    parts = volume_parts(text)
    assert (parts.volume, parts.issue, parts.pages) == (volume, issue, pages)


def test_small_field_rules() -> None:
    assert page_range("pp. 1761–1800).") == "1761-1800"
    assert page_range("p475") == "475"
    assert year_of("(2001a).") == "2001a"
    assert year_of("summer 2023") == "2023"
    assert year_of("n.d.") is None
    assert language_marks("p 161 [in persian]") == [("[in persian]", "persian")]
    assert language_marks("(in Russian).") == [("(in Russian)", "russian")]
    assert language_marks("[In press]") == []


# --- robustness --------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["", "   ", "\n\t", "[", '"', "((((", "[12].", "\x00", "\u200b"])
def test_degenerate_strings(raw: str) -> None:
    ref = parse_reference(raw)
    assert ref.raw == raw
    assert ref.authors == () and ref.year is None
    assert parse_reference(raw, numbered_list=True).raw == raw


def test_empty_string() -> None:
    ref = parse_reference("")
    assert ref.labels == () and ref.confidence == 0.0 and ref.title is None


def test_no_year() -> None:
    ref = parse_reference("Smith, John. A Book Without a Date. London: Penguin.")
    assert ref.year is None
    assert families(ref) == ["Smith"]
    assert ref.title == "A Book Without a Date"


def test_thousand_word_garbage() -> None:
    rng = random.Random(7)
    alphabet = string.ascii_letters + string.digits + string.punctuation + "äöü“”–…«»"
    raw = " ".join("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(1000))
    ref = parse_reference(raw, numbered_list=True)
    assert ref.raw == raw
    assert 0.0 <= ref.confidence <= 1.0
    assert "".join("".join(text.split()) for _, text in ref.labels) == "".join(raw.split())  # nothing lost


def test_html_inside() -> None:
    raw = "<i>Smith, J.</i> (2001). <b>Title &amp; more</b>. <em>Journal of Things</em>, 3(2), 1-10."
    ref = parse_reference(raw)
    assert ref.raw == raw
    assert ref.authors == (PersonName("Smith", "J."),)
    assert ref.title == "Title & more"
    assert ref.container == "Journal of Things"
    assert (ref.volume, ref.issue, ref.pages) == ("3", "2", "1-10")


def test_lone_surrogate() -> None:
    raw = "Smith, J. (2001). T\udc00itle. Journal, 3, 1-10."
    assert parse_reference(raw).raw == raw


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.booleans())
def test_never_raises(raw: str, numbered: bool) -> None:
    ref = parse_reference(raw, numbered_list=numbered)
    assert ref.raw == raw
    assert 0.0 <= ref.confidence <= 1.0
