"""Building a :class:`ParsedReference` from labelled segments.

The same function serves the CRF's output and, in the benchmark, the gold
labels, so both sides of an evaluation go through identical post-processing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from types import MappingProxyType

from . import fields
from . import repairs
from .features import word_of
from .names import NameList, split_names
from .reference import ParsedReference, PersonName
from .tokens import Token

CONTAINER_LABELS = frozenset({"journal", "container-title"})
_NO_LEXICON: Mapping[str, str] = MappingProxyType({})
NOTE_LABELS = ("note", "genre", "medium", "source", "isbn")


def segments_of(raw: str, tokens: Sequence[Token], labels: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """Runs of equally labelled tokens, each with its text exactly as printed."""
    segments: list[tuple[str, str]] = []
    start = 0
    for index in range(1, len(tokens) + 1):
        if index == len(tokens) or labels[index] != labels[start]:
            segments.append((labels[start], raw[tokens[start].start : tokens[index - 1].end]))
            start = index
    return tuple(segments)


def _texts(segments: Iterable[tuple[str, str]], wanted: str | frozenset[str]) -> list[str]:
    if isinstance(wanted, str):
        return [text for label, text in segments if label == wanted]
    return [text for label, text in segments if label in wanted]


def _names(texts: Sequence[str], role: str) -> NameList:
    persons: list[PersonName] = []
    et_al = False
    for text in texts:
        found = split_names(text, role=role)
        persons.extend(found.persons)
        et_al = et_al or found.et_al
    return NameList(tuple(persons), et_al)


def _joined(texts: Sequence[str], separator: str = " ") -> str | None:
    kept = [text for text in texts if text]
    return separator.join(kept) if kept else None


_ROLE_LEAD = ("translated", "trans", "transl", "tr.", "edited", "ed. by", "eds. by", "hrsg", "übers")


def _place_publisher_cut(segments: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``location "Tehran, Support"`` + ``publisher "Publications"`` -> ``"Tehran"`` + ``"Support Publications"``.

    A place ends with punctuation before its publisher ("Tehran, ...",
    "New York: ..."); a location that runs into the publisher without any has
    cut the publisher's name in two, and the words after its last comma belong
    to the publisher (unless they are a state or country code: "Cambridge, MA").
    """
    out = list(segments)
    for index in range(len(out) - 1):
        (label, text), (following, rest) = out[index], out[index + 1]
        if label != "location" or following != "publisher" or text.rstrip()[-1:] in ",.:;)]":
            continue
        head, comma, tail = text.rpartition(",")
        if comma and head.strip() and tail.strip() and not tail.strip().isupper() and tail.strip()[:1].isupper():
            out[index] = (label, head + comma)
            out[index + 1] = (following, tail.lstrip() + " " + rest.lstrip())
    return out


_LEADING_PLACE = re.compile(r"^\s*(?P<place>[A-Z][^\W\d_]+(?:\s+[A-Z][^\W\d_]+)?)\s*,\s+(?=[A-Z\"“])")


def _leading_place(text: str, lexicon: Mapping[str, str], *, unknown: bool = False) -> tuple[str, str] | None:
    """``"Washington, Georgetown Journal of ..."`` -> (``"Washington,"``, the journal), when every word of
    the part before the comma is a place word of the lexicon (:mod:`papersite.refparse.lexicon`) — or,
    with ``unknown``, a word the lexicon does not know, and the rest does not end in a place
    ("Tehran, Bureau of ..." but not "Springer, New York" or "Brill, Leiden")."""
    match = _LEADING_PLACE.match(text)
    allowed = ("location", None) if unknown else ("location",)
    if not match or not all(lexicon.get(word_of(w)) in allowed for w in match.group("place").split()):
        return None
    rest = text[match.end() :]
    words = rest.split()
    if len(words) < 2 or (unknown and lexicon.get(word_of(words[-1])) == "location"):
        return None
    return text[: match.end()].strip(), rest


def _mid_phrase(title: str) -> bool:
    """A title cut in mid-phrase: it ends on a bare number or a small word, with no stop, comma,
    colon or quote ("... Foreign Policy in the 2014"), so the container after it is its end."""
    words = title.split()
    return bool(words) and title[-1:].isalnum() and (words[-1].isdigit() or words[-1].lower() in _SMALL)


