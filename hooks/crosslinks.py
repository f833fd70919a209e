"""MkDocs hook: notes link the status codes and methods they name to the reference.

`studysite.mentions.MentionLinker` does the linking. Every note was linked once already, before
any page was rendered, to find the backlinks that the reference pages list (`hooks/reference.py`,
`studysite.backlinks`); a note whose Markdown is still the same takes that result.
"""

from __future__ import annotations

from studysite import site_files
from studysite.backlinks import is_note
from studysite.state import build_state


def on_page_markdown(markdown: str, page, config, files) -> str:
    if not is_note(page.file.src_uri, page.file.generated_by is not None):
        return markdown
    return site_files.linked_markdown(build_state(config), markdown, page.file.src_uri)
