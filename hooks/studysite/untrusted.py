"""Checks on everything a pull request can change, before MkDocs or a theme template uses it.

Plain Python (no MkDocs import); `hooks/untrusted.py` and `hooks/note_checks.py` call it, and
pytest calls it directly. Every problem is one `file:line: field: problem` line.

- Front matter (`front_matter_problems`) is parsed the way MkDocs finds it, with the guarded
  loader of `yaml_lines` (no aliases, no tags, no deep nesting), and every key the theme uses
  is type-checked: MkDocs would otherwise render invalid front matter as page text, and a list
  given as `title` would be printed as `['a', 'b']`.
- Values the theme prints (`DISPLAY_KEYS`) are HTML-escaped by `escape_display_values`:
  Material prints `page.meta.title`, `page.title` and `page.meta.description` raw in the
  header, navigation, footer, tags and blog pages (MkDocs' Jinja environment has no
  autoescape), while a title taken from the first heading is already HTML. Escaping the
  front-matter values once makes every print site safe. Names that become URLs or CSS classes
  (tags, categories, status, icon, template) are refused when they hold markup characters.
- Raw HTML is refused, not rewritten (`ContentPolicy`): an author learns about it at the
  line, and nothing is silently changed. The rendered HTML of every note is checked against
  an allow-list of elements, and attributes are checked for handlers and for URLs that run
  script (`javascript:` ...) or load from another host. A page generated from data keeps
  the elements of the project's own templates; what a data value can bring in through
  Markdown (links, images, attributes) is checked the same way and reported at the data
  file's line.
- Limits (`source_problems`): the size of a note, its number of headings, its longest line
  and control characters, so that no note of a few MB keeps a build busy for minutes.
- Files from outside the repository (`links_outside`): a symbolic link that resolves outside
  would publish a file of the machine that builds the site.
- Build caches (`committed_caches`, `FindingsCache`): `.cache/` holds what earlier builds on
  this machine worked out, including the verdicts of the HTML check, so a file of it that
  comes with a pull request is refused.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import inspect
import logging
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from markupsafe import Markup, escape

from studysite.json_cache import BuildCache
from studysite.learning import FRONT_MATTER
from studysite.yaml_lines import Problem, clean, compose_untrusted, short_repr, to_python

# --- limits ----------------------------------------------------------------------------
# The longest note is about 22 KB with 15 headings; the limits leave room for ten times that.
MAX_NOTE_BYTES = 256 * 1024
MAX_HEADINGS = 300
MAX_LINE_CHARS = 10_000
# Python-Markdown parses nested lists and quotes recursively; 400 levels exhaust the stack.
MAX_INDENT = 200
MAX_QUOTE_DEPTH = 40
MAX_FRONT_MATTER_BYTES = 16 * 1024
# Python-Markdown's inline patterns rescan the rest of a paragraph for every opener that is
# never closed (`[`, a backtick, `*`, `_`, `<`), so a paragraph costs about openers x length
# steps of one to two microseconds: 230 paragraphs of 1,000 `[` took minutes. The "weight" of
# a paragraph is that product; the notes' largest is 0.36 M (a table), a whole note's 0.46 M,
# all notes' 3.3 M. The limits keep any input within a few dozen seconds of rendering. The site
# budget counts only what notes weigh beyond a usual note (USUAL_NOTE_WEIGHT), so a site may grow
# to any number of ordinary notes (5,000 generated notes weigh 17 M in all) but not gather many
# heavy ones that each stay under MAX_NOTE_WEIGHT.
OPENERS = "[`*_<"
MAX_PARAGRAPH_WEIGHT = 1_000_000
MAX_NOTE_WEIGHT = 3_000_000
USUAL_NOTE_WEIGHT = 500_000
MAX_SITE_EXCESS = 12_000_000
MAX_PROBLEMS_PER_FILE = 20

# How MkDocs finds front matter (FRONT_MATTER, from studysite.learning), and a start it would
# not accept.
FRONT_MATTER_START = re.compile(r"^-{3}[ \t]*\n")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
QUOTE_PREFIX = re.compile(r"[ \t>]*")
HTML_HEADING = re.compile(r"<h[1-6][\s>]", re.IGNORECASE)
# Controls other than tab, newline and carriage return, and bidirectional overrides.
SOURCE_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _fenced(text: str):
    """Yield (line number, line, inside or on a code fence) for each line of a note."""
    fence = None
    for number, line in enumerate(text.split("\n"), start=1):
        match = FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
            yield number, line, True
        else:
            if fence is not None and match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
                yield number, line, True
            else:
                yield number, line, fence is not None


def markup_weight(text: str) -> tuple[int, list[tuple[int, int]]]:
    """(weight of the note, [(first line, weight)] of each paragraph over the limit)."""
    total, heavy = 0, []
    start, length, openers = 0, 0, 0
    for number, line, in_fence in _fenced(text):
        if in_fence:
            continue
        if line.strip():
            start = start or number
            length += len(line) + 1
            openers += sum(line.count(c) for c in OPENERS)
            continue
        weight = openers * length
        total += weight
        if weight > MAX_PARAGRAPH_WEIGHT:
            heavy.append((start, weight))
        start, length, openers = 0, 0, 0
    weight = openers * length
    if weight > MAX_PARAGRAPH_WEIGHT:
        heavy.append((start, weight))
    return total + weight, heavy


def source_problems(text: str, size: int, display: str) -> list[Problem]:
    """Limits and control characters of one note (`size` in bytes)."""
    if size > MAX_NOTE_BYTES:
        return [Problem(display, 1, "file", f"is {size:,} bytes; a note may have at most {MAX_NOTE_BYTES:,} (split it)")]
    problems = []
    for match in SOURCE_CONTROL.finditer(text):
        problems.append(Problem(display, _line_at(text, match.start()), "file", f"control character U+{ord(match.group()):04X} is not allowed"))
        if len(problems) >= MAX_PROBLEMS_PER_FILE:
            return problems
    headings, previous = 0, ""
    for number, line, in_fence in _fenced(text):
        if len(line) > MAX_LINE_CHARS:
            problems.append(Problem(display, number, "file", f"line of {len(line):,} characters; at most {MAX_LINE_CHARS:,}"))
            break
        if not in_fence:
            indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
            quotes = len(QUOTE_PREFIX.match(line).group().replace(" ", ""))
            if indent > MAX_INDENT or quotes > MAX_QUOTE_DEPTH:
                problems.append(Problem(display, number, "file", f"nested too deep (at most {MAX_INDENT} columns of indent and {MAX_QUOTE_DEPTH} levels of >)"))
                break
        if not in_fence and (ATX_HEADING.match(line) or (previous.strip() and SETEXT_UNDERLINE.match(line))):
            headings += 1
        previous = "" if in_fence else line
    headings += len(HTML_HEADING.findall(text))
    if headings > MAX_HEADINGS:
        problems.append(Problem(display, 1, "file", f"has {headings:,} headings; a note may have at most {MAX_HEADINGS} (split it)"))
    if problems:
        return problems
    total, heavy = markup_weight(text)
    for line, weight in heavy[:5]:
        problems.append(Problem(display, line, "file", f"paragraph too costly to render ({weight:,} > {MAX_PARAGRAPH_WEIGHT:,}: "
                                f"length x number of [ ` * _ <); split it or put code in a code block"))
    if not heavy and total > MAX_NOTE_WEIGHT:
        problems.append(Problem(display, 1, "file", f"too costly to render ({total:,} > {MAX_NOTE_WEIGHT:,}); split the note"))
    return problems


def site_weight_problems(weights: Iterable[int], display: str) -> list[Problem]:
    """The site-wide budget over the notes' weights (see USUAL_NOTE_WEIGHT)."""
    excess = sum(max(0, weight - USUAL_NOTE_WEIGHT) for weight in weights)
    if excess <= MAX_SITE_EXCESS:
        return []
    return [Problem(display, 1, "file", f"the notes heavier than usual are together too costly to render "
                                        f"({excess:,} beyond {USUAL_NOTE_WEIGHT:,} each > {MAX_SITE_EXCESS:,}); split them")]


