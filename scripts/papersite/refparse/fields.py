"""Turning the text of one labelled segment into a field value.

Small, rule-based clean-ups applied after the CRF: strip the punctuation and
quotes that belong to the reference's layout rather than the field, take the
year out of a date, split "Vol. 36, No. 9" into volume and issue, take the
page range out of "pp. 9–34", find "[in persian]" language marks.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_QUOTES = "\"'“”‘’«»„‚‹›`´"
_TRAILING = " \t,;:/"
_YEAR = re.compile(r"(?<!\d)((?:1[5-9]|20)\d\d)([a-z](?![a-z]))?(?!\d)")
_DASHES = re.compile(r"\s*[-–—‐‑−]+\s*")
_PAGE_PREFIX = re.compile(
    r"^\s*[\(\[]?\s*(?:pp|p|pages?|pgs?|pg|ss?|seiten?|págs?|pás|str|c|bl|с|стр)\s*\.?\s*(?=[\dA-Za-z]*\d|[ivxlcdm]+\b)",
    re.IGNORECASE,
)
_LOCATOR = re.compile(r"^\s*[\(\[]?\s*pp?\s*\.?\s*\d", re.IGNORECASE)
_TRAILING_PAGES = re.compile(r"[,.;]?\s*\b(pp?\s*\.?\s*\d+[a-z]?(?:\s*[-–—]\s*\d+[a-z]?)?)\s*[.,;]?\s*$", re.IGNORECASE)
_NUMBER_TOKEN = r"(?:\d+[A-Za-z]?(?:\s*[-–/&]\s*\d+[A-Za-z]?)?|[IVXLCDM]+\b|[ivxlcdm]+\b)"
_ISSUE = re.compile(
    rf"(?<![A-Za-z])(?P<serial>serial\s+)?(?:nos?|nr|num|number|issues?|iss|n°|nº|no°|heft|fasc|cuad|n(?=\.))\s*\.?\s*[:#]?\s*(?P<value>{_NUMBER_TOKEN})",
    re.IGNORECASE,
)
_VOLUME_PREFIXED = re.compile(
    r"(?<![A-Za-z])(?:vi\.\s*(?P<vi>\d+)|year\s*(?P<year>\d{1,3})(?!\d)"
    rf"|(?:volumes?|vols?|vl|bd|bde|band|jg|jahrgang|tome|tomo|t|v)\s*\.?\s*(?P<value>{_NUMBER_TOKEN}))",
    re.IGNORECASE,
)
_VOLUME_PAREN = re.compile(rf"^\s*(?P<volume>\d+[A-Za-z]?|[IVXLCDM]+)\s*\(\s*(?P<issue>{_NUMBER_TOKEN})\s*\)")
_VOLUME_PLAIN = re.compile(rf"^\s*(?P<value>{_NUMBER_TOKEN})(?![\w])")
_LEADING_YEAR = re.compile(r"^\s*(?:(?:1[5-9]|20)\d\d)?\s*;\s*")
_PAGES_AFTER_COLON = re.compile(
    r":\s*(?P<pages>[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—]\s*[A-Za-z]?\d+[A-Za-z]?)?)\s*[.,;]?\s*$"
)
_LANGUAGE_MARK = re.compile(r"[\[(]\s*in\s+(?P<language>[A-Za-z]+)\s*\.?\s*[\])]", re.IGNORECASE)
_LANGUAGES = frozenset(
    """persian farsi english russian chinese mandarin german french spanish portuguese italian dutch arabic turkish
    japanese korean polish czech slovak hungarian greek hebrew finnish swedish norwegian danish icelandic ukrainian
    romanian bulgarian serbian croatian bosnian slovenian macedonian albanian urdu hindi bengali punjabi tamil
    indonesian malay thai vietnamese latin catalan basque galician estonian latvian lithuanian azerbaijani azeri
    kazakh uzbek tajik turkmen kyrgyz pashto dari kurdish armenian georgian mongolian belarusian afrikaans swahili
    esperanto welsh irish""".split()
)
_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"]+", re.IGNORECASE)
_DOI = re.compile(r"10\.\d{4,9}/[^\s<>\"]+")
_NUMBER = re.compile(r"\d+[A-Za-z]?")
_LEADING_NUMBER = re.compile(r"^\s*[\[(](\d{1,4})[\])]")
_IN_PREFIX = re.compile(r"^\s*in\s*:\s*|^\s*in\s+(?=[\"“‘A-Z0-9])", re.IGNORECASE)
_ELLIPSIS = re.compile(r"(\s?)(\.\.\.|…)[\s\"'”’»,;:.]*$")
_IN_SUFFIX = re.compile(r"[,.;:]\s*in\s*:?\s*$", re.IGNORECASE)
_TRAILING_VOLUME = re.compile(
    r"(?:,\s*|\s+)(?P<tail>(?:(?:vol(?:ume)?|year|nos?|number|issue|band|bd|part|tome|heft)\b\.?"
    r"(?:\s*(?:\d+[a-z]?|[IVXLC]+\b))?[\s,]*)+)$",
    re.IGNORECASE
)
_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]*){0,3}"
_NAME_LIST = re.compile(rf"^\s*(?P<names>{_NAME}(?:\s*,\s*{_NAME})*\s+and\s+{_NAME})\s*,\s*(?=\S)")


@dataclass(frozen=True)
class VolumeParts:
    """What a ``volume`` segment holds: ``"Vol. 36, No. 9"`` -> volume 36, issue 9."""

    volume: str | None
    issue: str | None
    pages: str | None


def squash(text: str) -> str:
    """``text`` without HTML tags or entities, and with runs of whitespace made one space."""
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    return _SPACE.sub(" ", text).strip()


def _unwrap(text: str) -> str:
    """Drop brackets or quotes that enclose the whole of ``text``."""
    while len(text) >= 2 and (
        (text[0] == "(" and text[-1] == ")" and text.count("(") == 1)
        or (text[0] == "[" and text[-1] == "]" and text.count("[") == 1)
    ):
        text = text[1:-1].strip()
    return text


def clean(text: str, *, keep_final_stop: bool = False) -> str | None:
    """A field's text without layout punctuation around it; ``None`` when nothing is left."""
    text = squash(text).strip(_TRAILING)
    if not keep_final_stop:
        text = text.rstrip(". ").strip(_TRAILING)
    text = _unwrap(text).strip(_TRAILING)
    if text and text[0] == "(" and ")" not in text:
        text = text[1:].strip()
    if text and text[-1] == ")" and "(" not in text:
        text = text[:-1].strip()
    if text and text[0] == "[" and "]" not in text:
        text = text[1:].strip()
    if text and text[-1] == "]" and "[" not in text:
        text = text[:-1].strip()
    text = text.rstrip(" ([{").strip(_TRAILING)  # "84(": the bracket opens the next field
    return text or None


