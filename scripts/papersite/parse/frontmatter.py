"""Reading a paper's front matter: title, authors, affiliations, dates, abstract, keywords.

Works on the units before the first body heading. Each unit is recognised by
its own shape (a label such as ``Abstract:`` or ``Received:``, a leading
affiliation mark, a parenthesised affiliation, an e-mail line); whatever is
not recognised is handed back to the body so no text is lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from ..model import Affiliation, Author, Diagnostic, Paragraph
from .bylines import name_case
from .author_lines import INSTITUTION as _INSTITUTION
from .author_lines import LEADING_MARK as _LEADING_MARK
from .author_lines import looks_like_author_list, plain_words, read_authors
from .inline import parse_inline, strip_markers, to_plain, unescape
from .units import Unit

_ABSTRACT = re.compile(r"^\s*abstract\s*[:.\-–—]?\s*", re.IGNORECASE)
_KEYWORDS = re.compile(r"^\s*key\s*-?\s*words?\s*[:.\-–—]?\s*", re.IGNORECASE)
_DATE_LABEL = re.compile(
    r"(?P<label>date\s+of\s+(?:submission|acceptance|publication)|received|accepted|revised|published|submitted)"
    r"\s*(?:on|date)?\s*:\s*(?P<value>[^;]+?)\s*(?=;|$|(?:date\s+of|received|accepted|revised|published|submitted)\b)",
    re.IGNORECASE,
)
_DATE_KIND = MappingProxyType({
    "date of submission": "submitted",
    "submitted": "submitted",
    "received": "received",
    "date of acceptance": "accepted",
    "accepted": "accepted",
    "revised": "revised",
    "published": "published",
    "date of publication": "published",
})
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")

_NEXT_MARK = re.compile(r"\s+(?=[\u2776-\u277f†‡§¶][^\W\d_])")

#: Reads a byline into persons with their marks, or ``None`` (papersite.parse.bylines.person_names).
Names = Callable[[str], "list[tuple[str, tuple[str, ...]]] | None"]


@dataclass
class FrontMatterParts:
    """What :func:`read_front_matter` found, before it becomes a ``FrontMatter``."""

    title: str = ""
    title_line: int = 0
    authors: list[Author] = field(default_factory=list)
    affiliations: list[Affiliation] = field(default_factory=list)
    dates: list[tuple[str, str]] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    abstract_units: list[Unit] = field(default_factory=list)
    correspondence: list[tuple[str, str]] = field(default_factory=list)  # (marker, email)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def is_front_label(unit: Unit) -> bool:
    """True for units that only front matter has (abstract, keywords, dates, e-mail)."""
    text = unit.text
    return bool(
        _ABSTRACT.match(text)
        or _KEYWORDS.match(text)
        or _DATE_LABEL.match(text.strip())
        or ("corresponding" in text.lower() and _EMAIL.search(text))
    )


def read_front_matter(
    units: list[Unit], body_start: int, title_lines: Sequence[int] = (), author_lines: Sequence[int] = (),
    names: Names | None = None,  # None: the older, looser rule (looks_like_author_list)
    sure_field: Callable[[int], str | None] = lambda line: None,
    vocabulary: frozenset[str] = frozenset(),
) -> tuple[FrontMatterParts, list[Unit]]:
    """Read front matter from ``units[:body_start]``.

    Over 60 lines because it is one pass over the front units in which each kind of unit (title, authors,
    labels, dates, e-mail, affiliations, abstract) is recognised in order of certainty.

    Returns the parts found and the units that are not front matter after all
    (they belong to the body, in order). ``title_lines`` and ``author_lines`` are the
    source lines the structure model labels as the title and the authors; ``names`` reads a
    byline into persons (:func:`papersite.parse.bylines.person_names`), ``None`` when it is none.
    ``sure_field(line)``: the front-matter field the header model is sure source ``line`` belongs
    to, or ``None``. The loose author-list rule never takes a unit the model is sure is another
    field (a document type "RESEARCH ARTICLE", a journal's "Open Access", an affiliation), and a
    line of capitalised words the model is sure is the title goes on with it ("InfoStick: an
    interaction device for" / "Inter-Appliance Computing"). ``vocabulary``: the words the paper
    writes in lower case; a line made only of them ("COMMENTS AND RESPONSES", "Open Access") is no
    byline for the loose rule.
    """
    names = names or _no_names
    parts = FrontMatterParts()
    leftovers: list[Unit] = []
    pending_label: str | None = None  # "abstract" or "keywords" awaiting content
    in_abstract = False
    # An abstract runs on over several paragraphs only up to a later front-matter
    # label (keywords, dates, e-mail); after the last label, text is body.
    last_label = max((i for i, u in enumerate(units[:body_start]) if is_front_label(u)), default=0)
    bare_labels: list[Unit] = []  # "Abstract:" / "Keywords:" alone on their line
    title_index = _title_index(units[:body_start], _model_unit(units[:body_start], title_lines), names)
    title_end = title_run_end(units[:body_start], title_index, title_lines, names, sure_field)
    bylines = _byline_units(units[:body_start], title_end, names)
    authors_index = next(
        (i for i, u in enumerate(units[: min(body_start, title_end + 2)])
         if not title_index <= i < title_end and looks_like_author_list(u.text.strip())
         and not all(sure_field(line) not in (None, "title", "author") for line in range(u.line, u.end_line + 1))
         and not plain_words(u.text, vocabulary)),
        -1,
    )
    model_authors = _model_unit(units[:body_start], author_lines)
    if 0 <= authors_index < title_index < model_authors and all(sure_field(n) == "author" for n in author_lines[:1]):
        authors_index = -1  # a short line above the title ("OPEN"); the model is sure of a byline below it
    if bylines:
        authors_index = -1
    elif authors_index < 0:
        # No author line of the usual shape near the title: the model's author field, unless it
        # reads as an affiliation (the rule is sure of those) or is the title.
        if model_authors not in (-1, title_index) and not looks_like_affiliation(units[model_authors].text):
            authors_index = model_authors
    keywords_index = next((i for i, u in enumerate(units[:body_start]) if _KEYWORDS.match(u.text)), -1)
    for index, unit in enumerate(units[:body_start]):
        text = unit.text.strip()
        if index == title_index:
            parts.title = unescape(" ".join(u.text.strip() for u in units[title_index:title_end]))
            parts.title_line = unit.line
            continue
        if title_index < index < title_end:
            continue  # the title's next line, read with it
        if index in bylines:
            parts.authors.extend(Author(name=name, markers=marks) for name, marks in names(text) or ())
            continue
        if index < title_index and index != authors_index:
            leftovers.append(unit)  # a masthead or licence line above the title: kept as text
            continue
        if pending_label == "keywords":
            parts.keywords.extend(_split_keywords(text))
            pending_label = None
            continue
        abstract = _ABSTRACT.match(text)
        if abstract:
            rest = text[abstract.end():].strip()
            in_abstract = True
            if rest:
                parts.abstract_units.append(_rest_of(unit, rest))
            else:
                bare_labels.append(unit)
            continue
        keywords = _KEYWORDS.match(text)
        if keywords:
            in_abstract = False
            rest = text[keywords.end():].strip()
            if rest:
                parts.keywords.extend(_split_keywords(rest))
            else:
                pending_label = "keywords"
                bare_labels.append(unit)
            continue
        dates = _read_dates(text)
        if dates:
            in_abstract = False
            parts.dates.extend(dates)
            continue
        if "corresponding" in text.lower() and _EMAIL.search(text):
            in_abstract = False
            marker_match = _LEADING_MARK.match(text)
            marker = (strip_markers(marker_match.group(1))[1] or (marker_match.group(1).strip(),))[0] if marker_match else ""
            for email in _EMAIL.findall(text):
                parts.correspondence.append((marker, email.rstrip(".")))
            continue
        if in_abstract and (index < last_label or not parts.abstract_units):
            parts.abstract_units.append(unit)
            continue
        if index == authors_index:
            parts.authors.extend(read_authors(text))
            continue
        marked_lines = [line for line in unit.lines if _LEADING_MARK.match(line)]
        if _LEADING_MARK.match(text) and len(unit.lines) == 1:  # marked affiliations the layout ran into one line
            marked_lines = [line for line in _NEXT_MARK.split(text) if _LEADING_MARK.match(line)]
            unit = replace(unit, lines=tuple(marked_lines)) if len(marked_lines) > 1 and "".join(marked_lines) == _NEXT_MARK.sub("", text) else unit
        if len(unit.lines) > 1 and len(marked_lines) == len(unit.lines):
            # One affiliation a line, each with its marker.
            found = [_read_affiliation(line.strip()) for line in unit.lines]
            if all(a is not None for a in found):
                parts.affiliations.extend(a for a in found if a is not None)
                continue
        affiliation = _read_affiliation(text)
        if affiliation is not None:
            parts.affiliations.append(affiliation)
            continue
        if not parts.abstract_units and index < keywords_index and len(text.split()) >= 30:
            # An abstract with no label: the paragraph just before "Key words".
            parts.abstract_units.append(unit)
            continue
        leftovers.append(unit)
    _attach_correspondence(parts)
    # A bare label with nothing after it stays as text rather than vanish.
    for label in bare_labels:
        is_abstract = bool(_ABSTRACT.match(label.text))
        if (is_abstract and not parts.abstract_units) or (not is_abstract and not parts.keywords):
            leftovers.insert(0, label)
    return parts, leftovers


_MASTHEAD = re.compile(
    r"©|\(c\)\s*\d{4}|\blicen[cs]e|\bcreative\s+commons\b|\bCC[\s-]BY\b|\bISSN\b|\bdoi\b|https?://|www\.|"
    r"\bvol(?:ume)?\.?\s*\d|\bno\.\s*\d|\b(?:19|20)\d\d\b.*\b\d+\s*[-–]\s*\d+\b|\bpublished\s+(?:by|under|online)",
    re.IGNORECASE,
)


def _no_names(text: str) -> None:
    return None


#: A title printed over more lines than this is not a title.
MAX_TITLE_LINES = 4


def title_run_end(
    units: list[Unit], title_index: int, title_lines: Sequence[int], names: Names,
    sure_field: Callable[[int], str | None] = lambda line: None,
) -> int:
    """One past the last unit of the title that starts at ``title_index``: a title goes on over
    the next lines while the structure model labels them title (``title_lines``) or the line
    before ends in a colon ("Extending R with C++:" / "A Brief Introduction to Rcpp"), and the
    line is none of what follows a title: a byline, an affiliation, a label, a masthead, a sentence."""
    model = frozenset(title_lines)
    end = title_index + 1
    while end < len(units) and end - title_index < MAX_TITLE_LINES:
        unit, text = units[end], units[end].text.strip()
        in_model = unit.line in model and unit.end_line in model
        if not (in_model or units[end - 1].text.rstrip().endswith(":")) or len(text) > 200:
            break
        # a line of capitalised words (or of capitals: "ROGER KOENKER") reads as names; one the
        # model is sure is the title's is not a byline
        sure_title = all(sure_field(line) == "title" for line in range(unit.line, unit.end_line + 1))
        if (names(name_case(text)) is not None and not sure_title) or looks_like_affiliation(text) or is_front_label(unit) or _MASTHEAD.search(text):
            break
        if (re.search(r"[.;]$", text) and not sure_title) or _EMAIL.search(text):
            break  # a sentence, unless the model is sure it is the title's end ("... by ECM alteration.")
        end += 1
    return end


def _byline_units(units: list[Unit], start: int, names: Names) -> set[int]:
    """The bylines after the title: the first within two units of it, then each further one after
    an affiliation (several authors each printed above their affiliation)."""
    first = next((i for i in range(start, min(len(units), start + 2)) if _is_byline(units[i], names)), -1)
    if first < 0:
        return set()
    found = {first}
    for index in range(first + 1, len(units)):
        if _is_byline(units[index], names):
            found.add(index)
        elif not (looks_like_affiliation(units[index].text) or _EMAIL.search(units[index].text)):
            break
    return found


def _is_byline(unit: Unit, names: Names) -> bool:
    text = unit.text.strip()
    return not looks_like_affiliation(text) and not is_front_label(unit) and names(text) is not None


def _model_unit(units: list[Unit], lines: Sequence[int]) -> int:
    """Index of the first unit lying within the model's ``lines`` (-1 if none does).

    A unit that runs on past them (the title joined to the authors by the layout repair) is not
    taken: only whole units can become a field without losing text.
    """
    if not lines:
        return -1
    first, last = min(lines), max(lines)
    for index, unit in enumerate(units):
        if first <= unit.line and unit.end_line <= last and not is_front_label(unit):
            return index
    return -1


def _title_index(units: list[Unit], model: int = -1, names: Names | None = None) -> int:
    """Which of the first units is the title: not a masthead, licence or author line.

    Extractions put a journal's masthead or a licence line, or the authors,
    above the title. The structure model's title (unit ``model``) is taken when it passes
    these rules; they are kept as a veto because they are sure of what they reject (a line of
    names, a masthead), where the model errs on text unlike its training data (``^{2*}``
    markers). Otherwise a title in capitals (often over several lines) is preferred."""
    candidates = []
    for index, unit in enumerate(units[: max(6, model + 1)]):
        text = unit.text.strip()
        if not text or _MASTHEAD.search(text) or is_front_label(unit) or _ABSTRACT.match(text) or _KEYWORDS.match(text):
            continue
        byline = names(text) is not None if names is not None and names is not _no_names else looks_like_author_list(text)
        if byline or looks_like_affiliation(text) or len(text) > 400:
            continue
        candidates.append(index)
    if not candidates:
        return 0
    if model in candidates:
        return model
    shouted = [i for i in candidates if sum(c.isupper() for c in units[i].text) > 0.6 * sum(c.isalpha() for c in units[i].text)]
    return shouted[0] if shouted and shouted[0] <= candidates[0] + 2 else candidates[0]


def _rest_of(unit: Unit, rest: str) -> Unit:
    return Unit(rest, unit.line, unit.end_line, False, (rest,), unit.after_blank)


def _split_keywords(text: str) -> list[str]:
    separator = ";" if ";" in text else ","
    return [to_plain(word).strip().rstrip(".") for word in text.split(separator) if word.strip()]


def _read_dates(text: str) -> list[tuple[str, str]]:
    if not _DATE_LABEL.match(text.strip()):
        return []
    if _DATE_LABEL.sub("", text).strip(" ;,_-–—|\t"):
        return []  # more than dates on the line: leave it as text
    found = []
    for match in _DATE_LABEL.finditer(text):
        kind = _DATE_KIND.get(re.sub(r"\s+", " ", match.group("label").lower()), "published")
        value = to_plain(match.group("value")).strip().rstrip("_ ").strip()
        if value:
            found.append((kind, value))
    return found


def looks_like_affiliation(text: str) -> bool:
    return _read_affiliation(text) is not None


def _read_affiliation(text: str) -> Affiliation | None:
    mark = _LEADING_MARK.match(text)
    if mark:
        marker = (strip_markers(mark.group(1))[1] or (mark.group(1).strip(),))[0]
        return Affiliation(text=to_plain(text[mark.end():]).strip(), marker=marker)
    if text.startswith("(") and text.endswith(")"):
        return Affiliation(text=to_plain(text[1:-1]).strip())
    if _INSTITUTION.search(text) and len(text) < 300 and not re.search(r"[.!?]\s*$", text):
        return Affiliation(text=to_plain(text).strip())
    return None


def _attach_correspondence(parts: FrontMatterParts) -> None:
    """Give the corresponding author (matched by marker, ``*``) their e-mail."""
    for marker, email in parts.correspondence:
        index = _corresponding_author(parts.authors, marker)
        if index is None:
            continue
        author = parts.authors[index]
        parts.authors[index] = Author(author.name, author.markers, email, True)


def _corresponding_author(authors: list[Author], marker: str) -> int | None:
    for index, author in enumerate(authors):
        if any(m == marker or (marker == "*" and m.endswith("*")) for m in author.markers):
            return index
    return 0 if len(authors) == 1 else None


def abstract_paragraphs(units: list[Unit], path: str) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(parse_inline(unit.text), unit.span(path)) for unit in units)
