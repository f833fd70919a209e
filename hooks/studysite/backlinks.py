"""Backlinks: which notes mention each reference page, found from the notes' sources.

Before any page is rendered, every note's Markdown goes through the mention linker once; its
mentions say which reference pages the note names and in which section (the text under one
heading). A section becomes the anchor of its heading: the note's headings alone are rendered
with the site's own Markdown extensions, so the ids are the ones the toc extension gives the
note itself (MkDocs' anchor validation fails a strict build if one ever differs). The reference
templates then render the list as Markdown (`overrides/reference/backlinks.md.j2`), so it is
part of the page: its table of contents, anchors and search index.

Plain Python but for the `markdown` package and one MkDocs helper (`get_heading_text`, the
function MkDocs itself titles a page with).
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.utils.rendering import get_heading_text

from studysite.json_cache import BuildCache
from studysite.mentions import Mention, MentionLinker, Result
from studysite.paths import is_reference
from studysite.render_cache import digest


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    title: str  # as in the table of contents: text, HTML-escaped


@dataclass(frozen=True)
class Outline:
    """What a note's headings render to: each heading's anchor, and the page's title if an h1 leads."""

    headings: tuple[Heading, ...]
    h1_title: str | None


@dataclass(frozen=True)
class Backlink:
    note: str  # src_uri of the note
    title: str  # the note's title, as MkDocs would give it
    anchor: str | None  # id of the section's heading; None for the top of the page
    section_title: str | None


@dataclass(frozen=True)
class Note:
    """A note to scan: its src_uri, its Markdown (front matter removed) and how to title it."""

    src_uri: str
    markdown: str
    title: Callable[[str | None], str]  # h1 title from its outline (or None) -> the page title


class _FirstHeading(Treeprocessor):
    """Records the text of the document's first element if it is an h1, as MkDocs titles a page."""

    title: str | None = None

    def run(self, root):
        self.title = None
        for element in root:
            if element.tag == "h1":
                self.title = get_heading_text(element, self.md)
            break
        return root


class HeadingRenderer:
    """Renders only the headings of a note, with the site's Markdown extensions."""

    def __init__(self, extensions: list, extension_configs: dict):
        self.md = markdown.Markdown(extensions=extensions, extension_configs=extension_configs)
        self.first = _FirstHeading(self.md)
        self.md.treeprocessors.register(self.first, "studysite_first_heading", priority=1)
        self.cache: dict[tuple[str, ...], Outline] = {}

    def outline(self, heading_lines: list[str], leads: bool) -> Outline:
        key = (str(leads), *heading_lines)
        if key not in self.cache:
            self.md.reset()
            self.md.convert("\n\n".join(heading_lines))
            headings = tuple(
                Heading(token["level"], token["id"], token["name"]) for token in _flatten(self.md.toc_tokens)
            )
            self.cache[key] = Outline(headings, self.first.title if leads else None)
        return self.cache[key]


def _flatten(tokens: list[dict]) -> list[dict]:
    flat = []
    for token in tokens:
        flat.append(token)
        flat.extend(_flatten(token["children"]))
    return flat


def leads_with_heading(markdown_text: str, result: Result) -> bool:
    """True when the note's first block is its first heading (then an h1 there titles the page)."""
    if not result.heading_lines:
        return False
    first_line = next((i for i, line in enumerate(markdown_text.split("\n")) if line.strip()), None)
    return first_line == result.heading_lines[0][0]


def section_anchors(headings: list[str], toc: list[Heading]) -> list[tuple[str | None, str | None]]:
    """Anchor and title for each section (index 0: before the first heading).

    Headings map to the rendered table of contents in order. If the counts differ, each heading
    is looked up by its text instead; a heading that cannot be found links to the top of the
    page. A level-1 heading is the page's top as well.
    """
    def entry(item: Heading | None) -> tuple[str | None, str | None]:
        if item is None or item.level == 1:
            return None, None
        return item.id, item.title

    sections = [(None, None)]
    if len(headings) == len(toc):
        return sections + [entry(item) for item in toc]
    by_text = {_plain(item.title): item for item in reversed(toc)}
    return sections + [entry(by_text.get(_plain(heading))) for heading in headings]


def _plain(text: str) -> str:
    """Heading text without Markdown: compare `## **GET** {#get}` with the TOC title `GET`."""
    text = re.sub(r"\{[^}]*\}\s*$", "", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"[\W_]+", "", text)


def scan_note(note: Note, linker: MentionLinker, renderer: HeadingRenderer) -> tuple[Result, Outline | None]:
    """A note's linking result, and the outline of its headings if it mentions a reference page."""
    result = linker.link(note.markdown, note.src_uri)
    if not result.mentions:
        return result, None
    return result, renderer.outline([line for _, line in result.heading_lines], leads_with_heading(note.markdown, result))


