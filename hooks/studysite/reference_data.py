"""The HTTP reference data: status codes and methods, loaded and validated.

Plain Python (no MkDocs import). `load_reference(root)` returns typed records or raises
`DataError` listing every problem of both files at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from studysite.paths import METHODS_FILE, STATUS_FILE, method_slug, method_src_uri, page_url, status_src_uri
from studysite.record_schema import Field, check_fields, entry_label
from studysite.yaml_lines import DataError, Problem, read_entries

# Each class and its first code; the Korean names are in overrides/reference/labels.j2.
CLASSES = {"informational": 100, "successful": 200, "redirection": 300, "client_error": 400, "server_error": 500}
CACHEABLE_CHOICES = ("yes", "no", "conditional")

STATUS_SCHEMA = (
    Field("code", "int"),
    Field("phrase", "line"),
    Field("title_ko", "line"),
    Field("class", "line", choices=tuple(CLASSES)),
    Field("status", "line", choices=("current", "deprecated", "unused", "obsolete")),
    Field("spec", "line"),
    Field("spec_url", "url"),
    Field("cacheable", "bool"),
    Field("summary", "line"),
    Field("plain", "line", required=False),
    Field("description", "text"),
    Field("related", "ints"),
    Field("headers", "names"),
    Field("flask", "code", required=False),
)

# The nine methods in everyday use carry full semantics and examples; the rest of the
# registry (WebDAV and friends) carries the registry's facts and a one-line summary.
COMMON_METHODS = ("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH")
METHOD_SCHEMA = (
    Field("method", "line"),
    Field("safe", "bool"),
    Field("idempotent", "bool"),
    Field("spec", "line"),
    Field("spec_url", "url"),
    Field("title_ko", "line"),
    Field("summary", "line"),
    Field("plain", "line", required=False),
    Field("cacheable", "line", required=False, choices=CACHEABLE_CHOICES),
    Field("request_body", "line", required=False),
    Field("response_body", "line", required=False),
    Field("description", "text", required=False),
    Field("example_request", "code", required=False),
    Field("example_response", "code", required=False),
    Field("flask", "code", required=False),
)
COMMON_ONLY = ("cacheable", "request_body", "response_body", "description", "example_request", "example_response", "flask")


@dataclass(frozen=True)
class StatusCode:
    code: int
    phrase: str
    title_ko: str
    klass: str
    status: str
    spec: str
    spec_url: str
    cacheable: bool
    summary: str
    plain: str | None  # the summary in everyday words ("쉽게 말하면" on the page)
    description: str
    related: tuple[int, ...]
    headers: tuple[str, ...]
    flask: str | None
    line: int

    @property
    def src_uri(self) -> str:
        return status_src_uri(self.code)

    @property
    def url(self) -> str:
        return page_url(self.src_uri)


@dataclass(frozen=True)
class Method:
    method: str
    safe: bool
    idempotent: bool
    spec: str
    spec_url: str
    title_ko: str
    summary: str
    plain: str | None  # the summary in everyday words
    cacheable: str | None
    request_body: str | None
    response_body: str | None
    description: str | None
    example_request: str | None
    example_response: str | None
    flask: str | None
    line: int

    @property
    def slug(self) -> str:
        return method_slug(self.method)

    @property
    def src_uri(self) -> str:
        return method_src_uri(self.method)

    @property
    def url(self) -> str:
        return page_url(self.src_uri)

    @property
    def common(self) -> bool:
        return self.method in COMMON_METHODS


@dataclass(frozen=True)
class Reference:
    status_codes: tuple[StatusCode, ...]
    methods: tuple[Method, ...]

    def status(self, code: int) -> StatusCode:
        return next(s for s in self.status_codes if s.code == code)

    def method(self, name: str) -> Method:
        return next(m for m in self.methods if m.method == name)


def load_reference(root: Path) -> Reference:
    """Load both data files under `root`; raise DataError with every problem found."""
    status_codes, problems = _load_status_codes(root)
    methods, method_problems = _load_methods(root)
    problems += method_problems
    if problems:
        raise DataError(sorted(problems, key=lambda p: (p.path, p.line)))
    return Reference(tuple(sorted(status_codes, key=lambda s: s.code)), tuple(sorted(methods, key=lambda m: m.method)))


def _load_status_codes(root: Path) -> tuple[list[StatusCode], list[Problem]]:
    entries, problems = read_entries(root / STATUS_FILE, STATUS_FILE)
    records, seen = [], {}
    for index, entry in enumerate(entries, start=1):
        label = entry_label(entry, "code", index)
        values, found = check_fields(entry, STATUS_SCHEMA, STATUS_FILE, label)
        problems += found
        code, klass = values["code"], values["class"]
        if code is not None:
            if code in seen:
                problems.append(Problem(STATUS_FILE, entry.lines["code"], f"{label}.code", f"duplicate status code (first at line {seen[code]})"))
            seen.setdefault(code, entry.lines["code"])
            if not 100 <= code <= 599:
                problems.append(Problem(STATUS_FILE, entry.lines["code"], f"{label}.code", "must be a three-digit code from 100 to 599"))
            elif klass is not None and code // 100 * 100 != CLASSES[klass]:
                problems.append(Problem(STATUS_FILE, entry.lines["class"], f"{label}.class", f"{code} does not belong to class {klass}"))
        if found:
            continue
        records.append(StatusCode(**{_attr(k): v for k, v in values.items()}, line=entry.line))

    for record in records:
        for other in record.related:
            if other not in seen:
                line = _line_of(entries, "code", record.code, "related")
                problems.append(Problem(STATUS_FILE, line, f"{record.code}.related", f"unknown status code {other}"))
    return records, problems


def _load_methods(root: Path) -> tuple[list[Method], list[Problem]]:
    entries, problems = read_entries(root / METHODS_FILE, METHODS_FILE)
    records, seen = [], {}
    for index, entry in enumerate(entries, start=1):
        label = entry_label(entry, "method", index)
        values, found = check_fields(entry, METHOD_SCHEMA, METHODS_FILE, label)
        problems += found
        name = values["method"]
        if name is not None:
            if name in seen:
                problems.append(Problem(METHODS_FILE, entry.lines["method"], f"{label}.method", f"duplicate method (first at line {seen[name]})"))
            seen.setdefault(name, entry.lines["method"])
            if not name.replace("-", "").isalpha() or name != name.upper():
                problems.append(Problem(METHODS_FILE, entry.lines["method"], f"{label}.method", "must be an upper-case token such as GET"))
            for key in COMMON_ONLY:
                # A field that is present but invalid was reported already; don't call it missing.
                present = entry.values.get(key) is not None
                if name in COMMON_METHODS and not present and key != "flask":
                    problems.append(Problem(METHODS_FILE, entry.line, f"{label}.{key}", f"required for the common method {name}"))
                elif name not in COMMON_METHODS and present:
                    problems.append(Problem(METHODS_FILE, entry.lines[key], f"{label}.{key}", "only the nine common methods carry this field"))
        if any(p.path == METHODS_FILE and p.field.startswith(f"{label}.") for p in problems):
            continue
        records.append(Method(**values, line=entry.line))
    return records, problems


def _attr(key: str) -> str:
    return "klass" if key == "class" else key


def _line_of(entries, id_key, id_value, field_name) -> int:
    entry = next(e for e in entries if e.values.get(id_key) == id_value)
    return entry.lines.get(field_name, entry.line)