# --- front matter ----------------------------------------------------------------------

# Printed by the theme as HTML: escaped once, here, for every print site.
DISPLAY_KEYS = ("title", "description", "subtitle", "author", "revision_date")
LINE_LIMITS = {"title": 200, "description": 500, "subtitle": 200, "author": 100, "slug": 100, "revision_date": 40}
# Names that become URLs, anchors or CSS classes: no markup characters at all.
NAME = re.compile(r"[^<>&\"'`\\\s](?:[^<>&\"'`\\\n\r\t]{0,58}[^<>&\"'`\\\s])?")
NAME_LIST_KEYS = ("tags", "categories", "authors")
HIDE_CHOICES = ("navigation", "toc", "footer", "tags", "feedback", "path")
STATUS = re.compile(r"[a-z][a-z0-9_-]{0,30}")
ICON = re.compile(r"[a-z0-9_-]+(?:/[a-z0-9_-]+){1,3}")
TEMPLATE = re.compile(r"[a-z0-9_-]+(?:/[a-z0-9_-]+)*\.html")
# Theme templates that are not pages: `redirect.html` writes `page.meta.location` into a
# refresh and a script, the others expect variables a note does not have.
FORBIDDEN_TEMPLATES = frozenset({"redirect.html", "404.html", "base.html"})
SLUG = re.compile(r"[\w-]{1,100}")


