"""See-also: cross-paper links between paragraphs (:mod:`.links`) and the editors' ``sources/crosslinks.yml`` (:mod:`.edits_file`).

Its stage is :mod:`papersite.stages.see_also`; the links are shown by :mod:`papersite.render.paper_page`.
"""

from .edits_file import load_crosslink_edits
from .links import LinkEdit, add_crosslinks, compute_crosslinks

__all__ = ["LinkEdit", "add_crosslinks", "compute_crosslinks", "load_crosslink_edits"]
