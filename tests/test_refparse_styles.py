"""Reference strings in other national styles: Russian GOST (``//`` before the
container, ``№`` for the issue, ``С.`` for pages, Cyrillic) and Brazilian ABNT
(surnames in capitals, ``;`` between authors, ``v.``/``n.``/``p.``)."""

from __future__ import annotations

from papersite.refparse import parse_reference


def test_gost_article_in_cyrillic() -> None:
    ref = parse_reference("Иванов И. И. Евразийство и геополитика // Вестник Московского университета. 2001. № 3. С. 10–20.")
    assert [p.family for p in ref.authors] == ["Иванов"]
    assert ref.title == "Евразийство и геополитика"
    assert ref.container is not None and ref.container.startswith("Вестник Московского университета")
    assert (ref.year, ref.issue, ref.pages) == ("2001", "3", "10-20")


def test_gost_book_with_two_authors() -> None:
    ref = parse_reference("Петров А. В., Сидоров Б. Г. Россия и Китай в Центральной Азии. М.: Наука, 2010. 320 с.")
    assert [p.family for p in ref.authors] == ["Петров", "Сидоров"]
    assert ref.title == "Россия и Китай в Центральной Азии"
    assert (ref.publisher, ref.year) == ("Наука", "2010")


def test_gost_in_latin_script() -> None:
    ref = parse_reference("Smith J. Eurasian integration // Journal of Eurasian Studies. 2015. Vol. 6, No. 2. P. 97–105.")
    assert ref.title == "Eurasian integration"
    assert (ref.container, ref.volume, ref.issue, ref.pages) == ("Journal of Eurasian Studies", "6", "2", "97-105")


def test_abnt_article_with_two_authors() -> None:
    ref = parse_reference(
        "SILVA, J.; SOUZA, M. Geopolítica da Eurásia. Revista Brasileira de Política Internacional, v. 50, n. 2, p. 10-30, 2007."
    )
    assert [p.family for p in ref.authors] == ["SILVA", "SOUZA"]
    assert ref.title == "Geopolítica da Eurásia"
    assert (ref.volume, ref.issue, ref.pages, ref.year) == ("50", "2", "10-30", "2007")


def test_abnt_book() -> None:
    ref = parse_reference("FARACO, C. A. Linguagem & diálogo: as ideias linguísticas do Círculo de Bakhtin. São Paulo: Parábola, 2009.")
    assert [p.family for p in ref.authors] == ["FARACO"]
    assert (ref.place, ref.publisher, ref.year) == ("São Paulo", "Parábola", "2009")
