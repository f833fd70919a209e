"""MkDocs hook: the Flask project track's per-chapter zips; the logic is `studysite.project_downloads`."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from studysite.project_downloads import DownloadError, add_downloads
from studysite.state import build_state


def on_files(files, config):
    try:
        return add_downloads(files, config, build_state(config).root)
    except DownloadError as error:
        raise PluginError(str(error)) from None
