"""Benchmark of the whole site build at 2, 100 and 500 papers (issue #9).

    .venv/bin/python benchmarks/site_build.py                  # N = 2, 100, 500 (about 20-40 minutes)
    .venv/bin/python benchmarks/site_build.py --quick          # N = 2, 20; no browser measurements
    .venv/bin/python benchmarks/site_build.py --sizes 2,50 --profile 50

For each corpus size N (the site's two real papers plus N - 2 synthetic ones
made by ``benchmarks/corpus.py``, deterministic), in throw-away copies of the
project under a temporary folder, each step in a fresh process:

1. **pipeline, cold**: ``papersite.pipeline.build_site`` from the sources with
   no ``.papersite-cache`` (so citeproc-py formats every entry), no
   ``bib/*.bib`` and no anchor ledgers of synthetic papers; every stage of
   ``papersite.pipeline.STAGES`` timed by wrapping its ``run`` (parts of the
   bibliography and render stages by wrapping their functions; nothing in
   ``scripts/`` is edited): parse, ledger, bibliography (reference parsing, merging, CSL
   formatting, BibTeX), citations, glossary, arguments, annotations,
   cross-paper links, render, nothing-lost check, writing files, other.
2. **pipeline, warm**: the same again on the now-generated project (cache,
   ledgers and ``bib/`` present, every page unchanged): what a rebuild by
   ``mkdocs serve`` or a second ``mkdocs build`` pays.
3. **mkdocs, no pipeline**: ``mkdocs build`` of the generated Markdown with a
   copy of mkdocs.yml without ``hooks:``.
4. **zensical**: ``zensical build --clean`` of the same generated Markdown.
5. **mkdocs, whole**: ``mkdocs build`` with the hook, from the sources, in a
   fresh copy (cold cache), as a user runs it.

Then page weight (a paper page's HTML + the CSS and JS it loads, against a
bare Material site whose one page holds the same text), the search index
(size, gzip size, estimated transfer on a slow connection and, with Chromium,
the measured time until the first search result on a throttled page load),
Pagefind's chunked index over the same built site (``papersite search-index``:
indexing time, bundle size and files; with Chromium, at the largest N, a
``search: pagefind`` build of the same Markdown searched the same way, with
the bytes each engine transferred), reference-parser throughput over every
reference of the largest corpus, and ``mkdocs serve`` latency on the
two-paper site after editing an annotation and a paper.

Timings are wall-clock seconds; CPU seconds (user + system) are recorded too,
because the machine may be shared. Peak memory is the process's maximum
resident set (``wait4``'s ``ru_maxrss``). The code benchmarked is a snapshot of
``scripts/`` taken at the start (on ``PYTHONPATH`` ahead of the editable
install), so edits made meanwhile do not mix into one run.

Results: ``benchmarks/results/site_build.txt`` (tables, targets, machine) and
``benchmarks/results/site_build.json`` (every number).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime
import gzip
import html
import io
import json
import os
import platform
import pstats
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent
RESULTS = HERE / "results"
GENERATED = ("papers", "glossary", "arguments", "annotations", "bibliography", "citation-audit", "search")

#: Assumed phone-class connection for the search index estimate: Lighthouse's
#: "Slow 4G" mobile throttling (1.6 Mbit/s down, 150 ms round trip).
LINK_BITS_PER_S = 1.6e6
LINK_RTT_S = 0.150
#: The query both search engines are timed with in Chromium.
SEARCH_QUERY = "hegemony"
#: Edits per kind in the mkdocs serve test (the worst one is reported against the target).
SERVE_ROUNDS = 3

TARGETS = {
    "pipeline_share": 0.10,
    "growth_100_500": 5.5,
    "mb_per_s_per_core": 5.0,
    "refs_per_s": 1000.0,
    "serve_latency_s": 2.0,
    "page_weight_ratio": 1.10,
}


# ====================================================================== helpers


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run_measured(command: list[str], cwd: Path, env: dict[str, str], timeout: float = 7200, log_to: Path | None = None) -> dict[str, Any]:
    """Run ``command`` in a fresh process: wall and CPU seconds, peak RSS (MB), exit code, output."""
    out = open(log_to, "w", encoding="utf-8") if log_to else subprocess.DEVNULL  # noqa: SIM115
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            os.killpg(proc.pid, 9)
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.02)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if log_to:
        out.close()  # type: ignore[union-attr]
    return {
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
        "returncode": proc.returncode,
        "log": str(log_to) if log_to else "",
    }


def copy_project(src: Path, dst: Path) -> Path:
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst, symlinks=True)
    return dst


def make_skeleton(project: Path, code: Path) -> None:
    """A project folder like tests/conftest.py's ``make_fixture_project``, without sources."""
    project.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns(*GENERATED))
    shutil.copytree(code, project / "scripts")
    (project / "bib").mkdir()
    if (ROOT / "bib" / "corrections.bib").is_file():
        shutil.copy(ROOT / "bib" / "corrections.bib", project / "bib" / "corrections.bib")


def without_hooks(config_text: str, site_dir: str) -> str:
    """mkdocs.yml with the ``hooks:`` block removed and another ``site_dir``."""
    lines = config_text.splitlines()
    out: list[str] = []
    skipping = False
    for line in lines:
        if re.match(r"hooks:\s*$", line):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "\t", "-")) or not line.strip()):
            if line.strip():
                continue
            skipping = False
        elif skipping:
            skipping = False
        out.append(line)
    text = "\n".join(out) + "\n"
    text, count = re.subn(r"(?m)^site_dir:.*$", f"site_dir: {site_dir}", text)
    if not count:
        text += f"site_dir: {site_dir}\n"
    return text


def dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str, timeout: float = 5) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (local server)
            return response.read().decode("utf-8", "replace")
    except Exception:
        return None


def machine_info() -> dict[str, Any]:
    def version(dist: str) -> str:
        from importlib.metadata import PackageNotFoundError
        from importlib.metadata import version as v

        try:
            return v(dist)
        except PackageNotFoundError:
            return "-"

    cpu = ""
    with contextlib.suppress(OSError):
        cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "")
    mem = ""
    with contextlib.suppress(OSError):
        mem = f"{int(open('/proc/meminfo').readline().split()[1]) / 1024 / 1024:.1f} GB"
    git = ""
    with contextlib.suppress(Exception):
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "scripts"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        git = rev + (" (scripts/ modified)" if dirty else "")
    return {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": mem,
        "os": platform.platform(),
        "python": platform.python_version(),
        "git": git,
        "packages": {d: version(d) for d in ("mkdocs", "mkdocs-material", "zensical", "pagefind", "citeproc-py", "python-crfsuite", "rapidfuzz", "Markdown",
                                                        "pymdown-extensions")},
        "loadavg_start": os.getloadavg(),
    }


# ====================================================================== stage timing (runs in the child process)


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended (CSL formatting uses a process pool)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


class StageTimer:
    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self.calls: dict[str, int] = {}

    def wrap(self, module: Any, name: str, stage: str) -> None:
        original = getattr(module, name, None)
        if original is None:
            print(f"warning: {module.__name__}.{name} not found; not timed", file=sys.stderr)
            return
        setattr(module, name, self.timed(original, stage))

    def timed(self, original: Any, stage: str) -> Any:
        timer = self

        def timed(*args: Any, **kwargs: Any) -> Any:
            w, c = time.perf_counter(), _cpu()
            try:
                return original(*args, **kwargs)
            finally:
                timer.wall[stage] = timer.wall.get(stage, 0.0) + time.perf_counter() - w
                timer.cpu[stage] = timer.cpu.get(stage, 0.0) + _cpu() - c
                timer.calls[stage] = timer.calls.get(stage, 0) + 1

        return timed


