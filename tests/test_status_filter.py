"""The status overview's filter: by class and by text, keyboard only, count announced."""

import re

import pytest


@pytest.mark.build
def test_without_javascript_the_form_is_hidden_and_every_code_listed(built_site):
    html = (built_site / "reference/status/index.html").read_text(encoding="utf-8")
    form = re.search(r"<form [^>]*id=\"status-filter\"[^>]*>", html).group(0)
    assert " hidden" in form
    assert len(re.findall(r'<td><a href="\d{3}/">', html)) == 63
    for control in ("status-filter-class", "status-filter-text"):
        assert f'<label for="{control}">' in html
    assert 'aria-live="polite"' in html
    # Only the overview loads the script.
    assert "status-filter.js" in html
    assert "status-filter.js" not in (built_site / "reference/status/404/index.html").read_text(encoding="utf-8")


def visible_codes(page) -> list[str]:
    return [
        text.strip()
        for text in page.locator("article table tbody tr:visible td:first-child").all_inner_texts()
    ]


@pytest.mark.browser
@pytest.mark.build
def test_reader_filters_by_class_and_text_with_the_keyboard(page, site_url):
    page.goto(site_url + "reference/status/")
    form = page.locator("#status-filter")
    form.wait_for(state="visible")
    assert len(visible_codes(page)) == 63

    page.locator("#status-filter-class").focus()
    page.locator("#status-filter-class").select_option("4")
    codes = visible_codes(page)
    assert codes and all(code.startswith("4") for code in codes)
    assert page.locator("#status-filter-count").inner_text() == f"상태 코드 {len(codes)}개를 보여 줍니다."
    assert page.locator("[id='2xx']").is_hidden()

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "status-filter-text"
    page.keyboard.type("찾을 수")
    assert visible_codes(page) == ["404"]
    page.keyboard.press("Enter")  # submitting does not leave or reload the page
    assert page.url == site_url + "reference/status/"
    assert visible_codes(page) == ["404"]

    page.locator("#status-filter-class").select_option("")
    page.locator("#status-filter-text").fill("")
    page.locator("#status-filter-text").press_sequentially("not found")
    assert visible_codes(page) == ["404"]
    page.locator("#status-filter-text").fill("")
    page.locator("#status-filter-text").press_sequentially("50")
    assert visible_codes(page) == ["500", "501", "502", "503", "504", "505", "506", "507", "508"]
    page.locator("#status-filter-text").fill("")
    page.locator("#status-filter-text").press_sequentially("없는말")
    assert visible_codes(page) == []
    assert page.locator("#status-filter-count").inner_text() == "조건에 맞는 상태 코드가 없습니다."
    assert page.foreign_requests == []
