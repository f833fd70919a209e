"""The page cache (studysite.page_cache): keys, hits equal to real drawings, what is never kept.

Pure tests draw a small template over real MkDocs pages and navigation; the build test builds
the site cold, warm and without the hook, then after editing a note, and compares every file.
"""

from __future__ import annotations

import datetime
import logging
import re
import shutil
import threading
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, get_navigation
from mkdocs.structure.pages import Page

from conftest import copy_project, drop_hook, run_mkdocs_build
from studysite import page_cache
from studysite.page_cache import NotPlain, PageCache, cached_template_class, plain

TEMPLATE = (
    "<title>{{ page.title }}</title>{% for item in nav %}<a href='{{ item.url }}'>{{ item.title }}</a>{% endfor %}"
    "{{ page.content }}{{ extra_value }}"
)


class Site:
    """Two pages in a navigation, a Jinja environment that draws through the cache, and a
    counter of real drawings."""

    def __init__(self, root: Path, build_text: str = "build"):
        (root / "docs").mkdir(exist_ok=True)
        (root / "docs/index.md").write_text("# 첫 페이지\n\n본문\n", encoding="utf-8")
        (root / "docs/other.md").write_text("# 둘째 페이지\n", encoding="utf-8")
        self.config = MkDocsConfig()
        self.config.load_dict({"site_name": "테스트", "docs_dir": str(root / "docs"), "site_dir": str(root / "site")})
        assert not self.config.validate()[0]
        self.files = Files([File(n, self.config.docs_dir, self.config.site_dir, True) for n in ("index.md", "other.md")])
        self.nav = get_navigation(self.files, self.config)
        for page in self.nav.pages:
            page.read_source(self.config)
            page.render(self.config, self.files)
        self.cache = PageCache(root / "pages", lambda files: build_text)
        self.template = Environment(loader=DictLoader({"main.html": TEMPLATE})).get_template("main.html")
        self.drawn = 0

    def real_render(self, context) -> str:
        self.drawn += 1
        return self.template.render(context)

    def page(self, name: str = "index.md") -> Page:
        return next(p for p in self.nav.pages if p.file.src_uri == name)

    def context(self, page: Page, **extra):
        context = get_context(self.nav, self.files, self.config, page)
        context.update(extra)
        return context

    def key(self, page: Page, **extra) -> str | None:
        self.cache.pending = None
        self.cache._nav = None
        context = self.context(page, **extra)
        self.cache.prepare(context, page, self.nav)
        return self.cache.pending[1] if self.cache.pending else None

    def draw(self, page: Page, **extra) -> str:
        context = self.context(page, **extra)
        self.cache.prepare(context, page, self.nav)
        return self.cache.render(self.real_render, context)


@pytest.fixture
def site(tmp_path):
    return Site(tmp_path)


@pytest.mark.parametrize("value, text", [
    (None, "None"), ("가", "'가'"), (3, "3"), ([1, (2,)], "[1,[2]]"), ({"b": 1, "a": 2}, "{a:2,b:1}"),
    ({2, 1}, "<1,2>"), (datetime.date(2026, 1, 2), "date:2026-01-02"),
])
def test_plain_data_has_one_stable_text(value, text):
    assert plain(value) == text


def test_a_link_is_described_by_its_title_and_url_not_its_whole_navigation():
    link = Link("RFC", "https://www.rfc-editor.org/rfc/rfc9110")
    assert plain([link]) == "[Link('RFC','https://www.rfc-editor.org/rfc/rfc9110',None)]"


@pytest.mark.parametrize("value", [threading.Lock(), object(), [[[[[[[[[["deep"]]]]]]]]]]])
def test_values_that_are_not_plain_data_are_refused(value):
    with pytest.raises(NotPlain):
        plain(value)


def test_the_configuration_text_ignores_the_build_folder_and_describes_plugins(site):
    before = page_cache.config_text(site.config)
    site.config.site_dir = "/elsewhere"
    assert page_cache.config_text(site.config) == before
    site.config.extra["palette"] = "indigo"
    assert page_cache.config_text(site.config) != before


def test_the_key_changes_with_every_input_of_the_drawing(site, tmp_path):
    page = site.page()
    first = site.key(page)
    assert first is not None and site.key(page) == first

    changes = []
    page.content += "<p>고침</p>"
    changes.append(site.key(page))
    page.meta["description"] = "요약"
    changes.append(site.key(page))
    site.page("other.md").meta["status"] = "new"  # another page's front matter is in the navigation
    changes.append(site.key(page))
    site.page("other.md")._title_from_render = "새 제목"
    changes.append(site.key(page))
    changes.append(site.key(page, structured_data="{}"))
    changes.append(site.key(page, mkdocs_version="ProperDocs 1.6.7"))  # another engine writes another generator tag
    site.cache._build = None
    site.cache.build_text = lambda files: "another build"
    changes.append(site.key(page))
    assert len({first, *changes}) == len(changes) + 1


def test_a_page_that_is_not_a_plain_page_or_has_an_odd_context_value_is_drawn_uncached(site):
    class Post(Page):
        pass

    page = site.page()
    post = Post(page.title, page.file, site.config)
    post.content, post.toc = page.content, page.toc
    assert site.key(post) is None
    assert site.key(page, odd=threading.Lock()) is None
    assert site.key(page) is not None