def split_front_matter(text: str) -> tuple[str | None, int]:
    """(front matter YAML or None, number of lines before the Markdown body)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, 0
    return match.group(1), match.group(0).count("\n")


def front_matter_problems(text: str, display: str, template_exists: Callable[[str], bool]) -> list[Problem]:
    """Problems of the front matter at the start of a note (lines are the file's lines)."""
    source, _ = split_front_matter(text)
    if source is None:
        if FRONT_MATTER_START.match(text):
            return [Problem(display, 1, "front matter", "starts with --- but is never closed with a --- line")]
        return []
    if len(source.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        return [Problem(display, 1, "front matter", f"is larger than {MAX_FRONT_MATTER_BYTES:,} bytes")]
    root, problems = compose_untrusted(source, display, first_line=2, field="front matter")
    if problems:
        return problems
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        return [Problem(display, root.start_mark.line + 2, "front matter", "expected `key: value` lines (a mapping)")]
    seen: dict[str, int] = {}
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + 2
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(Problem(display, line, "front matter", "a key must be plain text, not a list or mapping"))
            continue
        key = key_node.value
        if key in seen:
            problems.append(Problem(display, line, key, f"duplicate key (first at line {seen[key]})"))
            continue
        seen[key] = line
        try:
            value = to_python(value_node)
        except ValueError as error:
            problems.append(Problem(display, value_node.start_mark.line + 2, key, str(error)))
            continue
        message = _value_problem(key, value, template_exists)
        if message:
            problems.append(Problem(display, value_node.start_mark.line + 2, key, message))
    return problems


def _value_problem(key: str, value, template_exists: Callable[[str], bool]) -> str | None:
    if value is None:
        return None
    if key in LINE_LIMITS and key != "revision_date":
        if not isinstance(value, str):
            return f"expected text, got {type(value).__name__} {short_repr(value)}"
        if "\n" in value.strip():
            return "must be a single line"
        if len(value) > LINE_LIMITS[key]:
            return f"is {len(value):,} characters long; at most {LINE_LIMITS[key]}"
        if key == "slug" and not SLUG.fullmatch(value):
            return f"{short_repr(value)} is not a slug (letters, digits, _ and - only)"
        return None
    if key == "revision_date":
        if isinstance(value, (datetime.date, datetime.datetime)):
            return None
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            return None
        return f"expected a date such as 2026-11-26, got {short_repr(value)}"
    if key in NAME_LIST_KEYS:
        if not isinstance(value, list):
            return f"expected a list of names, got {type(value).__name__} {short_repr(value)}"
        for item in value:
            if not isinstance(item, str) or not NAME.fullmatch(item):
                return f"{short_repr(item)} is not a name (one line, at most 60 characters, none of < > & \" ' ` \\)"
        return None
    if key == "hide":
        if not isinstance(value, list) or any(item not in HIDE_CHOICES for item in value):
            return f"expected a list of {', '.join(HIDE_CHOICES)}, got {short_repr(value)}"
        return None
    if key == "template":
        if not isinstance(value, str) or not TEMPLATE.fullmatch(value) or value.startswith(("partials/", "fragments/")):
            return f"{short_repr(value)} is not a page template name such as main.html"
        if value in FORBIDDEN_TEMPLATES or not template_exists(value):
            return f"no page template {value!r} in the theme"
        return None
    if key == "status":
        return None if isinstance(value, str) and STATUS.fullmatch(value) else f"expected a name such as new, got {short_repr(value)}"
    if key == "icon":
        if not isinstance(value, str) or not ICON.fullmatch(value):
            return f"expected an icon name such as material/home, got {short_repr(value)}"
        return None if template_exists(f".icons/{value}.svg") else f"no icon {value!r} in the theme"
    if key in ("draft", "pin"):
        return None if isinstance(value, bool) else f"expected true or false, got {short_repr(value)}"
    if key == "date":
        dates = value.values() if isinstance(value, dict) else [value]
        if all(isinstance(d, (datetime.date, datetime.datetime)) for d in dates):
            return None
        return f"expected a date such as 2026-11-26, got {short_repr(value)}"
    if key == "search":
        if not isinstance(value, dict) or not set(value) <= {"boost", "exclude"}:
            return f"expected `boost` and/or `exclude`, got {short_repr(value)}"
        if "boost" in value and (isinstance(value["boost"], bool) or not isinstance(value["boost"], (int, float))):
            return f"search.boost: expected a number, got {short_repr(value['boost'])}"
        if "exclude" in value and not isinstance(value["exclude"], bool):
            return f"search.exclude: expected true or false, got {short_repr(value['exclude'])}"
        return None
    return None


def escape_display_values(meta: dict) -> None:
    """HTML-escape, in place, the front-matter values that the theme prints without escaping.

    The result is `Markup`, so a template's own `| e` does not escape it twice.
    """
    for key in DISPLAY_KEYS:
        value = meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            meta[key] = escape(value)
        elif isinstance(value, (datetime.date, datetime.datetime)) and key == "revision_date":
            meta[key] = escape(value.isoformat()[:10])


def plain_text(value, html: bool = False) -> str:
    """The plain text of a value for a feed, JSON-LD or a text file: an escaped front-matter
    value (Markup) or, with `html`, a page title taken from its heading is HTML text."""
    if value is None:
        return ""
    if html or isinstance(value, Markup):
        return Markup(str(value)).striptags()
    return str(value)


# --- raw HTML ---------------------------------------------------------------------------

# `button`, `fieldset` and `legend` carry the quiz the learning hook adds to a note from
# overrides/partials/note-quiz.html; a button does nothing without a form or a script, and
# both are refused.
ALLOWED_TAGS = frozenset(
    "a abbr article aside b bdi bdo blockquote br button caption cite code col colgroup dd del details dfn "
    "div dl dt em fieldset figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i img input ins kbd label legend li "
    "mark nav ol p pre q rp rt ruby s samp section small span strong sub summary sup table tbody td "
    "tfoot th thead time tr u ul var wbr".split()
)
INPUT_TYPES = frozenset({"checkbox", "radio"})
# Attributes that take a URL; the second set makes the browser load it with the page.
URL_ATTRIBUTES = frozenset(
    "href src srcset action formaction xlink:href poster data background cite longdesc ping "
    "codebase manifest icon lowsrc dynsrc usemap archive classid profile".split()
)
LOADING_ATTRIBUTES = frozenset("src srcset poster data background lowsrc dynsrc".split())
FORBIDDEN_ATTRIBUTES = frozenset("srcdoc formaction action http-equiv xmlns".split())
LINK_SCHEMES = ("http", "https", "mailto")
_URL_NOISE = re.compile(r"[\x00-\x20]")
_STYLE_NOISE = re.compile(r"/\*.*?\*/|[\s\\]", re.DOTALL)
STYLE_FORBIDDEN = ("url(", "expression(", "@import", "javascript:", "behavior:", "-moz-binding", "image-set(")
# A Mermaid diagram configures Mermaid with an init directive (%%{init: ...}%%) or a front matter
# (--- config: ... ---). Mermaid lets either set CSS (themeCSS, fontFamily) that it checks only
# for balanced braces, so a diagram could load from another host; the theme sets their look.
DIAGRAM_DIRECTIVE = re.compile(r"%%\s*\{")


def url_scheme(url: str) -> str:
    """The scheme a browser would see (lower case), or "" for a relative URL."""
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", _URL_NOISE.sub("", url))
    return match.group(1).lower() if match else ""


def _loads_from_elsewhere(url: str) -> bool:
    cleaned = _URL_NOISE.sub("", url).replace("\\", "/")
    return bool(url_scheme(cleaned)) or cleaned.startswith("//")


class ContentPolicy(HTMLParser):
    """Collects (text to find in the source, problem) for one page's rendered HTML."""

    def __init__(self, generated: bool = False):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[tuple[str, ...], str]] = []
        # A generated page's elements come from the project's own templates; only what a
        # data value can bring in through Markdown (a link, an image, an attribute) is checked.
        self.generated = generated
        self.diagram: list[str] | None = None  # the text of the Mermaid diagram being read
        self.diagram_tag = ""
        self.diagram_depth = 0  # elements named like the diagram's that are open inside it, plus it

    def _add(self, needle: str, message: str) -> None:
        # The tag as written is in the source when it is raw HTML; the value when Markdown
        # wrote the tag (a link, an image).
        if len(self.found) < MAX_PROBLEMS_PER_FILE:
            self.found.append(((self.get_starttag_text() or "", f"]({needle}", needle), message))

    def handle_data(self, data):
        if self.diagram is not None:
            self.diagram.append(data)

    def handle_endtag(self, tag):
        if self.diagram is not None and tag == self.diagram_tag:
            self.diagram_depth -= 1
            if not self.diagram_depth:
                self._check_diagram()

    def close(self):
        super().close()
        if self.diagram is not None:  # never closed: Material still draws it
            self._check_diagram()

    def _check_diagram(self) -> None:
        # Material draws a diagram from the whole text of the `pre.mermaid`, nested elements too.
        text, self.diagram = "".join(self.diagram), None
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        directive = DIAGRAM_DIRECTIVE.search(text)
        if directive or lines[:1] == ["---"]:
            needle = text[directive.start():].split("\n")[0] if directive else (lines[1:2] or ["---"])[0]
            if len(self.found) < MAX_PROBLEMS_PER_FILE:
                self.found.append(((needle,), "a Mermaid diagram may not configure Mermaid (%%{init}%% or a --- config block); "
                                              "the site's theme sets how diagrams look"))

    def handle_starttag(self, tag, attrs):
        if self.diagram is None and "mermaid" in (dict(attrs).get("class") or "").split():
            self.diagram, self.diagram_tag, self.diagram_depth = [], tag, 0
        if self.diagram is not None and tag == self.diagram_tag:
            self.diagram_depth += 1
        if tag not in ALLOWED_TAGS and not self.generated:
            self._add(f"<{tag}", f"<{tag}> is not allowed (allowed: Markdown and plain formatting tags, see CONTRIBUTING.md)")
            return
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self._add(name, f"event handler attribute {name}= on <{tag}> is not allowed")
            elif name in FORBIDDEN_ATTRIBUTES and not self.generated:
                self._add(name, f"attribute {name}= on <{tag}> is not allowed")
            elif name == "style":
                squeezed = _STYLE_NOISE.sub("", value).lower()
                if any(word in squeezed for word in STYLE_FORBIDDEN):
                    self._add(value, f"style on <{tag}> must not load or run anything (url(), expression(), @import)")
            elif name in URL_ATTRIBUTES:
                urls = [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
                for url in urls:
                    scheme = url_scheme(url)
                    if scheme and scheme not in LINK_SCHEMES:
                        self._add(url, f"{scheme}: URL in {name}= on <{tag}> is not allowed")
                    elif name in LOADING_ATTRIBUTES and _loads_from_elsewhere(url):
                        self._add(url, f"<{tag} {name}> loads from another host ({short_repr(url)}); put the file under docs/")
            elif tag == "input" and name == "type" and value.lower() not in INPUT_TYPES and not self.generated:
                self._add(f"<{tag}", f'<input type="{value}"> is not allowed')

    handle_startendtag = handle_starttag


def html_findings(page_html: str, generated: bool = False) -> list[tuple[tuple[str, ...], str]]:
    """(texts to look for in the source, problem) for every disallowed element or attribute.

    `generated`: a page made from data by the project's templates (see `ContentPolicy`).
    """
    policy = ContentPolicy(generated)
    policy.feed(page_html)
    policy.close()
    return policy.found


@functools.cache
def policy_version() -> str:
    """Changes whenever the rules (this module) or Python's HTML parser do, so a verdict kept
    from an earlier build is never reused under other rules."""
    import html.parser

    source = inspect.getsource(sys.modules[__name__]) + inspect.getsource(html.parser)
    return "html policy " + hashlib.blake2b(source.encode("utf-8"), digest_size=16).hexdigest()


def _valid_findings(value) -> bool:
    return isinstance(value, list) and all(
        isinstance(f, list) and len(f) == 2 and isinstance(f[0], list) and all(isinstance(n, str) for n in f[0])
        and isinstance(f[1], str) for f in value
    )


class FindingsCache(BuildCache):
    """Rendered HTML -> its findings, kept in .cache/ between builds.

    Parsing every page was about a tenth of a rebuild of 1,000 notes, and the findings depend on
    nothing but the HTML, whether the page is generated, and the rules (the cache's version).
    A build from a clean checkout, as in CI and the deploy, has no cache and checks every page.
    """

    def __init__(self, path: Path | None, version: str | None = None):
        super().__init__(path, version or policy_version(), valid=_valid_findings)

    def findings(self, page_html: str, generated: bool = False) -> list[tuple[tuple[str, ...], str]]:
        key = hashlib.blake2b(f"{generated}\0{page_html}".encode("utf-8"), digest_size=16).hexdigest()
        found = self.get(key)
        if found is None:
            result = html_findings(page_html, generated)
            self.put(key, [[list(needles), message] for needles, message in result])
            return result
        return [(tuple(needles), message) for needles, message in found]


def html_problems(page_html: str, source: str, display: str) -> list[Problem]:
    """`html_findings` as problems at the line of `source` that has them."""
    return place_findings(html_findings(page_html), source, display)


def place_findings(findings, source: str, display: str) -> list[Problem]:
    """Findings as problems at the line of `source` that has them.

    The line is that of the first of the finding's texts found in the source (any case); a
    text found again is looked for after its previous place, so repeats get their own lines.
    Line 1 when the source does not have it (markup written by an extension).
    """
    lowered = source.lower()
    after: dict[str, int] = {}
    problems = []
    for needles, message in findings:
        line = 1
        for needle in (n.lower() for n in needles if n):
            index = lowered.find(needle, after.get(needle, 0))
            if index == -1:
                index = lowered.find(needle)
            if index != -1:
                after[needle] = index + 1
                line = _line_at(source, index)
                break
        problems.append(Problem(display, line, "html", message))
    return problems


# --- files from outside the repository ------------------------------------------------


def is_inside(path: str | os.PathLike, root: str | os.PathLike) -> bool:
    """True when `path` resolves (symbolic links followed) to `root` or below it."""
    real, base = os.path.realpath(path), os.path.realpath(root)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def links_outside(root: Path, folders: Iterable[str]) -> list[Problem]:
    """Symbolic links under `root/<folder>` that resolve outside `root` (or nowhere)."""
    problems = []
    for folder in folders:
        top = root / folder
        if top.is_symlink() and not is_inside(top, root):
            problems.append(Problem(folder, 1, "file", "is a symbolic link to outside the repository"))
            continue
        for directory, dirnames, filenames in os.walk(top):
            for name in sorted(dirnames + filenames):
                path = Path(directory, name)
                if path.is_symlink() and not is_inside(path, root):
                    display = path.relative_to(root).as_posix()
                    problems.append(Problem(display, 1, "file", "is a symbolic link to outside the repository; copy the file in instead"))
    return problems


def committed_caches(root: Path, folder: str = ".cache") -> list[Problem]:
    """Files of the build caches that are committed to the repository.

    A build trusts `.cache/` (it keeps the search sections and the HTML checks of pages seen
    before), so it must be written by a build on this machine, never come with a pull request.
    Needs git; outside a git checkout there is nothing committed to find.
    """
    if not (root / ".git").exists():
        return []
    try:
        listed = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--", folder],
                                capture_output=True, timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [Problem(name, 1, "file", "build caches are written by the build; remove the file from the repository")
            for name in sorted(n.decode("utf-8", errors="replace") for n in listed.split(b"\0") if n)]


# --- log lines ------------------------------------------------------------------------


class EscapeControls(logging.Filter):
    """Escape control characters in every log line (an exception's message, a file name): a
    terminal escape code from a note must not colour, move or hide what the author reads."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if any(ord(c) < 32 and c not in "\n\t" or 0x7F <= ord(c) <= 0x9F for c in message):
            record.msg = "\n".join(clean(part, 100_000) for part in message.split("\n"))
            record.args = ()
        return True


# --- theme options in mkdocs.yml -------------------------------------------------------


def theme_problems(theme: dict, line_of: Callable[[str], int], display: str = "mkdocs.yml") -> list[Problem]:
    """Types of the theme options Material's templates use; a wrong one is a traceback there."""
    problems = []

    def add(key, message):
        problems.append(Problem(display, line_of(key), f"theme.{key}", message))

    features = theme.get("features", [])
    if not isinstance(features, list) or any(not isinstance(f, str) for f in features):
        add("features", f"expected a list of feature names, got {short_repr(features)}")
    palette = theme.get("palette")
    entries = palette if isinstance(palette, list) else [palette]
    if palette is not None and any(not isinstance(p, dict) for p in entries):
        add("palette", f"expected a mapping or a list of mappings, got {short_repr(palette)}")
    font = theme.get("font")
    if font not in (None, False) and not (isinstance(font, dict) and all(isinstance(v, str) for v in font.values())):
        add("font", f"expected false or a mapping of text and code fonts, got {short_repr(font)}")
    for key in ("language", "favicon", "logo"):
        value = theme.get(key)
        if value is not None and not isinstance(value, str):
            add(key, f"expected text, got {short_repr(value)}")
    icon = theme.get("icon")
    if icon is not None and not isinstance(icon, dict):
        add("icon", f"expected a mapping, got {short_repr(icon)}")
    return problems


def yaml_key_lines(text: str) -> dict[str, int]:
    """Dotted key -> line for the mappings of a YAML file (tags are not constructed)."""
    lines: dict[str, int] = {}
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return lines

    def walk(node, prefix, depth):
        if depth > 4 or not isinstance(node, yaml.MappingNode):
            return
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                name = f"{prefix}{key.value}"
                lines.setdefault(name, key.start_mark.line + 1)
                walk(value, name + ".", depth + 1)

    walk(root, "", 0)
    return lines
