"""MkDocs hook: robots.txt, sitemap dates from git and JSON-LD on each page (see `studysite.seo`).

Listed after hooks/page_dates.py, whose git date each page carries by `on_page_markdown`.
The JSON-LD is written by overrides/partials/reader-head.html from `structured_data` in the
page's template context.
"""

from __future__ import annotations

from pathlib import Path

from material.plugins.blog.structure import Post
from mkdocs.config.defaults import MkDocsConfig

from studysite.feeds import post_dates
from studysite.seo import Crumb, PageFacts, breadcrumbs, json_ld, robots_txt, structured_data


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files) -> None:
    # MkDocs puts the build date in every page's <lastmod>; the page's git date belongs there.
    # A page git does not know yet (new, uncommitted) keeps the build date.
    if revision := page.meta.get("revision_datetime"):
        page.update_date = revision


def _first_page(item):
    while getattr(item, "children", None):
        item = item.children[0]
    return item


def _url(item) -> str | None:
    page = _first_page(item)
    return getattr(page, "canonical_url", None)


def on_page_context(context, page, config: MkDocsConfig, nav):
    meta = page.meta or {}
    title = str(meta.get("title") or page.title or config.site_name)
    home = nav.homepage
    crumbs = ()
    if not page.is_homepage:
        crumbs = breadcrumbs(
            Crumb(str(home.title if home else config.site_name), config.site_url or None),
            [Crumb(str(section.title), _url(section)) for section in reversed(page.ancestors)],
            Crumb(title, page.canonical_url),
        )
    published = None
    if isinstance(page, Post) and (dates := post_dates(meta.get("date"), meta.get("revision_datetime"))):
        published = dates[0].isoformat()
    tags = meta.get("tags") or []
    facts = PageFacts(
        kind="home" if page.is_homepage else "post" if isinstance(page, Post) else "article",
        title=title,
        url=page.canonical_url,
        description=str(meta.get("description") or config.site_description or ""),
        modified=meta.get("revision_datetime"),
        published=published,
        keywords=tuple(str(tag) for tag in tags if isinstance(tag, str)),
        crumbs=crumbs,
    )
    context["structured_data"] = json_ld(structured_data(facts, site_name=config.site_name, site_url=config.site_url))
    return context


def on_post_build(config: MkDocsConfig) -> None:
    Path(config.site_dir, "robots.txt").write_text(robots_txt(config.site_url), encoding="utf-8")
