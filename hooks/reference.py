"""MkDocs hook: the HTTP status-code and method reference, generated from `data/`.

Thin event functions over `reference_data` (loading, validation) and `reference_pages`
(rendering). Data is validated in `on_config`, before MkDocs cleans the site directory,
so a bad data file stops the build with `file:line: field: problem` lines and leaves the
previous site untouched.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from reference_data import Reference, load_reference
from reference_pages import make_environment, reference_files
from yaml_lines import DataError

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "overrides" / "reference"
OVERVIEWS = ("reference/status/index.md", "reference/methods/index.md")

reference: Reference | None = None


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
    for src_uri, (content, data_file) in reference_files(env, reference).items():
        if existing := files.get_file_from_path(src_uri):
            files.remove(existing)
        inclusion = InclusionLevel.UNDEFINED if src_uri in OVERVIEWS else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, src_uri, content=content, inclusion=inclusion)
        # The edit button of a generated page opens the data record's file, not docs/.
        file.edit_uri = f"../{data_file}"
        files.append(file)
    return files
