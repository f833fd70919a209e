"""MkDocs hook: Content-Security-Policy, safe links and escaping that Material leaves out.

Thin event functions over pure functions (no MkDocs import below the events) that
tests/test_security.py calls directly:

- `harden_links`: every `<a href>` keeps only an allowed scheme (http, https, mailto,
  relative); any other (`javascript:`, `data:`, `vbscript:` ...) loses its href, so the
  link text stays visible and inert. Links to another host get `rel="noopener"` and open
  in the same tab (no `target`): the reader decides about new tabs, every external link
  behaves the same, and nothing from another origin gets a handle on this window.
- `fill_csp`: the policy in overrides/partials/csp.html allows scripts from the site
  itself plus the SHA-256 hashes of Material's own inline scripts. Only scripts whose text
  matches one of Material's inline script templates are hashed, so a script that reaches
  the page any other way (raw HTML in a note, an escaping bug) stays blocked.
- Escaping of what the theme prints and the refusal of raw HTML in notes live in
  `studysite.untrusted` (hooks/untrusted.py) and the `htmltitle` block of overrides/main.html.
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import inspect
import logging
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from studysite.json_cache import BuildCache, digest
from studysite.paths import project_root

log = logging.getLogger("mkdocs.hooks.security")

# The literal that overrides/partials/csp.html puts where the script hashes belong.
HASHES_PLACEHOLDER = "'__CSP_SCRIPT_HASHES__'"
CSP_META = '<meta http-equiv="Content-Security-Policy" content="'
ALLOWED_SCHEMES = ("http", "https", "mailto")
EXECUTABLE_TYPES = ("", "text/javascript", "application/javascript", "module")

# A start tag with attribute-aware matching, so a quoted `>` does not end the tag early.
_ATTRIBUTE = r"""\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?"""
A_TAG = re.compile(rf"<a(?:{_ATTRIBUTE})*\s*/?>", re.IGNORECASE)
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


def _hardened(tag: str, site_host: str, removed: list[str]) -> str:
    """One `<a>` start tag as `harden_links` leaves it; a dropped href is added to `removed`."""
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


def link_edits(page_html: str, site_host: str) -> tuple[list[tuple[int, int, str]], list[str]]:
    """What `harden_links` changes: (start, end, new tag) of each `<a>` it rewrites, in order,
    and the hrefs it drops."""
    edits: list[tuple[int, int, str]] = []
    removed: list[str] = []
    for match in A_TAG_TO_CHECK.finditer(page_html):
        tag = _hardened(match.group(0), site_host, removed)
        if tag != match.group(0):
            edits.append((match.start(), match.end(), tag))
    return edits, removed


def apply_edits(text: str, edits: list[tuple[int, int, str]]) -> str:
    pieces, last = [], 0
    for start, end, new in edits:
        pieces += [text[last:start], new]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def harden_links(page_html: str, site_host: str) -> tuple[str, list[str]]:
    """Return (html, removed): unsafe hrefs dropped, external links with rel=noopener.

    `removed` lists the hrefs that were dropped, for logging.
    """
    edits, removed = link_edits(page_html, site_host)
    return apply_edits(page_html, edits), removed


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
            sha = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
            source = f"'sha256-{sha}'"
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


# --- the policy of a page, kept between builds --------------------------------------------


def _valid_policy(value) -> bool:
    return (
        isinstance(value, list) and len(value) == 3 and all(isinstance(part, list) for part in value)
        and all(isinstance(e, list) and len(e) == 3 and type(e[0]) is int and type(e[1]) is int and isinstance(e[2], str)
                for e in value[0])
        and all(isinstance(text, str) for text in value[1] + value[2])
    )


class PolicyCache(BuildCache):
    """Page HTML -> its link edits, dropped hrefs and script hashes, kept in .cache/ between builds.

    Finding them was most of this hook's time on a rebuild of 1,000 notes, where nearly every
    page's HTML is what the last build drew. They depend on nothing but the HTML, the site's
    host, whether the dev server runs and the rules: this module, Python's HTML parser and the
    theme's script templates, all in the cache's version. A build from a clean checkout, as in
    CI and the deploy, has no cache, and a committed .cache/ is refused.
    """

    def __init__(self, path: Path | None, patterns: list[re.Pattern]):
        rules = inspect.getsource(sys.modules[__name__]) + inspect.getsource(HTMLParser) + "\0".join(
            p.pattern for p in patterns)
        super().__init__(path, "page policy " + digest(rules), valid=_valid_policy)
        self.patterns = patterns

    def secured(self, page_html: str, site_host: str, serving: bool) -> tuple[str, list[str]]:
        """The page with its links hardened and its policy filled in, and the hrefs dropped."""
        key = digest(site_host, str(serving), page_html)
        found = self.get(key)
        if found is not None:
            edits, removed, sources = [tuple(e) for e in found[0]], found[1], found[2]
            return fill_csp(apply_edits(page_html, edits), sources), removed
        edits, removed = link_edits(page_html, site_host)
        output = apply_edits(page_html, edits)
        # `mkdocs serve` injects its own inline live-reload script into every response, after
        # this hook: allow inline scripts there (hashes would switch 'unsafe-inline' off).
        sources = ["'unsafe-inline'"] if serving else script_hashes(output, self.patterns)
        self.put(key, [[list(e) for e in edits], removed, sources])
        return fill_csp(output, sources), removed


# --- MkDocs events ---------------------------------------------------------------------

CACHE = Path(".cache") / "html-policy" / "pages.json"

_serving = False
_dirty = False
_patterns: list[re.Pattern] | None = None
_policies: PolicyCache | None = None


def on_startup(command, dirty):
    global _serving, _dirty
    _serving, _dirty = command == "serve", dirty


def on_config(config):
    global _patterns, _policies
    if _patterns is None:
        _patterns = template_script_patterns(material_template_dirs())
    _policies = PolicyCache(project_root(config) / CACHE, _patterns)


def on_post_page(output, page, config):
    if _policies is None:
        on_config(config)
    output, removed = _policies.secured(output, urlsplit(config.site_url or "").hostname or "", _serving)
    for href in removed:
        log.info(f"{page.file.src_uri}: removed link with unsafe URL {href!r}")
    return output


def on_post_build(config):
    if _policies is not None:
        _policies.save(keep_unseen=_dirty)  # a dirty build draws the edited pages only


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
