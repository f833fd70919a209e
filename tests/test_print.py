"""Printing: the cheat sheet fits two A4 pages; a note prints its content only, diagrams drawn,
folded blocks open, external link targets shown and code wrapped."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.build]

# Mermaid draws into a closed shadow root; opening it lets the test see the drawn SVG.
OPEN_SHADOW_ROOTS = """(() => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: "open" }); };
})()"""


def pdf_pages(pdf: bytes) -> int:
    """Pages in a PDF written by Chromium: its page objects, `/Type /Page` (not `/Pages`)."""
    assert pdf.startswith(b"%PDF-")
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def test_pdf_pages_counts_page_objects_only():
    assert pdf_pages(b"%PDF-1.4 << /Type /Pages /Kids [] >> << /Type /Page >> << /Type/Page/Parent 1 0 R >>") == 2


def test_cheat_sheet_lists_every_code_and_prints_on_two_a4_pages(page, site_url, built_site):
    html = (built_site / "reference/cheatsheet/index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<td><a href="\.\./status/\d{3}/">', html)) == 63
    assert len(re.findall(r'<td><a href="\.\./methods/[a-z]+/">', html)) == 9
    page.goto(site_url + "reference/cheatsheet/")
    page.emulate_media(media="print")
    assert 1 <= pdf_pages(page.pdf(format="A4")) <= 2
    assert page.foreign_requests == []


def test_a_note_prints_its_content_with_diagrams_open_blocks_and_link_targets(page, site_url):
    page.add_init_script(OPEN_SHADOW_ROOTS)
    page.goto(site_url + "http/")
    page.wait_for_load_state("networkidle")
    diagrams = page.locator("pre.mermaid").count()
    assert diagrams >= 2
    folded = page.locator("article details:not([open])").count()
    assert folded >= 1

    page.emulate_media(media="print")
    # What a browser does when the reader prints: mermaid-lazy.js starts drawing every diagram
    # and print.js opens the folded blocks.
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.locator("div.mermaid").nth(diagrams - 1).wait_for(state="attached", timeout=30_000)
    drawn = page.evaluate(
        "() => [...document.querySelectorAll('div.mermaid')].filter(d => d.shadowRoot && d.shadowRoot.querySelector('svg')).length"
    )
    assert drawn == diagrams
    assert page.locator("article details:not([open])").count() == 0

    shown = page.evaluate(
        """() => Object.fromEntries(["header.md-header", ".md-sidebar--primary", ".md-footer", ".md-tabs"]
             .map(s => [s, document.querySelector(s) ? getComputedStyle(document.querySelector(s)).display : "none"]))"""
    )
    assert set(shown.values()) == {"none"}, shown
    external = page.locator("article a[href^='https://']").first
    after = external.evaluate("a => getComputedStyle(a, '::after').content")
    assert after == '" (" attr(href) ")"' or external.get_attribute("href") in after
    assert page.locator("article pre > code").first.evaluate("c => getComputedStyle(c).whiteSpace") == "pre-wrap"

    pdf = page.pdf(format="A4")
    assert pdf_pages(pdf) > 0
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("article details:not([open])").count() == folded
    assert page.foreign_requests == []
