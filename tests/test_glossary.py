"""The glossary: data validation, abbreviation markup, the generated page and the tooltips."""

import re
import textwrap
from pathlib import Path

import markdown
import pytest

from studysite.glossary_data import FocusableAbbrExtension, load_glossary, term_pattern
from studysite.yaml_lines import DataError

ROOT = Path(__file__).resolve().parent.parent

GOOD = """\
- term: HTTP
  expansion: HyperText Transfer Protocol
  description: 요청과 응답을 주고받는 프로토콜입니다.
  see: http/index.md
- term: request / response
  ko: 요청 / 응답
"""


def write(root: Path, text: str) -> Path:
    (root / "data").mkdir()
    (root / "docs/http").mkdir(parents=True)
    (root / "docs/http/index.md").write_text("# HTTP\n", encoding="utf-8")
    (root / "data/glossary.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def problems(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_glossary(root)
    return [str(p) for p in caught.value.problems]


# --- Loading and validation ---------------------------------------------------------------------


def test_good_data_loads(tmp_path):
    glossary = load_glossary(write(tmp_path, GOOD))
    assert [t.term for t in glossary.abbreviations] == ["HTTP"]
    assert [(t.term, t.ko) for t in glossary.translations] == [("request / response", "요청 / 응답")]
    assert glossary.abbreviations[0].tooltip == "HyperText Transfer Protocol: 요청과 응답을 주고받는 프로토콜입니다."


@pytest.mark.parametrize(
    "extra, expected",
    [
        (
            "- term: http\n  expansion: again\n  description: 두 번째입니다.\n",
            ["data/glossary.yml:7: http.term: term defined twice (first at line 1)"],
        ),
        (
            "- term: TLS\n  expansion: Transport Layer Security\n",
            ["data/glossary.yml:7: TLS.description: required for an abbreviation (it is the tooltip)"],
        ),
        ("- term: origin\n", ["data/glossary.yml:7: origin.ko: required for a translation (a term without expansion)"]),
        (
            "- term: Web API\n  expansion: x\n  description: y\n",
            ["data/glossary.yml:7: Web API.term: an abbreviation must be letters and digits only, such as HTTP"],
        ),
        (
            "- term: TCP\n  expansion: Transmission Control Protocol\n  description: 전송 계층입니다.\n  see: web/none.md\n",
            ["data/glossary.yml:10: TCP.see: no note docs/web/none.md"],
        ),
        ("- term: DNS\n  ko: 이름\n  colour: red\n", ["data/glossary.yml:9: DNS.colour: unknown field"]),
        ("- ko: 출처\n", ["data/glossary.yml:7: #3.term: required field is missing"]),
        ("- term: URL\n  expansion: [a, b]\n  description: x\n", ["data/glossary.yml:8: URL.expansion: expected text, got list ['a', 'b']"]),
        ("- term: CA\n  ko: 인증 기관\n  ko: 다시\n", ["data/glossary.yml:9: ko: duplicate key (first at line 8)"]),
    ],
)
def test_each_problem_is_one_line_with_file_line_and_field(tmp_path, extra, expected):
    assert problems(write(tmp_path, GOOD + extra)) == expected


def test_yaml_syntax_error_names_the_line(tmp_path):
    assert problems(write(tmp_path, GOOD + "- term: [unclosed\n")) == [
        "data/glossary.yml:8: yaml: syntax error: expected ',' or ']', but got '<stream end>'"
    ]


def test_project_glossary_is_valid_and_covers_the_site_terms():
    glossary = load_glossary(ROOT)
    terms = {t.term for t in glossary.abbreviations}
    needed = "HTTP HTTPS TLS ORM JWT URI URL URN API HTML CSS JSON DNS TCP QUIC CSRF XSS CORS WSGI SQL HSTS ETag CA"
    assert set(needed.split()) <= terms
    assert all(t.description and t.expansion for t in glossary.abbreviations)


def test_translations_equal_the_table_in_contributing():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    table = text.split("### 용어집", 1)[1]
    rows = re.findall(r"^\| (?!영어|---)(.+?) \| (.+?) \|$", table, re.MULTILINE)
    glossary = load_glossary(ROOT)
    assert rows == [(t.term, t.ko) for t in glossary.translations]


# --- Abbreviation definitions and markup ------------------------------------------------------------


def test_pattern_accepts_korean_particles_and_rejects_longer_words():
    pattern = term_pattern(["HTTP", "HTTPS", "CA"])
    assert pattern.findall("HTTP는 HTTPS와 다르고, HTTP/2도 있습니다. CAT, CAs, 인증 기관(CA)") == [
        "HTTP",
        "HTTPS",
        "HTTP",
        "CA",
    ]


def test_definitions_are_only_for_terms_the_page_uses():
    glossary = load_glossary(ROOT)
    definitions = glossary.definitions("TLS로 보호되는 HTTP입니다.")
    assert definitions.splitlines() == [
        f"*[{t.term}]: {t.tooltip}" for t in glossary.abbreviations if t.term in ("HTTP", "TLS")
    ]
    assert glossary.definitions("용어가 없는 문장") == ""


def render(text: str) -> str:
    md = markdown.Markdown(extensions=["abbr", FocusableAbbrExtension()])
    return md.convert(textwrap.dedent(text))


def test_only_the_first_use_of_a_term_is_an_abbreviation_and_it_is_focusable():
    html = render(
        """
        HTTP는 프로토콜이고, 다시 HTTP를 씁니다. **TLS**와 HTTP, 그리고 *TLS*

        *[HTTP]: HyperText Transfer Protocol
        *[TLS]: Transport Layer Security
        """
    )
    assert html == (
        '<p><abbr tabindex="0" title="HyperText Transfer Protocol">HTTP</abbr>는 프로토콜이고, '
        "다시 HTTP를 씁니다. "
        '<strong><abbr tabindex="0" title="Transport Layer Security">TLS</abbr></strong>와 HTTP, 그리고 <em>TLS</em></p>'
    )


def test_code_and_links_get_no_abbreviation():
    html = render(
        """
        `HTTP` 그리고 [HTTP 노트](x.md)

        *[HTTP]: HyperText Transfer Protocol
        """
    )
    assert "<abbr" not in html


def test_extension_needs_abbr():
    with pytest.raises(RuntimeError):
        markdown.Markdown(extensions=[FocusableAbbrExtension()])


# --- The built site --------------------------------------------------------------------------------


def test_glossary_page_is_generated_and_in_the_nav(built_site):
    page = (built_site / "glossary/index.html").read_text(encoding="utf-8")
    assert "<h1" in page and "용어집" in page
    assert "HyperText Transfer Protocol" in page and "<td>요청 / 응답</td>" in page
    # In the nav next to the reference overviews (navigation.prune keeps only the open section).
    sibling = (built_site / "reference/status/index.html").read_text(encoding="utf-8")
    assert 'href="../../glossary/" class="md-nav__link"' in sibling, "glossary is not in the navigation"
    assert not (ROOT / "docs/glossary.md").exists()


def test_notes_carry_abbreviation_tooltips(built_site):
    page = (built_site / "https/index.html").read_text(encoding="utf-8")
    assert re.search(r'<abbr tabindex="0" title="Transport Layer Security \(전송 계층 보안\): [^"]+">TLS</abbr>', page)
    assert page.count('<abbr tabindex="0" title="Transport Layer') == 1
    assert page.count("<abbr") == len(set(re.findall(r"<abbr[^>]*>([^<]+)</abbr>", page)))  # first uses only


@pytest.mark.browser
def test_abbreviation_tooltip_shows_on_hover_and_on_keyboard_focus(page, site_url):
    page.goto(site_url + "https/")
    abbr = page.locator('article abbr[tabindex="0"]', has_text=re.compile("^TLS$")).first
    tooltip = page.locator(".md-tooltip2", has_text="Transport Layer Security")

    abbr.hover()
    tooltip.wait_for(state="visible")
    assert "전송 계층 보안" in tooltip.inner_text()

    page.mouse.move(0, 0)
    page.locator("h1").click()  # move focus off the abbreviation, then come back by keyboard
    tooltip.wait_for(state="hidden")
    abbr.focus()
    assert page.evaluate("document.activeElement.tagName") == "ABBR"
    tooltip.wait_for(state="visible")
    assert page.foreign_requests == []
