"""Read a YAML list of records while remembering the line of every field.

Plain Python with no MkDocs import, so the data validators and pytest use it directly.
PyYAML's `safe_load` forgets where values came from and silently keeps the last of two
duplicate keys; composing the node tree ourselves keeps both the line numbers needed for
`file:line: field: problem` messages and the chance to report duplicates.
"""

from __future__ import annotations

import re
import reprlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# Untrusted YAML (data files, front matter) is read in two passes: the event stream first,
# which is flat and cheap, then the node tree. The first pass refuses what would make the
# second blow up or run code: aliases (a few hundred bytes of nested aliases expand to
# gigabytes), explicit tags (`!!python/object/apply`, `!custom`, `!!int 4o4`), and nesting so
# deep that the recursive composer runs out of stack.
MAX_DEPTH = 30
# How much of one part of a problem line is printed, so a huge value cannot flood the log.
MAX_FIELD = 120
MAX_MESSAGE = 400
# C0 and C1 controls, DEL, line and paragraph separators and bidirectional overrides: in a
# terminal they move the cursor, colour the text or reorder what the reader sees.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SHORT = reprlib.Repr()
_SHORT.maxstring = 60
_SHORT.maxother = 80
_SHORT.maxlist = _SHORT.maxtuple = _SHORT.maxdict = _SHORT.maxset = 4
_SHORT.maxlevel = 3


def clean(text: str, limit: int) -> str:
    """`text` on one line with control characters escaped, cut to `limit` characters."""
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", str(text))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def short_repr(value) -> str:
    """`repr(value)` cut to a few dozen characters (strings, lists and mappings alike)."""
    return _SHORT.repr(value)


@dataclass
class Problem:
    """One validation problem, printed as `path:line: field: message`."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{clean(self.path, MAX_FIELD)}:{self.line}: {clean(self.field, MAX_FIELD)}: {clean(self.message, MAX_MESSAGE)}"


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
    """The node tree of a YAML file (None when empty), or the problems that stop reading it."""
    try:
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None, [Problem(display, 1, "file", "not found")]
    except OSError as error:
        return None, [Problem(display, 1, "file", f"cannot be read ({error.strerror})")]
    if len(data) > MAX_DATA_BYTES:
        return None, [Problem(display, 1, "file", f"is {len(data):,} bytes; a data file may have at most {MAX_DATA_BYTES:,}")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [Problem(display, line, "file", "not valid UTF-8")]
    return compose_untrusted(text, display)


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
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                entry.problems.append(Problem(display, key_line, "record", "a field name must be plain text, not a list or mapping"))
                continue
            key = key_node.value
            if key in entry.values:
                entry.problems.append(
                    Problem(display, key_line, str(key), f"duplicate key (first at line {entry.lines[key]})")
                )
                continue
            try:
                entry.values[key] = to_python(value_node)
            except ValueError as error:
                entry.problems.append(Problem(display, _line_of(error, value_node), str(key), str(error)))
                continue
            entry.lines[key] = key_line
        entries.append(entry)
    return entries, problems


MAX_DATA_BYTES = 1024 * 1024


def _error_line(error: yaml.YAMLError, text: str) -> int:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is not None:
        return mark.line + 1
    if isinstance(error, yaml.reader.ReaderError):  # a NUL or other unprintable character
        return text.count("\n", 0, error.position) + 1
    return 1


def _error_text(error: yaml.YAMLError) -> str:
    if isinstance(error, yaml.reader.ReaderError):
        return f"control character U+{error.character:04X} is not allowed"
    return getattr(error, "problem", None) or str(error).splitlines()[0]


def check_events(text: str, display: str, first_line: int = 1, field: str = "yaml") -> list[Problem]:
    """Refuse aliases, explicit tags and deep nesting before anything is built from `text`.

    `first_line` is the line of the file where `text` starts (front matter: 2); `field` names
    the part in problems.
    """
    problems: list[Problem] = []
    try:
        problems += _event_problems(yaml.parse(text, Loader=yaml.SafeLoader), display, first_line, field)
    except yaml.YAMLError as error:
        problems.append(Problem(display, _error_line(error, text) + first_line - 1, field, f"syntax error: {_error_text(error)}"))
    return problems


def _event_problems(events, display: str, first_line: int, field: str) -> list[Problem]:
    problems, depth = [], 0
    for event in events:
        line = event.start_mark.line + first_line
        if isinstance(event, yaml.AliasEvent):
            problem = Problem(display, line, field, f"alias *{event.anchor} is not allowed; write the value out")
            if problem not in problems:  # one line for `[*a, *a, *a]`
                problems.append(problem)
        elif getattr(event, "tag", None) is not None:
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            problems.append(Problem(display, line, field, f"tag {tag} is not allowed; write a plain value"))
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                problems.append(Problem(display, line, field, f"nested more than {MAX_DEPTH} levels deep"))
                break
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if len(problems) >= 20:
            break
    return problems


# PyYAML's C parser (libyaml), when installed, reads a valid file ten times faster than the
# pure-Python one. It reads only text the pure-Python reader would accept character by
# character, and anything it finds wrong is read again by the pure-Python parser, so problems
# are worded the same whether libyaml is there or not.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


def _compose_fast(text: str) -> yaml.Node | None | bool:
    """The node tree by libyaml, or False when libyaml is missing or the text has a problem."""
    if _FAST_LOADER is None or _NON_PRINTABLE.search(text):
        return False
    try:
        if _event_problems(yaml.parse(text, Loader=_FAST_LOADER), "", 1, "yaml"):
            return False
        return yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return False


def compose_untrusted(text: str, display: str, first_line: int = 1, field: str = "yaml") -> tuple[yaml.Node | None, list[Problem]]:
    """The node tree of `text`, or the problems that make it unsafe or invalid to build."""
    root = _compose_fast(text)
    if root is not False:
        return root, []
    problems = check_events(text, display, first_line, field)
    if problems:
        return None, problems
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader), []
    except yaml.YAMLError as error:  # pragma: no cover - the event pass parses the same text
        return None, [Problem(display, _error_line(error, text) + first_line - 1, field, f"syntax error: {_error_text(error)}")]


def _line_of(error: ValueError, node: yaml.Node) -> int:
    mark = getattr(error.__cause__, "problem_mark", None)
    return (mark.line if mark else node.start_mark.line) + 1


def to_python(node: yaml.Node):
    """Construct a plain value from a node with the safe constructor.

    Raises ValueError with a short message for a value the safe constructor refuses (a list
    or mapping used as a key, an impossible date ...).
    """
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as error:
        message = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ValueError(f"invalid value: {message}") from error
    finally:
        loader.dispose()