def clean_title(text: str) -> str | None:
    """A title without the quotes and stops around it ("?", "!" and a final "..." are kept)."""
    text = _IN_SUFFIX.sub("", squash(text))
    ellipsis = _ELLIPSIS.search(text)
    text = text.strip(_TRAILING + ".…")
    for _ in range(2):
        text = text.strip(_TRAILING + ". …")
        if text and text[0] in _QUOTES:
            text = text[1:]
        if text and text[-1] in _QUOTES:
            text = text[:-1]
    title = clean(text)
    if title and ellipsis:
        title += ellipsis.group(1) + ellipsis.group(2)
    return title


def split_trailing_volume(text: str, *, volume_follows: bool) -> tuple[str, str | None]:
    """``"Strategy Quarterly, year 25,"`` -> (``"Strategy Quarterly"``, ``"year 25,"``).

    Volume words the labeller left at the end of a journal title. Without a
    number the tail is only split off when a volume segment follows it
    (``"Studies Quarterly, Year"`` + ``"25, No. 80"``).
    """
    match = _TRAILING_VOLUME.search(text)
    if not match or match.start() == 0:
        return text, None
    tail = match.group("tail")
    if not volume_follows and not any(char.isdigit() for char in tail):
        return text, None
    head = text[: match.start()]
    if not head.strip(" ,.;:"):
        return text, None
    return head, tail


_JOURNAL_TAIL = re.compile(r",\s+(?P<tail>[A-Z][^\W\d_][^,;:()\[\]\d\"“”«»]*?)\s*[,.]?\s*$")


def trailing_journal(text: str) -> tuple[str, str] | None:
    """``"Chinese Foreign Policy ... Rightful Place, Perceptions,"`` -> (the title, ``"Perceptions,"``).

    For an unquoted title that runs straight into a volume with no journal
    between: its last comma-separated part, when that is one to six words
    starting with a capital and holding no digits, and the part before it has at
    least three words (not a short item of an enumeration), is the journal
    ("Title, Journal, Vol. 18, No. 1").
    """
    stripped = text.strip()
    if not stripped or stripped[0] in _QUOTES:
        return None
    match = _JOURNAL_TAIL.search(stripped)
    if not match or not 1 <= len(match.group("tail").split()) <= 6:
        return None
    head = stripped[: match.start() + 1]
    if len(head.split()) < 3 or len(head[:-1].rpartition(",")[2].split()) < 3:
        return None  # "China, Russia, US, India, Pakistan and Iran": the end of an enumeration, not a journal
    return head, stripped[match.start() + 1 :].lstrip()


def leading_name_list(text: str) -> tuple[str, str] | None:
    """``"Halimeh Shabani and Azadeh Ketabi, Tehran, ..."`` -> (the names, the rest), when it starts so."""
    match = _NAME_LIST.match(text)
    if not match:
        return None
    return text[: match.end()].rstrip(), text[match.end() :]


def clean_container(text: str) -> str | None:
    """A journal or book title without a leading "In:" and layout punctuation."""
    text = _IN_PREFIX.sub("", squash(text))
    return clean_title(text)


