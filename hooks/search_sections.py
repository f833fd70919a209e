"""MkDocs hook: Material's search index from cached page sections, written once as UTF-8.

The work is in `studysite.search_sections`; see its docstring for what changes and why the index
stays the same (tests/test_search_sections.py compares it with Material's own).
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from studysite import search_sections
from studysite.state import SESSION


def on_startup(command: str, dirty: bool) -> None:
    SESSION.start(command, dirty)


def on_config(config) -> None:
    # Runs after the search plugin's on_config (plugins come before hooks), which makes a new index.
    search_sections.install_cached_index(config)


@event_priority(-10)  # after the search plugin (priority 0) has merged the entries
def on_post_build(config) -> None:
    search_sections.write_cached_index(config, dirty=SESSION.dirty)
