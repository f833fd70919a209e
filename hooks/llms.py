"""MkDocs hook: `llms.txt`, `llms-full.txt` and a Markdown copy of each listed page.

The sections follow the navigation (after the reference pages are placed in it); pages outside
the navigation (the study log's posts) come last, under "Optional" as llmstxt.org names what may
be skipped. Only pages with a `description` are listed. See `studysite.llms`, `studysite.machine`.
"""

from __future__ import annotations

from studysite import machine
from studysite.state import build_state


def on_files(files, config):
    machine.remove_template(files, machine.LLMS_TEMPLATE)
    return files


def on_nav(nav, config, files):
    state = build_state(config)
    state.nav, state.files = nav, files
    return nav


def on_post_build(config) -> None:
    machine.write_llms(config, build_state(config))