_SMALL = frozenset("a an the of in on at to for and or by with from into".split())


_TRAILING_PLACE = re.compile(r",\s*(?P<place>[A-Z][^\W\d_]+)\s*,?\s*$")


def _trailing_place_cut(segments: list[tuple[str, str]], lexicon: Mapping[str, str]) -> list[tuple[str, str]]:
    """``title "International Organizations, Tehran,"`` + ``publisher "Mizan ..."`` -> the title, location
    ``"Tehran,"`` and the publisher: the one capitalised word after the last comma of the segment just
    before a publisher is its place ("Title, Place, Publisher"; after a list of translators or editors
    also before a final note, which is then the publisher), unless the lexicon knows it as something
    other than a place."""
    out: list[tuple[str, str]] = []
    for index, (label, text) in enumerate(segments):
        if out and out[-1][0] == "location" and label == "note" and index == len(segments) - 1 and index > 1:
            if segments[index - 1][0] in ("translator", "editor") and not any(c.isdigit() for c in text):
                out.append(("publisher", text))  # "translated by ..., Tehran, Support Publications"
                continue
        following = segments[index + 1][0] if index + 1 < len(segments) else None
        before_publisher = following == "publisher" or (following == "note" and label in ("translator", "editor"))
        match = _TRAILING_PLACE.search(text) if before_publisher and label in ("title", "translator", "editor") else None
        if match and lexicon.get(word_of(match.group("place"))) in ("location", None) and text[: match.start()].strip():
            out += [(label, text[: match.start() + 1]), ("location", text[match.start() + 1 :].strip())]
        else:
            out.append((label, text))
    return out


_ROMAN_NUMBER = re.compile(r"\b[IVXLC]{2,}\b")
_AFTER_PUBLISHER = frozenset({"date", "note", "url", "doi", "isbn", "genre", "medium", "edition"})


def _publisher_after_place(segments: Sequence[tuple[str, str]], lexicon: Mapping[str, str]) -> list[tuple[str, str]]:
    """``title "Politics ..., Tehran,"`` + ``journal "Bureau of Political and International Studies"`` -> the
    journal is the publisher: a container printed after a place that ends the title ("Title, Place,
    Container"), holding no digits (nor a roman number), with no volume or pages anywhere after it and nothing but a date or
    notes following, is the book's publisher, not a journal (:func:`_trailing_place_cut` then gives the
    place to the location). The place is one capitalised word the lexicon knows as a place or not at all."""
    out = list(segments)
    for index in range(len(out) - 1):
        (label, text), (following, rest) = out[index], out[index + 1]
        if label != "title" or following not in CONTAINER_LABELS or any(char.isdigit() for char in rest):
            continue
        if _ROMAN_NUMBER.search(rest):  # "Lunar and Planetary Science XXXIV": a numbered proceedings
            continue
        if any(later not in _AFTER_PUBLISHER for later, _ in out[index + 2 :]):
            continue
        match = _TRAILING_PLACE.search(text)
        if match and lexicon.get(word_of(match.group("place"))) in ("location", None) and text[: match.start()].strip():
            out[index + 1] = ("publisher", rest)
    return out


_TRAILING_PUBLISHER = re.compile(r"[,(]\s*(?P<publisher>[A-Z][^\W\d_][^,;:()\[\]\d\"“”«»]*?)\s*[,(]?\s*$")


def _publisher_ending_title(segments: Sequence[tuple[str, str]], lexicon: Mapping[str, str]) -> list[tuple[str, str]]:
    """``title "Cosmological Inflation ..., Cambridge University Press ("`` + ``date "2000)."`` -> the title and
    the publisher: in a reference with no publisher and no container, the last comma-separated part of the
    title, one to six words opening with a capital and ending in a word the lexicon knows as a
    publisher's ("press", "verlag", "publishers"), is the publisher, when only a date, pages or notes follow."""
    if any(label == "publisher" or label in CONTAINER_LABELS for label, _ in segments):
        return list(segments)
    out = list(segments)
    for index, (label, text) in enumerate(out):
        if label != "title" or any(later not in _AFTER_PUBLISHER and later != "pages" for later, _ in out[index + 1 :]):
            continue
        match = _TRAILING_PUBLISHER.search(text)
        if match is None or not text[: match.start()].strip():
            continue
        words = match.group("publisher").split()
        if 1 <= len(words) <= 6 and lexicon.get(word_of(words[-1])) == "publisher":
            out[index : index + 1] = [(label, text[: match.start() + 1]), ("publisher", text[match.start() + 1 :].lstrip())]
        break
    return out


