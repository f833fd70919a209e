"""MkDocs hook: robots.txt, sitemap dates from git and JSON-LD on each page (see `studysite.seo`).

Listed after hooks/page_dates.py, whose git date each page carries by `on_page_markdown`.
The JSON-LD is written by overrides/partials/reader-head.html from `structured_data` in the
page's template context.
"""

from __future__ import annotations

from studysite import machine


def on_page_markdown(markdown: str, page, config, files) -> None:
    machine.use_git_date_in_sitemap(page)


def on_page_context(context, page, config, nav):
    context["structured_data"] = machine.structured_data(page, config, nav)
    return context


def on_post_build(config) -> None:
    machine.write_robots(config)
