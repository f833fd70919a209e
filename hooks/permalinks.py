"""MkDocs hook: heading permalinks get an `aria-label` instead of a tooltip `title`.

See `studysite.permalinks` for why (a tooltip per heading was a visible part of a long note's
blocking time).
"""

from __future__ import annotations

from studysite.permalinks import label_permalinks, permalink_title


def on_page_content(content: str, page, config, files) -> str:
    return label_permalinks(content, permalink_title(config))
