"""MkDocs hook: pages whose Markdown and inputs did not change are not converted again, and a
build converts pages ahead on the second core.

The cache and the wrapper around `Page.render` live in `studysite.render_cache`, the forked copy
that converts ahead in `studysite.render_ahead`.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from studysite import render_ahead, render_cache
from studysite.note_checks import snippet_bases
from studysite.paths import project_root
from studysite.state import SESSION


def on_startup(command: str, dirty: bool) -> None:
    SESSION.start(command, dirty)


def on_config(config) -> None:
    root = project_root(config)
    render_cache.start_build(config, root, snippet_bases(config, root))


@event_priority(-100)  # after every other on_nav: the pages and their order are final
def on_nav(nav, config, files):
    render_ahead.start(config, files, render_cache.active(), serving=SESSION.serving, dirty=SESSION.dirty)
    return nav


def on_post_build(config) -> None:
    render_cache.finish_build(save=True, keep_unseen=SESSION.dirty)


def on_build_error(error: Exception) -> None:
    render_cache.finish_build(save=False)


def on_shutdown() -> None:
    render_cache.stop()
