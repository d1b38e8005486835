"""Splitting a name list ("Naghdi Nejad, Hasan and Souri, Amir Mohammad") into persons.

This is the rule-based half of author handling: the CRF finds *where* the
names are, these rules cut the string it labelled into people. The forms
covered:

- inverted, all: ``Family, Given and Family, Given`` / ``Family, Given, Family, Given``;
- inverted first, the rest direct: ``Koolaei, Elahe, Mandana Tishehyar and Mahmoud Mohammadi``;
- direct: ``Richard Sakwa``, ``Bangpeng Yao, Aditya Khosla, and Li Fei-Fei``;
- initials: ``Romero, C., Paunesku, D., & Dweck, C.``, Vancouver ``Smith JA, Jones B``;
- surnames only: ``Nezafati and Keshishyan``;
- ``et al.`` (any form) ends the list and sets a flag.

In inverted form everything before the comma is the family name, so
multi-word surnames ("Naghdi Nejad", "Yazdan Panah") stay whole; initials
trailing it ("Walt M, Stephan") move to the given names. In direct form the
family name is the last word with any lower-case particles before it
("Ludwig van Beethoven" -> "van Beethoven").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .fields import squash
from .reference import PersonName

_ROLE_WORD = (
    r"(?:eds?|editors?|edited|edit|hrsg|hg|herausgeber(?:in)?|coords?|comps?|compiled|dirs?|"
    r"trans|transl|translated|translators?|trad|tr|übers|ubers)"
)
_ROLE_PREFIX = re.compile(
    rf"^\s*(?:{_ROLE_WORD}\.?\s*(?:(?:and|&)\s*{_ROLE_WORD}\.?\s*)?(?:by|von|v\.|par)?\s+)", re.IGNORECASE
)
_IN_PREFIX = re.compile(r"^\s*in\s*:?\s+", re.IGNORECASE)
_ROLE_PAREN = re.compile(rf"[\(\[]\s*{_ROLE_WORD}\.?(?:\s*(?:and|&|,)\s*{_ROLE_WORD}\.?)*\s*[\)\]]", re.IGNORECASE)
_ROLE_TRAIL = re.compile(rf"(?:[,\s]|^)+{_ROLE_WORD}\.?\s*$", re.IGNORECASE)
_ET_AL = re.compile(
    r"[,;]?\s*(?:\bet\.?\s*al(?:ii|ia)?\b\.?|\band\s+others\b\.?|\bu\.\s*a\.(?=\s*$)|\bet\s+coll\b\.?)", re.IGNORECASE
)
_PERSON_SEPARATOR = re.compile(r"(\s*;\s*|,?\s*&\s*|,?\s+(?:and|AND|und|et)\s+)")
_COMMA = re.compile(r"\s*,\s*")
_ORGANISATION_WORD = re.compile(
    r"\b(?:of|for|the|on|at|für)\b|\b(?:Organi[sz]ation|Institute|Institut|University|Universit[äéy]|Association|"
    r"Society|Council|Committee|Commission|Agency|Ministry|Department|Bank|Office|Foundation|Center|Centre|"
    r"Group|Corporation|Inc|Ltd|Press|Service|Bureau|Board|Team|Consortium|Collective|Network)\b\.?$"
)
_PARTICLES = frozenset(
    "van von der den de del della dei di da das do dos du la le les al el bin ibn ben ter ten zu zur vom".split()
)
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_TOKEN_EDGE = "\"'“”‘’«»()[]{}:;,"


@dataclass(frozen=True)
class NameList:
    """The persons named in one list, in order, and whether it ended in "et al."."""

    persons: tuple[PersonName, ...]
    et_al: bool


@lru_cache(maxsize=4096)  # asked of every word of every name list, often of the same words
def is_initials(token: str) -> bool:
    """``"C."``, ``"K.C."``, ``"J.-P."``, ``"Th."``, ``"JA"``, ``"M"``: initials, not a name."""
    text = token.replace("-", "").replace("‐", "")
    letters = text.replace(".", "")
    if not letters or not letters.isalpha():
        return False
    if "." not in text or (text.endswith(".") and text.count(".") == 1 and len(letters) >= 2):
        # "JA", and "BJ." closing a Vancouver list ("Munro S, Nichols BJ.")
        return len(letters) <= 3 and letters.isupper()
    pieces = [piece for piece in text.split(".") if piece]
    return all(len(piece) <= 2 and piece[0].isupper() and (len(piece) == 1 or piece[1:].islower()) for piece in pieces)


def _all_initials(part: str) -> bool:
    words = part.split()
    return bool(words) and all(is_initials(word) for word in words)


def _is_particle(word: str) -> bool:
    return word in _PARTICLES


def _is_given_like(part: str) -> bool:
    """Could ``part`` be the given names after an inverted surname?"""
    words = part.split()
    if not 1 <= len(words) <= 4:
        return False
    named = False
    for word in words:
        if is_initials(word):
            named = True
        elif _is_particle(word):
            continue
        elif word[0].isupper() and not any(char.isdigit() for char in word):
            named = True
        else:
            return False
    return named


def _is_vancouver(part: str) -> bool:
    """``"Smith JA"``, ``"Heidegger M."``, ``"Walt M"``: a surname followed by initials."""
    words = part.split()
    return (
        len(words) >= 2
        and is_initials(words[-1])
        and not is_initials(words[0])
        and any(not is_initials(word) and not _is_particle(word) for word in words[:-1])
    )


def _has_capitalised_surname(part: str) -> bool:
    """``"DUPONT Jean"``: one word in capitals among mixed-case ones marks the surname."""
    words = part.split()
    return any(len(w) > 3 and w.isupper() and not is_initials(w) for w in words) and any(not w.isupper() for w in words)


def _closing_stop(word: str) -> bool:
    """``"BJ."``, ``"WHO."``: capitals and one final stop, which ends the list rather than an initial."""
    return word.count(".") == 1 and len(word) >= 3 and word[:-1].isalpha() and word[:-1].isupper()


@lru_cache(maxsize=4096)
def _clean_word(word: str) -> str:
    word = word.strip(_TOKEN_EDGE)
    if word.endswith(".") and word.lower() not in _SUFFIXES and (not is_initials(word) or _closing_stop(word)):
        word = word.rstrip(".")
    return word


def _clean(part: str) -> str:
    return " ".join(word for word in (_clean_word(w) for w in part.split()) if word)


def _dotted(initials: str) -> str:
    return initials + "." if len(initials) == 1 else initials


def _direct(part: str) -> PersonName:
    """A name in reading order: given names first, family name last."""
    words = _clean(part).split()
    if not words:
        return PersonName(part.strip())
    if len(words) == 1 or all(is_initials(word) for word in words):
        return PersonName(" ".join(words))
    if is_initials(words[-1]) and not is_initials(words[0]):
        # "Smith JA": a surname followed by its initials
        cut = len(words) - 1
        while cut > 1 and is_initials(words[cut - 1]):
            cut -= 1
        return PersonName(" ".join(words[:cut]), " ".join(words[cut:]))
    # a surname in capitals, not initials run together ("P.D. Watson" is no "DUPONT Jean")
    capitals = [i for i, word in enumerate(words) if len(word) > 3 and word.isupper() and not is_initials(word)]
    if capitals and len(capitals) < len(words) and capitals == list(range(capitals[0], capitals[-1] + 1)):
        # "DUPONT Jean", "Jean DUPONT": the surname is the one in capitals
        family = words[capitals[0] : capitals[-1] + 1]
        given = words[: capitals[0]] + words[capitals[-1] + 1 :]
        return PersonName(" ".join(family), " ".join(given))
    end = len(words)
    while end > 1 and words[end - 1].lower() in _SUFFIXES:
        end -= 1
    start = end - 1
    while start > 1 and _is_particle(words[start - 1]):
        start -= 1
    return PersonName(" ".join(words[start:]), " ".join(words[:start]))


def _inverted(family_part: str, given_part: str) -> PersonName:
    """``Family, Given``; initials trailing the family part ("Walt M") belong to the given names."""
    family = _clean(family_part).split()
    given = _clean(given_part).split()
    if len(family) >= 2 and is_initials(family[-1]) and not _all_initials(" ".join(given)):
        moved: list[str] = []
        while len(family) >= 2 and is_initials(family[-1]):
            moved.insert(0, _dotted(family.pop()))
        given.extend(moved)
    return PersonName(" ".join(family), " ".join(given))


def _strip_roles(text: str, role: str) -> str:
    text = _ROLE_PAREN.sub(" ", text)
    if role != "author":
        text = _IN_PREFIX.sub("", text)
        text = _ROLE_PREFIX.sub("", text)
    previous = None
    while previous != text:
        previous = text
        text = _ROLE_TRAIL.sub("", text).rstrip(" ,;:")
    return text


def _first_is_inverted(chunks: Sequence[Sequence[str]], oxford: bool, prefer_direct: bool) -> bool:
    first = chunks[0]
    if len(first) < 2:
        return False
    head, second = first[0], first[1]
    head_words = [word for word in head.split() if not _is_particle(word)]
    if _all_initials(second) and not _all_initials(head):
        return True
    if _is_vancouver(head) and _is_vancouver(second):
        return False
    if _has_capitalised_surname(head):
        return False
    if not _is_given_like(second):
        return False
    if len(head_words) <= 1:
        return True
    if is_initials(head.split()[0]) or prefer_direct:
        return False
    if oxford and len(first) == 2:
        return False
    if len(first) >= 3 and all(len(part.split()) >= 2 and not _all_initials(part) for part in first):
        return False
    return True


def split_names(text: str, *, role: str = "author") -> NameList:
    """The persons in a labelled name list.

    ``role`` is ``"author"``, ``"editor"`` or ``"translator"``; for the last two,
    lead-ins ("In", "edited by", "translated by") and role marks ("(Eds.)") are
    dropped and names are read in direct order unless the commas say otherwise.
    """
    text = _strip_roles(squash(text), role)
    et_al = False
    if _ET_AL.search(text):
        et_al = True
        text = _ET_AL.sub(" ", text)
    text = text.strip(" ,;:")
    if not text or not any(char.isalpha() for char in text):
        return NameList((), et_al)
    if "," not in text and _ORGANISATION_WORD.search(text):
        return NameList((PersonName(_clean(text), literal=True),), et_al)
    pieces = _PERSON_SEPARATOR.split(text)
    chunks: list[list[str]] = []
    oxford = False
    for index, piece in enumerate(pieces):
        if index % 2:
            oxford = oxford or (index == 1 and piece.lstrip().startswith(","))
            continue
        if index == 0 and piece.rstrip().endswith(","):
            oxford = True
        parts = [part for part in _COMMA.split(piece) if part.strip(" .")]
        if parts:
            chunks.append(parts)
    if not chunks:
        return NameList((), et_al)
    inverted = _first_is_inverted(chunks, oxford, prefer_direct=role != "author")
    persons: list[PersonName] = []
    for parts in chunks:
        i = 0
        while i < len(parts):
            part = parts[i]
            following = parts[i + 1] if i + 1 < len(parts) else None
            if following is not None and _all_initials(following) and not _all_initials(part):
                persons.append(_inverted(part, following))
                i += 2
                continue
            if (
                inverted
                and following is not None
                and _is_given_like(following)
                and not (_is_vancouver(part) and _is_vancouver(following))
                and ((len(parts) - i) % 2 == 0 or not persons)
            ):
                persons.append(_inverted(part, following))
                i += 2
                continue
            persons.append(_direct(part))
            i += 1
    return NameList(tuple(person for person in persons if person.family or person.given), et_al)
