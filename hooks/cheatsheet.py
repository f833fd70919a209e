"""MkDocs hook: the printable status-code and method cheat sheet, generated from `data/`.

Thin adapter over `studysite.cheatsheet`. The data is validated by hooks/reference.py, which
stops the build first when it is wrong; here it is only read again.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from studysite.reference_data import STATUS_FILE, load_reference
from studysite.reference_pages import make_environment
from studysite.cheatsheet import SRC_URI, render_cheatsheet
from studysite.yaml_lines import DataError

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "overrides" / "reference"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    try:
        reference = load_reference(ROOT)
    except DataError:
        return files  # hooks/reference.py has reported every problem in on_config
    content = render_cheatsheet(make_environment(TEMPLATES), reference)
    if existing := files.get_file_from_path(SRC_URI):
        files.remove(existing)
    file = File.generated(config, SRC_URI, content=content)
    file.edit_uri = f"../{STATUS_FILE}"
    files.append(file)
    return files
