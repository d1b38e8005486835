"""Synthetic corpora for the site-build benchmark (benchmarks/site_build.py).

A corpus of N papers is the site's two real papers (``sources/rezapour2020.txt``
and ``sources/sadeghi2022.txt``, with their metadata, glossary, annotations,
arguments, cross-link edits and anchor ledgers, unchanged) plus N - 2
synthetic papers made by recombining the real papers' paragraphs, headings and
reference lists. Each synthetic paper has the shape of one of the two real
ones (chosen alternately):

* "numbered" (like Rezapour 2020): title, author, affiliation in parentheses,
  ``Abstract: ...`` on one line, ``Key Word:``, ``Date of Submission`` /
  ``Date of Acceptance``, roman-numbered capital headings, ``REFERENCES`` with
  ``- [n]. ...`` entries, numbered citations ``[n]`` and a "how to cite" line.
* "author-year" (like Sadeghi et al. 2022): authors with superscript markers,
  affiliations, ``Received: ... ; Accepted: ...``, ``Abstract:`` block, the
  corresponding author's e-mail, ``Keywords:``, plain headings, a labelled
  research-question block (main question, sub-questions, hypotheses) in half
  of them, ``References`` with one entry a paragraph, and parenthetical and
  narrative author-year citations.

Deterministic variation (``random.Random(seed)``; same seed, byte-identical
corpus) so that nothing is trivially cached or merged:

* every paper gets its own mapping of the real references' author family names
  to names from a generated pool of ~3,000 surnames, applied to its reference
  list and to the same names in its text; about one reference in eight is a
  "classic" kept as printed (so cross-paper merging has real work to do);
* reference years shift by -6..+3 years (never after the paper's year);
* actors and regions in headings, titles and reference titles are varied;
* glossary terms' wording is varied between a term's interchangeable forms
  (``NATO`` / ``North Atlantic Treaty Organization`` / ``Atlantic Alliance``,
  ``balance of threat`` / ``threat balance`` ...), so linking still finds them;
* the real papers' long paragraphs are cut into chunks of a few sentences; a
  paper samples its own chunks, drops a sentence now and then, and rotates
  sentence order; in-text citations are rewritten to point at the paper's own
  reference list, in the paper's style;
* about one long paragraph in twelve is split by a page break mid-sentence
  (the parser must join it again).

Synthetic papers have no annotations, claims or ledgers of their own (the
editorial files quote exact text of the real papers only).

    .venv/bin/python benchmarks/corpus.py --papers 100 --out /tmp/corpus
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))  # when run without the package installed

REAL_PAPERS = ("rezapour2020", "sadeghi2022")
SEED = 20240509

# ------------------------------------------------------------------ variation pools

ACTORS = ["Russia", "China", "Iran", "India", "Turkey", "Kazakhstan", "Pakistan", "Japan", "Germany", "France"]
REGIONS = ["Eurasia", "Central Asia", "the Caucasus", "East Asia", "the Black Sea region", "South Asia", "the Middle East"]

#: Interchangeable wordings of glossary terms (each one a name or form in sources/glossary.yml).
TERM_SWAPS: list[list[str]] = [
    ["NATO", "North Atlantic Treaty Organization", "Atlantic Alliance"],
    ["balance of threat", "threat balance", "balance of threats"],
    ["soft balance", "soft balancing"],
    ["hard balance", "hard balancing", "tough balance"],
    ["Shanghai Cooperation Organization", "SCO", "Shanghai Organization"],
    ["Atlanticism", "New Atlanticism"],
    ["unipolar system", "unipolar world", "monopoly system"],
    ["multipolar system", "multipolar world"],
    ["new world order", "new American order", "new order"],
    ["expansion of NATO to the East", "NATO expansion to the East", "NATO's expansion to the East"],
    ["bandwagoning", "policy of accompanying", "band wagoning"],
    ["geographical proximity", "geographic proximity", "threat proximity"],
    ["offensive capabilities", "offensive capability"],
    ["aggressive intentions", "hostile intentions"],
    ["strategic partnership", "strategic alliance"],
    ["peaceful coexistence", "peaceful co-existence"],
    ["great chessboard", "Eurasian chessboard", "world chessboard"],
    ["balance of power", "balance of forces"],
]

HEADINGS = [
    "The New World Order",
    "{region} Geopolitics",
    "United States Hegemony in {region}",
    "{actor}'s Anti-Hegemonic Policies in {region}",
    "{actor}'s Confrontation with US Hegemony in {region}",
    "Background",
    "Theoretical Framework",
    "Literature Review",
    "Energy Cooperation between {actor} and {actor2}",
    "Security Cooperation in {region}",
    "The Balance of Threat in {region}",
    "{actor} and the Shanghai Cooperation Organization",
    "NATO Expansion and {actor}'s Response",
    "Economic Dimensions of {actor}'s Policy",
    "Limits of {actor}-{actor2} Cooperation",
    "Research Method",
    "Findings",
    "Discussion",
]

TITLES = [
    "Foreign policy of {actor} and {actor2} against the US in {region}",
    "Evaluation of Possibility Assessment of {actor} - {actor2} Cooperation on {term} ({y1}-{y2})",
    "{actor}'s strategy towards {term} in {region} ({y1}-{y2})",
    "The role of {actor} and {actor2} in the transition to a {multi} order in {region}",
    "{term} and the limits of {actor}-{actor2} cooperation in {region}",
    "Security alignment of {actor} and {actor2} in facing the threats of the United States in {region}",
]

TITLE_TERMS = ["Atlanticism", "NATO expansion to the East", "the balance of threat", "soft balancing", "hegemony",
               "the new world order", "unilateralism", "strategic partnership"]

VENUES = [
    "IOSR Journal of Humanities and Social Science (IOSR-JHSS)",
    "Central Eurasia Studies",
    "Journal of Central Asia and The Caucasus Studies",
    "International Relations Studies Quarterly",
    "Political Studies Quarterly",
    "Strategic Studies Quarterly",
]

UNIVERSITIES = [
    ("Khatam al Anbiya University", "Tehran"), ("Islamic Azad University", "Kish Island"), ("University of Tehran", "Tehran"),
    ("Shiraz University", "Shiraz"), ("Allameh Tabataba'i University", "Tehran"), ("Ferdowsi University", "Mashhad"),
    ("University of Isfahan", "Isfahan"), ("Tarbiat Modares University", "Tehran"),
]
DEPARTMENTS = ["International Relations", "Political Science", "Political Science & International Relations", "Regional Studies"]
GIVEN = ["Masoud", "Miad", "Garineh", "Mohammad", "Reza", "Ali", "Hasan", "Azam", "Farhad", "Parvin", "Elahe", "Nasser",
         "Sara", "Mina", "Davood", "Amir", "Leila", "Narges", "Hamid", "Zahra", "Omid", "Shirin", "Karim", "Nader"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
KEYWORDS = ["Russia", "China", "USA", "New World Order", "Eurasia", "cooperation", "Atlanticism", "NATO expansion to the East",
            "the United States", "the balance of threats", "hegemony", "Central Asia", "energy", "Shanghai Cooperation Organization",
            "soft balancing", "multipolarity"]


def surname_pool(rng: random.Random, size: int = 3000) -> list[str]:
    """Plausible, distinct one-word surnames (ASCII), deterministic for ``rng``."""
    first = ["Ka", "Ra", "Sa", "Ha", "Mo", "Na", "Za", "Ta", "Fa", "Ba", "Da", "Ja", "Ko", "Ri", "Sha", "Kha", "Ve", "Lo",
             "Mi", "Ne", "Gho", "Pe", "Bo", "Al", "Es", "Yo", "Tu", "Ho", "Su", "Di"]
    middle = ["ri", "za", "de", "na", "mi", "ba", "ni", "le", "sh", "ro", "ka", "va", "la", "ta", "", "ha", "gh", "sa"]
    last = ["pour", "i", "ian", "zadeh", "nejad", "ov", "enko", "ski", "son", "er", "ard", "lin", "ova", "ani", "ez", "far",
            "vand", "khani", "shenas", "yar", "man", "ton", "berg", "ley"]
    names: set[str] = set()
    while len(names) < size:
        names.add(rng.choice(first) + rng.choice(middle) + rng.choice(last))
    pool = sorted(names)
    rng.shuffle(pool)
    return pool


# ------------------------------------------------------------------ material from the real papers

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])")
_NUMBERED_CITE = re.compile(r"\s?\[\d+(?:\s*[,–-]\s*\d+)*(?:,\s*pp?\.?\s*[\d–-]+)?\]")
_PAREN_CITE = re.compile(r"\s?\((?=[^()]*\b(?:1[89]\d\d|20\d\d)\b)[A-Z][^()]{0,160}?\)")
_NARRATIVE_CITE = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?(?: et al\.?| and [A-Z][a-z]+)?) \((?:1[89]\d\d|20\d\d)\)")
_BARE_YEAR = re.compile(r"\s?\((?:1[89]\d\d|20\d\d)\)")
_ANY_CITE = re.compile(
    f"(?P<narrative>{_NARRATIVE_CITE.pattern})|(?P<numbered>{_NUMBERED_CITE.pattern})|(?P<paren>{_PAREN_CITE.pattern})|(?P<bare>{_BARE_YEAR.pattern})"
)


@dataclass
class RealReference:
    raw: str  # without any "[n]. " prefix
    families: list[str]
    year: str
    authors: int


@dataclass
class Material:
    chunks: list[str]  # body paragraphs (citations still in), joined across page breaks, cut to a few sentences
    abstracts: list[str]
    references: list[RealReference]
    question_block: str  # Sadeghi's labelled questions and hypotheses, raw
    family_names: list[str] = field(default_factory=list)


def _chunks(text: str, rng: random.Random) -> list[str]:
    """A long paragraph cut into runs of sentences of about 500-1,800 characters."""
    if len(text) < 1800:
        return [text]
    sentences = _SENTENCE.split(text)
    out: list[str] = []
    current: list[str] = []
    target = rng.randint(500, 1800)
    for sentence in sentences:
        current.append(sentence)
        if sum(len(s) + 1 for s in current) >= target:
            out.append(" ".join(current))
            current = []
            target = rng.randint(500, 1800)
    if current:
        if out and sum(len(s) for s in current) < 300:
            out[-1] += " " + " ".join(current)
        else:
            out.append(" ".join(current))
    return out


def load_material(root: Path = ROOT) -> Material:
    """Paragraphs, abstracts and references of the real papers, read with the site's own parser."""
    from papersite.model import plain_text
    from papersite.parse import parse_paper
    from papersite.refparse import parse_references

    rng = random.Random(SEED)
    chunks: list[str] = []
    abstracts: list[str] = []
    references: list[RealReference] = []
    question_block = ""
    for paper_id in REAL_PAPERS:
        text = (root / "sources" / f"{paper_id}.txt").read_text(encoding="utf-8")
        paper = parse_paper(text, paper_id=paper_id, path=f"sources/{paper_id}.txt")
        abstracts.append(" ".join(plain_text(p.inlines) for p in paper.front.abstract))
        for section in paper.sections:
            for sub in (section, *section.subsections):
                if sub.is_references or sub.title.lower() in ("research objectives",):
                    continue
                for paragraph in sub.blocks:
                    body = plain_text(paragraph.inlines).strip()
                    if paragraph.list_item or len(body) < 200 or re.match(r"(The main|Sub-|Here, the main|And the hyp)", body):
                        continue
                    chunks.extend(_chunks(body, rng))
        raws = [re.sub(r"^\[\d+\]\.\s*", "", r.raw) for r in paper.references]
        for raw, parsed in zip(raws, parse_references(raws, numbered_list=paper_id == "rezapour2020")):
            families = [a.family for a in parsed.authors if a.family and a.family in raw]
            if not families:
                lead = re.match(r"([A-Z][A-Za-z]+(?: [A-Z][a-z]+)?)", raw)
                families = [lead.group(1)] if lead else []
            year = parsed.year or ""
            if not families or not year or year not in raw:
                continue
            references.append(RealReference(raw, families, year, max(len(parsed.authors), 3 if parsed.et_al else 1)))
        if paper_id == "sadeghi2022":
            start = text.index("Here, the main question")
            end = text.index("Research objectives")
            question_block = text[start:end].strip()
    families = sorted({f for r in references for f in r.families}, key=lambda f: (-len(f), f))
    return Material(chunks, abstracts, references, question_block, families)


