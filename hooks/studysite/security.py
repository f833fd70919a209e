"""MkDocs hook: Content-Security-Policy, safe links and escaping that Material leaves out.

Thin event functions over pure functions (no MkDocs import below the events) that
tests/test_security.py calls directly:

- `harden_links`: every `<a href>` keeps only an allowed scheme (http, https, mailto,
  relative); any other (`javascript:`, `data:`, `vbscript:` ...) loses its href, so the
  link text stays visible and inert. Links to another host get `rel="noopener"` and open
  in the same tab (no `target`): the reader decides about new tabs, every external link
  behaves the same, and nothing from another origin gets a handle on this window.
- `escape_head`: Material writes `page.title | striptags` into `<title>` and
  `page.meta.description` into `<meta name="description" content="...">` without
  escaping (MkDocs' Jinja environment has no autoescape, and `striptags` un-escapes
  entities). A data summary or heading with `">` or `</title>` would otherwise break out
  into markup. The exact strings Material wrote are found and replaced by escaped ones.
- `fill_csp`: the policy in overrides/partials/csp.html allows scripts from the site
  itself plus the SHA-256 hashes of Material's own inline scripts. Only scripts whose text
  matches one of Material's inline script templates are hashed, so a script that reaches
  the page any other way (raw HTML in a note, an escaping bug) stays blocked.
- `content_problems`: raw `<script>` elements and `on...=` handler attributes in a
  note's HTML are reported as warnings (`mkdocs build --strict` fails): the CSP would
  block them in the browser anyway, so the author learns about it at build time.
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import logging
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

log = logging.getLogger("mkdocs.hooks.security")

# The literal that overrides/partials/csp.html puts where the script hashes belong.
HASHES_PLACEHOLDER = "'__CSP_SCRIPT_HASHES__'"
CSP_META = '<meta http-equiv="Content-Security-Policy" content="'
ALLOWED_SCHEMES = ("http", "https", "mailto")
EXECUTABLE_TYPES = ("", "text/javascript", "application/javascript", "module")

# A start tag with attribute-aware matching, so a quoted `>` does not end the tag early.
_ATTRIBUTE = r"""\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?"""
A_TAG = re.compile(rf"<a(?:{_ATTRIBUTE})*\s*/?>", re.IGNORECASE)
ANY_TAG = re.compile(rf"<([a-zA-Z][a-zA-Z0-9-]*)((?:{_ATTRIBUTE})*)\s*/?>")
INLINE_SCRIPT = re.compile(r"<script((?:" + _ATTRIBUTE + r")*)\s*>(.*?)</script>", re.DOTALL | re.IGNORECASE)
# Browsers drop ASCII tab and newline anywhere in a URL and leading spaces/controls.
_URL_NOISE = re.compile(r"[\x00-\x20]")


# --- links -----------------------------------------------------------------------------


class _StartTag(HTMLParser):
    """Reads the attributes of one start tag; defined once, reused for every tag."""

    attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, name, attrs):
        self.attrs = attrs

    handle_startendtag = handle_starttag


def _attributes(tag: str) -> list[tuple[str, str | None]]:
    """Attributes of one start tag, entity-decoded, in order."""
    parser = _StartTag(convert_charrefs=True)
    parser.feed(tag)
    parser.close()
    return parser.attrs


# `<a class="x" href="../x/">` with one plain relative href (no scheme, entity or
# protocol-relative start) and other attributes in plain double quotes needs no change: most
# links on a page look like this (navigation, permalinks, code line anchors).
_PLAIN_ATTRIBUTE = r'\s+(?!href)[a-z-]+(?:="[^"]*")?'
_PLAIN_RELATIVE_REST = (
    rf'(?:{_PLAIN_ATTRIBUTE})*\s+href="(?![a-zA-Z][a-zA-Z0-9+.-]*:|//)[^"&:]*"(?:{_PLAIN_ATTRIBUTE})*\s*>'
)
PLAIN_RELATIVE_A = re.compile("<a" + _PLAIN_RELATIVE_REST)
# The `<a>` tags that may need a change. The lookahead lets the regex engine pass over plain
# ones without calling back into Python for each of the hundred-odd links on a page.
A_TAG_TO_CHECK = re.compile(rf"<a(?!{_PLAIN_RELATIVE_REST})(?:{_ATTRIBUTE})*\s*/?>", re.IGNORECASE)


def _render_a(attrs: list[tuple[str, str | None]], self_closing: bool) -> str:
    parts = ["<a"]
    for name, value in attrs:
        parts.append(f" {name}" if value is None else f' {name}="{html.escape(value, quote=True)}"')
    parts.append(" />" if self_closing else ">")
    return "".join(parts)


def url_scheme(url: str) -> str:
    """The scheme a browser would see (lower case), or "" for a relative URL."""
    cleaned = _URL_NOISE.sub("", url)
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


def is_external(url: str, site_host: str) -> bool:
    """True for an absolute http(s) or protocol-relative URL whose host is not the site's."""
    cleaned = _URL_NOISE.sub("", url)
    scheme = url_scheme(cleaned)
    if scheme not in ("http", "https") and not (scheme == "" and cleaned.startswith("//")):
        return False
    host = urlsplit(cleaned).hostname or ""
    return bool(host) and host != site_host.lower()


