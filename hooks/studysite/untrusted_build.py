"""MkDocs events of the checks on untrusted input (behind `hooks/untrusted.py`).

Glue over `studysite.untrusted` (pure): the theme options are checked in `on_config`, the
front-matter values the theme prints are escaped in `on_page_markdown`, the rendered HTML of
every page is checked in `on_page_content` and refused in `on_env`, every log line has its
control characters escaped, and any exception that no check foresaw becomes one
`file:1: build: unexpected ...` line in `on_build_error` instead of a traceback. The source
checks of notes run with the other note checks (`studysite.note_checks`).
"""


from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError, PluginError
from markupsafe import escape
from mkdocs.plugins import event_priority

from studysite.state import SESSION
from studysite.untrusted import EscapeControls, FindingsCache, escape_display_values, place_findings, theme_problems, yaml_key_lines
from studysite.paths import project_root
from studysite.yaml_lines import Problem

log = logging.getLogger("mkdocs.hooks.untrusted")

CACHE = Path(".cache") / "html-policy" / "findings.json"

_root: Path | None = None
_problems: list[Problem] = []
_findings = FindingsCache(None)
_current: str | None = None  # the page being built, for the line of an unexpected error


def _fail(what: str, problems) -> None:
    lines = "\n".join(str(p) for p in problems)
    raise PluginError(f"{what} ({len(problems)} problems):\n{lines}")


_escape = EscapeControls()


def on_startup(command, dirty):
    for handler in logging.getLogger("mkdocs").handlers + logging.getLogger("properdocs").handlers:
        if _escape not in handler.filters:
            handler.addFilter(_escape)


@event_priority(90)
def on_config(config: MkDocsConfig) -> None:
    global _root, _current, _findings
    _root = project_root(config)
    _findings = FindingsCache(_root / CACHE)
    _problems.clear()
    _current = None
    # Printed raw by Material in the header, <title> and <meta>: escaped once, as Markup.
    for key in ("site_name", "site_description", "site_author"):
        if isinstance(config[key], str):
            config[key] = escape(config[key])
    config_file = Path(config.config_file_path)
    lines = yaml_key_lines(config_file.read_text(encoding="utf-8"))
    problems = theme_problems(dict(config.theme.items()) if hasattr(config.theme, "items") else {},
                              lambda key: lines.get(f"theme.{key}", lines.get("theme", 1)), config_file.name)
    if problems:
        _fail("invalid theme options", problems)


def findings_cache() -> FindingsCache:
    """This build's cache of page findings (studysite.render_ahead adds the forked copy's)."""
    return _findings


def _display(file) -> tuple[str, Path | None]:
    """How problems name a page, and the file whose lines they count."""
    if file.generated_by is None and file.abs_src_path:
        path = Path(file.abs_src_path)
        return (path.relative_to(_root).as_posix() if path.is_relative_to(_root) else file.src_uri), path
    edit = file.edit_uri or ""
    if edit.startswith("../") and _root is not None and (_root / edit[3:]).is_file():
        return edit[3:], _root / edit[3:]
    return file.src_uri, None


@event_priority(100)  # Before any hook or template reads the values.
def on_page_markdown(markdown, page, config, files):
    global _current
    _current = _display(page.file)[0]
    escape_display_values(page.meta)
    return markdown


@event_priority(-100)  # The HTML as it goes into the page, after every other hook.
def on_page_content(html, page, config, files):
    findings = _findings.findings(html, generated=page.file.generated_by is not None)
    if findings:
        display, source_path = _display(page.file)
        source = source_path.read_text(encoding="utf-8", errors="replace") if source_path else page.markdown or ""
        _problems.extend(place_findings(findings, source, display))
    return html


@event_priority(100)
def on_env(env, config, files):
    global _current
    _current = None
    # A dirty build checked only the pages it rebuilt; the others keep their entries.
    _findings.save(keep_unseen=SESSION.dirty)
    if _problems:
        # A data value shown on several generated pages is one problem.
        problems = sorted({str(p): p for p in _problems}.values(), key=lambda p: (p.path, p.line, p.message))
        _problems.clear()
        _fail("raw HTML that is not allowed", problems)
    return env


@event_priority(-100)  # Last: the other hooks clean up first.
def on_build_error(error: Exception) -> None:
    """The last line of defence: an exception no check foresaw becomes one problem line."""
    global _current
    where, _current = _current or "mkdocs.yml", None
    _problems.clear()
    if isinstance(error, (BuildError, Abort)):
        return
    message = str(error).strip().splitlines()[0] if str(error).strip() else "no message"
    problem = Problem(where, 1, "build", f"unexpected {type(error).__name__}: {message}")
    log.debug("unexpected error in the build", exc_info=error)
    raise PluginError(f"the build stopped on an unexpected error (run with --verbose for the traceback):\n{problem}") from None

