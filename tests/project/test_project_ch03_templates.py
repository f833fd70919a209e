"""Chapter 3: layout inheritance, macros, static files, autoescaping, custom filters."""

from datetime import datetime

from flask import render_template_string

from studynotes.filters import excerpt, korean_date, nl2br


def test_filters():
    assert excerpt("짧은 글") == "짧은 글"
    assert excerpt("가" * 100, 10) == "가" * 9 + "…"
    assert excerpt("줄\n바꿈   공백") == "줄 바꿈 공백"
    assert korean_date(datetime(2026, 3, 1)) == "2026년 3월 1일"
    assert str(nl2br("<b>굵게</b>\n둘째 줄")) == "&lt;b&gt;굵게&lt;/b&gt;<br>\n둘째 줄"


def test_autoescape_and_safe(make_app):
    app = make_app(3)
    with app.test_request_context():
        assert render_template_string("{{ x }}", x="<script>") == "&lt;script&gt;"
        assert render_template_string("{{ x | safe }}", x="<b>") == "<b>"
        assert render_template_string("{{ t | excerpt(5) }}", t="안녕하세요 여러분") == "안녕하세…"


def test_filters_exist_from_chapter_three(make_app):
    assert "excerpt" not in make_app(2).jinja_env.filters
    assert "excerpt" in make_app(3).jinja_env.filters


def test_layout_inheritance_and_static(make_app):
    client = make_app(3).test_client()
    html = client.get("/about").get_data(as_text=True)
    assert "<title>소개 - 공부 노트</title>" in html  # child block inside the base layout
    assert '<link rel="stylesheet" href="/static/style.css">' in html
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.mimetype == "text/css"
