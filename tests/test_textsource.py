from papersite.textsource import decode_source


def test_utf8_bom_is_removed_and_noted() -> None:
    text, notes = decode_source(b"\xef\xbb\xbfTitle\n", "p.txt")
    assert text == "Title\n"
    assert [n.rule for n in notes] == ["source-bom"]


def test_crlf_becomes_lf() -> None:
    text, _ = decode_source(b"a\r\nb\rc\n", "p.txt")
    assert text == "a\nb\nc\n"


def test_windows_1252_is_read_with_a_warning_naming_the_line() -> None:
    text, notes = decode_source("line one\ncaf\xe9 \x93quoted\x94\n".encode("latin-1"), "p.txt")
    assert text == "line one\ncafé “quoted”\n"
    assert notes[0].severity == "warning" and notes[0].span and notes[0].span.line == 2
    assert str(notes[0]).startswith("p.txt:2: warning:")


def test_binary_file_is_refused_not_crashed() -> None:
    text, notes = decode_source(b"\x89PNG\x00\x00", "p.txt")
    assert text is None
    assert notes[0].severity == "error" and notes[0].rule == "source-binary"
