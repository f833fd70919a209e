"""Find status codes and method names in a note's Markdown and link them to the reference.

Plain Python (no MkDocs import). `MentionLinker` is built once per build from the reference
records (one compiled regex); `link(markdown, src_uri)` returns the new Markdown, the mentions
it found (for backlinks) and the headings that split the note into sections.

Only prose is touched, plus inline code that is exactly a mention (`404 Not Found`, `GET`),
which links as a whole. Other code (fenced or inline), headings, admonition/tab title lines, existing
links, link reference definitions, raw HTML, URLs, attribute lists, snippet lines and front
matter are left exactly as they are. A target is linked once per section (the text under one
heading) so that a paragraph full of `GET` does not turn into a row of links. An author opts
out for one mention with a leading backslash: `\\404`, `\\GET` (the backslash is removed).
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass, field

from studysite.paths import method_src_uri, status_src_uri

# Counters and units that turn a bare number into a quantity: "300 바이트", "100자", "200 ms".
# Single-syllable counters count only when a particle or a non-Hangul character follows,
# so that "404 개념" or "500 자체" still link while "100자에서" and "300년에" do not.
LONG_UNITS = (
    "바이트|비트|옥텟|글자|문자|밀리초|시간|개월|번째|번대|퍼센트|달러|가지|킬로바이트|메가바이트"
    "|bytes?|octets?|bits?|chars?|characters?|lines?|seconds?|secs?|ms|px|rem|em|KB|kB|MB|GB|KiB|MiB|B\\b|%"
)
SHORT_UNITS = "자|줄|행|개|명|번|회|건|년|월|주|초|분|원|점|쪽|대|장|배|곳|층|살|권|차"
PARTICLES = "의|에|를|을|이|가|은|는|로|와|과|도|만|씩|째|짜리|까지|부터|보다|으로|이나|동안|이상|이하|미만|전|후|간|당"
UNIT = re.compile(rf"\s?(?:(?:{LONG_UNITS})|(?:{SHORT_UNITS})(?:(?![가-힣])|(?={PARTICLES})))")

# Characters that make a token part of something else: a path, a version, a range, an anchor.
BEFORE = r"(?<![A-Za-z0-9_./:#§~–\-\\])(?<!\d,)"
AFTER = r"(?![A-Za-z0-9_/%~–\-]|\.[A-Za-z0-9])"

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
ATX_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s|$)")
SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
TITLE_LINE = re.compile(r"^\s*(?:!!!|\?\?\?\+?|===!?)\s")
LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s")
ABBR_DEFINITION = re.compile(r"^\s*\*\[[^\]]*\]:")
SNIPPET = re.compile(r"--8<--")
HTML_BLOCK = re.compile(r"^\s{0,3}<(?:[A-Za-z][\w-]*(?=[\s/>]|$)|!--|/[A-Za-z])")
NOT_PARAGRAPH = re.compile(r"^\s*(?:[-*+>|]|\d+[.)]\s|$)")

# Spans inside a line that must stay untouched. Links are captured to read their target.
PROTECTED = re.compile(
    r"""
      (?P<code>(?P<ticks>`+).+?(?P=ticks))
    | (?P<link>!?\[(?:[^\[\]]|\[[^\]]*\])*\]\((?P<url>[^)\s]*)[^)]*\))
    | (?P<reflink>!?\[(?:[^\[\]]|\[[^\]]*\])*\]\[[^\]]*\])
    | (?P<footnote>\[\^[^\]]*\])
    | (?P<html><[A-Za-z/!][^>]*>)
    | (?P<bare_url>(?:https?://|www\.)[^\s)>\]]+)
    | (?P<attrs>\{\s*[:#.][^}]*\})
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Mention:
    """A note's mention of a reference page, in section `section` (0: before any heading)."""

    target: str  # src_uri of the reference page, e.g. "reference/status/404.md"
    section: int
    linked: bool  # True when this run inserted the link, False for a link the author wrote


@dataclass
class Result:
    markdown: str
    mentions: list[Mention] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)  # raw text of each heading, in order
    # (line index, the heading as an ATX line) of each heading: enough to render its anchor.
    heading_lines: list[tuple[int, str]] = field(default_factory=list)


class MentionLinker:
    """Links status codes and method names; build once per site build."""

    def __init__(self, status_codes: dict[int, str], methods: list[str] | tuple[str, ...]):
        self.phrases = dict(status_codes)
        self.methods = tuple(methods)
        full = sorted((f"{code} {phrase}" for code, phrase in self.phrases.items()), key=len, reverse=True)
        self.pattern = re.compile(
            rf"(?:(?P<escape>\\)|{BEFORE})(?:"
            rf"(?P<full>{'|'.join(re.escape(f) for f in full)})"
            rf"|(?P<method>{'|'.join(self.methods)})"
            rf"|(?P<code>[1-5][0-9]{{2}})"
            rf"){AFTER}"
        )

    target_of_code = staticmethod(status_src_uri)
    target_of_method = staticmethod(method_src_uri)

    def link(self, markdown: str, src_uri: str) -> Result:
        """Return the Markdown with mentions linked, plus the mentions and headings found."""
        state = _State(src_uri=src_uri)
        lines = markdown.split("\n")
        out: list[str] = []
        index = _skip_front_matter(lines, out)
        fence: str | None = None
        html_block = False
        while index < len(lines):
            line = lines[index]
            index += 1
            if fence:
                out.append(line)
                if re.match(rf"^\s*{re.escape(fence[0])}{{{len(fence)},}}\s*$", line):
                    fence = None
                continue
            if opened := FENCE.match(line):
                fence = opened.group(1)
                out.append(line)
                continue
            if html_block:
                out.append(line)
                html_block = bool(line.strip())
                continue
            if HTML_BLOCK.match(line):
                out.append(line)
                html_block = "markdown" not in line.split(">", 1)[0]
                continue
            if ATX_HEADING.match(line):
                state.new_section(line.strip().lstrip("#").strip(), index - 1, line.strip())
                out.append(self._rewrite(line, state, link=False))
                continue
            following = lines[index] if index < len(lines) else ""
            if SETEXT_UNDERLINE.match(following) and not NOT_PARAGRAPH.match(line) and line.strip():
                level = "#" if following.strip().startswith("=") else "##"
                state.new_section(line.strip(), index - 1, f"{level} {line.strip()}")
                out.append(self._rewrite(line, state, link=False))
                out.append(following)
                index += 1
                continue
            if LINK_DEFINITION.match(line) or ABBR_DEFINITION.match(line) or SNIPPET.search(line):
                out.append(line)
                continue
            out.append(self._rewrite(line, state, link=not TITLE_LINE.match(line)))
        return Result("\n".join(out), state.mentions, state.headings, state.heading_lines)

    def _rewrite(self, line: str, state: _State, link: bool) -> str:
        pieces, last = [], 0
        for span in PROTECTED.finditer(line):
            pieces.append(self._prose(line[last : span.start()], state, link))
            pieces.append(self._code_span(span, state, link) if span.group("code") else span.group(0))
            if span.group("url") is not None:
                state.author_link(span.group("url"))
            last = span.end()
        pieces.append(self._prose(line[last:], state, link))
        return "".join(pieces)

    def _code_span(self, span: re.Match, state: _State, link: bool) -> str:
        """A code span that is exactly a mention (`404`, `404 Not Found`, `GET`) links as a whole.

        The style guide writes status codes and methods in code font, so these are the
        most common way a note names them; any other code is left alone.
        """
        token = span.group(0)
        inner = token[len(span.group("ticks")) : -len(span.group("ticks"))].strip()
        target = self._target_of_whole(inner)
        if target is None or not link or not state.claim(target):
            return token
        return f"[{token}]({state.relative(target)})"

    def _target_of_whole(self, text: str) -> str | None:
        if text in self.methods:
            return self.target_of_method(text)
        code, _, phrase = text.partition(" ")
        if code.isdigit() and int(code) in self.phrases and phrase in ("", self.phrases[int(code)]):
            return self.target_of_code(int(code))
        return None

    def _prose(self, text: str, state: _State, link: bool) -> str:
        if not text:
            return text

        def replace(match: re.Match) -> str:
            token = match.group(0)
            if match.group("escape"):
                return token[1:]
            if match.group("full"):
                target = self.target_of_code(int(token[:3]))
            elif match.group("method"):
                target = self.target_of_method(token)
            else:
                code = int(token)
                if code not in self.phrases or UNIT.match(text, match.end()):
                    return token
                target = self.target_of_code(code)
            if not link or not state.claim(target):
                return token
            return f"[{token}]({state.relative(target)})"

        return self.pattern.sub(replace, text)


@dataclass
class _State:
    src_uri: str
    section: int = 0
    headings: list[str] = field(default_factory=list)
    heading_lines: list[tuple[int, str]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    claimed: set[str] = field(default_factory=set)

    def new_section(self, title: str, index: int, atx_line: str) -> None:
        self.headings.append(title)
        self.heading_lines.append((index, atx_line))
        self.section += 1
        self.claimed = set()

    def claim(self, target: str) -> bool:
        """Record a mention; True if this is the section's first link to `target`."""
        if target in self.claimed:
            return False
        self.claimed.add(target)
        self.mentions.append(Mention(target, self.section, linked=True))
        return True

    def author_link(self, url: str) -> None:
        """A link the author wrote to a reference page counts as the section's link to it."""
        path = url.split("#", 1)[0]
        if not path.endswith(".md") or "://" in path:
            return
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.src_uri), path)).lstrip("/")
        if target.startswith("reference/") and target not in self.claimed:
            self.claimed.add(target)
            self.mentions.append(Mention(target, self.section, linked=False))

    def relative(self, target: str) -> str:
        return _relative_path(target, posixpath.dirname(self.src_uri) or ".")


# relpath looks up the working directory on every call; a site links the same few hundred
# reference pages from each folder of notes over and over.
_relative_path = functools.lru_cache(maxsize=4096)(posixpath.relpath)


def _skip_front_matter(lines: list[str], out: list[str]) -> int:
    """Copy a leading YAML front matter block to `out`; return the index after it."""
    if not lines or lines[0].strip() != "---":
        return 0
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            out.extend(lines[: end + 1])
            return end + 1
    return 0
