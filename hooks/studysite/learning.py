"""Goals, prerequisites, reading time and the learning path of the notes (no MkDocs import).

- `read_note` reads a note's front matter with the line of every item: `goals` (2 to 5
  sentences) and `prerequisites` (page paths relative to `docs/`). Both are optional here (a
  note without them shows no box); when present they must be valid, and every problem is a
  `file:line: field: problem` line.
- `find_cycles` reports prerequisite cycles at the line of the item that closes them.
- `reading_minutes` estimates reading time from the text, code excluded.
- `build_path` orders each nav track topologically, keeping nav order where the graph allows;
  `next_notes` lists the notes to read next: those that name this one as a prerequisite,
  else the next note of the path.
- `render_*` fill the Jinja2 templates in `overrides/` (autoescaped; see `inline_html`).
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from jinja2 import Environment
from markupsafe import Markup, escape

from studysite.note_lint import _lines as note_lines
from studysite.reference_pages import make_environment
from studysite.yaml_lines import Problem, compose_untrusted

# The front matter block exactly as MkDocs finds it (mkdocs.utils.meta.YAML_RE).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
GOALS_MIN, GOALS_MAX = 2, 5

HANGUL = re.compile(r"[\uac00-\ud7a3]")
WORD = re.compile(r"[A-Za-z0-9]+(?:['’.\-][A-Za-z0-9]+)*")
HANGUL_PER_MINUTE = 500
WORDS_PER_MINUTE = 200

CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)
SNIPPET = re.compile(r"^\s*-+8<-+")
LINK_TARGET = re.compile(r"\]\([^)]*\)|\]\[[^\]]*\]")
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")
HTML_TAG = re.compile(r"<[^>]*>")
ATTR_LIST = re.compile(r"\{[:#.][^}]*\}|\{\s*#[^}]*\}")
H1 = re.compile(r"^#[ \t]+(.+?)[ \t]*#*[ \t]*$")


@dataclass(frozen=True)
class Note:
    """What the learning aids know about one note."""

    src_uri: str
    display: str
    title: str
    minutes: int
    goals: tuple[str, ...] = ()
    prerequisites: tuple[str, ...] = ()
    # Line of each prerequisite item in the file (front matter lines count from 1 at `---`).
    prerequisite_lines: tuple[int, ...] = ()
    has_goals: bool = False
    has_prerequisites: bool = False


# --- reading one note ----------------------------------------------------------------------


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter YAML or None, the body, the line number where the body starts)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text, 1
    return match.group(1), text[match.end() :], text[: match.end()].count("\n") + 1


def read_note(text: str, display: str, src_uri: str, is_page: Callable[[str], bool]) -> tuple[Note, list[Problem]]:
    """The note's goals, prerequisites, title and reading time, and the problems found."""
    front, body, _ = split_front_matter(text)
    problems: list[Problem] = []
    mapping: dict[str, tuple[yaml.Node, int]] = {}
    if front is not None:
        # The guarded composer: no aliases, tags or deep nesting (a recursion error otherwise).
        root, refused = compose_untrusted(front, display, first_line=2, field="front matter")
        if refused:
            return Note(src_uri, display, _title(body, None, src_uri), reading_minutes(body)), refused
        if isinstance(root, yaml.MappingNode):
            for key, value in root.value:
                if isinstance(key, yaml.ScalarNode):  # other keys: reported by studysite.untrusted
                    mapping[key.value] = (value, key.start_mark.line + 2)

    goals: tuple[str, ...] = ()
    if "goals" in mapping:
        goals, found = _read_goals(*mapping["goals"], display)
        problems += found
    prerequisites, lines = (), ()
    if "prerequisites" in mapping:
        prerequisites, lines, found = _read_prerequisites(*mapping["prerequisites"], display, src_uri, is_page)
        problems += found
    title = mapping.get("title")
    note = Note(
        src_uri=src_uri,
        display=display,
        title=_title(body, title[0].value if title and isinstance(title[0], yaml.ScalarNode) else None, src_uri),
        minutes=reading_minutes(body),
        goals=goals,
        prerequisites=prerequisites,
        prerequisite_lines=lines,
        has_goals="goals" in mapping,
        has_prerequisites="prerequisites" in mapping,
    )
    return note, problems


def _strings(node: yaml.Node) -> list[tuple[str | None, int]] | None:
    """The items of a YAML list as (text or None if not text, line); None if not a list."""
    if not isinstance(node, yaml.SequenceNode):
        return None
    items = []
    for item in node.value:
        line = item.start_mark.line + 2
        ok = isinstance(item, yaml.ScalarNode) and item.tag == "tag:yaml.org,2002:str"
        items.append((item.value if ok else None, line))
    return items


