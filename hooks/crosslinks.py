"""MkDocs hook: notes link to the reference, and reference pages list the notes (backlinks).

Thin event functions over `mentions.MentionLinker` (pure, unit-tested):

- `on_config` builds the linker once per build from the reference records that
  `hooks/reference.py` has just loaded, and clears the previous build's state
  (`mkdocs serve` reuses this module for every rebuild).
- `on_page_markdown` links mentions in each note and remembers them with their section.
- `on_page_content` turns sections into anchors from the rendered page's table of contents.
- `on_page_context` runs only after every page has been rendered (MkDocs renders all pages
  first, then builds each one), so by then every mention is known: each reference page gets
  its "이 주제를 다루는 노트" list from `overrides/partials/backlinks.html`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, Template
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from studysite.mentions import MentionLinker, Result
from studysite.permalinks import permalink_title
from studysite.reference_data import COMMON_METHODS, Reference, load_reference
from studysite.yaml_lines import DataError

ROOT = Path(__file__).resolve().parent.parent
BACKLINKS_ID = "backlinks"
BACKLINKS_TITLE = "이 주제를 다루는 노트"

linker: MentionLinker | None = None
template: Template | None = None
# Per build: the linking result of each note until its HTML is ready (then only its backlinks are
# kept), and the notes that mention each reference page.
results: dict[str, Result] = {}
backlinks: dict[str, list[Backlink]] = defaultdict(list)


@dataclass(frozen=True)
class Backlink:
    note: Page
    anchor: str | None  # id of the section's heading; None for the top of the page
    section_title: str | None


def on_config(config: MkDocsConfig) -> None:
    global linker
    reference = _reference(config)
    linker = MentionLinker(
        {record.code: record.phrase for record in reference.status_codes},
        [record.method for record in reference.methods if record.method in COMMON_METHODS],
    )
    results.clear()
    backlinks.clear()


def on_env(env: Environment, config: MkDocsConfig, files) -> Environment:
    global template
    template = env.get_template("partials/backlinks.html")
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    if not is_note(page):
        return markdown
    result = linker.link(markdown, page.file.src_uri)
    results[page.file.src_uri] = result
    return result.markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    result = results.pop(page.file.src_uri, None)
    if result is None:
        return html
    sections = section_anchors(result.headings, _flatten(page.toc))
    for mention in result.mentions:
        anchor, title = sections[mention.section]
        backlinks[mention.target].append(Backlink(page, anchor, title))
    return html


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    links = backlinks.get(page.file.src_uri)
    if not links:
        return context
    page.content += template.render(
        id=BACKLINKS_ID, title=BACKLINKS_TITLE, permalink=permalink_title(config), notes=group_backlinks(links, page)
    )
    if page.toc.items:
        # Under the page's h1 when there is one, so the sidebar shows it with the other h2s.
        parent = page.toc.items[0].children if page.toc.items[0].level == 1 else page.toc.items
        parent.append(AnchorLink(BACKLINKS_TITLE, BACKLINKS_ID, 2))
    return context


def is_note(page: Page) -> bool:
    """A note is a Markdown file the authors wrote in docs/, outside the generated reference."""
    file = page.file
    return file.generated_by is None and not file.src_uri.startswith("reference/")


def section_anchors(headings: list[str], toc: list[AnchorLink]) -> list[tuple[str | None, str | None]]:
    """Anchor and title for each section (index 0: before the first heading).

    Headings map to the rendered table of contents in order. If the counts differ (a snippet
    added a heading), each heading is looked up by its text instead; a heading that cannot
    be found links to the top of the page. A level-1 heading is the page's top as well.
    """
    def entry(item: AnchorLink | None) -> tuple[str | None, str | None]:
        if item is None or item.level == 1:
            return None, None
        return item.id, item.title

    sections = [(None, None)]
    if len(headings) == len(toc):
        return sections + [entry(item) for item in toc]
    by_text = {_plain(item.title): item for item in reversed(toc)}
    return sections + [entry(by_text.get(_plain(heading))) for heading in headings]


def group_backlinks(links: list[Backlink], page: Page) -> list[dict]:
    """One entry per note, in the order notes were built, each with its distinct sections."""
    notes: dict[str, dict] = {}
    for link in links:
        url = get_relative_url(link.note.url, page.url)
        if link.note.url.endswith("/") or not link.note.url:
            url = url.rstrip("/") + "/"  # "../../.." -> "../../../": the directory, not a file
        note = notes.setdefault(link.note.file.src_uri, {"title": link.note.title, "url": url, "sections": []})
        if link.anchor and all(s["url"] != f"{url}#{link.anchor}" for s in note["sections"]):
            note["sections"].append({"title": link.section_title, "url": f"{url}#{link.anchor}"})
    return list(notes.values())


def _flatten(items) -> list[AnchorLink]:
    flat = []
    for item in items:
        flat.append(item)
        flat.extend(_flatten(item.children))
    return flat


def _plain(text: str) -> str:
    """Heading text without Markdown: compare `## **GET** {#get}` with the TOC title `GET`."""
    text = re.sub(r"\{[^}]*\}\s*$", "", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"[\W_]+", "", text)


def _reference(config: MkDocsConfig) -> Reference:
    """The records `hooks/reference.py` loaded in its own `on_config`, or a fresh load."""
    for module in (config.hooks or {}).values():
        if Path(getattr(module, "__file__", "")).resolve() == ROOT / "hooks" / "reference.py":
            if getattr(module, "reference", None) is not None:
                return module.reference
    try:
        return load_reference(ROOT)
    except DataError as error:
        raise PluginError(f"invalid reference data ({len(error.problems)} problems):\n{error}") from None
