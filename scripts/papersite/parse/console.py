"""A grammar of console sessions printed in running text: commands and the program's output.

Software papers show sessions between their paragraphs, one printed line a line::

    > fit = powerlaw.Fit(data)
    Calculating best minimal value for power law fit
    > fit.fixed_xmin
    True

Read as text, a line of output is a short line on its own, often capitalised, which the heading
rules would take for a heading ("True", "Calculating best minimal value ..."); and the structure
model, whose labels have no code, calls a whole session a table and runs that label on over the
heading after it. This module tells the parser what a session looks like, from its shape alone:

- a **command**: a prompt (R's ``>``/``R>``, Python's ``>>>``, a shell's ``$``) and a call, an
  assignment, an index or a bare name after it (not "> 0.05 were significant", a comparison a
  wrapped sentence put at a line's start);
- a **value**: what a console prints for a result — a number, a boolean, a null, a quoted
  string, or a tuple or list of them (``2.273``, ``True``, ``NULL``, ``'sigma'``,
  ``(12.755, 0.152)``, ``[1] FALSE``);
- **output**: the lines after a command up to the next prose — values, and messages the program
  printed (short lines that end no sentence).

All are tests of shape, never of particular words beyond the closed class of literals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: A console prompt: R's "> " (or "R> "), Python's ">>> ", a shell's "$ ".
PROMPT = re.compile(r"^(?:R?>|>>>|\$)\s+(?=\S)")
#: What follows a prompt in a session: a call, an assignment, an index, a comment, bare names
#: ("> fit", "> fit.alpha, fit.sigma"), or a statement opening on one of the closed class of the
#: common languages' loading and printing keywords ("> import numpy", "$ pip install x").
COMMAND = re.compile(
    r"[(\[=]|<-|^[A-Za-z.][\w.$@]*(?:,\s*[A-Za-z.][\w.$@]*)*$|^#"
    r"|^(?:import|from|library|require|print|pip|conda|python|Rscript|cd|def|class|return)\s+\S"
)
#: One printed value: a number (with a sign, decimals, an exponent, a percent sign), a boolean,
#: a null or a missing value, in the spellings of the common languages.
_LITERAL = re.compile(
    r"[-+−]?(?:\d+(?:[.,]\d+)*|\.\d+)(?:e[-+]?\d+)?%?|[-+]?(?:Inf|inf)"
    r"|True|False|TRUE|FALSE|true|false|None|NULL|null|nil|NA|NaN|nan"
)
#: A quoted string as a console prints it: 'mu', "mu", ’mu’.
_QUOTED = re.compile(r"""(?:'[^']*'|"[^"]*"|[‘’][^‘’]*’|“[^”]*”)""")
#: R's index before printed values: "[1] FALSE", "[13] 0.2 0.4".
_R_INDEX = re.compile(r"^\[\d+\]\s+")
#: Words a line of prose has at least (fewer, and a program's message is as likely).
PROSE_WORDS = 6
#: How many printed lines back a session's command may be, output in between.
SESSION_REACH = 4
#: Signs of code in a line: a call "f(", an assignment, R's "<-" and formula "~", braces, a semicolon.
_CODE_SIGN = re.compile(r"[^\W\d_]\(|\s=\s?|<-|~|[{};]")
_SENTENCE_END = re.compile(r"[.!?:]['\"”’)\]]*$")
_WORD = re.compile(r"^[(\"“‘']?[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*[.,;:)\"”’']*$")


def is_command(line: str) -> bool:
    """A prompt and a command after it ("> fit.xmin", ">>> import numpy", "R> x <- 1")."""
    text = line.strip("\f \t")
    prompt = PROMPT.match(text)
    return prompt is not None and COMMAND.search(text[prompt.end() :]) is not None


def is_value(line: str) -> bool:
    """A value as a console prints it: one literal or quoted string, or a tuple or list of them
    ("True", "230.000", "'sigma'", "(2.27, 0.17, 230.00)", "[1] TRUE FALSE")."""
    text = _R_INDEX.sub("", line.strip("\f \t"))
    if len(text) >= 2 and text[0] + text[-1] in ("()", "[]", "{}"):
        text = text[1:-1]
    # a quoted string is one part however many words it holds ('[1] "Normal Completion"')
    parts = re.findall(_QUOTED.pattern + r"|[^\s,]+", text)
    return bool(parts) and all(_LITERAL.fullmatch(part) or _QUOTED.fullmatch(part) for part in parts)


def is_prose(line: str) -> bool:
    """A line of running text: at least :data:`PROSE_WORDS` words, most of them plain words, and
    no command, value or sign of code (a call, an assignment, a formula's tilde)."""
    words = line.split()
    if len(words) < PROSE_WORDS or is_command(line) or is_value(line) or _CODE_SIGN.search(line):
        return False
    return sum(1 for word in words if _WORD.match(word)) >= 0.7 * len(words)


def _message(line: str) -> bool:
    """A line a program may have printed between a command and the next: no prose sentence (a
    long line of words ending on a full stop is the paper's own text)."""
    text = line.strip("\f \t")
    return not (is_prose(text) and (_SENTENCE_END.search(text) or len(text.split()) > 2 * PROSE_WORDS))


def follows_command(before: Sequence[str]) -> bool:
    """Do the printed lines ``before`` (in order, the nearest last) end in a session: a command
    within :data:`SESSION_REACH` lines, with nothing but output after it?"""
    seen = 0
    for line in reversed(before):
        if not line.strip("\f \t"):
            continue
        if is_command(line):
            return True
        seen += 1
        if seen >= SESSION_REACH or not _message(line):
            return False
    return False


def is_output(before: Sequence[str], line: str, after: str) -> bool:
    """Is ``line``, between the printed lines ``before`` (nearest last) and the line ``after`` it,
    a program's output? A value right after a command or a value, or any line in a session (after
    a command and its output) that another command or a value follows: a heading is followed by the
    paper's text, not by more of the session. (A line after a command with a heading-like line after
    it is left to the heading rules: a section's heading over its first subsection's looks the same
    as a program's "Done" over the next heading.)"""
    near = next((b for b in reversed(before) if b.strip("\f \t")), "")
    if is_value(line) and (is_command(near) or is_value(near)):
        return True
    # a label the program prints over its next lines ("Coefficients:" in R's summaries)
    label = line.strip().endswith(":") and len(line.split()) <= 2
    return follows_command(before) and (is_command(after) or is_value(after) or label)


def ends_session(before: Sequence[str], line: str, after: str) -> bool:
    """Is ``line`` the first line of the paper's own text after a session: after a command and its
    output, not a value itself, with prose after it? (The structure model's label for the session,
    a table, tells nothing about it then.)"""
    return follows_command(before) and not is_value(line) and not is_command(line) and is_prose(after)
