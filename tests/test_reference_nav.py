"""The generated reference pages in the sidebar: sections by class, pruning, previous/next."""

import re

import pytest

from studysite.reference_nav import flatten, reference_tree

CLASS_TITLES = {1: "1xx 정보 응답", 2: "2xx 성공", 4: "4xx 클라이언트 오류"}
COMMON = ("GET", "HEAD", "POST")


def pages(*uris):
    return {uri: uri for uri in uris}


NAV_TITLES = {"status": "상태 코드", "methods": "메서드", "common": "자주 쓰는 메서드", "extension": "확장 메서드"}


def test_tree_groups_codes_by_class_and_puts_common_methods_first():
    status, methods = reference_tree(
        pages(
            "reference/status/index.md", "reference/status/404.md", "reference/status/200.md",
            "reference/status/403.md", "reference/status/100.md", "reference/status/notes.md",
            "reference/methods/index.md", "reference/methods/propfind.md", "reference/methods/post.md",
            "reference/methods/get.md", "reference/methods/acl.md", "http/index.md",
        ),
        CLASS_TITLES,
        COMMON,
        NAV_TITLES,
    )
    assert status == ("상태 코드", [
        "reference/status/index.md",
        ("1xx 정보 응답", ["reference/status/100.md"]),
        ("2xx 성공", ["reference/status/200.md"]),
        ("4xx 클라이언트 오류", ["reference/status/403.md", "reference/status/404.md"]),
    ])
    assert methods == ("메서드", [
        "reference/methods/index.md",
        ("자주 쓰는 메서드", ["reference/methods/get.md", "reference/methods/post.md"]),
        ("확장 메서드", ["reference/methods/acl.md", "reference/methods/propfind.md"]),
    ])
    assert flatten(status[1])[-2:] == ["reference/status/403.md", "reference/status/404.md"]


def test_tree_is_none_without_the_overviews():
    assert reference_tree(pages("reference/status/404.md"), CLASS_TITLES, COMMON, NAV_TITLES) is None


def primary_nav(html: str) -> str:
    return html[html.index('md-nav--primary'):html.index('md-sidebar--secondary')]


@pytest.mark.build
def test_every_reference_page_is_in_the_sidebar_and_pruned(built_site):
    status_page = (built_site / "reference/status/404/index.html").read_text(encoding="utf-8")
    nav = primary_nav(status_page)
    # The page's own class is drawn in full, the other classes as one link each.
    assert '<a href="./" class="md-nav__link md-nav__link--active">' in nav
    assert 'href="../405/"' in nav and 'href="../403/"' in nav
    assert 'href="../500/"' in nav  # 5xx pruned: a link to its first page
    assert 'href="../501/"' not in nav and 'href="../201/"' not in nav
    # Previous/next in the footer follow the codes.
    footer = status_page[status_page.index('<footer class="md-footer"'):]
    assert 'href="../403/"' in footer and 'href="../405/"' in footer
    method_page = (built_site / "reference/methods/head/index.html").read_text(encoding="utf-8")
    footer = method_page[method_page.index('<footer class="md-footer"'):]
    assert 'href="../get/"' in footer and 'href="../post/"' in footer
    # A note's sidebar does not carry the hundred reference pages.
    note = primary_nav((built_site / "http/headers/index.html").read_text(encoding="utf-8"))
    assert "reference/status/404/" not in note


@pytest.mark.browser
@pytest.mark.build
def test_reader_steps_from_404_to_405_and_sees_the_sidebar(page, site_url):
    page.goto(site_url + "reference/status/404/")
    active = page.locator(".md-nav--primary .md-nav__link--active").first
    assert active.inner_text().strip() == "404 Not Found"
    sidebar = page.locator(".md-sidebar--primary")
    assert sidebar.get_by_role("link", name="405 Method Not Allowed").is_visible()
    page.locator(".md-footer__link--next").click()
    page.wait_for_url(site_url + "reference/status/405/")
    assert page.locator("h1").inner_text().startswith("405")
    page.locator(".md-footer__link--prev").click()
    page.wait_for_url(site_url + "reference/status/404/")
    assert page.foreign_requests == []
