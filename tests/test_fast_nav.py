"""hooks/fast_nav.py: Material's navigation drawn with less work, the same HTML."""

import re
import sys
from pathlib import Path
from types import SimpleNamespace

import material
import pytest

from conftest import ROOT, build_ok, drop_hook, use_build_cache

sys.path.insert(0, str(ROOT / "hooks"))
from studysite.fast_nav import (  # noqa: E402
    INDEX_SEARCH,
    TemplateChanged,
    memo_key,
    memoise_render_calls,
    move_index_search,
    nav_memo,
)

MATERIAL_PARTIALS = Path(material.__file__).parent / "templates" / "partials"
MATERIAL_NAV_ITEM = MATERIAL_PARTIALS / "nav-item.html"
PRIMARY_NAV = re.compile(r'<div class="md-sidebar md-sidebar--primary".*?<div class="md-sidebar md-sidebar--secondary"', re.S)


def test_index_search_runs_only_for_sections_that_are_not_pruned():
    source = MATERIAL_NAV_ITEM.read_text(encoding="utf-8")
    patched = move_index_search(source)
    search = INDEX_SEARCH.search(patched)
    assert search and len(INDEX_SEARCH.findall(patched)) == 1
    before = patched[: search.start()]
    assert before.rstrip().endswith("{% if not is_pruned %}")
    assert before.index("{% set is_pruned = true %}") < search.start()
    # Nothing but the move: the same lines, in another order.
    assert sorted(patched.splitlines()) == sorted(source.splitlines() + ["    {% if not is_pruned %}", "    {% endif %}"])


@pytest.mark.parametrize("mangle", [
    lambda s: s.replace("{% set index = _.index %}", "{% set found = _.index %}"),
    lambda s: s.replace('{% if "navigation.prune" in features %}', '{% if "navigation.trim" in features %}'),
    lambda s: s.replace('{% if "navigation.tabs" in features %}', '{% if index and "navigation.tabs" in features %}'),
])
def test_a_changed_template_is_left_alone(mangle):
    with pytest.raises(TemplateChanged, match="nav-item.html"):
        move_index_search(mangle(MATERIAL_NAV_ITEM.read_text(encoding="utf-8")))


@pytest.mark.parametrize("name, call", [
    ("nav-item.html", '{{ nav_memo(render, item, path ~ "_" ~ loop.index, level + 1, nav_item) }}'),
    ("nav.html", "{{ nav_memo(item.render, nav_item, path, 1) }}"),
])
def test_every_item_is_drawn_through_the_memo(name, call):
    source = (MATERIAL_PARTIALS / name).read_text(encoding="utf-8")
    patched = memoise_render_calls(source, name)
    assert call in patched
    # Nothing else changes.
    assert re.sub(r"nav_memo\(((?:item\.)?render), ", r"\1(", patched) == source


def test_a_template_without_one_render_call_is_left_alone():
    source = (MATERIAL_PARTIALS / "nav.html").read_text(encoding="utf-8")
    with pytest.raises(TemplateChanged, match="found 2"):
        memoise_render_calls(source + source, "nav.html")


def page(url, active=False):
    return SimpleNamespace(url=url, active=active, children=None)


def section(*children, active=False):
    return SimpleNamespace(children=list(children), active=active)


def relative(url):
    return "../" + url


def test_an_item_off_the_current_path_is_kept_by_the_url_of_its_link():
    sibling = page("a/b/")
    assert memo_key(sibling, "__nav_2_3", 2, relative, prune=True) == (id(sibling), "__nav_2_3", 2, "../a/b/")
    # A pruned section is one link to its first page, however deep.
    inner = section(page("c/d/"), page("c/e/"))
    outer = section(inner, page("c/f/"))
    assert memo_key(outer, "__nav_3", 1, relative, prune=True) == (id(outer), "__nav_3", 1, "../c/d/")


@pytest.mark.parametrize("item, prune", [
    (page("a/", active=True), True),  # the current page: holds its table of contents
    (section(page("a/", active=True), active=True), True),  # on the current path: drawn open
    (section(page("a/")), False),  # without navigation.prune every page of it is drawn
    (SimpleNamespace(url="log/", active=False, children=None, pages=[page("log/")]), True),  # a blog view
])
def test_an_item_that_depends_on_the_current_page_is_not_kept(item, prune):
    assert memo_key(item, "__nav_1", 1, relative, prune=prune) is None


def test_the_memo_draws_an_item_once_per_key():
    drawn = []

    def render(nav_item, path, level, parent=None):
        drawn.append((nav_item.url, path, level))
        return f"<li>{nav_item.url}</li>"

    context = SimpleNamespace(environment=SimpleNamespace(filters={"url": lambda context, url: url}))
    draw = nav_memo(prune=True)
    sibling, current = page("a/b/"), page("a/c/", active=True)
    assert [draw(context, render, item, "__nav_1", 2) for item in (sibling, sibling, current, current)] == [
        "<li>a/b/</li>", "<li>a/b/</li>", "<li>a/c/</li>", "<li>a/c/</li>"
    ]
    assert drawn == [("a/b/", "__nav_1", 2), ("a/c/", "__nav_1", 2), ("a/c/", "__nav_1", 2)]
    # A new build starts with nothing kept.
    nav_memo(prune=True)(context, render, sibling, "__nav_1", 2)
    assert len(drawn) == 4


def test_every_page_has_the_same_navigation_without_the_hook(built_site, project_copy, tmp_path):
    """The site built without the hook draws the same primary navigation on every page."""
    config = project_copy / "mkdocs.yml"
    drop_hook(config, "fast_nav.py")
    use_build_cache(project_copy)
    plain = build_ok(tmp_path / "plain", config)

    def navigation(site: Path, page: Path) -> str:
        match = PRIMARY_NAV.search((site / page).read_text(encoding="utf-8"))
        assert match, page
        return " ".join(match.group(0).split())

    pages = sorted(p.relative_to(built_site) for p in built_site.rglob("*.html"))
    assert len(pages) > 100
    different = [str(p) for p in pages if navigation(built_site, p) != navigation(plain, p)]
    assert different == []
    # The pruned sections (drawn as one link each) are where the skipped work was.
    assert "md-nav__item--pruned" in (built_site / "http/messages/index.html").read_text(encoding="utf-8")
