"""Text fragments (``#id:~:text=…``): links that land on a claim's own sentence.

A browser that supports text fragments (the WICG "URL Fragment Text
Directives" spec, in Chromium, Safari and Firefox) scrolls to and highlights
the matched words; the others ignore the directive and land on ``#id``, where
``docs/javascripts/permalinks.js`` marks the sentence itself. The directive is
``text=[prefix-,]start[,end][,-suffix]``; in its values ``-``, ``,`` and
``&`` are syntax, so they are percent-encoded with everything outside the
URL-unreserved characters.
"""

from __future__ import annotations

import re
from urllib.parse import quote

#: A sentence ends at ., ? or ! followed by a space and a capital, a digit or an opening mark.
_SENTENCE_END = re.compile(r"(?<=[.?!])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
#: Longer sentences are named by their first and last words (start,end), which
#: keeps the link short and survives changes inside the sentence.
EDGE_WORDS = 5


def encode_term(text: str) -> str:
    """One value of a text directive, percent-encoded per the spec (``-``, ``,``, ``&`` included)."""
    return quote(" ".join(text.split()), safe="").replace("-", "%2D")


def sentence_around(text: str, start: int, end: int | None = None) -> str:
    """The sentence of ``text`` holding the characters ``start:end`` (to the end of the sentence that holds ``end``)."""
    end = start if end is None else end
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    first = max(b for b in bounds if b <= start)
    last = min((b for b in bounds if b > max(end - 1, start)), default=len(text))
    return text[first:last].strip()


def text_directive(sentence: str) -> str:
    """``:~:text=…`` for ``sentence`` ("" for empty text): the whole of a short
    sentence, the first and last words of a long one."""
    words = sentence.split()
    if not words:
        return ""
    if len(words) <= 2 * EDGE_WORDS:
        return ":~:text=" + encode_term(" ".join(words))
    return ":~:text=" + encode_term(" ".join(words[:EDGE_WORDS])) + "," + encode_term(" ".join(words[-EDGE_WORDS:]))


def claim_sentence(paragraph_text: str, words: str) -> str:
    """The sentence of ``paragraph_text`` where ``words`` (a quote or the start
    of a summary) is found, whitespace-insensitively; "" when it is not there."""
    wanted = words.replace("…", " ").split()
    if not wanted:
        return ""
    pattern = r"\s+".join(re.escape(word) for word in wanted)
    found = re.search(pattern, paragraph_text)
    if found is None:
        return ""
    return sentence_around(paragraph_text, found.start(), found.end())
