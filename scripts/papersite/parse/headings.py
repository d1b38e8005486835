"""Recognising section headings and giving shouted ones title case.

Two shapes occur: numbered capitals (``I. INTRODUCTION``, ``VII.CONCLUSION``,
``2.1 Methods``) and plain titles on a line of their own (``Background``,
``Balance of threat``, ``Conclusion:``). The rules are general: length,
capitalisation, final punctuation and what follows the line, never a list of
known headings. Editors settle the rare doubtful case in the paper's metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .console import SESSION_REACH, ends_session, is_output, is_value
from .layout_types import is_code
from .units import Unit

_ROMAN = re.compile(r"^(?P<number>[IVXLC]{1,7})\s*[.)]\s*(?P<title>[^\s.].*)$")
#: "2.1 Methods", "2.1. Methods", and Wiley's "2.1 | Methods" (a bar between number and title).
_ARABIC = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?:\|\s+)?(?P<title>[A-Z].*)$")
#: An appendix's lettered heading: "A. R code", "B Proofs", "A.2. Data" (letters A to H: appendices
#: rarely run further, and a person's initial, "J. Smith", is not taken).
_LETTERED = re.compile(r"^(?P<number>[A-H](?:\.\d{1,2}){0,3})\.?\s+(?P<title>[A-Z][^,]*)$")
_TERMINAL = re.compile(r"[.,;?!]['\"”’)\]]*$")
#: A lead-in naming labelled items that follow ("Sub-question 1: ...").
_LABELLED_ITEM = re.compile(r"^[A-Z][\w\- ]{0,40}?\s\d+\s*[:\-–.]")

MAX_HEADING_WORDS = 10
#: An unnumbered title has at least this many letters ("Data", "Aims"; not "N", "CH 3").
MIN_TITLE_LETTERS = 3
MAX_HEADING_CHARS = 90
#: A heading wrapped over two printed lines is at most this long.
WRAPPED_HEADING_CHARS = 160

_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or per the to via vs with against over".split()
)


#: Words a sentence's lead-in ends on and a heading does not: a verb, a pronoun, a determiner.
_LEADS_ON = frozenset(
    "is are was were be been being has have had do does can could will would shall should may might must "
    "that which whose this these those its their our we it they follows than then thus where when".split()
)


@dataclass(frozen=True)
class HeadingMatch:
    title: str
    number: str = ""
    level: int = 2


def _is_roman(value: str) -> bool:
    return re.fullmatch(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", value) is not None


def mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def detect_heading(unit: Unit, following: Unit | None, wrapped: bool = False) -> HeadingMatch | None:
    """Return the heading ``unit`` is, or None when it is body text.

    ``wrapped``: the layout found the unit printed as a heading over two lines (see
    :mod:`papersite.parse.paragraphs`), which may then be longer than a one-line heading."""
    if unit.list_item or len(unit.lines) > 2:
        return None
    text = unit.text.strip()
    limit = WRAPPED_HEADING_CHARS if wrapped else MAX_HEADING_CHARS + 10
    if not text or len(text) > limit or looks_like_data(text) or _CAPTION.match(text) or _BRACKETED.fullmatch(text):
        return None  # a caption ("Table 4: Standard deviations …") is kept with its figure or table; "(PDF)" is a note
    if wrapped:
        return _wrapped(text)
    roman = _ROMAN.match(text)
    if roman and _is_roman(roman.group("number")) and mostly_upper(roman.group("title")):
        if not _TERMINAL.search(text):
            return HeadingMatch(roman.group("title").strip(), roman.group("number"), 2)
    numbered = _ARABIC.match(text) or _lettered(text)
    if numbered and not _has_word(numbered.group("title")):
        return None  # "4 A2 f4": a formula's line with an equation number, not a section
    # a numbered heading may ask a question ("2. What is a vignette?"); a sentence's other ends are not a heading's
    if numbered and _short_title(numbered.group("title")) and not _TERMINAL.search(text.removesuffix("?")):
        number = numbered.group("number")
        return HeadingMatch(numbered.group("title").strip(), number, 2 + number.count("."))
    if mostly_upper(text) and _short_title(text) and not _TERMINAL.search(text):
        return HeadingMatch(text.rstrip(":").strip(), "", 2)
    if _is_plain_title(text, following):
        return HeadingMatch(text.rstrip(":").strip(), "", 2)
    return None


_NUMBERED_QUESTION = re.compile(r"^\d{1,2}[.)]\s.*\?$")


def in_question_list(units: Sequence[Unit], index: int) -> bool:
    """Is the numbered question ``units[index]`` an item of a list of questions rather than a
    heading ("two questions must be asked:" / "1. Does it …?" / "2. What …?"): after a line that
    ends with a colon, or next to another numbered question?"""
    before = units[index - 1].text.strip() if index else ""
    after = units[index + 1].text.strip() if index + 1 < len(units) else ""
    return before.endswith(":") or bool(_NUMBERED_QUESTION.match(before)) or bool(_NUMBERED_QUESTION.match(after))


def _wrapped(text: str) -> HeadingMatch | None:
    """A heading the layout found wrapped over two printed lines: numbered or not, no sentence's end."""
    if _TERMINAL.search(text):
        return None
    numbered = _ARABIC.match(text) or _lettered(text)
    if numbered:
        number = numbered.group("number")
        return HeadingMatch(numbered.group("title").strip(), number, 2 + number.count("."))
    return HeadingMatch(text.rstrip(":").strip(), "", 2) if text[:1].isupper() else None


