"""Initials run together before a surname ("P.D. Watson", "W.N. Venables") are the given names: the
rule for a surname printed in capitals ("DUPONT Jean") must not take "P.D." for one. Found on the
hothorn2001-mvtnorm and koenker2019-quantreg fixtures' reference lists."""

from __future__ import annotations

from papersite.refparse.names import split_names


def people(text: str) -> list[tuple[str, str]]:
    return [(p.family, p.given) for p in split_names(text).persons]


def test_initials_run_together_are_given_names() -> None:
    assert people("P.D. Watson, M. B. Wolf, and I.S. Beck-Montgemery") == [
        ("Watson", "P.D."), ("Wolf", "M. B."), ("Beck-Montgemery", "I.S.")]
    assert people("W.N. Venables and B.D. Ripley") == [("Venables", "W.N."), ("Ripley", "B.D.")]


def test_a_surname_in_capitals_is_still_the_surname() -> None:
    assert people("DUPONT Jean") == [("DUPONT", "Jean")]
    assert people("Jean DUPONT, Marie CURIE") == [("DUPONT", "Jean"), ("CURIE", "Marie")]