def harden_links(page_html: str, site_host: str) -> tuple[str, list[str]]:
    """Return (html, removed): unsafe hrefs dropped, external links with rel=noopener.

    `removed` lists the hrefs that were dropped, for logging.
    """
    removed: list[str] = []

    def fix(match: re.Match) -> str:
        tag = match.group(0)
        if PLAIN_RELATIVE_A.fullmatch(tag):
            return tag
        attrs = _attributes(tag)
        values = dict(attrs)
        href = values.get("href")
        if href is None:
            return tag
        if url_scheme(href) not in ALLOWED_SCHEMES + ("",):
            removed.append(href)
            attrs = [(k, v) for k, v in attrs if k != "href"]
        elif is_external(href, site_host):
            rel = (values.get("rel") or "").split()
            if "noopener" in rel and "target" not in values:
                return tag
            if "noopener" not in rel:
                rel.append("noopener")
            attrs = [(k, v) for k, v in attrs if k not in ("rel", "target")] + [("rel", " ".join(rel))]
        else:
            return tag
        return _render_a(attrs, tag.endswith("/>"))

    return A_TAG_TO_CHECK.sub(fix, page_html), removed


# --- the page head ---------------------------------------------------------------------


def escape_head(page_html: str, titles: list[str], descriptions: list[str]) -> str:
    """Escape the first `<title>` and description meta if they hold one of the given raw texts.

    `titles` and `descriptions` are the candidate raw strings Material's template may have
    written (it picks one of several sources); the first exact match is replaced.
    """
    start = page_html.find("<title>")
    if start != -1:
        body_start = start + len("<title>")
        for raw in titles:
            if raw and page_html.startswith(raw + "</title>", body_start):
                page_html = page_html[:body_start] + html.escape(raw, quote=False) + page_html[body_start + len(raw) :]
                break
    prefix = '<meta name="description" content="'
    start = page_html.find(prefix)
    if start != -1:
        body_start = start + len(prefix)
        for raw in descriptions:
            if raw and page_html.startswith(raw + '">', body_start):
                page_html = page_html[:body_start] + html.escape(raw, quote=True) + page_html[body_start + len(raw) :]
                break
    return page_html


def material_title_candidates(page_title: str | None, meta_title: str | None, site_name: str) -> list[str]:
    """The strings Material's `htmltitle` block can put inside `<title>` (see base.html)."""
    candidates = []
    if meta_title:
        candidates.append(f"{meta_title} - {site_name}")
    if page_title:
        # Jinja's `striptags`: tags removed, entities decoded, whitespace collapsed.
        from markupsafe import Markup

        candidates.append(f"{Markup(page_title).striptags()} - {site_name}")
    candidates.append(site_name)
    return candidates


# --- Content-Security-Policy -----------------------------------------------------------


def _jinja_free_pattern(template_script: str) -> re.Pattern:
    """A regex for a script body from a template: `{{ ... }}` matches a simple value."""
    pieces = re.split(r"\{\{.*?\}\}", template_script, flags=re.DOTALL)
    return re.compile(r'[^"\\<>]*'.join(re.escape(piece) for piece in pieces), re.DOTALL)