def _read_goals(node: yaml.Node, line: int, display: str) -> tuple[tuple[str, ...], list[Problem]]:
    items = _strings(node)
    if items is None:
        return (), [Problem(display, line, "goals", f"expected a list of {GOALS_MIN} to {GOALS_MAX} sentences")]
    problems = []
    if not GOALS_MIN <= len(items) <= GOALS_MAX:
        problems.append(Problem(display, line, "goals", f"expected {GOALS_MIN} to {GOALS_MAX} goals, got {len(items)}"))
    goals = []
    for number, (text, item_line) in enumerate(items, start=1):
        if text is None or not text.strip() or "\n" in text.strip():
            problems.append(Problem(display, item_line, "goals", f"goal {number} must be one line of text"))
        else:
            goals.append(" ".join(text.split()))
    return tuple(goals), problems


def _read_prerequisites(node, line, display, src_uri, is_page):
    items = _strings(node)
    if items is None:
        return (), (), [Problem(display, line, "prerequisites", "expected a list of page paths such as http/index.md ([] for none)")]
    problems, paths, lines = [], [], []
    for text, item_line in items:
        if text is None or not text.strip():
            problems.append(Problem(display, item_line, "prerequisites", "expected a page path such as http/index.md"))
        elif text == src_uri:
            problems.append(Problem(display, item_line, "prerequisites", f"cycle {src_uri} -> {src_uri}"))
        elif text in paths:
            problems.append(Problem(display, item_line, "prerequisites", f"{text!r} is listed twice"))
        elif not is_page(text):
            problems.append(Problem(display, item_line, "prerequisites", f"no page {text!r}"))
        else:
            paths.append(text)
            lines.append(item_line)
    return tuple(paths), tuple(lines), problems


def _title(body: str, meta_title: str | None, src_uri: str) -> str:
    """The title MkDocs will show: front matter `title`, else the first `# ` heading."""
    if meta_title and meta_title.strip():
        return meta_title.strip()
    for _, line, in_fence in note_lines(body):
        match = None if in_fence else H1.match(line)
        if match:
            heading = ATTR_LIST.sub("", match.group(1))
            heading = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)
            return " ".join(heading.replace("`", "").replace("*", "").split())
    return src_uri.rsplit("/", 1)[-1].removesuffix(".md")


# --- reading time --------------------------------------------------------------------------


def prose(body: str) -> str:
    """The text a reader reads: no code blocks, code spans, snippets, HTML tags or link targets."""
    kept = []
    for _, line, in_fence in note_lines(body):
        if in_fence or SNIPPET.match(line) or REFERENCE_DEFINITION.match(line):
            continue
        line = CODE_SPAN.sub(" ", line)
        line = LINK_TARGET.sub("]", line)
        line = HTML_TAG.sub(" ", line)
        kept.append(ATTR_LIST.sub(" ", line))
    return "\n".join(kept)


def reading_minutes(body: str) -> int:
    """Minutes to read: Hangul at about 500 characters a minute, other words at about 200."""
    text = prose(body)
    hangul = len(HANGUL.findall(text))
    words = len(WORD.findall(HANGUL.sub(" ", text)))
    return max(1, math.ceil(hangul / HANGUL_PER_MINUTE + words / WORDS_PER_MINUTE - 1e-9))


# --- the prerequisite graph ----------------------------------------------------------------


def find_cycles(notes: dict[str, Note]) -> list[Problem]:
    """One problem per prerequisite cycle, at the item that closes it: `cycle a -> b -> a`."""
    problems, state, stack = [], {}, []  # state: 1 on the stack, 2 done

    def visit(src: str) -> None:
        state[src] = 1
        stack.append(src)
        note = notes[src]
        for target, line in zip(note.prerequisites, note.prerequisite_lines):
            if target not in notes:
                continue
            if state.get(target) == 1:
                loop = stack[stack.index(target) :]
                chain = " -> ".join([src, *loop])
                problems.append(Problem(note.display, line, "prerequisites", f"cycle {chain}"))
            elif target not in state:
                visit(target)
        stack.pop()
        state[src] = 2

    for src in sorted(notes):
        if src not in state:
            visit(src)
    return problems


@dataclass(frozen=True)
class Track:
    """One top-level section of the nav: its title and its notes in reading order."""

    title: str
    notes: tuple[str, ...]


def nav_tracks(nav: Iterable, is_note: Callable[[str], bool]) -> list[Track]:
    """The nav's top-level sections that hold notes, each with its notes in nav order."""
    tracks = []
    for item in nav or ():
        if isinstance(item, dict) and len(item) == 1:
            (title, value), = item.items()
            if isinstance(value, list):
                notes = [src for src in _pages(value) if is_note(src)]
                if notes:
                    tracks.append(Track(str(title), tuple(dict.fromkeys(notes))))
    return tracks


