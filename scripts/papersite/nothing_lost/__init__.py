"""The nothing-lost check: every passage of a source reaches its page (:mod:`.check`).

Its stage is :mod:`papersite.stages.nothing_lost`.
"""

from .check import check_nothing_lost, visible_text, words

__all__ = ["check_nothing_lost", "visible_text", "words"]