def year_of(text: str) -> str | None:
    """The first year in a date, with its letter suffix if any: ``"(2001a)."`` -> ``"2001a"``."""
    match = _YEAR.search(text)
    if not match:
        return None
    return match.group(1) + (match.group(2) or "")


_CJK_PAGES = re.compile(r"^\s*第\s*(?=\d)|(?<=\d)\s*[页頁쪽면]\s*(?=[.,;:)]*\s*$)")


def page_range(text: str) -> str | None:
    """``"pp. 9–34)."`` -> ``"9-34"``; ``"p475"`` -> ``"475"``; ``"第92-96页"`` -> ``"92-96"``."""
    cleaned = clean(_CJK_PAGES.sub("", _PAGE_PREFIX.sub("", squash(text))))
    return _DASHES.sub("-", cleaned) if cleaned is not None else None


def is_locator(text: str) -> bool:
    """Does a pages segment start with "p"/"pp" ("p 70", "pp 134-135", "p475")?"""
    return bool(_LOCATOR.match(squash(text)))


def split_trailing_pages(text: str) -> tuple[str, str | None]:
    """``"Volume 14, Issue 62, p 161"`` -> (``"Volume 14, Issue 62"``, ``"p 161"``)."""
    match = _TRAILING_PAGES.search(text)
    if not match or match.start() == 0:
        return text, None
    return text[: match.start()], match.group(1)


def volume_parts(text: str) -> VolumeParts:
    """Volume, issue (and pages glued on, as in ``35(9):1077–1095``) from a ``volume`` segment."""
    text = squash(text)
    pages: str | None = None
    colon = _PAGES_AFTER_COLON.search(text)
    if colon and re.search(r"[-–—]", colon.group("pages")):
        pages = _DASHES.sub("-", colon.group("pages"))
        text = text[: colon.start()]
    text = _LEADING_YEAR.sub("", _unwrap(text.strip(" .,;:")))
    paren = _VOLUME_PAREN.match(text)
    if paren:
        return VolumeParts(paren.group("volume"), _DASHES.sub("-", paren.group("issue")), pages)
    issue: str | None = None
    rest = text
    for match in _ISSUE.finditer(text):
        if match.group("serial"):
            continue
        issue = _DASHES.sub("-", match.group("value"))
        rest = text[: match.start()] + " " + text[match.end() :]
        break
    volume: str | None = None
    prefixed = _VOLUME_PREFIXED.search(rest)
    if prefixed:
        volume = prefixed.group("value") or prefixed.group("vi") or prefixed.group("year")
    else:
        plain = _VOLUME_PLAIN.match(rest.strip(" ([,;:"))
        if plain:
            volume = plain.group("value")
        elif issue is None:
            volume = clean(rest)
    if volume:
        volume = _DASHES.sub("-", volume)
    return VolumeParts(volume, issue, pages)


_VOLUME_ISSUE_PAGES = re.compile(
    rf"^\s*(?P<volume>\d+[A-Za-z]?)\s*(?:\(\s*(?P<issue>{_NUMBER_TOKEN})\s*\))?\s*[:,]\s*"
    r"(?P<pages>[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—‐‑]+\s*[A-Za-z]?\d+[A-Za-z]?)?)\s*[.,;]?\s*$"
)


def split_volume_pages(text: str) -> VolumeParts | None:
    """``"344:363-370"``, ``"12(3):45-67"``, ``"76, 69"``: volume, issue and pages printed as one."""
    text = squash(text)
    match = _VOLUME_ISSUE_PAGES.match(text)
    if not match or (":" not in text and _YEAR.fullmatch(match.group("volume"))):
        return None  # "2008, 45" is a year and a page
    return VolumeParts(match.group("volume"), match.group("issue"), _DASHES.sub("-", match.group("pages")))


def language_marks(text: str) -> list[tuple[str, str]]:
    """Every "[in persian]" / "(in Russian)" in ``text``: (the mark as printed, the language in lower case)."""
    marks: list[tuple[str, str]] = []
    for match in _LANGUAGE_MARK.finditer(text):
        language = match.group("language").lower()
        if language in _LANGUAGES or re.search(r"(?:ian|ish|ese)$", language):
            marks.append((match.group(0), language))
    return marks


def url_in(text: str) -> str | None:
    """The first URL in ``text``, without the punctuation that follows it."""
    match = _URL.search(text)
    return match.group(0).rstrip(".,;:)]}>") if match else None


def doi_in(text: str) -> str | None:
    """The first DOI (``10.xxxx/...``) in ``text``."""
    match = _DOI.search(text)
    return match.group(0).rstrip(".,;:)]}>") if match else None


def number_of(text: str) -> str | None:
    """The citation number in ``"[12]."``."""
    match = _NUMBER.search(text)
    return match.group(0) if match else None


def leading_number(text: str) -> str | None:
    """The bracketed number a reference starts with, ``"[12]. Yazdan..."`` -> ``"12"``."""
    match = _LEADING_NUMBER.match(text)
    return match.group(1) if match else None