def template_script_patterns(template_dirs: list[Path]) -> list[re.Pattern]:
    """Patterns of every inline script in the theme's `partials/javascripts/` templates."""
    patterns = []
    for directory in template_dirs:
        for path in sorted((directory / "partials" / "javascripts").glob("*.html")):
            text = path.read_text(encoding="utf-8")
            for match in re.finditer(r"<script>(.*?)</script>", text, re.DOTALL):
                if "{%" not in match.group(1):
                    patterns.append(_jinja_free_pattern(match.group(1)))
    return patterns


def material_template_dirs() -> list[Path]:
    spec = importlib.util.find_spec("material")
    return [Path(spec.origin).parent / "templates"]


def _script_type(attributes: str) -> str | None:
    """The script's `type` (lower case, "" when absent), or None for a script with `src`."""
    values = dict(_attributes(f"<script{attributes}>"))
    if "src" in values:
        return None
    return (values.get("type") or "").strip().lower()


def script_hashes(page_html: str, patterns: list[re.Pattern]) -> list[str]:
    """CSP source expressions for the page's inline scripts that match a theme template."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(page_html):
        if _script_type(match.group(1)) not in EXECUTABLE_TYPES:
            continue
        body = match.group(2)
        if any(pattern.fullmatch(body) for pattern in patterns):
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
            source = f"'sha256-{digest}'"
            if source not in hashes:
                hashes.append(source)
    return hashes


def fill_csp(page_html: str, sources: list[str]) -> str:
    """Put `sources` in place of the hash placeholder in the page's first CSP meta tag."""
    start = page_html.find(CSP_META)
    if start == -1:
        return page_html
    end = page_html.find(">", start)
    tag = page_html[start:end].replace(HASHES_PLACEHOLDER, " ".join(sources))
    tag = re.sub(r"  +", " ", tag)
    return page_html[:start] + tag + page_html[end:]


def content_problems(content_html: str) -> list[str]:
    """Raw scripts and event-handler attributes in a page's own HTML (not in code)."""
    problems = []
    for match in ANY_TAG.finditer(content_html):
        name = match.group(1).lower()
        if name == "script":
            problems.append("inline <script> element")
            continue
        if not re.search(r"\son", match.group(2), re.IGNORECASE):
            continue
        for attribute, _ in _attributes(match.group(0)):
            if attribute.startswith("on"):
                problems.append(f"event handler attribute {attribute}= on <{name}>")
    return problems


# --- MkDocs events ---------------------------------------------------------------------

_serving = False
_patterns: list[re.Pattern] | None = None


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_page_content(html_content, page, config, files):
    for problem in content_problems(html_content):
        log.warning(f"{page.file.src_uri}: {problem} is not allowed (Content-Security-Policy); see CONTRIBUTING.md")
    return html_content


def on_post_page(output, page, config):
    global _patterns
    if _patterns is None:
        _patterns = template_script_patterns(material_template_dirs())
    site_host = urlsplit(config.site_url or "").hostname or ""
    output, removed = harden_links(output, site_host)
    for href in removed:
        log.info(f"{page.file.src_uri}: removed link with unsafe URL {href!r}")
    meta = page.meta or {}
    output = escape_head(
        output,
        material_title_candidates(page.title, meta.get("title"), config.site_name),
        [str(meta["description"])] if meta.get("description") else [config.site_description or ""],
    )
    # `mkdocs serve` injects its own inline live-reload script into every response, after
    # this hook: allow inline scripts there (hashes would switch 'unsafe-inline' off).
    sources = ["'unsafe-inline'"] if _serving else script_hashes(output, _patterns)
    return fill_csp(output, sources)


def on_post_template(output_content, template_name, config):
    """Static templates (404.html) are not pages: same links and policy, no page head."""
    global _patterns
    if not template_name.endswith(".html"):
        return output_content
    if _patterns is None:
        _patterns = template_script_patterns(material_template_dirs())
    output_content, _ = harden_links(output_content, urlsplit(config.site_url or "").hostname or "")
    sources = ["'unsafe-inline'"] if _serving else script_hashes(output_content, _patterns)
    return fill_csp(output_content, sources)
