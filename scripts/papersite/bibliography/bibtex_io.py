"""Reading and writing BibTeX with bibtexparser 2, and applying editors' corrections."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import bibtexparser
from bibtexparser.middlewares import default_unparse_stack
from bibtexparser.model import Entry, Field

HASH_FIELD = "papersite-hash"


def bibtex_value(text: str) -> str:
    """A field value safe inside BibTeX braces: braces balanced, nothing dropped."""
    depth = 0
    out = []
    for char in text:
        if char == "{":
            depth += 1
        elif char == "}":
            if depth == 0:
                out.append("\\}")
                continue
            depth -= 1
        out.append(char)
    value = "".join(out)
    return value + "}" * depth if depth else value


def fields_hash(fields: list[tuple[str, str]]) -> str:
    text = "\n".join(f"{k}={v}" for k, v in fields if k != HASH_FIELD)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def write_bibtex(entries: Sequence[tuple[str, str, list[tuple[str, str]], str | None]], header: str = "") -> str:
    """``entries`` as (type, key, fields, hash). Each gets the hash of its generated
    fields (or the one given, for an entry an editor changed), so that later
    hand edits can be noticed and kept."""
    library = bibtexparser.Library()
    for entry_type, key, fields, given_hash in entries:
        values = [Field(name, bibtex_value(value)) for name, value in fields]
        values.append(Field(HASH_FIELD, given_hash or fields_hash(fields)))
        library.add(Entry(entry_type, key, values))
    # The library is made here and thrown away: let the writer change it in
    # place rather than deep-copy every block (slow on a long bibliography).
    text = bibtexparser.write_string(library, unparse_stack=default_unparse_stack(allow_inplace_modification=True))
    return (header + "\n" if header else "") + text.strip() + "\n"


def read_bibtex(text: str) -> dict[str, tuple[str, dict[str, str]]]:
    """key -> (type, fields) of a BibTeX text; entries that fail to parse are skipped."""
    library = bibtexparser.parse_string(text)
    found = {}
    for entry in library.entries:
        found[entry.key] = (entry.entry_type, {f.key.lower(): str(f.value) for f in entry.fields})
    return found


def hand_edits(text: str | None) -> dict[str, tuple[str, dict[str, str], str]]:
    """Entries of a generated .bib that an editor changed: key -> (type, fields, stored hash)."""
    if not text:
        return {}
    edited = {}
    for key, (entry_type, fields) in read_bibtex(text).items():
        stored = fields.get(HASH_FIELD)
        plain = [(k, v) for k, v in fields.items() if k != HASH_FIELD]
        if stored and stored != fields_hash(plain):
            edited[key] = (entry_type, dict(plain), stored)
    return edited


def strip_braces(value: str) -> str:
    return re.sub(r"(?<!\\)[{}]", "", value).replace("\\}", "}").replace("\\{", "{")
