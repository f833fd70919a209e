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

import os
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


MAX_SNIPPET_BYTES = 256 * 1024
MAX_SNIPPET_DEPTH = 4


def _snippet_names(text: str):
    """(line, name as written) of every `--8<--` include in `text`."""
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
        yield number, name


def _snippet_path_problem(path: str) -> str | None:
    """Why a snippet path may not be used, or None. Only plain relative paths are included."""
    if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", path) or path.startswith("//"):
        return f"included file {path!r} is a URL; only files of the repository can be included"
    if path.startswith(("/", "\\", "~")) or re.match(r"[a-zA-Z]:", path):
        return f"included file {path!r} is an absolute path; write it relative to the repository"
    if ".." in re.split(r"[\\/]", path):
        return f"included file {path!r} climbs out with ..; write it relative to the repository"
    return None


def check_snippets(text: str, display: str, base_paths: list[Path], root: Path | None = None,
                   depth: int = 0, seen: set | None = None) -> list[Problem]:
    """Every `--8<--` include must name an existing UTF-8 file under one of `base_paths`.

    With `root`, an included file must also resolve (symbolic links followed) inside it, and
    the files it includes in turn are checked the same way, each problem at its own line.
    """
    problems = []
    seen = set() if seen is None else seen
    for number, name in _snippet_names(text):
        path = SNIPPET_SPEC.sub("", name)
        refused = _snippet_path_problem(path)
        if refused:
            problems.append(Problem(display, number, "snippet", refused))
            continue
        found = next((base / path for base in base_paths if (base / path).is_file()), None)
        if found is None:
            problems.append(Problem(display, number, "snippet", f"included file {path!r} not found"))
            continue
        if root is None:
            continue
        real = os.path.realpath(found)
        if not real.startswith(os.path.realpath(root) + os.sep):
            problems.append(Problem(display, number, "snippet", f"included file {path!r} resolves outside the repository"))
            continue
        if real in seen:
            continue
        seen.add(real)
        shown = Path(real).relative_to(os.path.realpath(root)).as_posix()
        data = Path(real).read_bytes()
        if len(data) > MAX_SNIPPET_BYTES:
            problems.append(Problem(display, number, "snippet", f"included file {path!r} is larger than {MAX_SNIPPET_BYTES:,} bytes"))
            continue
        included, decode_problems = decode(data, shown)
        problems += decode_problems
        if included is not None and depth < MAX_SNIPPET_DEPTH:
            problems += check_snippets(included, shown, base_paths, root, depth + 1, seen)
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


def check_note(data: bytes, display: str, src_uri: str, base_paths: list[Path], is_page: Callable[[str], bool],
               root: Path | None = None):
    """All source checks of one note: (problems, links whose anchors are checked after rendering)."""
    text, problems = decode(data, display)
    if text is None:
        return problems, []
    problems += check_admonitions(text, display)
    problems += check_snippets(text, display, base_paths, root)
    link_problems, anchored = check_link_targets(find_links(text, src_uri), display, is_page)
    problems += link_problems
    return sorted(problems, key=lambda p: p.line), anchored
