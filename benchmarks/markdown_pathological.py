"""Benchmark: the Markdown reader on pathological input, each at size n and 2n.

    .venv/bin/python benchmarks/markdown_pathological.py [--out benchmarks/results/markdown_pathological.txt]

Each input of tests/test_markdown_source.py's PATHOLOGICAL set is read by
``parse_markdown_paper`` at its test size and at twice that size; the ratio of
the two times shows whether the time grows linearly (about 2) or worse (about
4 for quadratic). Times are the best of three runs, in seconds.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from papersite.parse.markdown_paper import parse_markdown_paper  # noqa: E402
from test_markdown_source import PATHOLOGICAL  # noqa: E402


def best(text: str) -> float:
    times = []
    for _ in range(3):
        started = time.perf_counter()
        parse_markdown_paper(text, paper_id="b", path="b.md")
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    lines = ["Markdown reader on pathological input (best of 3, seconds)", "",
             f"{'input':<22}{'chars':>9}{'n':>9}{'2n':>9}{'ratio':>8}"]
    for name, text in PATHOLOGICAL.items():
        single, double = best(text), best(text + "\n\n" + text)
        lines.append(f"{name:<22}{len(text):>9}{single:>9.3f}{double:>9.3f}{double / max(single, 1e-9):>8.2f}")
    report = "\n".join(lines) + "\n"
    print(report, end="")
    if args.out:
        args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
