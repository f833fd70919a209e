"""MkDocs hook: Korean search on top of Material's search plugin.

Search entries gain Korean morpheme fields, and Material's `lunr.ko.min.js` gains a query
script that strips particles and endings; the work is in `studysite.korean_search`. A build
hands each page's entries to a second process as they are made (`studysite.field_worker`).
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from studysite import korean_search
from studysite.state import SESSION, build_state


def on_startup(command: str, dirty: bool) -> None:
    SESSION.start(command, dirty)


def on_config(config) -> None:
    state = build_state(config)
    state.search_aliases = korean_search.check_search_config(config, state.glossary.terms)


def on_files(files, config):
    return korean_search.add_lunr_ko(files, config)


def on_nav(nav, config, files):
    build_state(config).nav = nav  # for the section titles of the index pages
    return nav


def on_pre_build(config) -> None:
    korean_search.start_fields(config, build_state(config).search_aliases, serving=SESSION.serving, dirty=SESSION.dirty)


@event_priority(-50)  # after the search plugin has made the page's entries
def on_page_context(context, page, config, nav):
    korean_search.send_new_entries(config)
    return context


@event_priority(50)  # before the search plugin (priority 0) and search_sections.py (-10) write the index
def on_post_build(config) -> None:
    state = build_state(config)
    korean_search.add_index_morphs(config, state.search_aliases, serving=SESSION.serving, dirty=SESSION.dirty,
                                   nav=state.nav)


def on_build_error(error: Exception) -> None:
    korean_search.stop_fields()