#: The pipeline's stage names as this report's columns name them.
STAGE_NAMES = {"see-also": "crosslinks"}
#: Stages counted in the total (the rest, "bib:*", "render:*", are parts of these).
TOP_STAGES = ("settings", "parse", "ledger", "bibliography", "citations", "glossary", "arguments", "annotations", "crosslinks", "render", "check")


def child_pipeline(root: Path, out: Path, profile: Path | None) -> int:
    """Time ``build_site(root)`` stage by stage; write the numbers to ``out`` as JSON."""
    w0, c0 = time.perf_counter(), time.process_time()
    import papersite.bibliography.stage as bib_stage
    import papersite.pipeline as pipeline

    imports = (time.perf_counter() - w0, time.process_time() - c0)
    timer = StageTimer()
    # Every stage of the pipeline's own list, timed under its name (the list is read when a build starts).
    pipeline.STAGES = tuple(replace(stage, run=timer.timed(stage.run, STAGE_NAMES.get(stage.name, stage.name))) for stage in pipeline.STAGES)
    import papersite.stages.pages as pages_stage

    for name, stage in [
        ("render_bibliography_page", "render:bibliography"),
        ("render_audit_page", "render:audit"),
        ("render_paper_pages", "render:papers"),
        ("render_glossary_page", "render:glossary"),
        ("render_arguments_page", "render:arguments"),
    ]:
        timer.wrap(pages_stage, name, stage)
    for name, stage in [
        ("parse_references", "bib:refparse"),
        ("parse_references_cached", "bib:refparse"),
        ("prefill_cache", "bib:refparse"),
        ("make_record", "bib:records"),
        ("merge_records", "bib:merge"),
        ("format_bibliography", "bib:csl"),
        ("write_bibtex", "bib:bibtex"),
        ("hand_edits", "bib:hand-edits"),
    ]:
        timer.wrap(bib_stage, name, stage)
    import papersite.stages.see_also as see_also_stage

    timer.wrap(see_also_stage, "compute_crosslinks", "crosslinks:score")
    timer.wrap(pipeline, "run_stages", "generate_site")

    profiler = cProfile.Profile() if profile else None
    w1, c1 = time.perf_counter(), _cpu()
    if profiler:
        profiler.enable()
    result = pipeline.build_site(root)
    if profiler:
        profiler.disable()
    total_wall, total_cpu = time.perf_counter() - w1, _cpu() - c1
    if profiler and profile:
        profiler.dump_stats(str(profile))
        stream = io.StringIO()
        stats = pstats.Stats(profiler, stream=stream)
        stats.sort_stats("cumulative").print_stats(45)
        stats.sort_stats("tottime").print_stats(30)
        profile.with_suffix(".txt").write_text(stream.getvalue(), encoding="utf-8")

    wall = dict(timer.wall)
    cpu = dict(timer.cpu)
    gen_wall, gen_cpu = wall.pop("generate_site", 0.0), cpu.pop("generate_site", 0.0)
    wall["write"], cpu["write"] = total_wall - gen_wall, total_cpu - gen_cpu
    wall["other"] = gen_wall - sum(wall.get(s, 0.0) for s in TOP_STAGES)
    cpu["other"] = gen_cpu - sum(cpu.get(s, 0.0) for s in TOP_STAGES)
    from collections import Counter

    paragraphs = sum(1 for p in result.papers for _ in p.all_paragraphs())
    data = {
        "imports_wall_s": imports[0],
        "imports_cpu_s": imports[1],
        "total_wall_s": total_wall,
        "total_cpu_s": total_cpu,
        "stages_wall_s": wall,
        "stages_cpu_s": cpu,
        "calls": timer.calls,
        "papers": len(result.papers),
        "paragraphs": paragraphs,
        "references": sum(len(p.references) for p in result.papers),
        "bib_entries": len(result.bibliography.entries),
        "citations": len(result.citations),
        "citations_linked": sum(1 for c in result.citations if getattr(getattr(c, "item", None), "status", "") == "linked"),
        "term_uses": len(result.term_uses),
        "crosslinks": sum(len(pa.see_also) for p in result.papers for pa in p.all_paragraphs()),
        "pages_bytes": sum(len(t.encode()) for t in result.pages.values()),
        "fatal": [str(d) for d in result.fatal][:20],
        "errors": [str(d) for d in result.errors][:20],
        "diagnostics": dict(Counter(d.rule for d in result.diagnostics)),
        "written": len(result.written),
        "peak_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    out.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return 1 if result.fatal else 0


# ====================================================================== page weight


class _Assets(HTMLParser):
    """Local CSS, JS and icon files a page loads, and Material's search worker (from __config)."""

    def __init__(self) -> None:
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []
        self.other: list[str] = []
        self._config = False
        self.config_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and "stylesheet" in a.get("rel", "").split():
            self.css.append(a.get("href", ""))
        elif tag == "link" and "icon" in a.get("rel", "").split():
            self.other.append(a.get("href", ""))
        elif tag == "script" and a.get("src"):
            self.js.append(a["src"])
        elif tag == "img" and a.get("src"):
            self.other.append(a["src"])
        self._config = tag == "script" and "__config" in a.get("id", "")

    def handle_data(self, data: str) -> None:
        if self._config:
            self.config_text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._config = False


def page_weight(site: Path, page: str) -> dict[str, Any]:
    """Bytes of ``page`` (path under ``site``, e.g. papers/x/index.html) and the local files it loads."""
    path = site / page
    text = path.read_text(encoding="utf-8")
    parser = _Assets()
    parser.feed(text)
    base = "/" + page

    def local(url: str) -> Path | None:
        if not url or urlsplit(url).scheme or url.startswith("//"):
            return None
        resolved = urlsplit(urljoin(base, url)).path
        file = site / resolved.lstrip("/")
        return file if file.is_file() else None

    worker = ""
    with contextlib.suppress(ValueError, KeyError, TypeError):
        worker = json.loads(parser.config_text)["search"]
    files = {"css": [], "js": [], "other": []}  # type: dict[str, list[Path]]
    for kind, urls in (("css", parser.css), ("js", parser.js + ([worker] if worker else [])), ("other", parser.other)):
        for url in urls:
            found = local(url)
            if found and found not in files[kind]:
                files[kind].append(found)
    raw = path.read_bytes()
    sizes = {kind: sum(f.stat().st_size for f in fs) for kind, fs in files.items()}
    gz = {kind: sum(gzip_size(f.read_bytes()) for f in fs) for kind, fs in files.items()}
    return {
        "page": page,
        "html": len(raw),
        "html_gz": gzip_size(raw),
        **{kind: sizes[kind] for kind in files},
        **{f"{kind}_gz": gz[kind] for kind in files},
        "total": len(raw) + sizes["css"] + sizes["js"],
        "total_gz": gzip_size(raw) + gz["css"] + gz["js"],
        "files": {kind: [str(f.relative_to(site)) for f in fs] for kind, fs in files.items()},
        "external": [u for u in parser.css + parser.js if u and local(u) is None],
    }


def paper_markdown(source: Path, paper_id: str) -> str:
    """The paper's text as plain Markdown: title, front matter lines, headings, paragraphs, references."""
    from papersite.model import plain_text
    from papersite.parse import parse_paper

    paper = parse_paper(source.read_text(encoding="utf-8"), paper_id=paper_id, path=source.name)

    def esc(text: str) -> str:
        # Plain text, not Markdown: characters with a meaning written as references.
        return html.escape(text, quote=False).replace("*", "&#42;").replace("_", "&#95;").replace("[", "&#91;").replace("`", "&#96;")

    front = paper.front
    lines = [f"# {esc(front.title)}", ""]
    lines += [esc(", ".join(a.name for a in front.authors)), ""]
    for affiliation in front.affiliations:
        lines += [esc(affiliation.text), ""]
    for label, value in front.dates:
        lines += [esc(f"{label}: {value}"), ""]
    if front.abstract:
        lines += ["## Abstract", ""] + [line for p in front.abstract for line in (esc(plain_text(p.inlines)), "")]
    if front.keywords:
        lines += [esc("Keywords: " + ", ".join(front.keywords)), ""]

    def section(s: Any) -> None:
        lines.extend(["#" * min(s.level, 6) + " " + esc(s.title), ""])
        for block in s.blocks:
            lines.extend([("- " if block.list_item else "") + esc(plain_text(block.inlines)), ""])
        for sub in s.subsections:
            section(sub)
        if s.is_references:
            for ref in paper.references:
                lines.extend([f"{esc(ref.number + ' ' if ref.number else '')}{esc(ref.raw)}", ""])

    for s in paper.sections:
        section(s)
    return "\n".join(lines)


def bare_material_weight(work: Path, source: Path, paper_id: str, env: dict[str, str]) -> dict[str, Any]:
    """Build a bare Material site (no extra CSS/JS, no hook, no overrides) with the paper's text; weigh its page."""
    project = work / "bare-material"
    if project.exists():
        shutil.rmtree(project)
    (project / "docs" / "papers").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (project / "docs" / "papers" / f"{paper_id}.md").write_text(paper_markdown(source, paper_id), encoding="utf-8")
    (project / "mkdocs.yml").write_text("site_name: Eurasia Reader\ntheme:\n  name: material\n  font: false\n", encoding="utf-8")
    run = run_measured([str(BIN / "mkdocs"), "build"], project, env, log_to=work / "bare-material.log")
    if run["returncode"]:
        raise RuntimeError(f"bare Material build failed, see {run['log']}")
    return page_weight(project / "site", f"papers/{paper_id}/index.html")


# ====================================================================== search index in a throttled browser


SEARCH_PROBE = r"""
import gzip, json, re, sys, time, threading, functools, http.server, socketserver
from playwright.sync_api import sync_playwright
site, page_path, query, down_bps, rtt_ms, cpu, engine = sys.argv[1:8]
down_bps, rtt_ms, cpu = float(down_bps), float(rtt_ms), float(cpu)

class GzipHandler(http.server.SimpleHTTPRequestHandler):
    # Serves text files gzip-compressed (as GitHub Pages, Netlify, nginx with gzip on do), and the
    # sitemap with this server's origin, as a deployed site's names its own (Material's instant
    # navigation follows only links the sitemap lists). Pagefind's chunks are gzip files already.
    def send_head(self):
        path = self.translate_path(self.path)
        if path.endswith("/"):
            path += "index.html"
        import os
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path) or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        ctype = self.guess_type(path)
        if not any(t in ctype for t in ("html", "css", "javascript", "json", "xml", "svg", "text")):
            return super().send_head()
        with open(path, "rb") as f:
            data = f.read()
        if path.endswith("sitemap.xml"):
            origin = "http://%s:%d/" % self.server.server_address[:2]
            data = re.sub(rb"<loc>https?://[^/<]+/", b"<loc>" + origin.encode(), data)
        body = gzip.compress(data, compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io
        return io.BytesIO(body)
    def log_message(self, *a):
        pass

httpd = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=site))
threading.Thread(target=httpd.serve_forever, daemon=True).start()
url = f"http://127.0.0.1:{httpd.server_address[1]}/{page_path}"
out = {"engine": engine, "query": query}
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    page = browser.new_page(viewport={"width": 412, "height": 915}, is_mobile=True, has_touch=True)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": rtt_ms, "downloadThroughput": down_bps / 8, "uploadThroughput": 750000 / 8})
    if cpu > 1:
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu})
    finished = []  # (seconds since start, request), the page's and its workers' requests
    page.on("requestfinished", lambda request: finished.append((time.perf_counter(), request)))
    t0 = time.perf_counter()
    page.goto(url, wait_until="load", timeout=600000)
    out["load_s"] = time.perf_counter() - t0
    if engine == "material":
        page.click("label.md-header__button[for=__search]", timeout=60000)
        page.fill("input.md-search__input", query)
        page.wait_for_selector(".md-search-result__item", timeout=600000)
    else:  # pagefind: the header's Search link, the Search page, Pagefind's UI
        page.click(".md-header__inner a.papersite-search-link", timeout=60000)
        page.wait_for_selector("input.pagefind-ui__search-input", timeout=600000)
        out["search_ready_s"] = time.perf_counter() - t0
        page.fill("input.pagefind-ui__search-input", query)
        page.wait_for_selector(".pagefind-ui__result-link", timeout=600000)  # a result with its data, not a placeholder
    out["first_result_s"] = time.perf_counter() - t0
    out["results_shown"] = page.locator(".md-search-result__item, .pagefind-ui__result").count()
    loaded_at = t0 + out["load_s"]
    totals = {"bytes_total": 0, "bytes_page_load": 0, "bytes_search": 0, "bytes_index": 0}
    for at, request in finished:
        try:
            sizes = request.sizes()
        except Exception:
            continue
        got = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        totals["bytes_total"] += got
        totals["bytes_page_load" if at <= loaded_at else "bytes_search"] += got
        if "/search/search_index.json" in request.url or "/pagefind/" in request.url:
            totals["bytes_index"] += got
            if engine == "material":
                out["index_fetched_s"] = at - t0
                out["index_url"] = request.url
    out.update(totals)
    out["requests"] = len(finished)
    out["index_requests"] = sum(1 for _, r in finished if "/search/search_index.json" in r.url or "/pagefind/" in r.url)
    browser.close()
httpd.shutdown()
print(json.dumps(out))
"""


def browser_search(site: Path, page: str, env: dict[str, str], work: Path, engine: str = "material") -> dict[str, Any]:
    """In throttled Chromium (Slow-4G-like network, 4x CPU slowdown, cache off, phone viewport): from navigation
    to ``page`` to the first search result for the same query, and the bytes transferred on the way.

    ``material``: Material's search box (its worker loads the whole lunr index). ``pagefind``: the header's
    Search link, the Search page and Pagefind's UI (loading the index chunks and fragments the query needs)."""
    if not Path("/usr/bin/chromium").exists():
        return {"skipped": "no /usr/bin/chromium"}
    probe = work / "search_probe.py"
    probe.write_text(SEARCH_PROBE, encoding="utf-8")
    try:
        proc = subprocess.run(
            [sys.executable, str(probe), str(site), page, SEARCH_QUERY, str(LINK_BITS_PER_S), str(LINK_RTT_S * 1000), "4", engine],
            env=env, capture_output=True, text=True, timeout=1800,
        )
    except subprocess.TimeoutExpired:
        return {"skipped": "timed out", "engine": engine}
    if proc.returncode:
        return {"skipped": "probe failed: " + proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "probe failed", "engine": engine}
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


# ====================================================================== Pagefind


def pagefind_config(config_text: str) -> str:
    """mkdocs.yml switched to ``extra.papersite.search: pagefind`` with the search plugin off (README, "Search")."""
    if "plugins:\n  - search\n" not in config_text or "    search: material " not in config_text:
        raise RuntimeError("mkdocs.yml lacks the search lines the benchmark switches (plugins: - search; extra.papersite.search)")
    text = config_text.replace("plugins:\n  - search\n", "plugins:\n  - search:\n      enabled: false\n", 1)
    return text.replace("    search: material ", "    search: pagefind ", 1)


def pagefind_bundle(bundle: Path) -> dict[str, Any]:
    """Files and bytes of a Pagefind bundle: index chunks, page fragments, and the fixed files (JS, CSS, WebAssembly)."""
    files = [p for p in bundle.rglob("*") if p.is_file()]
    chunks = [p.stat().st_size for p in files if p.suffix == ".pf_index"]
    fragments = [p.stat().st_size for p in files if p.suffix == ".pf_fragment"]
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    total = sum(p.stat().st_size for p in files)
    return {
        "files": len(files),
        "bytes": total,
        "pages": sum(lang.get("page_count", 0) for lang in entry.get("languages", {}).values()),
        "index_chunks": len(chunks),
        "index_bytes": sum(chunks),
        "largest_chunk_bytes": max(chunks, default=0),
        "fragments": len(fragments),
        "fragment_bytes": sum(fragments),
        "fixed_bytes": total - sum(chunks) - sum(fragments),
    }


def pagefind_index(site: Path, project: Path, env: dict[str, str], log_to: Path) -> dict[str, Any]:
    """``papersite search-index`` (Pagefind) over a built site, timed; then the bundle's size."""
    command = [sys.executable, "-m", "papersite", "--root", str(project), "search-index", "--site", str(site)]
    run = run_measured(command, project, env, log_to=log_to)
    result: dict[str, Any] = {"process": run}
    if run["returncode"] == 0 and (site / "pagefind" / "pagefind-entry.json").is_file():
        result.update(pagefind_bundle(site / "pagefind"))
        text = log_to.read_text(encoding="utf-8", errors="replace")
        words = re.search(r"(\d+) words indexed", text)
        result["words"] = int(words.group(1)) if words else None
    return result


def pagefind_site(gen: Path, env: dict[str, str], work: Path) -> tuple[Path, dict[str, Any]]:
    """The generated Markdown built as a ``search: pagefind`` site (search plugin off, the Search page the
    pipeline writes in that mode), then indexed: what the browser probe loads for Pagefind."""
    from papersite.render.search_page import render_search_page

    (gen / "docs" / "search").mkdir(parents=True, exist_ok=True)
    (gen / "docs" / "search" / "index.md").write_text(render_search_page(), encoding="utf-8")
    config = pagefind_config(without_hooks((gen / "mkdocs.yml").read_text(encoding="utf-8"), "site-pagefind"))
    (gen / "mkdocs-pagefind.yml").write_text(config, encoding="utf-8")
    build = run_measured([str(BIN / "mkdocs"), "build", "-f", "mkdocs-pagefind.yml"], gen, env, log_to=work / "mkdocs-pagefind.log")
    if build["returncode"]:
        raise RuntimeError(f"the Pagefind-mode site did not build, see {build['log']}")
    site = gen / "site-pagefind"
    index = pagefind_index(site, gen, env, work / "pagefind-mode-index.log")
    return site, {"mkdocs_build": build, "index": index}


# ====================================================================== mkdocs serve latency


def serve_latency(project: Path, env: dict[str, str], dirty: bool, work: Path) -> dict[str, Any]:
    """Seconds from saving an edit to seeing it on the served page (annotation body; paper text)."""
    port = free_port()
    logfile = work / f"serve{'-dirty' if dirty else ''}.log"
    command = [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"] + (["--dirty"] if dirty else [])
    out = open(logfile, "w", encoding="utf-8")  # noqa: SIM115
    proc = subprocess.Popen(command, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/papers/rezapour2020/"
    result: dict[str, Any] = {"dirty": dirty}
    try:
        start = time.perf_counter()
        while fetch(url) is None:
            if proc.poll() is not None or time.perf_counter() - start > 300:
                result["error"] = f"server did not come up (see {logfile})"
                return result
            time.sleep(0.1)
        result["first_build_s"] = time.perf_counter() - start
        time.sleep(1.0)  # let the watcher settle after the first build

        def wait_for(marker: str, limit: float = 60) -> float | None:
            t0 = time.perf_counter()
            while time.perf_counter() - t0 < limit:
                page = fetch(url)
                if page and marker in page:
                    return time.perf_counter() - t0
                time.sleep(0.05)
            return None

        note = project / "sources" / "annotations" / "rezapour2020.yml"
        paper = project / "sources" / "rezapour2020.txt"
        quotes = _quoted_strings(project / "sources")
        result["annotation_edits_s"] = []
        result["paper_edits_s"] = []
        for round_ in range(SERVE_ROUNDS):
            # 1. an annotation's body: one word added to the first body line.
            lines = note.read_text(encoding="utf-8").splitlines(keepends=True)
            at = next(i for i, line in enumerate(lines) if re.match(r"\s+body:", line)) + 1
            marker = f"benchmarkannotationedit{round_}"
            lines[at] = lines[at].rstrip("\n") + f" {marker}\n"
            note.write_text("".join(lines), encoding="utf-8")
            result["annotation_edits_s"].append(wait_for(marker))
            time.sleep(2.0)  # let the follow-up rebuild (the hook rewrote docs/) finish
            # 2. the paper's text: one word added to a body paragraph no note or claim quotes.
            plines = paper.read_text(encoding="utf-8").splitlines(keepends=True)
            target = next(
                i for i, line in enumerate(plines)
                if len(line) > 400 and line.rstrip().endswith(".") and not any(q in line for q in quotes) and not line.startswith("-")
            )
            marker = f"benchmarkpaperedit{round_}"
            stripped = plines[target].rstrip("\n")
            plines[target] = stripped[:-1] + f" {marker}." + "\n"
            paper.write_text("".join(plines), encoding="utf-8")
            result["paper_edits_s"].append(wait_for(marker))
            time.sleep(2.0)
        for kind in ("annotation", "paper"):
            seen = [t for t in result[f"{kind}_edits_s"] if t is not None]
            result[f"{kind}_edit_s"] = max(seen) if len(seen) == SERVE_ROUNDS else float("inf")  # inf: not seen within 60 s
            result[f"{kind}_edit_median_s"] = sorted(seen)[len(seen) // 2] if seen else None
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, 15)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait()
        out.close()
    builds = re.findall(r"Documentation built in ([\d.]+) seconds", logfile.read_text(encoding="utf-8"))
    result["build_times_logged_s"] = [float(b) for b in builds]
    result["log"] = str(logfile)
    return result


def _quoted_strings(sources: Path) -> list[str]:
    import yaml

    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "exact" in node:
                found.extend(str(node.get(k, "")) for k in ("exact",) if node.get(k))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in [sources / "arguments.yml", *sorted((sources / "annotations").glob("*.yml"))]:
        with contextlib.suppress(Exception):
            walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


# ====================================================================== reference parsing throughput


def refparse_speed(sources: Path, env: dict[str, str], work: Path) -> dict[str, Any]:
    """References per second of papersite.refparse over every reference of the corpus (a fresh process, one core)."""
    script = work / "refparse_speed.py"
    script.write_text(
        "import json, sys, time\n"
        "from pathlib import Path\n"
        "from papersite.parse import parse_paper\n"
        "from papersite.refparse import parse_references\n"
        "lists = []\n"
        "for path in sorted(Path(sys.argv[1]).glob('*.txt')):\n"
        "    paper = parse_paper(path.read_text(encoding='utf-8'), paper_id=path.stem, path=path.name)\n"
        "    lists.append(([r.raw for r in paper.references], any(r.number for r in paper.references)))\n"
        "parse_references(lists[0][0], numbered_list=lists[0][1])  # warm-up: model load\n"
        "n = sum(len(l) for l, _ in lists)\n"
        "best = None\n"
        "for _ in range(2):\n"
        "    w, c = time.perf_counter(), time.process_time()\n"
        "    for refs, numbered in lists:\n"
        "        parse_references(refs, numbered_list=numbered)\n"
        "    w, c = time.perf_counter() - w, time.process_time() - c\n"
        "    best = (w, c) if best is None or c < best[1] else best\n"
        "print(json.dumps({'references': n, 'wall_s': best[0], 'cpu_s': best[1], 'refs_per_s_wall': n / best[0], 'refs_per_s_cpu': n / best[1]}))\n",
        encoding="utf-8",
    )
    command = [sys.executable, str(script), str(sources)]
    if shutil.which("taskset"):
        command = ["taskset", "-c", "0"] + command
    proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=3600)
    if proc.returncode:
        return {"error": proc.stderr[-2000:]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ====================================================================== one corpus size


def bench_size(n: int, work: Path, code: Path, env: dict[str, str], material: Any, profile: Path | None) -> dict[str, Any]:
    import corpus as corpus_mod

    base = work / f"n{n}"
    base.mkdir(parents=True, exist_ok=True)
    pristine = base / "pristine"
    if pristine.exists():
        shutil.rmtree(pristine)
    make_skeleton(pristine, code)
    log(f"N={n}: writing the corpus")
    stats = corpus_mod.write_corpus(n, pristine / "sources", material=material)
    row: dict[str, Any] = {
        "papers": n,
        "source_bytes": stats.source_bytes,
        "source_mb": stats.source_bytes / 1e6,
        "reference_strings": stats.references,
        "corpus_sha256": stats.digest,
    }
    log(f"N={n}: {stats.source_bytes / 1e6:.2f} MB, {stats.references} references")

    # 1 + 2: pipeline, cold then warm, stage by stage.
    gen = copy_project(pristine, base / "generated")
    for phase in ("cold", "warm"):
        log(f"N={n}: pipeline ({phase})")
        out = base / f"pipeline-{phase}.json"
        command = [sys.executable, str(HERE / "site_build.py"), "--_pipeline", str(gen), "--_out", str(out)]
        run = run_measured(command, gen, env, log_to=base / f"pipeline-{phase}.log")
        if not out.is_file():
            raise RuntimeError(f"pipeline run failed at N={n}; see {run['log']}")
        data = json.loads(out.read_text(encoding="utf-8"))
        data["process"] = run
        row[f"pipeline_{phase}"] = data
        log(f"N={n}: pipeline {phase}: {data['total_wall_s']:.1f} s wall, {data['total_cpu_s']:.1f} s CPU; fatal {len(data['fatal'])}")
    if profile:
        # A separate, untimed cold run under cProfile (the profiler slows Python code unevenly).
        log(f"N={n}: pipeline (cold) under cProfile")
        prof = copy_project(pristine, base / "profiled")
        command = [sys.executable, str(HERE / "site_build.py"), "--_pipeline", str(prof), "--_out", str(base / "pipeline-profiled.json"),
                   "--_profile", str(profile)]
        run_measured(command, prof, env, log_to=base / "pipeline-profiled.log")
        shutil.rmtree(prof, ignore_errors=True)

    # 3: mkdocs without the pipeline, on the generated Markdown.
    (gen / "mkdocs-nohook.yml").write_text(without_hooks((gen / "mkdocs.yml").read_text(encoding="utf-8"), "site-nohook"), encoding="utf-8")
    log(f"N={n}: mkdocs build, pipeline off")
    row["mkdocs_nohook"] = run_measured([str(BIN / "mkdocs"), "build", "-f", "mkdocs-nohook.yml"], gen, env, log_to=base / "mkdocs-nohook.log")
    log(f"N={n}: mkdocs (no pipeline) {row['mkdocs_nohook']['wall_s']:.1f} s")

    # 4: zensical on the same Markdown.
    (gen / "zensical.yml").write_text(without_hooks((gen / "mkdocs.yml").read_text(encoding="utf-8"), "site-zensical"), encoding="utf-8")
    log(f"N={n}: zensical build")
    row["zensical"] = run_measured([str(BIN / "zensical"), "build", "--clean", "-f", "zensical.yml"], gen, env, log_to=base / "zensical.log")
    log(f"N={n}: zensical {row['zensical']['wall_s']:.1f} s (exit {row['zensical']['returncode']})")

    # 5: the whole mkdocs build, hook included, from the sources (cold cache).
    full = copy_project(pristine, base / "full")
    log(f"N={n}: mkdocs build, whole (hook runs the pipeline)")
    row["mkdocs_full"] = run_measured([str(BIN / "mkdocs"), "build"], full, env, log_to=base / "mkdocs-full.log")
    log(f"N={n}: mkdocs whole {row['mkdocs_full']['wall_s']:.1f} s (exit {row['mkdocs_full']['returncode']})")

    # Sizes: sites, search index, page weight.
    site = full / "site"
    zsite = gen / "site-zensical"
    row["site_bytes"] = dir_bytes(site) if site.is_dir() else None
    row["zensical_site_bytes"] = dir_bytes(zsite) if zsite.is_dir() else None
    index = site / "search" / "search_index.json"
    if index.is_file():
        data = index.read_bytes()
        row["search_index"] = {"bytes": len(data), "gzip_bytes": gzip_size(data), "docs": len(json.loads(data)["docs"])}
        row["search_index"]["est_load_s"] = LINK_RTT_S + row["search_index"]["gzip_bytes"] * 8 / LINK_BITS_PER_S
    zindex = zsite / "search.json"
    if zindex.is_file():
        data = zindex.read_bytes()
        row["zensical_search_index"] = {"bytes": len(data), "gzip_bytes": gzip_size(data)}
        row["zensical_search_index"]["est_load_s"] = LINK_RTT_S + row["zensical_search_index"]["gzip_bytes"] * 8 / LINK_BITS_PER_S
    if site.is_dir():
        row["page_weight"] = page_weight(site, "papers/rezapour2020/index.html")
        if zsite.is_dir() and (zsite / "papers/rezapour2020/index.html").is_file():
            row["page_weight_zensical"] = page_weight(zsite, "papers/rezapour2020/index.html")
        synthetic = sorted(p for p in (site / "papers").iterdir() if p.is_dir() and p.name not in ("rezapour2020", "sadeghi2022"))
        if synthetic:
            row["page_weight_synthetic"] = page_weight(site, f"papers/{synthetic[0].name}/index.html")
    # Pagefind's chunked index over the same built site (extra.papersite.search: pagefind indexes the same
    # articles; measured here, after the site's own size, so that it does not count in it).
    if site.is_dir():
        log(f"N={n}: Pagefind index of the built site")
        row["pagefind"] = pagefind_index(site, full, env, base / "pagefind-index.log")
        pf = row["pagefind"]
        log(f"N={n}: Pagefind {pf['process']['wall_s']:.1f} s (exit {pf['process']['returncode']}), "
            f"{pf.get('files', 0)} files, {pf.get('bytes', 0) / 1e6:.1f} MB")
    row["sources_dir"] = str(pristine / "sources")
    row["site_dir"] = str(site)
    row["generated_dir"] = str(gen)
    return row


# ====================================================================== report


def _seconds(values: list[float | None] | None) -> str:
    return "/".join(fmt(v, 2) for v in values or [])


def fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def build_report(results: dict[str, Any]) -> str:
    rows = results["sizes"]
    out: list[str] = []
    m = results["machine"]
    out.append("Site build benchmark (benchmarks/site_build.py, issue #9)")
    out.append("=" * 58)
    out.append(f"command: {results['command']}")
    out.append(f"date {m['date']}; {m['cores']} cores ({m['cpu']}), {m['memory']}; {m['os']}; Python {m['python']}; code {m['git']}")
    out.append("packages: " + ", ".join(f"{k} {v}" for k, v in m["packages"].items()))
    out.append(f"load average at start {tuple(round(x, 2) for x in m['loadavg_start'])}, at end {tuple(round(x, 2) for x in m.get('loadavg_end', ()))}"
               " (the machine was shared; CPU seconds are less affected than wall seconds)")
    out.append("")
    out.append("Corpus: the two real papers plus N-2 synthetic ones (benchmarks/corpus.py, fixed seed). Times in wall seconds unless marked CPU.")
    out.append("pipeline = papersite build_site (cold: no citeproc cache, no bib/, no ledgers of synthetic papers; warm: second run, nothing changed).")
    out.append("mkdocs whole = `mkdocs build` with the hook, from sources, cold. mkdocs -pipe = `mkdocs build` of the generated Markdown, hooks removed.")
    out.append("zensical = `zensical build --clean` of the same Markdown. share = pipeline cold / (pipeline cold + mkdocs -pipe); share(whole) = (whole - (-pipe)) / whole.")
    out.append("")
    head = ["N", "src MB", "refs", "pipe cold", "(CPU)", "pipe warm", "mkdocs whole", "mkdocs -pipe", "zensical", "share", "share(CPU)",
            "share(whole)", "peak MB pipe/mkdocs/zens", "index MB (gz)"]
    table = [head]
    for r in rows:
        pc, pw = r["pipeline_cold"], r["pipeline_warm"]
        nh, zs, full = r["mkdocs_nohook"], r["zensical"], r["mkdocs_full"]
        share = pc["total_wall_s"] / (pc["total_wall_s"] + nh["wall_s"])
        share_cpu = pc["total_cpu_s"] / (pc["total_cpu_s"] + nh["cpu_s"])
        share_full = (full["wall_s"] - nh["wall_s"]) / full["wall_s"] if full["returncode"] == 0 else None
        r["share"], r["share_cpu"], r["share_full"] = share, share_cpu, share_full
        si = r.get("search_index", {})
        table.append([
            str(r["papers"]), fmt(r["source_mb"], 2), str(r["reference_strings"]), fmt(pc["total_wall_s"]), fmt(pc["total_cpu_s"]),
            fmt(pw["total_wall_s"]), fmt(full["wall_s"]) + ("" if full["returncode"] == 0 else "!"), fmt(nh["wall_s"]),
            fmt(zs["wall_s"]) + ("" if zs["returncode"] == 0 else "!"), f"{share:.0%}", f"{share_cpu:.0%}",
            "-" if share_full is None else f"{share_full:.0%}",
            f"{pc['process']['peak_mb']:.0f}/{full['peak_mb']:.0f}/{zs['peak_mb']:.0f}",
            f"{si.get('bytes', 0) / 1e6:.1f} ({si.get('gzip_bytes', 0) / 1e6:.2f})" if si else "-",
        ])
    out += _table(table)
    if any(r[key]["returncode"] for r in rows for key in ("mkdocs_full", "mkdocs_nohook", "zensical")):
        out.append("! = the build exited with an error:")
    for r in rows:
        for key, label in (("mkdocs_full", "mkdocs whole"), ("mkdocs_nohook", "mkdocs -pipe"), ("zensical", "zensical")):
            if r[key]["returncode"]:
                log_file = Path(r[key]["log"]) if r[key]["log"] else None
                if log_file and log_file.is_file():  # else (--report, the work folder gone) keep the error saved in the JSON
                    tail = [l for l in log_file.read_text(encoding="utf-8", errors="replace").splitlines() if l.strip()][-1:]
                    r[key]["error"] = tail[0] if tail else "?"
                r[key].setdefault("error", "?")
                out.append(f"  N={r['papers']} {label} (exit {r[key]['returncode']}, after {r[key]['wall_s']:.0f} s): {r[key]['error']}")
    out.append("")
    out.append("Pipeline stages, cold run, wall seconds (bibliography = refparse + merge + csl + bibtex + records/keys; render = all pages):")
    stages = ["parse", "ledger", "bibliography", "bib:refparse", "bib:merge", "bib:csl", "bib:bibtex", "citations", "glossary", "arguments",
              "annotations", "crosslinks", "render", "render:papers", "render:bibliography", "render:glossary", "check", "other", "write"]
    table = [["N"] + [s.replace("bib:", "  ").replace("render:", "  ") for s in stages] + ["total"]]
    for r in rows:
        w = r["pipeline_cold"]["stages_wall_s"]
        table.append([str(r["papers"])] + [fmt(w.get(s), 2) for s in stages] + [fmt(r["pipeline_cold"]["total_wall_s"], 2)])
    out += _table(table)
    out.append("")
    out.append("Same, warm run (citeproc cache, ledgers, bib/ present; nothing changed):")
    table = [["N"] + [s.replace("bib:", "  ").replace("render:", "  ") for s in stages] + ["total"]]
    for r in rows:
        w = r["pipeline_warm"]["stages_wall_s"]
        table.append([str(r["papers"])] + [fmt(w.get(s), 2) for s in stages] + [fmt(r["pipeline_warm"]["total_wall_s"], 2)])
    out += _table(table)
    out.append("")
    out.append("Corpus and output counts (cold run):")
    table = [["N", "paragraphs", "references", "bib entries", "citations", "linked", "term uses", "see-also links", "pages MB", "site MB",
              "zensical site MB", "diagnostics"]]
    for r in rows:
        pc = r["pipeline_cold"]
        diag = ", ".join(f"{k} {v}" for k, v in sorted(pc["diagnostics"].items(), key=lambda kv: -kv[1])[:4])
        table.append([str(r["papers"]), str(pc["paragraphs"]), str(pc["references"]), str(pc["bib_entries"]), str(pc["citations"]),
                      str(pc["citations_linked"]), str(pc["term_uses"]), str(pc["crosslinks"]), fmt(pc["pages_bytes"] / 1e6, 1),
                      fmt((r.get("site_bytes") or 0) / 1e6, 1), fmt((r.get("zensical_site_bytes") or 0) / 1e6, 1), diag])
    out += _table(table)
    out.append("")
    out.append("Page weight of papers/rezapour2020/ (bytes; HTML + local CSS + JS incl. Material's search worker; not the search index):")
    table = [["N", "site", "HTML", "CSS", "JS", "total", "gzip total", "vs bare"]]
    for r in rows:
        bare = results.get("bare_page_weight")
        for label, key in (("mkdocs", "page_weight"), ("zensical", "page_weight_zensical"), ("mkdocs synth.", "page_weight_synthetic")):
            pw = r.get(key)
            if not pw:
                continue
            ratio = f"{pw['total'] / bare['total']:.2f}x" if bare and key != "page_weight_synthetic" else "-"
            table.append([str(r["papers"]), label + ("" if key != "page_weight_synthetic" else f" ({pw['page'].split('/')[1]})"),
                          str(pw["html"]), str(pw["css"]), str(pw["js"]), str(pw["total"]), str(pw["total_gz"]), ratio])
    bare = results.get("bare_page_weight")
    if bare:
        table.append(["-", "bare Material", str(bare["html"]), str(bare["css"]), str(bare["js"]), str(bare["total"]), str(bare["total_gz"]), "1.00x"])
    out += _table(table)
    out.append("")
    out.append(f"Search index at each N (assumed link: {LINK_BITS_PER_S / 1e6:.1f} Mbit/s down, {LINK_RTT_S * 1000:.0f} ms RTT, "
               "Lighthouse 'Slow 4G'; estimate = RTT + gzip bytes / bandwidth, transfer only). mkdocs and zensical: Material's one "
               "lunr index, loaded whole before the first result; pagefind: the whole bundle on disk (chunks and fragments are "
               "gzip files already), of which a query loads only what it needs (measured in Chromium below):")
    table = [["N", "engine", "files", "bytes", "gzip bytes", "docs/pages", "est. transfer s", "indexing s"]]
    for r in rows:
        for label, key in (("mkdocs", "search_index"), ("zensical", "zensical_search_index")):
            si = r.get(key)
            if si:
                table.append([str(r["papers"]), label, "1", str(si["bytes"]), str(si["gzip_bytes"]), str(si.get("docs", "-")),
                              fmt(si["est_load_s"], 1), "-"])
        pf = r.get("pagefind")
        if pf and "bytes" in pf:
            table.append([str(r["papers"]), "pagefind", str(pf["files"]), str(pf["bytes"]), "-", str(pf["pages"]), "-",
                          fmt(pf["process"]["wall_s"], 1)])
    out += _table(table)
    pagefind_rows = [r for r in rows if r.get("pagefind")]
    if pagefind_rows:
        out.append("")
        out.append("Pagefind bundle at each N (`papersite search-index` over the mkdocs site: only each page's article, without "
                   "permalinks, cite box and similar furniture; sizes on disk):")
        table = [["N", "pages", "words", "wall s", "CPU s", "peak MB", "files", "bundle KB", "index chunks", "chunks KB",
                  "largest chunk KB", "fragments", "fragments KB", "JS/CSS/wasm KB"]]
        for r in pagefind_rows:
            pf = r["pagefind"]
            run = pf["process"]
            if "bytes" not in pf:
                table.append([str(r["papers"]), f"failed (exit {run['returncode']}, see {run['log']})"] + [""] * 12)
                continue
            table.append([str(r["papers"]), str(pf["pages"]), str(pf.get("words") or "-"), fmt(run["wall_s"], 1), fmt(run["cpu_s"], 1),
                          f"{run['peak_mb']:.0f}", str(pf["files"]), f"{pf['bytes'] / 1e3:.0f}", str(pf["index_chunks"]),
                          f"{pf['index_bytes'] / 1e3:.0f}", f"{pf['largest_chunk_bytes'] / 1e3:.1f}", str(pf["fragments"]),
                          f"{pf['fragment_bytes'] / 1e3:.0f}", f"{pf['fixed_bytes'] / 1e3:.0f}"])
        out += _table(table)
    probes = [(label, results.get(key)) for label, key in (("Material", "browser_search"), ("Pagefind", "browser_search_pagefind"))]
    probes = [(label, probe) for label, probe in probes if probe]
    if probes:
        out.append("")
        out.append(f"Measured in Chromium at N={rows[-1]['papers']} (site served gzip-compressed; network throttled as above, CPU slowed 4x, "
                   f"cache off; phone viewport): from navigation to papers/rezapour2020/ to the first result for '{SEARCH_QUERY}' "
                   "(Material: its search box on the page; Pagefind: the header's Search link, the Search page, Pagefind's UI), "
                   "and the bytes received (bodies as sent, gzip where served so, plus headers):")
        table = [["engine", "page loaded s", "search page s", "index received s", "first result s", "KB at page load",
                  "KB for the search", "KB of index files", "index requests", "requests"]]
        for label, probe in probes:
            if "first_result_s" not in probe:
                table.append([label, "probe: " + json.dumps(probe)] + [""] * 8)
                continue

            def kb(key: str, probe: dict[str, Any] = probe) -> str:
                return f"{probe[key] / 1e3:.0f}" if key in probe else "-"

            table.append([label, fmt(probe["load_s"]), fmt(probe.get("search_ready_s")), fmt(probe.get("index_fetched_s")),
                          fmt(probe["first_result_s"]), kb("bytes_page_load"), kb("bytes_search"), kb("bytes_index"),
                          str(probe.get("index_requests", "-")), str(probe.get("requests", "-"))])
        out += _table(table)
        built = results.get("pagefind_site")
        if built:
            out.append(f"(The Pagefind site: the same Markdown built by mkdocs with the search plugin off, "
                       f"{built['mkdocs_build']['wall_s']:.1f} s, then indexed, {built['index']['process']['wall_s']:.1f} s.)")
    out.append("")
    rp = results.get("refparse", {})
    if rp and "error" not in rp:
        out.append(f"Reference parsing (papersite.refparse, one process pinned to one core, {rp['references']} references of the N={results['refparse_n']} corpus, "
                   f"best of 2 after warm-up): {rp['refs_per_s_cpu']:.0f} refs/s (CPU), {rp['refs_per_s_wall']:.0f} refs/s (wall)")
    elif rp:
        out.append("Reference parsing failed: " + rp["error"][-300:])
    for s in results.get("serve", []):
        out.append(f"mkdocs serve{' --dirty' if s.get('dirty') else ''} (two-paper site): first build {fmt(s.get('first_build_s'))} s; "
                   f"annotation edit visible after {_seconds(s.get('annotation_edits_s'))} s; paper edit visible after {_seconds(s.get('paper_edits_s'))} s; "
                   f"builds logged {s.get('build_times_logged_s')}" + (f"; {s['error']}" if s.get("error") else ""))
    out.append("")
    out += targets_section(results)
    if results.get("profile_text"):
        out.append("")
        out.append(results["profile_text"])
    return "\n".join(out) + "\n"


def targets_section(results: dict[str, Any]) -> list[str]:
    rows = results["sizes"]
    out = ["Targets", "-------"]

    def verdict(ok: bool | None) -> str:
        return "n/a" if ok is None else ("MET" if ok else "NOT MET")

    shares = [(r["papers"], r["share"], r["share_cpu"]) for r in rows]
    worst = max(s for _, s, _ in shares)
    out.append(f"[{verdict(worst <= TARGETS['pipeline_share'])}] pipeline <= 10 % of the build at every N: "
               + "; ".join(f"N={n}: {s:.0%} (CPU {c:.0%})" for n, s, c in shares))
    by_n = {r["papers"]: r for r in rows}
    if 100 in by_n and 500 in by_n:
        a, b = by_n[100], by_n[500]
        growth = {
            "pipeline": b["pipeline_cold"]["total_wall_s"] / a["pipeline_cold"]["total_wall_s"],
            "pipeline CPU": b["pipeline_cold"]["total_cpu_s"] / a["pipeline_cold"]["total_cpu_s"],
            "pipeline warm": b["pipeline_warm"]["total_wall_s"] / a["pipeline_warm"]["total_wall_s"],
            "mkdocs whole": b["mkdocs_full"]["wall_s"] / a["mkdocs_full"]["wall_s"],
            "mkdocs -pipe": b["mkdocs_nohook"]["wall_s"] / a["mkdocs_nohook"]["wall_s"],
            "zensical": b["zensical"]["wall_s"] / a["zensical"]["wall_s"],
        }
        failed = {"mkdocs whole": "mkdocs_full", "mkdocs -pipe": "mkdocs_nohook", "zensical": "zensical"}
        results["growth_100_500"] = growth
        ok = growth["mkdocs whole"] <= TARGETS["growth_100_500"] and growth["pipeline"] <= TARGETS["growth_100_500"]
        out.append(f"[{verdict(ok)}] growth 100 -> 500 papers <= 5.5x (source grew {b['source_mb'] / a['source_mb']:.2f}x): "
                   + "; ".join(f"{k} {v:.2f}x" + (" (the N=500 build failed)" if k in failed and b[failed[k]]["returncode"] else "")
                               for k, v in growth.items()))
    else:
        out.append("[n/a] growth 100 -> 500 papers: needs both sizes")
    tput = [(r["papers"], r["source_mb"] / r["pipeline_cold"]["total_cpu_s"], r["source_mb"] / r["pipeline_warm"]["total_cpu_s"]) for r in rows]
    results["throughput_mb_per_cpu_s"] = tput
    worst_t = min(t for _, t, _ in tput)
    out.append(f"[{verdict(worst_t >= TARGETS['mb_per_s_per_core'])}] pipeline throughput >= 5 MB/s per core (source MB / pipeline CPU s, all its processes): "
               + "; ".join(f"N={n}: cold {c:.2f}, warm {w:.2f} MB/s" for n, c, w in tput))
    rp = results.get("refparse", {})
    if rp and "error" not in rp:
        out.append(f"[{verdict(rp['refs_per_s_cpu'] >= TARGETS['refs_per_s'])}] reference parsing >= 1,000 refs/s: {rp['refs_per_s_cpu']:.0f} refs/s per core")
    serve = results.get("serve", [])
    plain = next((s for s in serve if not s.get("dirty")), None)
    if plain:
        times = [plain.get("annotation_edit_s"), plain.get("paper_edit_s")]
        ok = None if any(t is None for t in times) else max(times) <= TARGETS["serve_latency_s"]  # type: ignore[type-var]
        out.append(f"[{verdict(ok)}] mkdocs serve shows an edit within 2 s (two papers; worst of {SERVE_ROUNDS} edits each): annotation {fmt(times[0], 2)} s, paper {fmt(times[1], 2)} s"
                   + "".join(f"; with --dirty: annotation {fmt(s.get('annotation_edit_s'), 2)} s, paper {fmt(s.get('paper_edit_s'), 2)} s" for s in serve if s.get("dirty")))
    bare = results.get("bare_page_weight")
    if bare:
        parts = []
        ok = True
        for r in rows:
            pw = r.get("page_weight")
            if pw:
                ratio = pw["total"] / bare["total"]
                ok = ok and ratio <= TARGETS["page_weight_ratio"]
                parts.append(f"N={r['papers']}: {pw['total']} vs {bare['total']} bytes = {ratio:.2f}x (gzip {pw['total_gz'] / bare['total_gz']:.2f}x)")
        out.append(f"[{verdict(ok)}] paper page within 10 % of a bare Material page with the same text: " + "; ".join(parts))
    big = rows[-1]
    si = big.get("search_index")
    if si:
        out.append(f"[info] search index at N={big['papers']}: {si['bytes'] / 1e6:.1f} MB, {si['gzip_bytes'] / 1e6:.2f} MB gzip, "
                   f"about {si['est_load_s']:.0f} s to transfer at 1.6 Mbit/s (+150 ms RTT)")
    pf = big.get("pagefind")
    if pf and "bytes" in pf:
        line = (f"[info] Pagefind at N={big['papers']} (search: pagefind): {pf['files']} files, {pf['bytes'] / 1e6:.1f} MB on disk, "
                f"indexed in {pf['process']['wall_s']:.1f} s")
        material, pagefind = results.get("browser_search") or {}, results.get("browser_search_pagefind") or {}
        if "first_result_s" in material and "first_result_s" in pagefind and "bytes_index" in pagefind:
            line += (f"; first result in throttled Chromium after {pagefind['first_result_s']:.1f} s "
                     f"({pagefind['bytes_index'] / 1e3:.0f} KB of index files) against {material['first_result_s']:.1f} s with Material's index")
        out.append(line)
    return out


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for k, r in enumerate(rows):
        lines.append("  ".join(c.rjust(w) if k and c[:1].isdigit() or c == "-" else c.ljust(w) for c, w in zip(r, widths)).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def profile_summary(path: Path, limit: int = 25) -> str:
    stats = pstats.Stats(str(path))
    stream = io.StringIO()
    stats.stream = stream  # type: ignore[attr-defined]
    stats.sort_stats("tottime").print_stats(limit)
    text = stream.getvalue()
    keep = text[text.find("   ncalls"):] if "   ncalls" in text else text
    return (f"cProfile of the cold pipeline ({path.name}; a separate, untimed run), top {limit} by own time. "
            "Time spent in CSL worker processes shows as '_thread.lock acquire' (the profiler sees only the main process):\n" + keep.rstrip())


# ====================================================================== main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark of the site build (issue #9)")
    parser.add_argument("--sizes", default="2,100,500", help="corpus sizes, comma-separated (default 2,100,500)")
    parser.add_argument("--quick", action="store_true", help="sizes 2,20; no browser search probes")
    parser.add_argument("--work", type=Path, help="working folder (default: a new temporary folder, removed unless --keep)")
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    parser.add_argument("--profile", type=int, default=None,
                        help="also run the cold pipeline under cProfile at this N, untimed (default: 100 if measured, else the largest N; 0: none)")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve latency test")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium search probes (Material and Pagefind)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="results folder (default benchmarks/results)")
    parser.add_argument("--report", type=Path, metavar="JSON", help="only rewrite the text report from a results JSON (site_build.json)")
    parser.add_argument("--_pipeline", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--_out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--_profile", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args._pipeline:
        return child_pipeline(args._pipeline, args._out, args._profile)
    if args.report:
        saved: dict[str, Any] = json.loads(args.report.read_text(encoding="utf-8"))
        prof = sorted(args.report.parent.glob("site_build-profile-n*.prof"))
        if prof:
            saved["profile_text"] = profile_summary(prof[0])
        report = build_report(saved)
        (args.out / "site_build.txt").write_text(report, encoding="utf-8")
        print(report)
        return 0

    sizes = [2, 20] if args.quick else [int(s) for s in args.sizes.split(",")]
    profile_n = args.profile if args.profile is not None else (100 if 100 in sizes else max(sizes))
    work = args.work or Path(tempfile.mkdtemp(prefix="site-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    log(f"working in {work}")

    # Snapshot of the code under test, ahead of the editable install on the path.
    code = work / "code" / "scripts"
    if code.exists():
        shutil.rmtree(code)
    shutil.copytree(ROOT / "scripts", code, ignore=shutil.ignore_patterns("__pycache__"))
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(code), str(HERE)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("MKDOCS_SERVE", None)
    sys.path[:0] = [str(code), str(HERE)]

    results: dict[str, Any] = {"command": " ".join([".venv/bin/python", "benchmarks/site_build.py"] + (argv if argv is not None else sys.argv[1:])),
                               "machine": machine_info(), "sizes": [], "targets": TARGETS,
                               "assumptions": {"link_bits_per_s": LINK_BITS_PER_S, "rtt_s": LINK_RTT_S}}
    import corpus as corpus_mod

    material = corpus_mod.load_material(ROOT)
    for n in sizes:
        row = bench_size(n, work, code, env, material, profile=args.out / f"site_build-profile-n{n}.prof" if n == profile_n else None)
        results["sizes"].append(row)
        _save(results, args.out, partial=True)

    # Page weight of a bare Material page with the same text as papers/rezapour2020/.
    log("bare Material page")
    results["bare_page_weight"] = bare_material_weight(work, ROOT / "sources" / "rezapour2020.txt", "rezapour2020", env)

    biggest = results["sizes"][-1]
    log(f"reference parsing speed over the N={biggest['papers']} corpus")
    results["refparse"] = refparse_speed(Path(biggest["sources_dir"]), env, work)
    results["refparse_n"] = biggest["papers"]

    if not (args.quick or args.no_browser):
        log(f"search in throttled Chromium, N={biggest['papers']}: Material")
        results["browser_search"] = browser_search(Path(biggest["site_dir"]), "papers/rezapour2020/", env, work)
        log(f"search probe (Material): {results['browser_search']}")
        log(f"N={biggest['papers']}: the same Markdown as a search: pagefind site")
        site, results["pagefind_site"] = pagefind_site(Path(biggest["generated_dir"]), env, work)
        log(f"search in throttled Chromium, N={biggest['papers']}: Pagefind")
        results["browser_search_pagefind"] = browser_search(site, "papers/rezapour2020/", env, work, engine="pagefind")
        log(f"search probe (Pagefind): {results['browser_search_pagefind']}")

    if not args.no_serve:
        serve = []
        for dirty in (False, True):
            log(f"mkdocs serve{' --dirty' if dirty else ''} latency on the two-paper site")
            project = work / f"serve{'-dirty' if dirty else ''}"
            if project.exists():
                shutil.rmtree(project)
            make_skeleton(project, code)
            corpus_mod.write_corpus(2, project / "sources", material=material)
            serve.append(serve_latency(project, env, dirty, work))
            log(f"serve: {serve[-1]}")
        results["serve"] = serve

    prof = args.out / f"site_build-profile-n{profile_n}.prof"
    if prof.is_file():
        results["profile_text"] = profile_summary(prof)
    results["machine"]["loadavg_end"] = os.getloadavg()
    report = build_report(results)
    _save(results, args.out, partial=False)
    (args.out / "site_build.txt").write_text(report, encoding="utf-8")
    print(report)
    if not args.keep and not args.work:
        shutil.rmtree(work, ignore_errors=True)
    else:
        log(f"kept {work}")
    return 0


def _save(results: dict[str, Any], out: Path, partial: bool) -> None:
    (out / ("site_build.partial.json" if partial else "site_build.json")).write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    if not partial:
        with contextlib.suppress(FileNotFoundError):
            (out / "site_build.partial.json").unlink()


if __name__ == "__main__":
    raise SystemExit(main())
