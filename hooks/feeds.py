"""MkDocs hook: the study log's Atom feed at `feed.xml` (see `studysite.feeds`).

Every page links it with `<link rel="alternate">` (overrides/partials/reader-head.html).
"""

from __future__ import annotations

from pathlib import Path

from material.plugins.blog.structure import Post
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from studysite.feeds import FEED_PATH, Entry, atom_feed, make_environment, post_dates

TEMPLATE = "machine/atom.xml.j2"
_entries: dict[str, Entry] = {}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # The feed's template sits in the theme folder, which MkDocs would copy into the site.
    if template := files.get_file_from_path(TEMPLATE):
        files.remove(template)
    _entries.clear()
    return files


def on_page_context(context, page, config: MkDocsConfig, nav):
    if isinstance(page, Post) and not page.config.draft and page.canonical_url:
        dates = post_dates(page.meta.get("date"), page.meta.get("revision_datetime"))
        if dates:
            categories = page.meta.get("categories") or []
            _entries[page.file.src_uri] = Entry(
                title=str(page.title),
                url=page.canonical_url,
                published=dates[0],
                updated=dates[1],
                summary=str(page.meta.get("description") or ""),
                categories=tuple(str(c) for c in categories if isinstance(c, str)),
            )
    return context


def on_post_build(config: MkDocsConfig) -> None:
    if not config.site_url:
        return
    feed = atom_feed(
        make_environment(),
        title=f"{config.site_name} · 공부 기록",
        subtitle="공부하며 남긴 기록입니다.",
        author=config.site_author or config.site_name,
        site_url=config.site_url,
        entries=list(_entries.values()),
    )
    Path(config.site_dir, FEED_PATH).write_text(feed, encoding="utf-8")
