"""MkDocs hook: the Flask project track's per-chapter zips; the logic is `studysite.project_downloads`."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from studysite.project_downloads import DownloadError, download_files


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent
    try:
        downloads = download_files(root)
    except DownloadError as error:
        raise PluginError(str(error)) from None
    for uri, content in downloads.items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, uri, content=content))
    return files
