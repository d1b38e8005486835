"""Golden files: the generated Markdown of both papers, reviewed in the diff.

Regenerate with ``pytest tests/test_golden.py --update-golden`` and read the
diff before committing: a golden file is a reviewed expectation, not a dump.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from papersite.pipeline import generate_site
from papersite.project import Project

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("paper_id", ["rezapour2020", "sadeghi2022"])
def test_generated_markdown_matches_golden_file(root: Path, paper_id: str, update_golden: bool) -> None:
    markdown = generate_site(Project.at(root)).pages[f"papers/{paper_id}.md"]
    golden = GOLDEN / f"{paper_id}.md"
    if update_golden:
        golden.write_text(markdown, encoding="utf-8")
    assert markdown == golden.read_text(encoding="utf-8"), f"{golden} differs; review, then --update-golden"
