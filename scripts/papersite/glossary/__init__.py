"""The glossary: ``sources/glossary.yml`` (:mod:`.terms_file`) and its terms linked in the papers (:mod:`.linking`).

Its stage is :mod:`papersite.stages.glossary`; its page :mod:`papersite.render.glossary_page`.
"""

from .linking import LinkPolicy, build_matcher, find_uses, link_terms
from .terms_file import load_glossary

__all__ = ["LinkPolicy", "build_matcher", "find_uses", "link_terms", "load_glossary"]
