"""MkDocs hook: the glossary in `data/glossary.yml` drives abbreviation tooltips and a page.

- `on_config` validates the data (before MkDocs cleans the site directory) and adds
  `FocusableAbbrExtension` after Python-Markdown's `abbr`, so abbreviations work next to
  Korean particles and can be focused from the keyboard.
- `on_files` generates `glossary.md` from `overrides/reference/glossary.md.j2`.
- `on_page_markdown` appends `*[TERM]: tooltip` definitions for the terms a page uses.
  They go at the very end of the Markdown, after a blank line, never inside a code block;
  the `abbr` extension never marks up code, and this project's variant skips links too.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from studysite.glossary_data import GLOSSARY_FILE, FocusableAbbrExtension, Glossary, load_glossary
from studysite.reference_pages import make_environment
from studysite.yaml_lines import DataError

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "overrides" / "reference"
PAGE = "glossary.md"

glossary: Glossary | None = None
pattern: re.Pattern | None = None


def on_config(config: MkDocsConfig) -> None:
    global glossary, pattern
    try:
        glossary = load_glossary(ROOT)
    except DataError as error:
        raise PluginError(f"invalid glossary data ({len(error.problems)} problems):\n{error}") from None
    pattern = glossary.pattern()
    if "abbr" not in config.markdown_extensions:
        raise PluginError("hooks/glossary.py needs the `abbr` Markdown extension in mkdocs.yml")
    config.markdown_extensions.append(FocusableAbbrExtension())


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if existing := files.get_file_from_path(PAGE):
        files.remove(existing)
    content = render_glossary_page(glossary)
    file = File.generated(config, PAGE, content=content)
    file.edit_uri = f"../{GLOSSARY_FILE}"
    files.append(file)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    if page.file.src_uri == PAGE:
        return markdown  # the page spells every term out already
    definitions = glossary.definitions(markdown, pattern)
    return f"{markdown}\n\n{definitions}\n" if definitions else markdown


def render_glossary_page(glossary: Glossary) -> str:
    env = make_environment(TEMPLATES)
    return env.get_template("glossary.md.j2").render(
        abbreviations=sorted(glossary.abbreviations, key=lambda t: t.term.casefold()),
        translations=glossary.translations,
    )
