"""MkDocs hook: pages whose template context did not change are not drawn again.

The cache and the key are in `studysite.page_cache`; tests/test_page_cache.py builds the site
drawn, from the cache, and without this hook, and compares every file.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from studysite import page_cache
from studysite.paths import project_root
from studysite.state import SESSION


def on_startup(command: str, dirty: bool) -> None:
    SESSION.start(command, dirty)


def on_config(config) -> None:
    page_cache.start_build(config, project_root(config))


def on_env(env, config, files):
    page_cache.use_environment(env, files)
    return env


# After every other on_page_context (the blog plugin's runs at -100): the context is final.
@event_priority(-200)
def on_page_context(context, page, config, nav):
    if page_cache.active() is not None:
        page_cache.active().prepare(context, page, nav)
    return context


def on_post_build(config) -> None:
    page_cache.finish_build(save=True, complete=not SESSION.dirty)


def on_build_error(error: Exception) -> None:
    page_cache.finish_build(save=False)
