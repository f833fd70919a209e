"""Checks on the Markdown source of the notes, each problem as `file:line: field: problem`.

Plain Python (no MkDocs import). What is checked, and why each is worth a check:

- encoding: a note that is not UTF-8 makes MkDocs stop with a traceback;
- snippet: a `--8<--` include of a missing file makes pymdown-extensions (check_paths: true)
  stop with a traceback that names neither the note nor the line;
- admonition: `!!! warnnig` is valid Markdown, so a misspelt type silently renders as an
  unstyled box; only the types Material styles are accepted;
- link: a link to a missing page or anchor is reported by MkDocs without a line number,
  and only after every page is written; here it gets the note's line.

Lines are those of the file on disk (front matter included), so an editor jumps right there.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from studysite.yaml_lines import Problem

# Material for MkDocs' admonition types and their aliases (reference/admonitions).
ADMONITION_TYPES = frozenset(
    "note abstract summary tldr info todo tip hint important success check done question help "
    "faq warning caution attention failure fail missing danger error bug example quote cite".split()
)
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)[ \t]+([^\s\"]+)")

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+).+?\1")
# pymdownx.snippets: `--8<-- "file"` on one line, or a block of file names between two
# bare `--8<--` lines; a leading `;` escapes the marker.
SNIPPET_INLINE = re.compile(r"""^\s*-+8<-+[ \t]+(?:"((?:\\"|[^"])+?)"|'((?:\\'|[^'])+?)')\s*$""")
SNIPPET_BLOCK = re.compile(r"^\s*-+8<-+\s*$")
# A line range (`:3:7`, `:3,9`) or a section name (`:setup`) after a snippet's path.
SNIPPET_SPEC = re.compile(r"(?i)(?::-?[0-9]*){1,2}(?:,-?[0-9]*(?::-?[0-9]*)?)*$|:[a-z][-_0-9a-z]*$")

INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[(?!\^)[^\]]+\]:\s*<?([^\s>]+)>?")


@dataclass(frozen=True)
class Link:
    """A link to a page (`src_uri` of the target, or None for this page) with an anchor."""

    line: int
    written: str
    target: str | None
    anchor: str


def decode(data: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """The note's text, or the line where it stops being UTF-8."""
    data = data.removeprefix(b"\xef\xbb\xbf")  # A byte order mark is allowed, as MkDocs allows it.
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [Problem(display, line, "file", "not valid UTF-8")]


def _lines(text: str) -> Iterator[tuple[int, str, bool]]:
    """Yield (line number, line, inside a code fence) for each line of a note."""
    fence = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
            yield number, line, True
        elif fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) and not line.strip(" `~"):
                fence = None
            yield number, line, True
        else:
            yield number, line, False


def check_admonitions(text: str, display: str, known: frozenset[str] = ADMONITION_TYPES) -> list[Problem]:
    problems = []
    for number, line, in_fence in _lines(text):
        match = None if in_fence else ADMONITION.match(line)
        if match and match.group(1).lower() not in known:
            problems.append(
                Problem(display, number, "admonition", f"unknown type {match.group(1)!r} (Material styles: note, "
                        "abstract, info, tip, success, question, warning, failure, danger, bug, example, quote)")
            )
    return problems


def check_snippets(text: str, display: str, base_paths: list[Path]) -> list[Problem]:
    """Every `--8<--` include must name an existing file under one of `base_paths`."""
    problems = []
    in_block = False
    # Snippets are expanded before code fences are parsed, so markers inside fences count.
    for number, line in enumerate(text.splitlines(), start=1):
        if SNIPPET_BLOCK.match(line):
            in_block = not in_block
            continue
        if in_block:
            name = line.strip()
            if not name or name.startswith(";"):
                continue
        else:
            match = SNIPPET_INLINE.match(line)
            if not match:
                continue
            name = match.group(1) or match.group(2)
        if "://" in name:
            continue
        path = SNIPPET_SPEC.sub("", name)
        if not any((base / path).is_file() for base in base_paths):
            problems.append(Problem(display, number, "snippet", f"included file {path!r} not found"))
    return problems


def find_links(text: str, src_uri: str) -> list[tuple[int, str, str | None, str]]:
    """Every relative link to a Markdown page or anchor: (line, as written, target src_uri, anchor).

    The target is None for a link to an anchor on the same page; links to other kinds of
    files, external URLs and anything inside code are left to MkDocs.
    """
    links = []
    for number, line, in_fence in _lines(text):
        if in_fence:
            continue
        prose = CODE_SPAN.sub("", line)
        written = [m.group(1) for m in INLINE_LINK.finditer(prose)]
        written += [m.group(1) for m in REFERENCE_DEFINITION.finditer(prose)]
        for url in written:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                continue
            path = unquote(parts.path)
            if not path:
                if parts.fragment:
                    links.append((number, url, None, parts.fragment))
                continue
            if not path.endswith(".md"):
                continue
            if path.startswith("/"):  # validation.links.absolute_links: relative_to_docs
                target = posixpath.normpath(path.lstrip("/"))
            else:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
            links.append((number, url, target, parts.fragment))
    return links


def check_link_targets(links, display: str, is_page: Callable[[str], bool]) -> tuple[list[Problem], list[Link]]:
    """Report links to missing pages; return the links whose anchors are still to check."""
    problems, anchored = [], []
    for number, url, target, anchor in links:
        if target is not None and not is_page(target):
            problems.append(Problem(display, number, "link", f"no page {target!r} (linked as {url!r})"))
        elif anchor:
            anchored.append(Link(number, url, target, anchor))
    return problems, anchored


def check_anchors(links: list[Link], display: str, src_uri: str, anchors_of: Callable[[str], set[str] | None]) -> list[Problem]:
    """Report anchors missing on their target page; `anchors_of` returns None if unknown."""
    problems = []
    for link in links:
        target = link.target or src_uri
        present = anchors_of(target)
        if present is None or link.anchor in present:
            continue
        where = "this page" if link.target is None else repr(target)
        problems.append(Problem(display, link.line, "link", f"no anchor '#{link.anchor}' on {where} (linked as {link.written!r})"))
    return problems


def check_note(data: bytes, display: str, src_uri: str, base_paths: list[Path], is_page: Callable[[str], bool]):
    """All source checks of one note: (problems, links whose anchors are checked after rendering)."""
    text, problems = decode(data, display)
    if text is None:
        return problems, []
    problems += check_admonitions(text, display)
    problems += check_snippets(text, display, base_paths)
    link_problems, anchored = check_link_targets(find_links(text, src_uri), display, is_page)
    problems += link_problems
    return sorted(problems, key=lambda p: p.line), anchored
