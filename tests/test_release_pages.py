"""hooks/release_pages.py: pages let go of their HTML once written, and the site stays the same."""

import filecmp
from types import SimpleNamespace

import release_pages
from conftest import build_ok, drop_hook, use_build_cache


def test_a_written_page_keeps_its_markdown_and_title_but_not_its_html():
    page = SimpleNamespace(markdown="# 쿠키\n", content="<h1>쿠키</h1>", title="쿠키")
    assert release_pages.on_post_page("<html>…</html>", page=page, config=None) == "<html>…</html>"
    assert page.content == "" and page.markdown == "# 쿠키\n" and page.title == "쿠키"


def test_the_site_is_the_same_without_the_hook(project_copy, tmp_path):
    """Nothing that runs after a page is written (blog views, tags, search, backlinks) needs its HTML."""
    use_build_cache(project_copy)
    config = project_copy / "mkdocs.yml"
    released = build_ok(tmp_path / "released", config)
    drop_hook(config, "release_pages.py")
    kept = build_ok(tmp_path / "kept", config)

    files = sorted(str(path.relative_to(kept)) for path in kept.rglob("*") if path.is_file())
    assert len(files) > 100 and {"log/index.html", "tags/index.html", "search/search_index.json"} <= set(files)
    assert sorted(str(path.relative_to(released)) for path in released.rglob("*") if path.is_file()) == files
    _, different, errors = filecmp.cmpfiles(kept, released, files, shallow=False)
    assert different == [] and errors == []
