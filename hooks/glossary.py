"""MkDocs hook: the glossary in `data/glossary.yml` drives abbreviation tooltips and a page.

- `on_config` validates the data (before MkDocs cleans the site directory) and adds
  `FocusableAbbrExtension` after Python-Markdown's `abbr`, so abbreviations work next to
  Korean particles and can be focused from the keyboard.
- `on_files` generates `glossary.md` from `overrides/reference/glossary.md.j2`.
- `on_page_markdown` appends `*[TERM]: tooltip` definitions for the terms a page uses.
  They go at the end of the note's Markdown (only the learning hook's boxes follow), after a
  blank line, never inside a code block; the `abbr` extension never marks up code, and this
  project's variant skips links too.

The work is in `studysite.site_files` and `studysite.glossary_data`.
"""

from __future__ import annotations

from studysite import site_files
from studysite.state import build_state


def on_config(config) -> None:
    site_files.add_abbreviations(config, build_state(config))


def on_files(files, config):
    return site_files.add_glossary(files, config, build_state(config))


def on_page_markdown(markdown: str, page, config, files) -> str:
    return site_files.with_definitions(markdown, page.file.src_uri, build_state(config))
