"""The cheat sheet's Markdown, rendered from records: every code, the common methods, escaping."""

from pathlib import Path

import markdown

from studysite.cheatsheet import render_cheatsheet
from studysite.reference_data import load_reference
from studysite.reference_pages import make_environment

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"


def render(root: Path) -> tuple:
    reference = load_reference(root)
    return reference, render_cheatsheet(make_environment(ROOT / "overrides" / "reference"), reference)


def test_cheat_sheet_has_every_code_by_class_and_the_common_methods_in_order():
    reference, page = render(ROOT)
    for record in reference.status_codes:
        assert f"| [{record.code}](status/{record.code}.md) |" in page
    order = [page.index(f"| [{name}](methods/{name.lower()}.md) |") for name in ("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH")]
    assert order == sorted(order)
    assert "(methods/propfind.md)" not in page
    classes = [page.index(f"{{ #{digit}xx }}") for digit in range(1, 6)]
    assert classes == sorted(classes)


def test_cheat_sheet_escapes_markup_from_data():
    _, page = render(FIXTURES / "valid")
    html = markdown.markdown(page.split("---\n", 2)[2], extensions=["tables", "md_in_html", "attr_list"])
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
