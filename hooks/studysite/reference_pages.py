"""Render the reference records into Markdown pages and JSON exports (no MkDocs import).

Templates live in `overrides/reference/`. Autoescaping is on, so any field a template
forgets to filter is HTML-escaped; the filters below escape exactly what each Markdown
context needs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from studysite.reference_data import CLASSES, METHODS_FILE, STATUS_FILE, Method, Reference, StatusCode

CACHEABLE_KO = {"yes": "예", "no": "아니요", "conditional": "조건부"}
CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)


def markdown_text(value: str) -> Markup:
    """Escape HTML in Markdown prose, leaving code spans to Markdown (which escapes them)."""
    pieces, last = [], 0
    for match in CODE_SPAN.finditer(value):
        pieces.append(_escape_html(value[last : match.start()]))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(_escape_html(value[last:]))
    return Markup("".join(pieces))


def table_cell(value: str) -> Markup:
    """Prose for one table cell: escaped, on one line, with pipes that cannot split the row."""
    return Markup(markdown_text(" ".join(value.split())).replace("|", "\\|"))


def code_block(value: str) -> Markup:
    """Text inside a fenced block: the highlighter escapes it, so it passes through as is."""
    return Markup(value.rstrip("\n"))


def _escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def make_environment(templates: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(templates),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters.update(md=markdown_text, cell=table_cell, code=code_block)
    env.globals["cacheable_ko"] = CACHEABLE_KO
    return env


def render_status_page(env: Environment, reference: Reference, record: StatusCode) -> str:
    codes = reference.status_codes
    index = codes.index(record)
    return env.get_template("status.md.j2").render(
        record=record,
        related=[reference.status(code) for code in record.related],
        previous=codes[index - 1] if index > 0 else None,
        next=codes[index + 1] if index + 1 < len(codes) else None,
    )


def render_status_index(env: Environment, reference: Reference) -> str:
    groups = []
    for klass, (_, title) in CLASSES.items():
        members = [s for s in reference.status_codes if s.klass == klass]
        if members:
            groups.append((klass, title, members))
    return env.get_template("status_index.md.j2").render(records=reference.status_codes, groups=groups)


def render_method_page(env: Environment, record: Method) -> str:
    return env.get_template("method.md.j2").render(record=record)


def render_method_index(env: Environment, reference: Reference) -> str:
    return env.get_template("method_index.md.j2").render(
        records=reference.methods,
        common=[m for m in reference.methods if m.common],
        extensions=[m for m in reference.methods if not m.common],
    )


def status_codes_json(reference: Reference) -> str:
    return _json(
        {
            "code": s.code,
            "phrase": s.phrase,
            "title_ko": s.title_ko,
            "class": s.klass,
            "status": s.status,
            "spec": s.spec,
            "spec_url": s.spec_url,
            "cacheable": s.cacheable,
            "summary": s.summary,
            "related": list(s.related),
            "url": s.url,
        }
        for s in reference.status_codes
    )


def methods_json(reference: Reference) -> str:
    return _json(
        {
            "method": m.method,
            "safe": m.safe,
            "idempotent": m.idempotent,
            "cacheable": m.cacheable,
            "spec": m.spec,
            "spec_url": m.spec_url,
            "title_ko": m.title_ko,
            "summary": m.summary,
            "url": m.url,
        }
        for m in reference.methods
    )


def _json(records) -> str:
    return json.dumps(list(records), ensure_ascii=False, indent=2) + "\n"


def reference_files(env: Environment, reference: Reference) -> dict[str, tuple[str, str]]:
    """Every generated file: src_uri -> (content, data file it comes from)."""
    files = {"reference/status/index.md": (render_status_index(env, reference), STATUS_FILE)}
    for record in reference.status_codes:
        files[record.src_uri] = (render_status_page(env, reference, record), STATUS_FILE)
    files["reference/methods/index.md"] = (render_method_index(env, reference), METHODS_FILE)
    for record in reference.methods:
        files[record.src_uri] = (render_method_page(env, record), METHODS_FILE)
    files["api/status-codes.json"] = (status_codes_json(reference), STATUS_FILE)
    files["api/methods.json"] = (methods_json(reference), METHODS_FILE)
    return files
