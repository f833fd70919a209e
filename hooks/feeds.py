"""MkDocs hook: the study log's Atom feed at `feed.xml` (see `studysite.feeds`, `studysite.machine`).

Every page links it with `<link rel="alternate">` (overrides/partials/reader-head.html).
"""

from __future__ import annotations

from studysite import machine
from studysite.state import build_state


def on_files(files, config):
    machine.remove_template(files, machine.FEED_TEMPLATE)
    return files


def on_page_context(context, page, config, nav):
    machine.add_feed_entry(page, build_state(config))
    return context


def on_post_build(config) -> None:
    machine.write_feed(config, build_state(config))
