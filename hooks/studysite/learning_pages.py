"""Goals, prerequisites, reading time, quizzes and the learning path on pages (behind `hooks/learning.py`).

MkDocs-facing glue over `learning` and `quizzes` (pure, unit-tested):

- `check_notes` (after the generated pages are added) reads every note's front matter and the
  quiz files, checks them (unknown prerequisite, cycle, invalid quiz: `file:line: field:
  problem`, the build stops and the last good site stays) and orders the learning path from the
  nav's tracks and the prerequisite graph.
- `with_learning_aids` puts the intro box (goals, prerequisites, reading time) under the note's
  title and appends the quiz, the mark-as-read button and "다음에 읽을 노트"; on the home page it
  replaces the `<!-- learning-path -->` line with the learning path. Everything is rendered from
  Jinja2 templates in `overrides/` into the Markdown, so the quiz and the next notes have headings
  in the table of contents and are found by search.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from studysite import learning
from studysite.quizzes import load_quizzes
from studysite.yaml_lines import DataError

HOME = "index.md"
PATH_MARKER = "<!-- learning-path -->"


@dataclass
class LearningState:
    notes: dict
    quizzes: dict
    path: list
    files: object
    env: object


def _blog_dir(config) -> str | None:
    for name in ("material/blog", "blog"):
        plugin = config.plugins.get(name)
        if plugin is not None:
            return posixpath.normpath(plugin.config.blog_dir)
    return None


def check_notes(files, config, root: Path) -> LearningState:
    pages = {f.src_uri: f for f in files.documentation_pages()}
    sources = {src: f for src, f in pages.items() if f.generated_by is None and f.abs_src_path}
    blog = _blog_dir(config)

    def is_note(src: str) -> bool:
        in_blog = blog is not None and (src == f"{blog}/index.md" or src.startswith(f"{blog}/"))
        return src in sources and src not in (HOME, "tags.md") and not in_blog

    notes, problems = {}, []
    for src, file in sorted(sources.items()):
        path = Path(file.abs_src_path)
        try:
            text = path.read_bytes().removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        except UnicodeDecodeError:
            continue  # the note checks report it with its line
        display = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        # Prerequisites are notes: a generated page has no source to read it in order.
        note, found = learning.read_note(text, display, src, sources.__contains__)
        notes[src] = note
        problems += found
    problems += learning.find_cycles(notes)
    quizzes = {}
    try:
        quizzes = load_quizzes(root, sources.__contains__)
    except DataError as error:
        problems += error.problems
    if problems:
        lines = "\n".join(str(p) for p in problems)
        raise PluginError(f"invalid learning data ({len(problems)} problems):\n{lines}")
    tracks = learning.nav_tracks(config.nav, is_note)
    env = learning.environment(Path(config.theme.custom_dir))
    return LearningState(notes, quizzes, learning.build_path(tracks, notes), files, env)


def _link(state: LearningState, src: str, page) -> learning.Link:
    file = state.files.get_file_from_path(src)
    note = state.notes.get(src)
    title = note.title if note else src
    return learning.Link(title, get_relative_url(file.url, page.file.url), note.minutes if note else None, src)


def with_learning_aids(markdown: str, page, state: LearningState | None) -> str:
    if state is None:
        return markdown
    src = page.file.src_uri
    if src == HOME:
        return _with_path(markdown, page, state)
    note = state.notes.get(src)
    if note is None:
        return markdown
    tracked = any(src in track.notes for track in state.path)
    if note.has_goals or note.has_prerequisites:
        intro = learning.render_intro(state.env, note, [_link(state, p, page) for p in note.prerequisites])
        markdown = learning.after_title(markdown, intro)
    following = [_link(state, s, page) for s in learning.next_notes(src, state.path, state.notes)]
    end = learning.render_end(state.env, note, state.quizzes.get(src), following, tracked)
    return f"{markdown.rstrip()}\n{end}" if end.strip() else markdown


def _with_path(markdown: str, page, state: LearningState) -> str:
    if PATH_MARKER not in markdown:
        return markdown
    tracks = [(track, [_link(state, src, page) for src in track.notes]) for track in state.path]
    return markdown.replace(PATH_MARKER, learning.render_path(state.env, tracks).strip(), 1)
