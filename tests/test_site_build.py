"""The whole site, built once with `mkdocs build --strict`."""

import json
import re
from pathlib import Path

import pytest

from studysite.reference_data import load_reference

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def reference():
    return load_reference(ROOT)


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_every_reference_page_is_generated(built_site, reference):
    for record in [*reference.status_codes, *reference.methods]:
        assert (built_site / record.url / "index.html").is_file(), record.url
    assert (built_site / "reference/status/index.html").is_file()
    assert (built_site / "reference/methods/index.html").is_file()


def test_nothing_is_generated_into_docs(reference):
    assert not (ROOT / "docs/reference").exists()
    assert not (ROOT / "docs/api").exists()


def test_page_templates_are_not_published(built_site):
    assert list(built_site.rglob("*.j2")) == []


def test_status_export_matches_data(built_site, reference):
    exported = json.loads(read(built_site, "api/status-codes.json"))
    assert [r["code"] for r in exported] == [s.code for s in reference.status_codes]
    for record, row in zip(reference.status_codes, exported):
        assert isinstance(row["code"], int)
        assert row["phrase"] == record.phrase and row["title_ko"] == record.title_ko
        assert row["class"] == record.klass and row["spec"] == record.spec and row["spec_url"] == record.spec_url
        assert row["url"] == record.url and (built_site / row["url"] / "index.html").is_file()
        assert row["plain"] == record.plain  # null where the record has none
    assert all(row["plain"] for row in exported)  # every code is also said in everyday words


def test_methods_export_matches_data(built_site, reference):
    exported = json.loads(read(built_site, "api/methods.json"))
    assert len(exported) == 40
    for record, row in zip(reference.methods, exported):
        assert (row["method"], row["safe"], row["idempotent"]) == (record.method, record.safe, record.idempotent)
        assert row["cacheable"] == record.cacheable and row["spec_url"] == record.spec_url
        assert row["plain"] == record.plain and row["plain"]  # every method has its everyday-words line
        assert (built_site / row["url"] / "index.html").is_file()


def test_edit_button_of_generated_pages_opens_the_data_file(built_site):
    status = read(built_site, "reference/status/404/index.html")
    method = read(built_site, "reference/methods/get/index.html")
    assert re.search(r'href="https://github\.com/[^"]+/edit/main/data/status_codes\.yml"', status)
    assert re.search(r'href="https://github\.com/[^"]+/edit/main/data/methods\.yml"', method)


def test_notes_edit_button_opens_docs(built_site):
    assert re.search(r'href="https://github\.com/[^"]+/edit/main/docs/index\.md"', read(built_site, "index.html"))


def test_mermaid_is_served_locally_and_only_where_needed(built_site):
    """The ES module build is served whole: every module the entry imports, statically or
    on demand (`import("./chunks/...")`), exists in the site."""
    folder = built_site / "assets/javascripts/mermaid"
    seen, queue = set(), [folder / "mermaid.esm.min.mjs"]
    while queue:
        module = queue.pop()
        assert module.is_file(), module.relative_to(built_site)
        seen.add(module)
        for spec in re.findall(r'(?:from|import)\s*\(?\s*"(\.{1,2}/[^"]+\.mjs)"', module.read_text(encoding="utf-8")):
            target = (module.parent / spec).resolve()
            if target not in seen:
                queue.append(target)
    assert len(seen) > 20
    assert not list(folder.rglob("*.map"))
    pages = list(built_site.rglob("*.html"))
    with_diagram = [p for p in pages if 'class="mermaid"' in p.read_text(encoding="utf-8")]
    assert with_diagram
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert ("mermaid-lazy.js" in html) == (path in with_diagram), path


def test_no_page_loads_anything_from_another_host(built_site):
    pattern = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="(https?:)?//', re.I)
    offenders = []
    for path in built_site.rglob("*.html"):
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            tag = match.group(0)
            if 'rel="canonical"' in tag or "rel=\"alternate\"" in tag:
                continue
            offenders.append(f"{path.relative_to(built_site)}: {tag}")
    assert offenders == []


def test_no_script_blocks_the_first_paint(built_site):
    """Material's bundle and the extra scripts are deferred (overrides/main.html)."""
    blocking = {}
    for path in built_site.rglob("*.html"):
        tags = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", path.read_text(encoding="utf-8"))
        late = [tag for tag in tags if not re.search(r"\s(?:defer|async)\b", tag)]
        if late:
            blocking[str(path.relative_to(built_site))] = late
    assert blocking == {}
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<script src="assets/javascripts/bundle\.[0-9a-f]+\.min\.js" defer>', home)
