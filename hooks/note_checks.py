"""MkDocs hook: stop the build with `file:line: field: problem` lines for broken notes.

Sources are checked in `on_files` (after the hooks that add generated pages), anchors in
`on_env` (every page is rendered then, none written); see `studysite.note_checks`.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from studysite.note_checks import CLEAN_CACHE, check_anchor_links, check_sources
from studysite.state import build_state


@event_priority(-100)  # After the hooks and plugins that add generated pages.
def on_files(files, config):
    state = build_state(config)
    state.anchored_links = check_sources(files, config, state.glossary, CLEAN_CACHE)
    return files


def on_env(env, config, files):
    check_anchor_links(build_state(config).anchored_links, files)
    return env
