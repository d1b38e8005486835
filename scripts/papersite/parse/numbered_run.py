"""The run of a paper's top-level section numbers: the lines that carry "1 …", "2 …", "3 …" in
order, each a numbered heading by its shape. A heading on such a line is a heading even where
the line above does not end its block (an affiliation run on without a full stop:
"…, Germany" / "1 Introduction"): the run of numbers 1, 2, 3 … through the paper is evidence the
shape of one line is not. Fewer than :data:`MIN_RUN` numbers in order are no run (a list of
steps "1 Load …", "2 Fit …" is numbered too, but is short and sits in one place).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

#: Top-level numbers in order, at least, for a run.
MIN_RUN = 3

_TOP = re.compile(r"^(\d{1,2})\.?\s+[^\W\d_a-z]")


def numbered_run(texts: Sequence[str], is_heading: Callable[[int], bool]) -> set[int]:
    """Positions in ``texts`` of the lines numbered 1, 2, 3 … in order that ``is_heading``
    (a numbered heading's shape) accepts; empty when fewer than :data:`MIN_RUN` are found."""
    want, found = 1, []
    for position, text in enumerate(texts):
        match = _TOP.match(text)
        if match and int(match.group(1)) == want and is_heading(position):
            found.append(position)
            want += 1
    return set(found) if len(found) >= MIN_RUN else set()
