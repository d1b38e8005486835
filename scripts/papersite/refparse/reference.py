"""The parser's result types: a person's name and a parsed reference."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PersonName:
    """One author, editor or translator.

    ``family`` is the surname as printed ("Naghdi Nejad", "van Dijk"), ``given``
    the rest ("Hasan", "Stephen M."). An organisation named as author
    ("World Health Organization") has its whole name in ``family`` and
    ``literal`` set.
    """

    family: str
    given: str = ""
    literal: bool = False


@dataclass(frozen=True)
class ParsedReference:
    """A free-text reference cut into fields; every field is ``None`` when not found."""

    raw: str
    number: str | None
    authors: tuple[PersonName, ...]
    editors: tuple[PersonName, ...]
    translators: tuple[PersonName, ...]
    et_al: bool
    year: str | None
    title: str | None
    container: str | None
    volume: str | None
    issue: str | None
    pages: str | None
    locator: str | None
    publisher: str | None
    place: str | None
    edition: str | None
    url: str | None
    doi: str | None
    language: str | None
    note: str | None
    labels: tuple[tuple[str, str], ...]
    confidence: float


def to_json(parsed: ParsedReference) -> dict[str, Any]:
    """The parse as JSON-ready data (for the build cache)."""
    return dataclasses.asdict(parsed)


def from_json(data: dict[str, Any]) -> ParsedReference:
    """The parse :func:`to_json` gave."""
    people = {name: tuple(PersonName(**person) for person in data[name]) for name in ("authors", "editors", "translators")}
    return ParsedReference(**{**data, **people, "labels": tuple(tuple(pair) for pair in data["labels"])})
