"""Chapter 3: custom Jinja filters and values every template can use."""

from datetime import datetime

from flask import Flask
from markupsafe import Markup, escape


# --8<-- [start:filters]
def excerpt(text: str, length: int = 80) -> str:
    """The first `length` characters of `text` on one line, with … when cut."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= length else flat[: length - 1].rstrip() + "…"


def korean_date(value: datetime) -> str:
    return f"{value.year}년 {value.month}월 {value.day}일"


def nl2br(text: str) -> Markup:
    """Line breaks as <br>: escape first, then mark only our own tags as safe."""
    return Markup("<br>\n").join(escape(line) for line in str(text).splitlines())


def init_app(app: Flask) -> None:
    app.add_template_filter(excerpt)
    app.add_template_filter(korean_date)
    app.add_template_filter(nl2br)
# --8<-- [end:filters]
