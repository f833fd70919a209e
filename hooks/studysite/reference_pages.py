"""Render the reference records into Markdown pages and JSON exports (no MkDocs import).

Templates live in `overrides/reference/`. Autoescaping is on, so any field a template
forgets to filter is HTML-escaped; the filters below escape exactly what each Markdown
context needs.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from studysite.json_cache import BuildCache, digest
from studysite.paths import METHODS_FILE, METHODS_INDEX, METHODS_JSON, STATUS_FILE, STATUS_INDEX, STATUS_JSON
from studysite.reference_data import CLASSES, Method, Reference, StatusCode

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


# The characters a backslash escapes in Python-Markdown (`>` is written as `&gt;` instead).
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


@lru_cache(maxsize=8192)  # the same note and section titles fill many pages' backlinks
def _plain_text(value: str) -> Markup:
    text = html.escape(html.unescape(" ".join(value.split())), quote=False)
    return Markup(_MARKDOWN_PUNCTUATION.sub(r"\\\1", text))


def plain_text(value) -> Markup:
    """Text that Markdown shows as it is: HTML-escaped (once) and with Markdown syntax escaped.

    For titles from notes (front matter, headings as the table of contents has them, which
    may already hold `&amp;`), shown as link text in a generated page.
    """
    return _plain_text(str(value))


def link_target(path: str) -> Markup:
    """A relative link target for Markdown: in angle brackets when it has blanks or parentheses."""
    return Markup(f"<{path}>" if re.search(r"[\s()]", path) else path)


def relative_path(target_src_uri: str, page_src_uri: str) -> str:
    """The link from the page `page_src_uri` to the page `target_src_uri`, as Markdown paths."""
    return posixpath.relpath(target_src_uri, posixpath.dirname(page_src_uri) or ".")


def make_environment(templates: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(templates),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters.update(md=markdown_text, cell=table_cell, code=code_block, plain=plain_text, target=link_target,
                       href=relative_path)
    env.globals.update(STATUS_INDEX=STATUS_INDEX, METHODS_INDEX=METHODS_INDEX)
    return env


def class_titles(env: Environment) -> dict[str, str]:
    """The Korean name of each status class (`overrides/reference/labels.j2`), e.g. "4xx 클라이언트 오류"."""
    return dict(env.get_template("labels.j2").module.classes)


def labels(env: Environment, name: str) -> dict[str, str]:
    """One table of Korean words from `overrides/reference/labels.j2` (`reference_nav`, `llms`)."""
    return dict(getattr(env.get_template("labels.j2").module, name))


def render_status_page(env: Environment, reference: Reference, record: StatusCode, backlinks: list[dict] = ()) -> str:
    return env.get_template("status.md.j2").render(
        record=record,
        related=[reference.status(code) for code in record.related],
        backlinks=backlinks,
    )


def render_status_index(env: Environment, reference: Reference, backlinks: list[dict] = ()) -> str:
    groups = []
    for klass in CLASSES:
        members = [s for s in reference.status_codes if s.klass == klass]
        if members:
            groups.append((klass, members))
    return env.get_template("status_index.md.j2").render(
        records=reference.status_codes, groups=groups, page=STATUS_INDEX, backlinks=backlinks
    )


def render_method_page(env: Environment, record: Method, backlinks: list[dict] = ()) -> str:
    return env.get_template("method.md.j2").render(record=record, backlinks=backlinks)


def render_method_index(env: Environment, reference: Reference, backlinks: list[dict] = ()) -> str:
    return env.get_template("method_index.md.j2").render(
        page=METHODS_INDEX,
        backlinks=backlinks,
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
            "plain": s.plain,
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
            "plain": m.plain,
            "url": m.url,
        }
        for m in reference.methods
    )


def _json(records) -> str:
    return json.dumps(list(records), ensure_ascii=False, indent=2) + "\n"


def reference_files(
    env: Environment, reference: Reference, backlinks: dict[str, list[dict]] | None = None
) -> dict[str, tuple[str, str]]:
    """Every generated file: src_uri -> (content, data file it comes from).

    `backlinks` maps a page's src_uri to the notes that mention it (see `backlinks.grouped`).
    """
    backlinks = backlinks or {}
    files = {STATUS_INDEX: (render_status_index(env, reference, backlinks.get(STATUS_INDEX, ())), STATUS_FILE)}
    for record in reference.status_codes:
        page = render_status_page(env, reference, record, backlinks.get(record.src_uri, ()))
        files[record.src_uri] = (page, STATUS_FILE)
    files[METHODS_INDEX] = (render_method_index(env, reference, backlinks.get(METHODS_INDEX, ())), METHODS_FILE)
    for record in reference.methods:
        files[record.src_uri] = (render_method_page(env, record, backlinks.get(record.src_uri, ())), METHODS_FILE)
    files[STATUS_JSON] = (status_codes_json(reference), STATUS_FILE)
    files[METHODS_JSON] = (methods_json(reference), METHODS_FILE)
    return files


def _valid_files(value) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v)
        for k, v in value.items()
    )


class RenderedReference(BuildCache):
    """`reference_files` of earlier builds, kept in .cache/ between builds.

    A build renders every reference page twice (without backlinks when the files are listed,
    with them once the notes are scanned), about a tenth of a rebuild of 1,000 notes. The pages
    depend on nothing but the records, the backlinks and `inputs`: a digest of the templates,
    the code that renders them and the versions of Jinja2 and MarkupSafe, made by the caller.
    The records (frozen dataclasses of plain values) are keyed by their repr.
    """

    def __init__(self, path: Path | None, inputs: str):
        super().__init__(path, "reference files 1", valid=_valid_files)
        self.inputs = inputs

    def files(self, env: Environment, reference: Reference, backlinks: dict[str, list[dict]] | None = None
              ) -> dict[str, tuple[str, str]]:
        key = digest(self.inputs, repr(reference), json.dumps(backlinks or {}, ensure_ascii=False, sort_keys=True))
        found = self.get(key)
        if found is not None:
            return {src_uri: (content, data_file) for src_uri, (content, data_file) in found.items()}
        files = reference_files(env, reference, backlinks)
        self.put(key, {src_uri: list(value) for src_uri, value in files.items()})
        return files
