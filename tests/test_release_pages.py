"""hooks/release_pages.py: pages let go of their HTML once written, and the site stays the same."""

import filecmp
import shutil
from types import SimpleNamespace

import release_pages
from conftest import ROOT, run_mkdocs_build


def test_a_written_page_keeps_its_markdown_and_title_but_not_its_html():
    page = SimpleNamespace(markdown="# 쿠키\n", content="<h1>쿠키</h1>", title="쿠키")
    assert release_pages.on_post_page("<html>…</html>", page=page, config=None) == "<html>…</html>"
    assert page.content == "" and page.markdown == "# 쿠키\n" and page.title == "쿠키"


def test_the_site_is_the_same_without_the_hook(project_copy, tmp_path):
    """Nothing that runs after a page is written (blog views, tags, search, backlinks) needs its HTML."""
    if (ROOT / ".cache").is_dir():
        shutil.copytree(ROOT / ".cache", project_copy / ".cache")  # Korean analysis, unchanged
    config = project_copy / "mkdocs.yml"
    released = tmp_path / "released"
    result = run_mkdocs_build(released, config)
    assert result.returncode == 0, result.stderr[-3000:]

    text = config.read_text(encoding="utf-8")
    assert "  - hooks/release_pages.py\n" in text
    config.write_text(text.replace("  - hooks/release_pages.py\n", ""), encoding="utf-8")
    kept = tmp_path / "kept"
    result = run_mkdocs_build(kept, config)
    assert result.returncode == 0, result.stderr[-3000:]

    files = sorted(str(path.relative_to(kept)) for path in kept.rglob("*") if path.is_file())
    assert len(files) > 100 and {"log/index.html", "tags/index.html", "search/search_index.json"} <= set(files)
    assert sorted(str(path.relative_to(released)) for path in released.rglob("*") if path.is_file()) == files
    _, different, errors = filecmp.cmpfiles(kept, released, files, shallow=False)
    assert different == [] and errors == []