def test_front_matter_that_refers_to_itself_leaves_the_page_uncached(site):
    looped: list = []
    looped.append(looped)  # what a YAML alias inside its own anchor gives
    page = site.page()
    page.meta["loop"] = looped
    assert site.key(page) is None
    assert "첫 페이지" in site.draw(page) and site.cache.used == set()


def test_a_configuration_that_is_not_plain_data_turns_the_cache_off_for_the_build(site):
    site.cache.build_text = lambda files: plain(threading.Lock())
    assert site.key(site.page()) is None
    assert site.cache.build_key() == ""


def test_a_second_drawing_with_the_same_key_is_read_back(site):
    page = site.page()
    drawn = site.draw(page)
    assert site.drawn == 1 and "첫 페이지" in drawn
    assert site.draw(page) == drawn
    assert site.drawn == 1 and (site.cache.hits, site.cache.misses) == (1, 1)
    page.content = "<p>다른 본문</p>"
    assert "다른 본문" in site.draw(page) and site.drawn == 2


def test_only_the_context_that_was_prepared_goes_through_the_cache(site):
    page = site.page()
    site.cache.prepare(site.context(page), page, site.nav)
    other = site.context(page)  # not the prepared object: drawn, never stored
    site.cache.render(site.real_render, other)
    assert site.drawn == 1 and site.cache.used == set() and not (site.cache.folder.exists() and any(site.cache.folder.iterdir()))


def test_the_template_class_draws_a_page_through_the_active_cache(site):
    env = Environment(loader=DictLoader({"main.html": TEMPLATE}))
    env.template_class = cached_template_class(env.template_class)
    assert cached_template_class(env.template_class) is env.template_class
    template = env.get_template("main.html")
    page = site.page()
    page_cache.activate(site.cache)
    try:
        for _ in range(2):
            context = site.context(page)
            site.cache.prepare(context, page, site.nav)
            assert "첫 페이지" in template.render(context)
        assert (site.cache.hits, site.cache.misses) == (1, 1)
        assert template.render(page=page, nav=[]) and site.cache.hits == 1  # keywords: never cached
    finally:
        page_cache.activate(None)


def test_a_drawing_that_logged_a_warning_is_not_kept(site):
    page = site.page()

    def warns(context):
        logging.getLogger("mkdocs.theme").warning("템플릿 경고")
        return "<html></html>"

    for _ in range(2):
        context = site.context(page)
        site.cache.prepare(context, page, site.nav)
        assert site.cache.render(warns, context) == "<html></html>"
    assert (site.cache.hits, site.cache.misses) == (0, 2)


def test_a_full_build_removes_the_drawings_it_did_not_use_and_a_dirty_one_keeps_them(site):
    site.draw(site.page())
    site.draw(site.page("other.md"))
    stale = sorted(site.cache.folder.iterdir())
    assert len(stale) == 2
    site.cache.used = {stale[0].stem}
    site.cache.prune()
    assert sorted(site.cache.folder.iterdir()) == stale[:1]


def test_an_unreadable_drawing_is_a_miss(site):
    page = site.page()
    site.draw(page)
    (path,) = site.cache.folder.iterdir()
    path.write_bytes(b"\xff\xfe broken")
    assert "첫 페이지" in site.draw(page) and site.drawn == 2


EPOCH = "1767225600"


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def reused(stderr: str) -> tuple[int, int]:
    found = re.search(r"Page cache: (\d+) pages reused, (\d+) drawn", stderr)
    assert found, stderr[-2000:]
    return int(found[1]), int(found[2])


@pytest.mark.build
def test_cold_warm_edited_and_uncached_builds_write_the_same_site(tmp_path):
    """A warm build draws nothing, an edited note's body redraws that page (and the pages
    that show its text) and a new title redraws every page; each site equals a build without
    the hook, byte for byte."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    uncached = project / "mkdocs-uncached.yml"

    def build(name: str, config_file: Path = config):
        result = run_mkdocs_build(tmp_path / name, config_file, SOURCE_DATE_EPOCH=EPOCH)
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stderr

    def same_as_uncached(name: str) -> None:
        shutil.copyfile(config, uncached)
        drop_hook(uncached, "page_cache.py")
        assert "Page cache" not in build(f"{name}-uncached", uncached)
        cached, plain_site = tree(tmp_path / name), tree(tmp_path / f"{name}-uncached")
        assert sorted(cached) == sorted(plain_site)
        assert [n for n in cached if cached[n] != plain_site[n]] == []

    hits, drawn = reused(build("cold"))
    assert hits == 0 and drawn > 100
    hits, drawn = reused(build("warm"))
    assert drawn == 0 and hits > 100
    same_as_uncached("warm")

    note = project / "docs/web/resources.md"
    text = note.read_text(encoding="utf-8")
    note.write_text(text.replace("\n## ", "\n새로 쓴 문장입니다.\n\n## ", 1), encoding="utf-8")
    hits, drawn = reused(build("edited"))
    assert 1 <= drawn <= 5 and hits > 100
    same_as_uncached("edited")

    title = re.search(r"^# .+$", text, re.M)[0]
    note.write_text(text.replace(title, title + " (고친 제목)", 1), encoding="utf-8")
    hits, drawn = reused(build("retitled"))
    assert hits == 0 and drawn > 100