def _repaired(segments: Sequence[tuple[str, str]], lexicon: Mapping[str, str] = _NO_LEXICON) -> list[tuple[str, str]]:
    """Segments with a few of the labeller's typical slips put right.

    Over 60 lines because it is one pass over the segments, each repair a few lines reading the
    segment before and after; split up, every repair would walk and rebuild the list again.

    - volume words at the end of a journal title ("Quarterly, Year 9, Number")
      go to the volume segment that follows;
    - a container after a title cut in mid-phrase (:func:`_mid_phrase`) is the title's end;
    - an unquoted title running straight into the volume, with no container,
      ends in its journal ("..., Perceptions, Vol. 18": :func:`fields.trailing_journal`);
    - a title segment after an editor segment, when there is no container yet,
      is the container ("in S. M. Walt (Eds), the Origins of Alliances");
    - names continuing a "translated by" / "edited by" list into the next
      segment ("translated by A B, C D and E F, Tehran, ...") go back to it;
    - with no title segment at all, the first container-title (a book or
      proceedings title, not a journal) is the title;
    - a journal or book title that opens with a place and a comma ("Washington,
      Georgetown Journal of International Affairs") gives the place to the
      location, when the lexicon knows its words as places; so does a
      publisher ("Tehran, Bureau of ..."), unless the lexicon knows the
      first words as something else ("Springer, New York");
    - one capitalised word after the last comma of a title (translator,
      editor) segment right before the publisher is the place
      (:func:`_trailing_place_cut`);
    - a place that runs into its publisher without punctuation gives the
      publisher back the words after its last comma (:func:`_place_publisher_cut`).
    """
    if not any(label == "title" for label, _ in segments):
        for index, (label, text) in enumerate(segments):
            if label == "container-title":
                segments = [*segments[:index], ("title", text), *segments[index + 1 :]]
                break
    out: list[tuple[str, str]] = []
    has_container = any(label in CONTAINER_LABELS for label, _ in segments)
    for index, (label, text) in enumerate(segments):
        following = segments[index + 1][0] if index + 1 < len(segments) else None
        previous = out[-1] if out else None
        if label in (*CONTAINER_LABELS, "publisher") and lexicon and (previous is None or previous[0] != "location"):
            place = _leading_place(text, lexicon, unknown=label == "publisher")
            if place is not None:
                out.append(("location", place[0]))
                text = place[1]
        if label in CONTAINER_LABELS and previous is not None and previous[0] == "title" and _mid_phrase(previous[1]):
            out[-1] = ("title", previous[1] + " " + text)  # "... in the 2014" + "Ukrainian Crisis,": one title
            continue
        if label in CONTAINER_LABELS:
            head, tail = fields.split_trailing_volume(text, volume_follows=following == "volume")
            if tail is not None:
                out.append((label, head))
                out.append(("volume", tail))
                continue
        if label == "title" and following == "volume" and not has_container:
            split = fields.trailing_journal(text)
            if split is not None:
                out += [("title", split[0]), ("journal", split[1])]
                has_container = True
                continue
        if label == "title" and previous is not None and previous[0] == "editor" and not has_container:
            out.append(("container-title", text))
            has_container = True
            continue
        if (
            previous is not None
            and previous[0] in ("translator", "editor")
            and previous[1].rstrip().endswith(",")
            and previous[1].lstrip().lower().startswith(_ROLE_LEAD)
            and label not in ("translator", "editor")
        ):
            split = fields.leading_name_list(text)
            if split is not None:
                out[-1] = (previous[0], previous[1] + " " + split[0])
                if split[1].strip():
                    out.append((label, split[1]))
                continue
        out.append((label, text))
    merged: list[tuple[str, str]] = []
    if lexicon:
        out = _trailing_place_cut(_publisher_after_place(_publisher_ending_title(out, lexicon), lexicon), lexicon)
    for label, text in _place_publisher_cut(out):
        if merged and merged[-1][0] == label == "volume":
            merged[-1] = (label, merged[-1][1] + " " + text)
        else:
            merged.append((label, text))
    return merged