class ScanCache(BuildCache):
    """What `scan_note` found for each note, kept between builds (a warm build scans no note
    that did not change). `site` is the build's fingerprint of everything else a scan reads
    (render_cache.site_fingerprint: the data files, the hooks' code, the Markdown extensions and
    the packages' versions), so a change to any of them scans every note again. An entry of
    another shape is scanned again and replaced."""

    FORMAT = "1"

    def __init__(self, path: Path | None, site: str):
        super().__init__(path, self.FORMAT)
        self.site = site

    def scanned(self, note: Note, linker: MentionLinker, renderer: HeadingRenderer) -> tuple[Result, Outline | None]:
        key = digest(self.site, note.src_uri, note.markdown)
        found = self.get(key)
        kept = None if found is None else _scanned_from_json(found)
        if kept is not None:
            return kept
        result, outline = scan_note(note, linker, renderer)
        self.put(key, _scanned_to_json(result, outline))
        return result, outline


def _scanned_to_json(result: Result, outline: Outline | None) -> dict:
    return {
        "markdown": result.markdown,
        "mentions": [[m.target, m.section, m.linked] for m in result.mentions],
        "headings": result.headings,
        "heading_lines": [[index, line] for index, line in result.heading_lines],
        "outline": None if outline is None else {
            "headings": [[h.level, h.id, h.title] for h in outline.headings], "h1_title": outline.h1_title},
    }


def _scanned_from_json(entry) -> tuple[Result, Outline | None] | None:
    """The cached scan, or None for an entry of any other shape (a cache file is only a file)."""
    try:
        outline = entry["outline"]
        result = Result(
            _typed(entry["markdown"], str),
            [Mention(_typed(t, str), _typed(n, int), _typed(linked, bool)) for t, n, linked in entry["mentions"]],
            [_typed(h, str) for h in entry["headings"]],
            [(_typed(i, int), _typed(line, str)) for i, line in entry["heading_lines"]],
        )
        if outline is not None:
            h1 = outline["h1_title"]
            outline = Outline(
                tuple(Heading(_typed(lv, int), _typed(i, str), _typed(t, str)) for lv, i, t in outline["headings"]),
                None if h1 is None else _typed(h1, str),
            )
    except (KeyError, TypeError, ValueError):
        return None
    if result.mentions and outline is None:
        return None
    return result, outline


def _typed(value, kind: type):
    if type(value) is not kind:
        raise TypeError(value)
    return value


def scan(
    notes: Iterable[Note], linker: MentionLinker, renderer: HeadingRenderer, cache: ScanCache | None = None
) -> tuple[dict[str, tuple[str, Result]], dict[str, list[Backlink]]]:
    """Link every note. Return (src_uri -> (Markdown, linking result)) and, for each reference
    page's src_uri, its backlinks in note order."""
    results: dict[str, tuple[str, Result]] = {}
    backlinks: dict[str, list[Backlink]] = defaultdict(list)
    for note in notes:
        result, outline = (cache.scanned if cache is not None else scan_note)(note, linker, renderer)
        results[note.src_uri] = (note.markdown, result)
        if outline is None:
            continue
        title = note.title(outline.h1_title)
        sections = section_anchors(result.headings, list(outline.headings))
        for mention in result.mentions:
            anchor, section_title = sections[mention.section]
            backlinks[mention.target].append(Backlink(note.src_uri, title, anchor, section_title))
    return results, dict(backlinks)


def relative_to(path: str, start: str) -> str:
    """`posixpath.relpath` for two normalised relative paths ("." for the root), without asking
    the OS for the working directory as relpath does on every call (thousands per build)."""
    parts = path.split("/")
    base = [] if start == "." else start.split("/")
    common = 0
    while common < min(len(parts), len(base)) and parts[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:]) or "."


def grouped(links: list[Backlink], page_src_uri: str) -> list[dict]:
    """One entry per note, in note order, each with its distinct sections, as template values.

    Links are relative paths to the notes' Markdown files, which MkDocs turns into URLs (and whose
    anchors it validates).
    """
    notes: dict[str, dict] = {}
    anchors: dict[str, set[str]] = {}
    base = posixpath.dirname(page_src_uri) or "."
    for link in links:
        note = notes.get(link.note)
        if note is None:
            path = relative_to(link.note, base)
            note = notes[link.note] = {"title": link.title, "path": path, "sections": []}
            anchors[link.note] = set()
        if link.anchor and link.anchor not in anchors[link.note]:
            anchors[link.note].add(link.anchor)
            note["sections"].append({"title": link.section_title, "path": f"{note['path']}#{link.anchor}"})
    return list(notes.values())


def is_note(src_uri: str, generated: bool) -> bool:
    """A note is a Markdown file the authors wrote in docs/, outside the generated reference."""
    return not generated and not is_reference(src_uri)


def page_title(explicit: str | None, meta: dict, h1_title: str | None, file_name: str, is_homepage: bool) -> str:
    """The title MkDocs 1.6 gives a page (`Page.title`): nav, front matter, leading h1, file name."""
    if explicit is not None:
        return explicit
    if "title" in meta:
        return meta["title"]
    if h1_title:
        return h1_title
    if is_homepage:
        return "Home"
    title = file_name.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title
