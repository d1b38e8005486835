"""Arguments: claims labelled in the papers and the editors' ``sources/arguments.yml`` (:mod:`.claims_file`), placed by :mod:`.claims`.

Its stage is :mod:`papersite.stages.arguments`; its page :mod:`papersite.render.arguments_page`.
"""

from .claims import add_claim_anchors, anchor_claims, find_labelled_claims
from .claims_file import load_arguments

__all__ = ["add_claim_anchors", "anchor_claims", "find_labelled_claims", "load_arguments"]
