"""A malformed data file stops `mkdocs build` with file:line errors and leaves the old site alone."""

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, run_mkdocs_build


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throwaway copy of the project whose data the test may break."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("mkdocs.yml", "hooks", "overrides", "docs", "data", "examples"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, copy / name)
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    return copy


@pytest.fixture
def previous_site(tmp_path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good build", encoding="utf-8")
    return site


def break_file(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in `path`; return the line number where it was."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def test_unknown_related_code_stops_the_build(project_copy, previous_site):
    line = break_file(project_copy / "data/status_codes.yml", "related: [", "related: [499, ")
    result = run_mkdocs_build(previous_site, project_copy / "mkdocs.yml")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    code = next(
        l.split(":")[1].strip() for l in (project_copy / "data/status_codes.yml").read_text().splitlines()[:line][::-1]
        if l.startswith("- code:")
    )
    assert f"data/status_codes.yml:{line}: {code}.related: unknown status code 499" in result.stderr
    assert (previous_site / "index.html").read_text(encoding="utf-8") == "the last good build"
    assert sorted(p.name for p in previous_site.iterdir()) == ["index.html"]


def test_yaml_syntax_error_in_methods_stops_the_build(project_copy, previous_site):
    line = break_file(project_copy / "data/methods.yml", "safe: true", "safe: [true")
    result = run_mkdocs_build(previous_site, project_copy / "mkdocs.yml")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"data/methods.yml:{line + 1}: yaml: syntax error" in result.stderr
    assert (previous_site / "index.html").read_text(encoding="utf-8") == "the last good build"