def _pages(value) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _pages(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _pages(item)


def order_track(notes: tuple[str, ...], prerequisites: Callable[[str], tuple[str, ...]]) -> tuple[str, ...]:
    """A topological order of `notes` (prerequisites inside the track first), else nav order."""
    position = {src: index for index, src in enumerate(notes)}
    needs = {src: {p for p in prerequisites(src) if p in position and p != src} for src in notes}
    ready = [(position[src], src) for src in notes if not needs[src]]
    heapq.heapify(ready)
    order = []
    while ready:
        _, src = heapq.heappop(ready)
        order.append(src)
        for other in notes:
            if src in needs[other]:
                needs[other].discard(src)
                if not needs[other]:
                    heapq.heappush(ready, (position[other], other))
    # A cycle is reported elsewhere; keep whatever is left in nav order rather than drop it.
    order += [src for src in notes if src not in order]
    return tuple(order)


def build_path(tracks: list[Track], notes: dict[str, Note]) -> list[Track]:
    """Each track ordered so that a note comes after the prerequisites it shares a track with."""

    def prerequisites(src: str) -> tuple[str, ...]:
        return notes[src].prerequisites if src in notes else ()

    return [Track(track.title, order_track(track.notes, prerequisites)) for track in tracks]


def next_notes(src: str, path: list[Track], notes: dict[str, Note]) -> list[str]:
    """Notes that name `src` as a prerequisite (in path order), else the next note of the path."""
    sequence = [note for track in path for note in track.notes]
    rank = {note: index for index, note in enumerate(sequence)}
    dependents = [other for other, note in notes.items() if src in note.prerequisites]
    if dependents:
        return sorted(dependents, key=lambda other: (rank.get(other, len(rank)), other))
    if src in rank and rank[src] + 1 < len(sequence):
        return [sequence[rank[src] + 1]]
    return []


# --- rendering -----------------------------------------------------------------------------


def inline_html(value: str) -> Markup:
    """Plain text as HTML: everything escaped, `code` spans as <code>, whitespace collapsed."""
    value = " ".join(str(value).split())
    pieces, last = [], 0
    for match in CODE_SPAN.finditer(value):
        pieces.append(escape(value[last : match.start()]))
        pieces.append(Markup("<code>{}</code>").format(match.group(2).strip() or match.group(2)))
        last = match.end()
    pieces.append(escape(value[last:]))
    return Markup("").join(pieces)


RFC_URL = re.compile(r"https://(?:www\.)?rfc-editor\.org/rfc/rfc(\d+)(?:\.html)?(?:#section-([\d.]+))?$")


def source_label(url: str) -> str:
    """How a source link reads: `RFC 9110 §8.3` for the RFC Editor, else host and path."""
    match = RFC_URL.match(url)
    if match:
        return f"RFC {match.group(1)} §{match.group(2)}" if match.group(2) else f"RFC {match.group(1)}"
    return url.removeprefix("https://").removeprefix("www.").rstrip("/")


def environment(overrides: Path) -> Environment:
    """The Jinja2 environment for the learning templates: autoescaped, strict undefined."""
    env = make_environment(overrides)
    env.filters.update(inline=inline_html, source_label=source_label)
    return env


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    minutes: int | None = None
    src_uri: str = ""


def after_title(markdown: str, block: str) -> str:
    """`block` after the note's `# ` title when the note starts with one, else at the top
    (Material then writes the title above the content)."""
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if H1.match(line):
            return "\n".join([*lines[: index + 1], "", block.strip(), "", *lines[index + 1 :]])
        if line.strip():
            break
    return f"{block.strip()}\n\n{markdown}"


def render_intro(env: Environment, note: Note, prerequisites: list[Link]) -> str:
    return env.get_template("partials/note-intro.html").render(note=note, prerequisites=prerequisites)


def render_end(env: Environment, note: Note, quiz, following: list[Link], is_tracked: bool) -> str:
    """Markdown for the end of a note: quiz, the mark-as-read button, the notes to read next."""
    return env.get_template("learning/note-end.md.j2").render(
        note=note, quiz=quiz, following=following, is_tracked=is_tracked
    )


def render_path(env: Environment, tracks: list[tuple[Track, list[Link]]]) -> str:
    total = sum(len(links) for _, links in tracks)
    minutes = sum(link.minutes or 0 for _, links in tracks for link in links)
    return env.get_template("learning/path.md.j2").render(tracks=tracks, total=total, minutes=minutes)
