"""Render stage: document model -> Markdown pages."""

from .paper_page import render_paper
from .papers_index import render_papers_index

__all__ = ["render_paper", "render_papers_index"]
