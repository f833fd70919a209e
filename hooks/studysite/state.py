"""The state the hooks share: one `Session` per MkDocs process, one `BuildState` per build.

MkDocs loads each hook file as its own module and calls its events; the hooks never import
each other. What one hook's event produces for another (the reference records, the mention
linker, the notes' backlinks) lives here instead, in one object per build:
`build_state(config)` returns the same object for every hook during one build and a fresh one
for the next build (`mkdocs serve` loads the config anew for each rebuild). What must outlive
a build (the `serve`/`--dirty` flags from `on_startup`, the pages of the last finished build)
lives in `SESSION`.

Loaders raise `PluginError` with `file:line: field: problem` lines, so any hook may be the first
to ask for the records; each is loaded once per build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from studysite.glossary_data import Glossary, load_glossary
from studysite.mentions import MentionLinker, Result
from studysite.paths import project_root, templates_dir
from studysite.reference_data import COMMON_METHODS, Reference, load_reference
from studysite.reference_pages import make_environment
from studysite.yaml_lines import DataError


@dataclass
class Session:
    """One MkDocs process (`mkdocs build`, or `mkdocs serve` with its rebuilds)."""

    command: str = "build"
    dirty: bool = False
    # src_uri -> Markdown of each generated reference page in the last finished build.
    reference_built: dict[str, str] = field(default_factory=dict)

    @property
    def serving(self) -> bool:
        return self.command == "serve"

    def start(self, command: str, dirty: bool) -> None:
        """`on_startup` of any hook: every hook may call it, with the same values."""
        self.command, self.dirty = command, dirty


SESSION = Session()


@dataclass
class BuildState:
    """What one build's hooks share. Made on first use by `build_state(config)`."""

    config: Any
    root: Path
    _reference: Reference | None = None
    _glossary: Glossary | None = None
    _glossary_pattern: re.Pattern | None = None
    _linker: MentionLinker | None = None
    # src_uri of a note -> (its Markdown, its linking result), found before any page is rendered.
    linked: dict[str, tuple[str, Result]] = field(default_factory=dict)
    # The notes' scans kept between builds (backlinks.ScanCache), saved when the build finishes.
    scan_cache: Any = None
    # The reference files of earlier builds (reference_pages.RenderedReference).
    reference_cache: Any = None
    # The Markdown generated for each reference page in this build (src_uri -> Markdown).
    reference_building: dict[str, str] = field(default_factory=dict)
    _reference_env: Any = None
    # The study log's feed entries (src_uri -> entry), and the navigation llms.txt follows.
    feed_entries: dict[str, Any] = field(default_factory=dict)
    nav: Any = None
    files: Any = None
    # Commit time of every file git knows (path relative to the project root -> Unix time).
    git_dates: dict[str, int] = field(default_factory=dict)
    # src_uri of a note -> (file as named in messages, its links with anchors), checked in on_env.
    anchored_links: dict[str, tuple[str, list]] = field(default_factory=dict)
    # Notes' goals and prerequisites, quizzes and the learning path (learning_pages.LearningState).
    learning: Any = None
    # The search alias table (search_aliases.Aliases), checked in on_config.
    search_aliases: Any = None

    @property
    def reference(self) -> Reference:
        if self._reference is None:
            self._reference = _load(load_reference, self.root, "reference data")
        return self._reference

    @property
    def glossary(self) -> Glossary:
        if self._glossary is None:
            self._glossary = _load(load_glossary, self.root, "glossary data")
            self._glossary_pattern = self._glossary.pattern()
        return self._glossary

    @property
    def glossary_pattern(self) -> re.Pattern | None:
        """One regex for every abbreviation of the glossary, compiled once per build."""
        self.glossary  # noqa: B018 (loads it and compiles the pattern)
        return self._glossary_pattern

    @property
    def reference_env(self):
        """The Jinja environment of the generated pages' templates (`overrides/reference/`)."""
        if self._reference_env is None:
            self._reference_env = make_environment(templates_dir(self.config))
        return self._reference_env

    @property
    def linker(self) -> MentionLinker:
        """Links status codes and common methods; one compiled pattern per build."""
        if self._linker is None:
            reference = self.reference
            self._linker = MentionLinker(
                {record.code: record.phrase for record in reference.status_codes},
                [record.method for record in reference.methods if record.method in COMMON_METHODS],
            )
        return self._linker


def _load(loader, root: Path, what: str):
    """`loader(root)`, with its `DataError` as one PluginError of `file:line: field: problem` lines."""
    try:
        return loader(root)
    except DataError as error:
        raise PluginError(f"invalid {what} ({len(error.problems)} problems):\n{error}") from None


_current: BuildState | None = None


def build_state(config) -> BuildState:
    """The state of the build that `config` belongs to."""
    global _current
    if _current is None or _current.config is not config:
        _current = BuildState(config=config, root=project_root(config))
    return _current
