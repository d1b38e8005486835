"""Reading the PDF fixtures' hand-checked facts (tests/fixtures/pdf/<slug>/facts.yml), shared by the tests that
hold the text route and the PDF route to them."""

from __future__ import annotations

import re
from typing import Any, Callable

import yaml

from .conftest import ROOT

PDF = ROOT / "tests" / "fixtures" / "pdf"
OPEN = ROOT / "tests" / "fixtures" / "open"
_NUMBER = re.compile(r"^(?:[A-Z]|\d+)(?:\.\d+)*\.?\s+(?=\S)")


def facts(slug: str) -> dict[str, Any]:
    return yaml.safe_load((PDF / slug / "facts.yml").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def heading_text(text: str, flat: Callable[[str], str]) -> str:
    """A heading without its printed number ("3.1.", "A.2", "4"), made ``flat``, case folded."""
    return _NUMBER.sub("", flat(text)).casefold()
