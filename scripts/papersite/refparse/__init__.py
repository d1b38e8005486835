"""A trained reference-string parser: free-text bibliography entry -> structured fields.

A linear-chain CRF (python-crfsuite) labels each token of the entry — a
word or number with the punctuation attached to it
(:mod:`papersite.refparse.tokens`) — as author, date, title, journal, volume,
pages, publisher, ...; small rules then turn the labelled segments into
fields — persons out of a name list, year out of a date, volume and issue out
of "Vol. 36, No. 9" or "12(3):45-67", a cited page out of a numbered entry's
trailing "p 70".

    >>> from papersite.refparse import parse_reference
    >>> ref = parse_reference("Richard Sakwa (2015). \\"The New Atlanticism\\", Valdai Papers, Discussion Club")
    >>> ref.authors[0].family, ref.year
    ('Sakwa', '2015')

The model ships as ``papersite/data/refparse.crfsuite``; see
``papersite/data/REFPARSE-MODEL.md`` for its training data and licence, and
:mod:`papersite.refparse.train` to retrain it.
"""

from __future__ import annotations

from .parser import ReferenceParser, parse_reference, parse_references
from .reference import ParsedReference, PersonName

__all__ = ["ParsedReference", "PersonName", "ReferenceParser", "parse_reference", "parse_references"]