def title_cased(text: str) -> bool:
    """Every word of four letters or more starts with a capital ("Linear Algebra Extensions")."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", text) if len(w) >= 4]
    return bool(words) and all(w[:1].isupper() for w in words)


def _lettered(text: str) -> re.Match[str] | None:
    """An appendix heading "A. Title" / "A.1 Title": a single letter with a full stop or a section
    number after it, then a title of at least two words or a one-letter name ("A. R code")."""
    match = _LETTERED.match(text)
    if match is None or not (match.group(0)[1:2] == "." or "." in match.group("number")):
        return None
    return match if len(match.group("title").split()) >= 2 else None


_CODE_SIGNS = re.compile(r"<-|==|!=|->|[{};$#@]|\w\(|^\s*[>+]\s|\b[a-z_]+\.[a-z_]+\b|\w{2,}\.\.?\w{2,}\.\w|^\s*\[\d")
_DATA_WORD = re.compile(r"^(?:-?\d+(?:[.,]\d+)?%?|TRUE|FALSE|NA|NULL|None)$")


def looks_like_data(text: str) -> bool:
    """Program code, console output or a table row ("[1] TRUE", "Albizzi 0 0 1"),
    which a short line in capitals may resemble but which is never a heading. A printed value on a
    line of its own ("True", "NULL", "(2.27, 0.17)", see :func:`~papersite.parse.console.is_value`)
    is one too."""
    if is_value(text):
        return True
    if _CODE_SIGNS.search(text) or " = " in text or _MATH.search(text) or _unbalanced(text) or _VALUE.search(text):
        return True
    if _MEASURED.search(text):
        return True
    words = text.split()
    data = sum(1 for word in words if _DATA_WORD.match(word))
    return len(words) >= 2 and data >= max(2, len(words) // 3)


#: A name and a measured value, as a table or console output prints them ("Mandelbrot 267.4163"):
#: a number with two decimals or more ends no heading.
_MEASURED = re.compile(r"\s[-−]?\d+\.\d{2,}$")
#: A label and its value, as console output prints them ("AIC: 35959", "Log-likelihood: -1.2e+04 on 17 df").
_VALUE = re.compile(r":\s+-?\d[\d.,]*(?:e[+-]?\d+)?(?:\s|$)")


def _data_row(line: str) -> bool:
    """A row of numbers: two thirds of its words figures or signs ("683 47 608", "2.5 % breakpoints 97.5 %")."""
    words = line.split()
    figures = sum(1 for w in words if re.fullmatch(r"[-+−]?[\d.,]*\d[\d.,]*%?|[%*±()−-]+|\(?\d+\)?", w))
    return len(words) >= 2 and 3 * figures >= 2 * len(words)


def is_caption(text: str) -> bool:
    """A figure's or table's caption ("Figure 1. Basic steps …", "Table 4: …"): never a heading."""
    return bool(_CAPTION.match(text.strip()))


def _has_word(title: str) -> bool:
    """A title has a word: two letters or more and no digit ("R code", "Micro-Conditioning" have one,
    "A2 f4" has none)."""
    return any(len(w) >= 2 and re.sub(r"['’\-]", "", w).isalpha() for w in re.findall(r"[^\W_][\w'’\-]*", title)) or bool(re.search(r"\b[A-Z]\s+[a-z]{2,}", title))


_CAPTION = re.compile(r"^(?:Figure|Fig\.|Table|Exhibit|Chart)\s*\d+[.:]", re.IGNORECASE)
#: A line wholly in brackets ("(PDF)", "[continued]"): a note on what is around it.
_BRACKETED = re.compile(r"[(\[][^()\[\]]*[)\]]")
#: An operator between spaces, or a line opening with one: a formula's line ("N − 1", "+ 1").
_MATH = re.compile(r"\s[−+×±≤≥<>÷]\s|^[−+×±÷]")


def _unbalanced(text: str) -> bool:
    """Brackets that do not pair up: a line cut out of code or a formula ("knots = FALSE))")."""
    return any(text.count(a) != text.count(b) for a, b in ("()", "[]"))


def _short_title(title: str) -> bool:
    return len(title.split()) <= MAX_HEADING_WORDS and len(title) <= MAX_HEADING_CHARS


def _is_plain_title(text: str, following: Unit | None) -> bool:
    if not text[0].isupper() or not _short_title(text) or _TERMINAL.search(text):
        return False
    if sum(1 for c in text if c.isalpha()) < MIN_TITLE_LETTERS:
        return False  # "N", "H 3", "CH 3": a structure's or a plot's labels
    if following is None:
        return False
    # Titles do not end on an article, preposition or conjunction, nor on a verb or pronoun
    # that leads into what follows ("The basic form of the function is"); broken lines do.
    if text.rstrip(":").split()[-1].lower() in _SMALL_WORDS | _LEADS_ON:
        return False
    # A fragment whose sentence goes on after a page break is not a heading, nor one whose next
    # line opens with punctuation or a parenthesis (": it can be", "(Fig. 5):"): the sentence goes on.
    if following.text[:1].islower() or following.text[:1] in ":;,.)(]":
        return False
    # nor is a line whose next is a lone letter: a glyph raised out of the line (the "A" of the
    # LaTeX logo: "... included in L" / "A" / "TEX documents"); a heading has text after it
    if len(following.text.strip()) == 1:
        return False
    # A table's head or a label over output ("Obs ML NB", "Corresponding to breakdates:") has data
    # under it; the lines above a figure's caption are the figure's own labels (a heading at a
    # page's foot with the figure on top of the next page is what typesetting avoids).
    if _data_row(following.lines[0] if following.lines else following.text) or _CAPTION.match(following.text):
        return False
    if text.endswith(":"):
        # "Conclusion:" heads prose; "Sub questions:" or "And the hypotheses are:"
        # introduce items, so they stay body text.
        if len(text.split()) > 3 or following.list_item:
            return False
        if not re.search(r"\b[a-z]{2,}\b", following.text):  # "Pearson residuals:" over a table's head
            return False
        if _LABELLED_ITEM.match(following.text):
            return False
    return True


def title_case(title: str, known_upper: frozenset[str] = frozenset()) -> str:
    """Give a shouted title title case; leave titles in mixed case as they are.

    Words in ``known_upper`` (acronyms the paper writes in capitals in its body,
    such as ``US`` or ``NATO``) stay in capitals.
    """
    if not mostly_upper(title):
        return title
    words = title.split()
    out: list[str] = []
    for index, word in enumerate(words):
        core = re.sub(r"[^\w']", "", word)
        if any(c.islower() for c in core):  # set in lower case inside capitals by the authors ("t", "mRNA")
            out.append(word)
            continue
        if core.upper() in known_upper or re.sub(r"'S$", "", core.upper()) in known_upper:
            out.append(word)
            continue
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in word)
        if 0 < index and lower in _SMALL_WORDS and not words[index - 1].endswith((":", "—")):  # "R: A Vignette"
            out.append(lower)
            continue
        out.append(_capitalise(lower))
    return " ".join(out)


def _capitalise(word: str) -> str:
    # Capitalise each hyphen-joined part: "anti-hegemonic" -> "Anti-Hegemonic".
    # A letter whose capital is two letters ("ß" -> "SS") is left as it is.
    def first_up(part: str) -> str:
        head = part[:1].upper()
        return (head if len(head) == 1 else part[:1]) + part[1:]

    return "-".join(first_up(part) for part in word.split("-"))


def acronyms_in(body_text: str) -> frozenset[str]:
    """Words a text writes in capitals as a rule (acronyms), e.g. US, NATO, SCO.

    Lines set in capitals (a shouted title, byline or running head) are no evidence: every word
    of them is in capitals, acronym or not ("ON MULTIVARIATE t AND GAUSS ..." on every page)."""
    counts: dict[str, list[int]] = {}
    mixed = "\n".join(line for line in body_text.splitlines() if not mostly_upper(line))
    for word in re.findall(r"\b[A-Za-z]{2,6}\b", mixed):
        upper = word.upper()
        tally = counts.setdefault(upper, [0, 0])
        tally[0 if word == upper else 1] += 1
    return frozenset(word for word, (caps, other) in counts.items() if caps >= 2 and caps > other)


def inside_sentence(units: list[Unit], index: int) -> bool:
    """Is the unnumbered line ``units[index]`` inside a sentence or a console session that a float,
    code or the session's output interrupts?

    Line per printed line, a table or figure set between two lines of a paragraph comes out there:
    its head row after a line that stops mid-sentence ("... and the fitted" / "Type Distribution
    Method Description"). And a sentence may run on round a block of code ("The quasi-Poisson
    model" / "R> fm <- glm(...)" / "leads to an estimated dispersion ..."). And a program's message
    between a command and the next ("> fit = Fit(data)" / "Calculating best fit" / "> fit.alpha")
    is the session's output (:func:`~papersite.parse.console.is_output`). And a line that a
    neighbouring line repeats ("PHE" / "250" / "PHE") is a table's column or a figure's labels:
    a heading does not repeat next to itself."""
    if _console_output(units, index) or _repeated(units, index):
        return True
    previous = units[index - 1].text.rstrip() if index else ""
    if len(previous.split()) >= 8 and re.search(r"[a-z,]$", previous):
        return True
    after = index + 1
    while after < len(units) and units[after].lines and is_code(units[after].lines[0]):
        after += 1
    return after > index + 1 and after < len(units) and units[after].text[:1].islower()


#: How many units either side a repeated line is looked for (see :func:`inside_sentence`).
REPEAT_REACH = 2


def _repeated(units: list[Unit], index: int) -> bool:
    key = units[index].text.strip().casefold()
    near = units[max(0, index - REPEAT_REACH) : index] + units[index + 1 : index + 1 + REPEAT_REACH]
    return any(unit.text.strip().casefold() == key for unit in near)


def _printed(unit: Unit) -> tuple[str, ...]:
    return unit.lines or (unit.text,)


def _console_output(units: list[Unit], index: int) -> bool:
    before = [line for unit in units[max(0, index - SESSION_REACH) : index] for line in _printed(unit)]
    after = _printed(units[index + 1])[0] if index + 1 < len(units) else ""
    return is_output(before, units[index].text, after)


def heads_text_after_session(lines: Sequence[str], first_line: int, end_line: int) -> bool:
    """Is the heading the rules found on source lines ``first_line``..``end_line`` of ``lines`` the
    first line after a console session, in title case, with prose after it? The structure model,
    whose labels have no code, calls a session a table and runs that label on over the heading
    after it ("> fit.compare(a, b)" / "(-0.38, 0.38)" / "Restricted Parameter Range" / "Each
    Distribution has ..."); its veto tells nothing there. A program's message is a sentence, not in
    title case, and is followed by more of the session (:func:`inside_sentence`)."""
    text = " ".join(line.strip("\f \t") for line in lines[first_line - 1 : end_line])
    if not title_cased(text):
        return False
    before = lines[max(0, first_line - 1 - 3 * SESSION_REACH) : first_line - 1]
    after = next((line for line in lines[end_line:] if line.strip("\f \t")), "")
    return ends_session(before, text, after)
