"""MkDocs hook: the HTTP status-code and method reference, generated from `data/`.

Thin event functions over `reference_data` (loading, validation) and `reference_pages`
(rendering). Data is validated in `on_config`, before MkDocs cleans the site directory,
so a bad data file stops the build with `file:line: field: problem` lines and leaves the
previous site untouched.

`mkdocs serve --dirty` re-renders only the pages whose file is modified, and MkDocs counts a
generated page as always modified. Re-rendering the hundred reference pages on every edit
would take most of a dirty rebuild and would also be wrong: their backlinks are gathered from
the notes rendered in the same build, which in a dirty build is only the edited one. So in a
dirty build a reference page whose Markdown is the same as in the previous build keeps its
page from that build.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from studysite.reference_data import Reference, load_reference
from studysite.reference_pages import make_environment, reference_files
from studysite.yaml_lines import DataError

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "overrides" / "reference"
OVERVIEWS = ("reference/status/index.md", "reference/methods/index.md")

reference: Reference | None = None
_dirty = False
# src_uri -> Markdown of each generated page in the last finished build, and in this one.
_built: dict[str, str] = {}
_building: dict[str, str] = {}


def unchanged_since_last_build(file: File, content: str) -> bool:
    """True when a dirty build may keep the page written for `file` by the previous build."""
    return _built.get(file.src_uri) == content and os.path.isfile(file.abs_dest_path)


def on_startup(command: str, dirty: bool) -> None:
    global _dirty
    _dirty = dirty


def on_config(config: MkDocsConfig) -> None:
    global reference
    try:
        reference = load_reference(ROOT)
    except DataError as error:
        raise PluginError(f"invalid reference data ({len(error.problems)} problems):\n{error}") from None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # The page templates sit in the theme folder, which MkDocs would copy into the site as
    # static files; they are inputs of this hook, not part of the site.
    for template in [f for f in files if f.src_uri.endswith(".md.j2")]:
        files.remove(template)
    env = make_environment(TEMPLATES)
    _building.clear()
    for src_uri, (content, data_file) in reference_files(env, reference).items():
        if existing := files.get_file_from_path(src_uri):
            files.remove(existing)
        inclusion = InclusionLevel.UNDEFINED if src_uri in OVERVIEWS else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, src_uri, content=content, inclusion=inclusion)
        # The edit button of a generated page opens the data record's file, not docs/.
        file.edit_uri = f"../{data_file}"
        if _dirty and unchanged_since_last_build(file, content):
            file.is_modified = lambda: False
        _building[src_uri] = content
        files.append(file)
    return files


def on_post_build(config: MkDocsConfig) -> None:
    # Only a finished build's pages are on disk to be kept.
    _built.clear()
    _built.update(_building)
    _building.clear()
