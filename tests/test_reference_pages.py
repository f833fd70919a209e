"""Rendering one status page and one method page from records, with escaping."""

from pathlib import Path

import markdown
import pytest

from studysite.reference_data import load_reference
from studysite.reference_pages import make_environment, markdown_text, render_method_page, render_status_page, table_cell

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def env():
    return make_environment(ROOT / "overrides" / "reference")


@pytest.fixture(scope="module")
def fixture_reference():
    return load_reference(FIXTURES / "valid")


def to_html(page: str) -> str:
    body = page.split("---\n", 2)[2]
    return markdown.markdown(body, extensions=["tables", "md_in_html", "attr_list"])


def test_status_page_shows_code_title_and_spec_link(env, fixture_reference):
    page = render_status_page(env, fixture_reference, fixture_reference.status(404))
    assert page.startswith("---\ndescription: ")
    assert "# 404 Not Found\n" in page
    assert "**찾을 수 없음**" in page
    assert "[RFC 9110 §15.5.5](https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5)" in page
    assert "- [200 OK](200.md) — 성공" in page
    # Neighbouring codes are linked once, by the footer (the pages are in the navigation).
    assert "[← " not in page and " →](" not in page
    # The summary in everyday words, where the record has one (escaped like every data field).
    assert "<p><strong>쉽게 말하면</strong> 그 주소에는 아무것도 없다는 &lt;b&gt;응답&lt;/b&gt;입니다.</p>" in to_html(page)
    assert "쉽게 말하면" not in render_status_page(env, fixture_reference, fixture_reference.status(200))


def test_status_page_escapes_markup_from_data(env, fixture_reference):
    html = to_html(render_status_page(env, fixture_reference, fixture_reference.status(404)))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # A code span keeps its text literally; Markdown escapes it once.
    assert "<code>&lt;i&gt;코드&lt;/i&gt;</code>" in html


def test_method_page_has_flags_examples_and_escaping(env, fixture_reference):
    page = render_method_page(env, fixture_reference.method("GET"))
    assert "# GET\n" in page
    assert "| 안전한(safe) 메서드 | 예 |" in page
    assert "| 응답 캐시 가능(cacheable) | 예 |" in page
    assert '=== "요청"\n\n    ```http\n    GET / HTTP/1.1\n    Host: example.com\n    ```' in page
    assert "<script>" not in to_html(page).split("<pre>")[0]
    assert "쉽게 말하면" not in page  # this record has no plain line


def test_extension_method_page_has_no_common_sections(env, fixture_reference):
    page = render_method_page(env, fixture_reference.method("PROPFIND"))
    assert "## 예시 메시지" not in page and "응답 캐시 가능" not in page
    assert "[RFC 4918 §9.1](https://www.rfc-editor.org/rfc/rfc4918#section-9.1)" in page
    # The summary in everyday words, escaped like every data field.
    assert "<p><strong>쉽게 말하면</strong> 폴더 안을 들여다보는 &lt;b&gt;요청&lt;/b&gt;입니다.</p>" in to_html(page)


def test_markdown_text_escapes_outside_code_spans_only():
    assert markdown_text('a <b> & `<c>` "d"') == 'a &lt;b&gt; &amp; `<c>` "d"'


def test_table_cell_keeps_rows_intact():
    assert table_cell("a | b\nc") == "a \\| b c"


def test_rendered_reference_is_reused_only_for_the_same_records_backlinks_and_inputs(env, fixture_reference, tmp_path,
                                                                                     monkeypatch):
    import dataclasses

    from studysite import reference_pages

    path = tmp_path / ".cache/reference/files.json"
    backlinks = {fixture_reference.status(404).src_uri: [{"title": "상태 코드", "path": "../../http/status.md", "sections": []}]}
    first = reference_pages.RenderedReference(path, "inputs")
    expected = {"none": first.files(env, fixture_reference), "linked": first.files(env, fixture_reference, backlinks)}
    assert expected["none"] == reference_pages.reference_files(env, fixture_reference)
    assert expected["linked"] != expected["none"]
    first.save()

    rendered = []
    original = reference_pages.reference_files
    monkeypatch.setattr(reference_pages, "reference_files", lambda *args: rendered.append(args) or original(*args))
    again = reference_pages.RenderedReference(path, "inputs")
    assert again.files(env, fixture_reference) == expected["none"]
    assert again.files(env, fixture_reference, backlinks) == expected["linked"]
    assert rendered == []  # both from the cache
    # Other backlinks, another record, other templates or code: rendered again.
    again.files(env, fixture_reference, {fixture_reference.status(404).src_uri: []})
    changed = dataclasses.replace(fixture_reference, status_codes=(
        dataclasses.replace(fixture_reference.status_codes[0], summary="다른 요약"), *fixture_reference.status_codes[1:]))
    assert again.files(env, changed)[changed.status_codes[0].src_uri][0] != expected["none"][changed.status_codes[0].src_uri][0]
    reference_pages.RenderedReference(path, "other inputs").files(env, fixture_reference)
    assert len(rendered) == 3
