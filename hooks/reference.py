"""MkDocs hook: the HTTP status-code and method reference, generated from `data/`.

Events only; the work is in `studysite.site_files` (pages into the build, backlinks),
`studysite.reference_data` (loading, validation) and `studysite.reference_pages` (rendering).
Data is validated in `on_config`, before MkDocs cleans the site directory, so a bad data file
stops the build with `file:line: field: problem` lines and leaves the previous site untouched.
The backlinks are found in `on_nav`: pages have their nav titles then, and none is read yet.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from studysite import site_files
from studysite.state import SESSION, build_state


def on_startup(command: str, dirty: bool) -> None:
    SESSION.start(command, dirty)


def on_config(config) -> None:
    build_state(config).reference  # noqa: B018 (loads and validates the data)


def on_files(files, config):
    return site_files.add_reference(files, config, build_state(config))


@event_priority(-100)  # after the blog plugin's on_nav (-50) has put its posts back into the build
def on_nav(nav, config, files):
    site_files.add_backlinks(files, config, build_state(config), SESSION)
    return nav


def on_post_build(config) -> None:
    site_files.finish_reference(build_state(config), SESSION)
