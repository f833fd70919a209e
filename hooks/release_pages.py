"""MkDocs hook: each page lets go of its HTML once it is written.

MkDocs keeps every page's HTML until the build ends, so the HTML of all pages is part of the
memory peak at the end of a build, when the search index is written. Nothing reads a page's
HTML after the page is written: the search index takes its sections in `on_page_context`, before
the page's template is rendered. At 1,000 notes this
was about 9 MiB of that peak (bench/README.md), and it grows with every note.

The HTML becomes "" rather than None: MkDocs takes a page whose content is None for one not yet
rendered and looks for its title in the Markdown again. The Markdown stays, for the same title
and for the blog plugin, which renders the excerpts of posts from it; letting it go as well made
no difference to the peak.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page


@event_priority(-100)  # after every other post_page event
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    page.content = ""
    return output
