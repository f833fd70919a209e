"""MkDocs hook: serve front-end libraries from the site itself instead of a CDN.

The files come from `node_modules/` next to `mkdocs.yml` (`npm ci`); see `studysite.vendor_assets`.
"""

from __future__ import annotations

from studysite.paths import project_root
from studysite.vendor_assets import add_vendored, vendored_sources


def on_config(config) -> None:
    vendored_sources(project_root(config) / "node_modules")  # fail before the site is cleaned


def on_files(files, config):
    return add_vendored(files, config, project_root(config) / "node_modules")
