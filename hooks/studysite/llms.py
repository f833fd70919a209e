"""`llms.txt`, `llms-full.txt` and a Markdown copy of each page, for AI assistants (no MkDocs import).

Why not `mkdocs-llmstxt` 0.5.1: its one-line descriptions are written by hand in `mkdocs.yml`
for each listed file (here they already exist, in every page's `description` front matter and
every record's summary), it converts the rendered HTML back to Markdown with BeautifulSoup,
markdownify and mdformat (four more packages and a second conversion per page), and it writes
page titles into Markdown links unescaped. The Markdown the site is written in is at hand: a
note's copy is its source with the front matter removed and the included example files
(`--8<-- "examples/..."`) put in place, a reference page's copy is its generated Markdown.

Each copy sits at the page's source path (`http/messages.md` next to `http/messages/`), so the
relative links between Markdown files in the sources resolve between the copies too. The JSON
exports (`api/status-codes.json`, `api/methods.json`) stay the structured source for the
reference; llms.txt points at them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

FRONT_MATTER = re.compile(r"\A---\r?\n.*?\r?\n---\r?\n", re.DOTALL)
SNIPPET = re.compile(r'^([ \t]*)--8<-- "([^"\n]+)"[ \t]*$', re.MULTILINE)


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    description: str = ""


# `pymdownx.snippets` section markers inside an included file: `# --8<-- [start:name]`.
SECTION_MARK = re.compile(r"--8<-- \[(start|end):([\w-]+)\]")
# A snippet name with a part: `file:section` or `file:first:last` (line numbers, either optional).
LINES_PART = re.compile(r"^(.*?):(\d*):(\d*)$")
SECTION_PART = re.compile(r"^(.*?):([A-Za-z_][\w-]*)$")


def snippet_lines(lines: list[str], section: str | None, first: int | None, last: int | None) -> list[str] | None:
    """The lines `pymdownx.snippets` would include (None when the section is not there),
    without section markers."""
    if section is not None:
        inside, found, chosen = False, False, []
        for line in lines:
            mark = SECTION_MARK.search(line)
            if mark:
                if mark.group(2) == section:
                    inside, found = mark.group(1) == "start", True
                continue
            if inside:
                chosen.append(line)
        return chosen if found else None
    if first is not None or last is not None:
        lines = lines[(first or 1) - 1 : last]
    return [line for line in lines if not SECTION_MARK.search(line)]


def markdown_copy(source: str, root: Path) -> str:
    """A page's Markdown for readers outside the site: no front matter, snippets included.

    A snippet line names a file relative to the project root, as `pymdownx.snippets` does
    here (`base_path: [.]`), optionally with a section (`file:name`) or lines (`file:3:8`); one
    that does not resolve to a file inside the root stays as it is.
    """
    text = FRONT_MATTER.sub("", source, count=1).lstrip("\n")
    base = root.resolve()

    def include(match: re.Match) -> str:
        indent, name = match.groups()
        section = first = last = None
        if (lines_part := LINES_PART.match(name)) and not (base / name).is_file():
            name, first, last = lines_part.group(1), int(lines_part.group(2) or 1), int(lines_part.group(3) or 0) or None
        elif (section_part := SECTION_PART.match(name)) and not (base / name).is_file():
            name, section = section_part.groups()
        path = (base / name).resolve()
        if not path.is_relative_to(base) or not path.is_file():
            return match.group(0)
        lines = snippet_lines(path.read_text(encoding="utf-8").rstrip("\n").split("\n"), section, first, last)
        if lines is None:
            return match.group(0)
        return "\n".join(indent + line if line else line for line in lines)

    return SNIPPET.sub(include, text)


def one_line(text: str) -> str:
    """Text on one line: runs of whitespace (newlines included) become one space."""
    return " ".join(str(text).split())


def link_text(text: str) -> str:
    """Text that stays the text of a Markdown link: backslashes, brackets and markup escaped."""
    return re.sub(r"([\\\[\]`*_<>])", r"\\\1", one_line(text))


def link_target(url: str) -> str:
    """A URL that stays one Markdown link destination: spaces, parentheses and <> encoded."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


def make_environment(templates: Path) -> Environment:
    """The templates in `templates` (`studysite.paths.machine_templates_dir(config)`: overrides/machine)."""
    env = Environment(
        loader=FileSystemLoader(templates),
        autoescape=False,  # Markdown, not HTML: the filters below escape what Markdown needs
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters.update(link_text=link_text, link_target=link_target, one_line=one_line)
    return env


def llms_txt(env: Environment, *, site_name: str, description: str, site_url: str, sections: list[tuple[str, list[Link]]]) -> str:
    """The index (llmstxt.org): title, summary, then each section's links with descriptions."""
    return env.get_template("llms.txt.j2").render(
        site_name=site_name, description=description, site_url=site_url, sections=sections
    )


def llms_full(*, site_name: str, description: str, pages: list[tuple[str, str]], source: str) -> str:
    """Every listed page's Markdown copy in one file, each headed by `source` and its address."""
    parts = [f"# {one_line(site_name)}\n\n> {one_line(description)}\n"]
    for url, markdown in pages:
        parts.append(f"{one_line(source)}: {link_target(url)}\n\n{markdown.strip()}\n")
    return "\n---\n\n".join(parts)