def assemble(
    raw: str,
    segments: Sequence[tuple[str, str]],
    *,
    numbered_list: bool = False,
    confidence: float = 0.0,
    lexicon: Mapping[str, str] = _NO_LEXICON,
) -> ParsedReference:
    """The fields of one reference from its ``(label, text)`` segments.

    Over 60 lines because it is one field after another, each a few lines reading the segments,
    and the order matters (volume before pages, notes before the issue taken from them)."""
    language: str | None = None
    marks = fields.language_marks(raw)
    work: Sequence[tuple[str, str]] = _repaired(repairs.early(raw, segments), lexicon)
    if marks:
        language = marks[0][1]
        stripped: list[tuple[str, str]] = []
        for label, text in work:
            for mark, _ in marks:
                text = text.replace(mark, " ")
            if text.strip():
                stripped.append((label, text))
        work = stripped

    number_texts = _texts(work, "citation-number")
    number = fields.number_of(number_texts[0]) if number_texts else fields.leading_number(raw)

    authors = _names(_texts(work, "author"), "author")
    editors = _names(_texts(work, "editor"), "editor")
    translators = _names(_texts(work, "translator"), "translator")

    year = None
    for text in _texts(work, "date"):
        year = fields.year_of(text)
        if year:
            break

    titles = [t for t in (fields.clean_title(text) for text in _texts(work, "title")) if t]
    containers = [t for t in (fields.clean_container(text) for text in _texts(work, CONTAINER_LABELS)) if t]
    if not containers:
        containers = [t for t in (fields.clean_container(x) for x in _texts(work, "collection-title")) if t]

    volume = issue = None
    glued_pages: str | None = None
    trailing_pages: list[str] = []
    for text in _texts(work, "volume"):
        text, tail = fields.split_trailing_pages(text)
        if tail:
            trailing_pages.append(tail)
        parts = fields.volume_parts(text)
        volume = volume or parts.volume
        issue = issue or parts.issue
        glued_pages = glued_pages or parts.pages

    pages: str | None = None
    locator: str | None = None
    for text in [*_texts(work, "pages"), *trailing_pages]:
        joined = fields.split_volume_pages(text) if volume is None else None
        if joined is not None:  # "344:363-370" labelled pages as a whole
            volume, issue, text = joined.volume, issue or joined.issue, joined.pages or text
        if numbered_list and fields.is_locator(text):
            locator = locator or fields.page_range(text)
        else:
            pages = pages or fields.page_range(text)
    pages = pages or glued_pages

    publishers = [t for t in (fields.clean(text) for text in _texts(work, "publisher")) if t]
    places = [t for t in (fields.clean(text) for text in _texts(work, "location")) if t]
    editions = [t for t in (fields.clean(text) for text in _texts(work, "edition")) if t]
    notes = [t for t in (fields.clean(text) for text in _texts(work, frozenset(NOTE_LABELS))) if t]
    # GOST style numbers an issue "№ 3"; the labeller may call it a genre.
    numbered_issue = next((n for n in notes if re.fullmatch(r"№\s*\d+[\w/-]*", n)), None)
    if numbered_issue and not issue:
        issue = numbered_issue.lstrip("№").strip()
        notes.remove(numbered_issue)

    url_texts = _texts(work, "url")
    url = (
        fields.url_in(" ".join(url_texts)) or (fields.clean(url_texts[0]) if url_texts else None) or fields.url_in(raw)
    )
    doi = fields.doi_in(" ".join(_texts(work, "doi"))) or fields.doi_in(raw)

    return ParsedReference(
        raw=raw,
        number=number,
        authors=authors.persons,
        editors=editors.persons,
        translators=translators.persons,
        et_al=authors.et_al,
        year=year,
        title=_joined(titles),
        container=_joined(containers),
        volume=volume,
        issue=issue,
        pages=pages,
        locator=locator,
        publisher=_joined(publishers, "; "),
        place=_joined(places, "; "),
        edition=_joined(editions, "; "),
        url=url,
        doi=doi,
        language=language,
        note=_joined(notes, "; "),
        labels=tuple(segments),
        confidence=confidence,
    )
