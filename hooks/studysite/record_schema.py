"""Field-by-field checks shared by every data file.

A schema is a tuple of `Field`s; `check_fields` turns one YAML entry into a dict of clean
values plus a list of problems, each naming the file, the line and `<record>.<field>`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from studysite.yaml_lines import Entry, Problem

# Fenced code in a data field would end the generated page's own fence early.
FENCE = re.compile(r"^\s*(```|~~~)", re.MULTILINE)


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # "int", "bool", "text", "line", "code", "url", "ints", "names"
    required: bool = True
    choices: tuple = ()


def entry_label(entry: Entry, key: str, index: int) -> str:
    """How problems name an entry: its key (`404`, `GET`, `HTTP`), or `#3` when the key is unusable."""
    value = entry.values.get(key)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) and value.strip() else f"#{index}"


def check_fields(entry: Entry, schema: tuple[Field, ...], display: str, label: str):
    """Validate `entry` against `schema`; return (values, problems)."""
    problems = list(entry.problems)
    known = {f.name for f in schema}
    for key in entry.values:
        if key not in known:
            problems.append(Problem(display, entry.lines[key], f"{label}.{key}", "unknown field"))

    values = {}
    for spec in schema:
        where = f"{label}.{spec.name}"
        if spec.name not in entry.values or entry.values[spec.name] is None:
            if spec.required:
                line = entry.lines.get(spec.name, entry.line)
                problems.append(Problem(display, line, where, "required field is missing"))
            values[spec.name] = None
            continue
        value = entry.values[spec.name]
        message = _problem_with(value, spec)
        if message:
            problems.append(Problem(display, entry.lines[spec.name], where, message))
            values[spec.name] = None
        else:
            values[spec.name] = tuple(value) if isinstance(value, list) else value
    return values, problems


def _problem_with(value, spec: Field) -> str | None:
    kind = spec.kind
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return f"expected an integer, got {_describe(value)}"
    elif kind == "bool":
        if not isinstance(value, bool):
            return f"expected true or false, got {_describe(value)}"
    elif kind in ("text", "line", "code", "url"):
        if not isinstance(value, str):
            return f"expected text, got {_describe(value)}"
        if not value.strip():
            return "must not be empty"
        if kind == "line" and "\n" in value.strip():
            return "must be a single line"
        if kind in ("text", "code") and FENCE.search(value):
            return "must not contain a code fence (``` or ~~~)"
        if kind == "url":
            return _url_problem(value)
    elif kind == "ints":
        if not isinstance(value, list) or any(isinstance(v, bool) or not isinstance(v, int) for v in value):
            return f"expected a list of integers, got {_describe(value)}"
    elif kind == "names":
        if not isinstance(value, list) or any(not isinstance(v, str) or not v.strip() for v in value):
            return f"expected a list of names, got {_describe(value)}"
    if spec.choices and value not in spec.choices:
        allowed = ", ".join(str(c) for c in spec.choices)
        return f"unknown value {value!r} (allowed: {allowed})"
    return None


def _url_problem(value: str) -> str | None:
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc or re.search(r"[\s()<>\"']", value):
        return f"malformed URL {value!r} (expected https://host/path)"
    return None


def _describe(value) -> str:
    if value is None:
        return "nothing"
    return f"{type(value).__name__} {value!r}"
