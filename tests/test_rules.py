"""The rule registry and the settings: every rule used is declared, the README's tables are the registry's,
and a user's overrides in mkdocs.yml change what is shown and what fails a --strict build."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest

from papersite.cli import main
from papersite.model import Diagnostic, SourceSpan
from papersite.pipeline import generate_site
from papersite.project import Project
from papersite.rules import RULES, check_overrides, fails_strict, resolve, rules_table
from papersite.settings import Settings, option_docs, read_settings, settings_table

from .conftest import BIN, ROOT, _run, make_fixture_project

RULE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$")
PACKAGE = ROOT / "scripts" / "papersite"


def _rule_ids_in_code() -> dict[str, str]:
    """Every rule id a diagnostic is made with: the string literals given to ``Diagnostic(...)`` and to
    any function of the package with a ``rule`` parameter (``problem(..., rule=...)``, ``diag(rule, ...)``),
    and the defaults of ``rule`` parameters; each with one place it is used."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(PACKAGE.rglob("*.py"))}
    # ``report(rule, message, line)``: the Markdown reader's callback for problems (a Callable, so no def to find)
    makers = {"Diagnostic", "MarkdownDiagnostic", "report"}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if "rule" in [a.arg for a in node.args.args + node.args.kwonlyargs]:
                    makers.add(node.name)
    found: dict[str, str] = {}
    for path, tree in trees.items():
        if path == PACKAGE / "rules.py":  # the registry itself
            continue
        for node in ast.walk(tree):
            literals: list[ast.AST] = []
            if isinstance(node, ast.Call):
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
                if name in makers:
                    for arg in node.args + [k.value for k in node.keywords]:
                        literals += list(ast.walk(arg))
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                positional = node.args.args[len(node.args.args) - len(node.args.defaults) :]
                literals += [d for a, d in zip(positional, node.args.defaults) if a.arg == "rule"]
            for literal in literals:
                if isinstance(literal, ast.Constant) and isinstance(literal.value, str) and RULE_ID.match(literal.value):
                    found.setdefault(literal.value, f"{path.relative_to(ROOT)}:{literal.lineno}")
    return found


def test_every_rule_used_in_the_code_is_declared_and_every_declared_rule_is_used() -> None:
    used = _rule_ids_in_code()
    assert len(used) > 50  # the scan finds the rules (it is not looking at nothing)
    undeclared = {rule: where for rule, where in used.items() if rule not in RULES}
    assert not undeclared, f"declare these rules in scripts/papersite/rules.py: {undeclared}"
    assert sorted(set(RULES) - set(used)) == [], "rules declared but never used"


def test_the_readme_rule_and_settings_tables_are_the_registry() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert rules_table() in readme
    assert settings_table() in readme
    for rule in RULES.values():
        assert rule.doc and "\n" not in rule.doc and rule.severity in ("info", "warning", "error")


def test_every_setting_has_a_docstring() -> None:
    docs = option_docs()
    assert set(docs) == set(Settings.__dataclass_fields__)
    assert all(len(doc) > 20 for doc in docs.values())


def _diagnostic(rule: str, severity: str = "warning") -> Diagnostic:
    return Diagnostic(severity, rule, "message", SourceSpan("sources/x.txt", 3))  # type: ignore[arg-type]


def test_the_registry_decides_severity_and_overrides_change_or_drop_it() -> None:
    made = [_diagnostic("metadata-invalid", "error"), _diagnostic("citation-tolerant", "info"), _diagnostic("reference-uncited")]
    assert [d.severity for d in resolve(made, {})] == ["warning", "info", "warning"]
    shown = resolve(made, {"citation-tolerant": "ignore", "reference-uncited": "error"})
    assert [(d.rule, d.severity) for d in shown] == [("metadata-invalid", "warning"), ("reference-uncited", "error")]
    # A rule that keeps text from being lost cannot be silenced.
    assert [d.rule for d in resolve([_diagnostic("text-lost", "error")], {"text-lost": "ignore"})] == ["text-lost"]


def test_only_build_rules_and_promoted_ones_fail_strict() -> None:
    assert fails_strict(_diagnostic("settings-invalid"), {})
    assert not fails_strict(_diagnostic("reference-uncited"), {})
    assert fails_strict(_diagnostic("reference-uncited", "error"), {"reference-uncited": "error"})
    assert not fails_strict(_diagnostic("glossary-term-unused", "info"), {"glossary-term-unused": "info"})


@pytest.mark.parametrize(
    ("rules", "says"),
    [
        ({"no-such-rule": "ignore"}, "no rule 'no-such-rule'"),
        ({"citation-tolerant": "loud"}, "extra.papersite.rules.citation-tolerant must be one of ignore, info, warning, error"),
        ({"text-lost": "ignore"}, "cannot be changed"),
    ],
)
def test_a_bad_override_is_reported_and_ignored(rules: dict[str, str], says: str) -> None:
    settings, problems = read_settings({"extra": {"papersite": {"rules": rules}}})
    assert len(problems) == 1 and says in problems[0]
    assert dict(settings.rules) == {}
    assert check_overrides({"citation-tolerant": "ignore"}) == {}


def _project(tmp_path: Path, rules: str) -> Path:
    (tmp_path / "sources").mkdir(parents=True)
    (tmp_path / "sources" / "plain.txt").write_text("A Plain Paper\n\nIntroduction\n\nSome text here.\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Test\nextra:\n  papersite:\n    search: material\n    rules:\n{rules}", encoding="utf-8"
    )
    return tmp_path


def test_overrides_in_mkdocs_yml_reach_the_build_and_a_bad_one_names_its_line(tmp_path: Path) -> None:
    root = _project(tmp_path, "      paper-no-references: ignore\n      paper-no-abstract: error\n      nonsense-rule: ignore\n")
    result = generate_site(Project.at(root))
    rules = {d.rule: d for d in result.diagnostics}
    assert "paper-no-references" not in rules
    assert rules["paper-no-abstract"].severity == "error"
    assert str(rules["settings-invalid"]).startswith("mkdocs.yml:8: warning: extra.papersite.rules: no rule 'nonsense-rule'")


def test_papersite_build_strict_fails_only_on_build_rules_or_promoted_ones(tmp_path: Path) -> None:
    quiet = _project(tmp_path / "a", "      paper-no-references: info\n")
    assert main(["--root", str(quiet), "build", "--strict"]) == 0  # audit findings (no abstract, no references)
    promoted = _project(tmp_path / "b", "      paper-no-abstract: error\n")
    assert main(["--root", str(promoted), "build", "--strict"]) == 1


def test_mkdocs_strict_builds_a_site_whose_papers_have_audit_warnings(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(ROOT / "sources", sources)  # the site's own papers (its home page links to them), and one more
    (sources / "noyears.txt").write_text(
        "Years Missing\n\nIntroduction\n\nText (Jones, 1990).\n\nReferences\n\nSmith, John. A Book Without a Date. Some Press.\n",
        encoding="utf-8",
    )
    project = make_fixture_project(tmp_path, sources)
    result = generate_site(Project.at(project))
    assert {"reference-no-year", "reference-uncited"} <= {d.rule for d in result.diagnostics if d.severity == "warning"}
    _run([str(BIN / "mkdocs"), "build", "--strict"], project)
    assert (project / "site" / "papers" / "noyears" / "index.html").is_file()


def test_papersite_rules_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    assert capsys.readouterr().out == rules_table()
