"""Where things are: one source of truth for the reference's source paths and URLs, the data
files and the folders a build reads.

Every generated page, mention link, JSON record and template takes its path from here, so a
record's address is derived in one place. Folders come from the MkDocs config (the folder of
`mkdocs.yml`, `theme.custom_dir`), never from where this file happens to be.
"""

from __future__ import annotations

from pathlib import Path

# Data files, relative to the project root (edit links of generated pages point at them).
STATUS_FILE = "data/status_codes.yml"
METHODS_FILE = "data/methods.yml"
GLOSSARY_FILE = "data/glossary.yml"
ALIASES_FILE = "data/search_aliases.yml"

# Generated pages and exports, as src_uri inside docs/.
REFERENCE_DIR = "reference/"
STATUS_INDEX = "reference/status/index.md"
METHODS_INDEX = "reference/methods/index.md"
GLOSSARY_PAGE = "glossary.md"
STATUS_JSON = "api/status-codes.json"
METHODS_JSON = "api/methods.json"

CHEATSHEET_PAGE = "reference/cheatsheet.md"

# Inside the theme's custom_dir (overrides/): the templates of generated pages, and of the
# machine-readable files (feed, llms.txt).
TEMPLATES_DIR = "reference"
MACHINE_TEMPLATES_DIR = "machine"


def status_src_uri(code: int) -> str:
    return f"reference/status/{code}.md"


def method_slug(method: str) -> str:
    return method.lower()


def method_src_uri(method: str) -> str:
    return f"reference/methods/{method_slug(method)}.md"


def page_url(src_uri: str) -> str:
    """The site URL of a page (directory URLs): "reference/status/404.md" -> "reference/status/404/"."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def is_reference(src_uri: str) -> bool:
    return src_uri.startswith(REFERENCE_DIR)


def project_root(config) -> Path:
    """The folder of `mkdocs.yml`: data/, node_modules/ and .cache/ sit there."""
    return Path(config.config_file_path).resolve().parent


def templates_dir(config) -> Path:
    """The templates of generated pages: `<theme.custom_dir>/reference`."""
    return Path(config.theme.custom_dir) / TEMPLATES_DIR


def machine_templates_dir(config) -> Path:
    """The templates of the feed and llms.txt: `<theme.custom_dir>/machine`."""
    return Path(config.theme.custom_dir) / MACHINE_TEMPLATES_DIR
