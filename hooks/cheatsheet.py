"""MkDocs hook: the printable status-code and method cheat sheet, generated from `data/`.

The data is loaded and validated once per build (`studysite.state`); the page is rendered by
`studysite.cheatsheet` and added by `studysite.site_files`.
"""

from __future__ import annotations

from studysite import site_files
from studysite.state import build_state


def on_files(files, config):
    return site_files.add_cheatsheet(files, config, build_state(config))