# ------------------------------------------------------------------ one synthetic paper


def _swap_terms(text: str, rng: random.Random, rate: float = 0.5) -> str:
    for group in TERM_SWAPS:
        pattern = re.compile(r"\b(" + "|".join(re.escape(f) for f in sorted(group, key=len, reverse=True)) + r")\b")

        def pick(match: re.Match[str], group: list[str] = group) -> str:
            return rng.choice(group) if rng.random() < rate else match.group(0)

        text = pattern.sub(pick, text)
    return text


def _swap_names(text: str, mapping: dict[str, str]) -> str:
    if not mapping:
        return text
    pattern = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True)) + r")\b")
    return pattern.sub(lambda m: mapping[m.group(1)], text)


def _swap_actors(text: str, actors: dict[str, str]) -> str:
    pattern = re.compile(r"\b(" + "|".join(re.escape(k) for k in actors) + r")\b")
    return pattern.sub(lambda m: actors[m.group(1)], text)


@dataclass
class SynthReference:
    raw: str
    family: str
    second: str
    year: str
    authors: int


def _roman(n: int) -> str:
    values = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, numeral in values:
        while n >= value:
            out += numeral
            n -= value
    return out


class PaperMaker:
    def __init__(self, material: Material, seed: int = SEED):
        self.material = material
        self.rng = random.Random(seed)
        self.pool = surname_pool(random.Random(seed + 1))
        self.next_name = 0
        self.ids: set[str] = set(REAL_PAPERS)

    def _name(self) -> str:
        name = self.pool[self.next_name % len(self.pool)]
        self.next_name += 1
        return name

    def _cite(self, style: str, ref: SynthReference, number: int, kind: str) -> str:
        if style == "numbered":
            return f" [{number}]" if kind == "paren" else f"{ref.family} [{number}]"
        who = ref.family + (" et al." if ref.authors >= 3 else f" and {ref.second}" if ref.authors == 2 and ref.second else "")
        if kind == "paren":
            page = f", p. {self.rng.randint(10, 300)}" if self.rng.random() < 0.25 else ""
            return f" ({who}, {ref.year}{page})"
        return f"{who} ({ref.year})"

    def paper(self, index: int) -> tuple[str, str]:
        """(paper id, text) of synthetic paper number ``index``."""
        rng = self.rng
        m = self.material
        style = "numbered" if index % 2 == 0 else "author-year"
        year = rng.randint(2012, 2024)
        actor, actor2 = rng.sample(ACTORS[:4], 2)
        region = rng.choice(REGIONS)
        actors = {"Russia": actor, "China": actor2}
        if rng.random() < 0.5:  # half the papers keep the real papers' actors
            actors = {"Russia": "Russia", "China": "China"}
        # Names: every real family name gets this paper's own stand-in.
        mapping = {family: self._name() for family in m.family_names}
        # References.
        count = rng.randint(15, 40)
        picked = [rng.choice(m.references) for _ in range(count)]
        refs: list[SynthReference] = []
        seen: set[tuple[str, str]] = set()
        for real in picked:
            classic = rng.random() < 0.125
            raw = real.raw
            ref_year = real.year
            if not classic:
                local = {f: self._name() for f in real.families}
                raw = _swap_names(raw, local)
                ref_year = str(min(year, int(real.year) + rng.randint(-6, 3)))
                raw = raw.replace(real.year, ref_year, 1)
                raw = _swap_actors(raw, actors) if rng.random() < 0.5 else raw
                raw = _swap_terms(raw, rng)
                families = [local[f] for f in real.families]
            else:
                families = list(real.families)
            key = (families[0], ref_year)
            if key in seen:
                continue
            seen.add(key)
            refs.append(SynthReference(raw, families[0], families[1] if len(families) > 1 else "", ref_year, real.authors))
        if style == "author-year":
            refs.sort(key=lambda r: (r.family, r.year))
        order = list(range(len(refs)))
        rng.shuffle(order)
        cursor = [0]

        def next_ref() -> tuple[SynthReference, int]:
            i = order[cursor[0] % len(order)]
            cursor[0] += 1
            return refs[i], i + 1

        def cite(match: re.Match[str]) -> str:
            if match.group("narrative"):
                return self._cite(style, *next_ref(), "narrative")
            if match.group("bare"):
                return ""
            return self._cite(style, *next_ref(), "paren")

        def body(text: str) -> str:
            text = _swap_names(text, mapping)
            text = _swap_actors(text, actors)
            text = _swap_terms(text, rng)
            text = _ANY_CITE.sub(cite, text)
            sentences = _SENTENCE.split(text)
            if len(sentences) > 3 and rng.random() < 0.3:
                sentences.pop(rng.randrange(1, len(sentences)))
            if len(sentences) > 2 and rng.random() < 0.3:
                k = rng.randrange(1, len(sentences))
                sentences = sentences[k:] + sentences[:k]
            text = " ".join(sentences).strip()
            if not text.endswith((".", "?", "!", '"')):
                text += "."
            if rng.random() < 0.3:
                ref, number = next_ref()
                text = text[:-1] + self._cite(style, ref, number, "paren") + text[-1]
            return text

        # Sections.
        heading_choices = rng.sample(HEADINGS, rng.randint(4, 7))
        headings = ["Introduction"]
        for template in heading_choices:
            place = region[0].upper() + region[1:] if template.startswith("{region}") else region
            heading = template.format(actor=actor, actor2=actor2, region=place)
            if heading not in headings:
                headings.append(heading)
        headings.append("Conclusion")
        sections: list[tuple[str, list[str]]] = []
        for heading in headings:
            paragraphs = [body(rng.choice(m.chunks)) for _ in range(rng.randint(3, 9))]
            sections.append((heading, paragraphs))
        questions = style == "author-year" and rng.random() < 0.5
        if questions:
            sections[1][1].append(_swap_actors(_swap_terms(m.question_block, rng), actors))
        # Page breaks inside long paragraphs.
        for _, paragraphs in sections:
            for i, text in enumerate(paragraphs):
                if len(text) > 600 and "\n" not in text and rng.random() < 1 / 12:
                    spots = [mm.start() for mm in re.finditer(r" (?=[a-z]{3,} )", text) if 200 < mm.start() < len(text) - 200]
                    if spots:
                        at = rng.choice(spots)
                        paragraphs[i] = text[:at] + "\n\n" + text[at + 1 :]
        # Front matter.
        title = rng.choice(TITLES).format(actor=actor, actor2=actor2, region=region, term=rng.choice(TITLE_TERMS),
                                          y1=year - 11, y2=year - 1, multi=rng.choice(["multipolar", "multilateral"]))
        authors = [(rng.choice(GIVEN), self._name()) for _ in range(1 if style == "numbered" else rng.randint(2, 3))]
        paper_id = re.sub(r"[^a-z]", "", authors[0][1].lower()) + str(year)
        base, suffix = paper_id, 0
        while paper_id in self.ids:
            paper_id = base + "bcdefghijklmnopqrstuvwxyz"[suffix % 25] * (1 + suffix // 25)
            suffix += 1
        self.ids.add(paper_id)
        abstract = _swap_terms(_swap_actors(_swap_names(rng.choice(m.abstracts), mapping), actors), rng)
        keywords = ", ".join(rng.sample(KEYWORDS, rng.randint(4, 7)))
        venue = rng.choice(VENUES)
        lines: list[str] = [title, ""]
        if style == "numbered":
            given, family = authors[0]
            uni, city = rng.choice(UNIVERSITIES)
            day, month = rng.randint(1, 28), rng.randint(1, 12)
            lines += [f"{given} {family}", "", f"(*M.A.* in {rng.choice(DEPARTMENTS)}, {uni}, {city}, Iran)", "",
                      f"Abstract: {abstract}", "", f"Key Word: {keywords}", "",
                      f"Date of Submission: {day:02d}-{month:02d}-{year}", "",
                      f"Date of Acceptance: {min(day + 14, 28):02d}-{month:02d}-{year} _____", ""]
            for n, (heading, paragraphs) in enumerate(sections, 1):
                lines += [f"{_roman(n)}. {heading.upper()}", ""]
                for text in paragraphs:
                    lines += [text, ""]
            lines += ["REFERENCES", ""]
            lines += [f"- [{n}]. {ref.raw}" for n, ref in enumerate(refs, 1)]
            first_page = rng.randint(1, 120)
            lines += ["", f'{given} {family}. "{title}" *{venue}*, {rng.randint(1, 30)}({rng.randint(1, 6)}), {year}, '
                          f"pp. {first_page}-{first_page + rng.randint(8, 20)}."]
        else:
            markers = ["¹", "^{2*}", "³"]
            lines += [", ".join(f"{g} {f}{markers[i]}" for i, (g, f) in enumerate(authors)), ""]
            for i in range(len(authors)):
                uni, city = rng.choice(UNIVERSITIES)
                lines += [f"{markers[i]}Department of {rng.choice(DEPARTMENTS)}, {uni}, {city}, Iran", ""]
            received = rng.randint(1, 12)
            lines += [f"Received: {rng.randint(1, 28)} {MONTHS[received - 1]} {year} ; Accepted: {rng.randint(1, 28)} "
                      f"{MONTHS[min(received + 1, 12) - 1]} {year}", "", "Abstract:", "", abstract, "",
                      f"^{{*}}Corresponding Author's Email: {authors[1][0][0].lower()}.{authors[1][1].lower()}{rng.randint(10, 99)}@gmail.com",
                      "", "Keywords:", "", keywords, ""]
            for heading, paragraphs in sections:
                lines += [heading, ""]
                for text in paragraphs:
                    lines += [text, ""]
            lines += ["References", ""]
            for ref in refs:
                lines += [ref.raw, ""]
        return paper_id, "\n".join(lines).rstrip("\n") + "\n"


# ------------------------------------------------------------------ a whole corpus


@dataclass
class CorpusStats:
    papers: int
    source_bytes: int  # the papers' .txt files
    references: int
    digest: str  # sha256 over the generated texts (determinism check)
    reference_strings: list[str] = field(default_factory=list, repr=False)


REAL_INPUTS = ("glossary.yml", "arguments.yml", "crosslinks.yml", "annotations", "anchors")


def write_corpus(papers: int, sources: Path, seed: int = SEED, root: Path = ROOT, material: Material | None = None) -> CorpusStats:
    """Write a ``sources/`` folder of ``papers`` papers (the two real ones included) to ``sources``."""
    if papers < 2:
        raise ValueError("a corpus holds at least the two real papers")
    sources.mkdir(parents=True, exist_ok=True)
    for name in REAL_INPUTS:
        src = root / "sources" / name
        if src.is_dir():
            shutil.copytree(src, sources / name, dirs_exist_ok=True)
        elif src.is_file():
            shutil.copy(src, sources / name)
    for paper_id in REAL_PAPERS:
        for suffix in (".txt", ".yml"):
            if (root / "sources" / f"{paper_id}{suffix}").is_file():
                shutil.copy(root / "sources" / f"{paper_id}{suffix}", sources / f"{paper_id}{suffix}")
    material = material or load_material(root)
    maker = PaperMaker(material, seed)
    digest = hashlib.sha256()
    for index in range(papers - 2):
        paper_id, text = maker.paper(index)
        (sources / f"{paper_id}.txt").write_text(text, encoding="utf-8")
        digest.update(paper_id.encode() + b"\0" + text.encode() + b"\0")
    total = sum(p.stat().st_size for p in sources.glob("*.txt"))
    refs = reference_strings(sources)
    return CorpusStats(papers, total, len(refs), digest.hexdigest(), refs)


def reference_strings(sources: Path) -> list[str]:
    """Every reference string of every paper in ``sources`` (as the site's parser splits them)."""
    from papersite.parse import parse_paper

    out: list[str] = []
    for path in sorted(sources.glob("*.txt")):
        paper = parse_paper(path.read_text(encoding="utf-8"), paper_id=path.stem, path=path.name)
        out.extend(r.raw for r in paper.references)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=100, help="corpus size, the two real papers included")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (becomes a sources/ folder)")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    stats = write_corpus(args.papers, args.out, args.seed)
    print(f"{stats.papers} papers, {stats.source_bytes / 1e6:.2f} MB of text, {stats.references} references, sha256 {stats.digest[:16]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
