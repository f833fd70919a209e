"""The built site in the system Chromium, as a reader sees it."""

import pytest

from browser import draw_diagrams

pytestmark = pytest.mark.browser


def test_status_page_shows_korean_title_and_rfc_link(page, site_url):
    page.goto(site_url + "reference/status/404/")
    assert page.locator("h1").inner_text().startswith("404 Not Found")
    assert "찾을 수 없음" in page.locator(".reference-lead").inner_text()
    link = page.locator('article a[href="https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5"]').first
    assert link.inner_text() == "RFC 9110 §15.5.5"
    assert page.foreign_requests == []


def test_overview_lists_all_63_codes(page, site_url):
    page.goto(site_url + "reference/status/")
    links = page.locator("article table a").all_inner_texts()
    codes = [text for text in links if text.isdigit()]
    assert len(codes) == 63 and codes[0] == "100" and codes[-1] == "511"
    assert page.foreign_requests == []


def test_theme_toggle_switches_between_light_and_dark(page, site_url):
    page.goto(site_url)
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    page.wait_for_function(
        "before => document.body.getAttribute('data-md-color-scheme') !== before", arg=before
    )
    after = body.get_attribute("data-md-color-scheme")
    assert {before, after} == {"default", "slate"}
    assert page.foreign_requests == []


def test_diagram_page_draws_mermaid_without_leaving_the_site(page, site_url, built_site):
    diagram_pages = [
        p for p in built_site.rglob("index.html") if 'class="mermaid"' in p.read_text(encoding="utf-8")
    ]
    assert diagram_pages, "the notes should contain at least one Mermaid diagram"
    relative = diagram_pages[0].parent.relative_to(built_site).as_posix()
    page.goto(site_url + (relative + "/" if relative != "." else ""))
    page.wait_for_load_state("networkidle")
    assert draw_diagrams(page) >= 1
    page.wait_for_load_state("networkidle")
    assert page.foreign_requests == []
