"""MkDocs hook: goals, prerequisites, reading time, quizzes and the learning path.

`on_files` checks every note's front matter and the quiz files (after the generated pages are
added); `on_page_markdown` adds the intro box, the quiz, "다음에 읽을 노트" and, on the home page,
the learning path. List it after crosslinks and glossary: their Markdown rewriting must not reach
the HTML it adds. The work is in `studysite.learning_pages`.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from studysite import learning_pages
from studysite.state import build_state


@event_priority(-50)  # After the hooks and plugins that add generated pages.
def on_files(files, config):
    state = build_state(config)
    state.learning = learning_pages.check_notes(files, config, state.root)
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    return learning_pages.with_learning_aids(markdown, page, build_state(config).learning)
