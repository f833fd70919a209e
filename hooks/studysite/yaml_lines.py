"""Read a YAML list of records while remembering the line of every field.

Plain Python with no MkDocs import, so the data validators and pytest use it directly.
PyYAML's `safe_load` forgets where values came from and silently keeps the last of two
duplicate keys; composing the node tree ourselves keeps both the line numbers needed for
`file:line: field: problem` messages and the chance to report duplicates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml


@dataclass
class Problem:
    """One validation problem, printed as `path:line: field: message`."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


@dataclass
class Entry:
    """One record of a data file: its values, and the line of each key."""

    values: dict
    lines: dict[str, int]
    line: int
    problems: list[Problem] = field(default_factory=list)


class DataError(Exception):
    """All problems found in the data files, one per line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def read_entries(path: Path, display: str) -> tuple[list[Entry], list[Problem]]:
    """Parse `path` as a list of mappings; return its entries and file-level problems.

    `display` is how the file is named in messages (e.g. `data/methods.yml`).
    """
    root, problems = compose_file(path, display)
    if problems:
        return [], problems
    if root is None:
        return [], [Problem(display, 1, "file", "is empty; expected a list of records")]
    if not isinstance(root, yaml.SequenceNode):
        return [], [Problem(display, root.start_mark.line + 1, "file", "expected a list of records")]
    return entries_of(root, display)


def compose_file(path: Path, display: str) -> tuple[yaml.Node | None, list[Problem]]:
    """The node tree of a YAML file (None when empty), or the problem that stops reading it."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(display, 1, "file", "not found")]
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return None, [Problem(display, line, "file", "not valid UTF-8")]
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader), []
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(error, "problem", None) or str(error)
        return None, [Problem(display, line, "yaml", f"syntax error: {problem}")]


def entries_of(sequence: yaml.SequenceNode, display: str) -> tuple[list[Entry], list[Problem]]:
    """The records of a sequence node, each with the line of every key."""
    entries, problems = [], []
    for node in sequence.value:
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            problems.append(Problem(display, line, "record", "expected a mapping of fields"))
            continue
        entry = Entry(values={}, lines={}, line=line)
        for key_node, value_node in node.value:
            key = key_node.value
            key_line = key_node.start_mark.line + 1
            if key in entry.values:
                entry.problems.append(
                    Problem(display, key_line, str(key), f"duplicate key (first at line {entry.lines[key]})")
                )
                continue
            entry.values[key] = to_python(value_node)
            entry.lines[key] = key_line
        entries.append(entry)
    return entries, problems


def to_python(node: yaml.Node):
    """Construct a plain value from a node with the safe constructor."""
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()
