"""PDF sources on the built site, with both engines: ``mkdocs build --strict``, and ``papersite
build`` followed by ``zensical build``. The PDF is published beside its page and linked, its
pages are named per section, and ``citation_pdf_url`` is in the page's head."""

from __future__ import annotations

import re
from html import unescape
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import BIN, ROOT, make_fixture_project
from .pdf_maker import Page, Text, make_pdf

FIXTURE = Path(__file__).parent / "fixtures" / "pdf" / "eddelbuettel2018-rcpp-intro" / "paper.pdf"


def run(command: list[str], cwd: Path) -> None:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sources = tmp_path_factory.mktemp("pdf-sources") / "sources"
    shutil.copytree(ROOT / "sources", sources)  # the site's own papers (its home page links them)
    shutil.copy(FIXTURE, sources / "rcpp.pdf")
    prose = ["This paper is set in a PDF so that its text can be read back from the",
             "characters on its pages, line by line, in the order a reader reads",
             "them, and then joined into the paragraphs that the author wrote for",
             "the page in the first place, as any text source would be."]

    def section(y: float, head: str, last: str) -> list[Text]:
        return [Text(72, y, head, 12, "F2")] + [Text(72, y + 20 + 12 * i, line) for i, line in enumerate([*prose, last])]

    small = [Page([Text(72, 80, "A Small Paper Set in a PDF", 20, "F2"), Text(72, 110, "Ann Author"),
                   *section(150, "1. Introduction", "The first section ends here.")]),
             Page(section(80, "2. Results", "The second section starts on page two."))]
    (sources / "small.pdf").write_bytes(make_pdf(small, info={"Title": "A Small Paper Set in a PDF"}))
    (sources / "scanned.pdf").write_bytes(make_pdf([Page(image=True)]))  # one diagnostic, no page, no broken build
    return make_fixture_project(tmp_path_factory.mktemp("pdf-site"), sources)


def check_site(site: Path) -> None:
    assert (site / "papers" / "rcpp.pdf").read_bytes() == FIXTURE.read_bytes()
    html = unescape((site / "papers" / "rcpp" / "index.html").read_text(encoding="utf-8"))  # Zensical writes "/" as &#x2f;
    assert re.search(r'<meta name="citation_pdf_url" content="[^"]*/papers/rcpp\.pdf">', html)
    assert re.search(r'href="[^"]*/papers/rcpp\.pdf" download', html)
    assert "Extending R with C++: A Brief Introduction to Rcpp" in html
    small = unescape((site / "papers" / "small" / "index.html").read_text(encoding="utf-8"))
    pages = re.findall(r'href="[^"]*/papers/small\.pdf#page=(\d+)"', small)
    assert pages == ["1", "2"], pages  # Introduction on page 1, Results on page 2
    assert "The second section starts on page two." in small
    assert not (site / "papers" / "scanned").exists()


def test_mkdocs_builds_a_site_with_pdf_sources(project: Path, tmp_path: Path) -> None:
    run([str(BIN / "mkdocs"), "build", "--strict", "-d", str(tmp_path / "site")], project)
    check_site(tmp_path / "site")


def test_zensical_builds_a_site_with_pdf_sources(project: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"
    shutil.copytree(project, work)
    run([str(BIN / "papersite"), "--root", str(work), "build"], work)
    run([str(BIN / "zensical"), "build", "--clean"], work)
    check_site(work / "site")
