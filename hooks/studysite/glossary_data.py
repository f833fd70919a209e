"""The glossary: terms loaded from `data/glossary.yml`, and the abbreviation markup they drive.

No MkDocs import. `load_glossary(root)` returns typed records or raises `DataError` with
`file:line: field: problem` lines. `FocusableAbbrExtension` adjusts Python-Markdown's `abbr`
extension for Korean text and keyboard users (see its docstring).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path

from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.util import AtomicString

from studysite.record_schema import Field, check_fields, entry_label
from studysite.yaml_lines import DataError, Problem, read_entries

GLOSSARY_FILE = "data/glossary.yml"

SCHEMA = (
    Field("term", "line"),
    Field("expansion", "line", required=False),
    Field("ko", "line", required=False),
    Field("description", "line", required=False),
    Field("see", "line", required=False),
    Field("avoid", "names", required=False),
)

# What Python-Markdown's `*[TERM]: ...` syntax can carry, and what reads as an abbreviation.
ABBREVIATION = re.compile(r"[A-Za-z][A-Za-z0-9]*")


@dataclass(frozen=True)
class Term:
    term: str
    expansion: str | None
    ko: str | None
    description: str | None
    see: str | None
    line: int
    avoid: tuple[str, ...] | None = None  # variants the notes must not use (translations only)

    @property
    def is_abbreviation(self) -> bool:
        return self.expansion is not None

    @property
    def anchor(self) -> str:
        return self.term.lower()

    @property
    def tooltip(self) -> str:
        """The text the reader sees on hover or focus: expansion, Korean name, explanation."""
        name = f"{self.expansion} ({self.ko})" if self.ko else self.expansion
        return f"{name}: {self.description}"


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]

    @property
    def abbreviations(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.is_abbreviation)

    @property
    def translations(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if not t.is_abbreviation)

    def pattern(self) -> re.Pattern | None:
        """One regex for every abbreviation, with ASCII-only word boundaries (see `term_pattern`)."""
        return term_pattern([t.term for t in self.abbreviations])

    def definitions(self, markdown: str, pattern: re.Pattern | None = None) -> str:
        """Abbreviation definitions (`*[HTTP]: ...`) for the terms that occur in `markdown`."""
        pattern = pattern or self.pattern()
        if pattern is None:
            return ""
        found = set(pattern.findall(markdown))
        return "\n".join(f"*[{t.term}]: {t.tooltip}" for t in self.abbreviations if t.term in found)


def term_pattern(terms: list[str]) -> re.Pattern | None:
    """Match whole terms; a Korean particle right after a term ("HTTP는") still counts.

    `\\b` treats Hangul as word characters, so `\\bHTTP\\b` misses "HTTP는", the way Korean
    text almost always writes a term; the boundaries here look at ASCII characters only.
    """
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z0-9_])(?:{alternatives})(?![A-Za-z0-9_])")


def load_glossary(root: Path) -> Glossary:
    entries, problems = read_entries(root / GLOSSARY_FILE, GLOSSARY_FILE)
    terms, seen = [], {}
    for index, entry in enumerate(entries, start=1):
        label = entry_label(entry, "term", index)
        values, found = check_fields(entry, SCHEMA, GLOSSARY_FILE, label)
        term = values["term"]
        if term is not None:
            key = term.casefold()
            if key in seen:
                found.append(Problem(GLOSSARY_FILE, entry.lines["term"], f"{label}.term", f"term defined twice (first at line {seen[key]})"))
            seen.setdefault(key, entry.lines["term"])
        # The kind follows the key, so a malformed expansion is reported once, as itself.
        if "expansion" in entry.values:
            if term is not None and not ABBREVIATION.fullmatch(term):
                found.append(Problem(GLOSSARY_FILE, entry.lines["term"], f"{label}.term", "an abbreviation must be letters and digits only, such as HTTP"))
            if values["description"] is None and "description" not in entry.values:
                found.append(Problem(GLOSSARY_FILE, entry.line, f"{label}.description", "required for an abbreviation (it is the tooltip)"))
        elif values["ko"] is None and "ko" not in entry.values:
            found.append(Problem(GLOSSARY_FILE, entry.line, f"{label}.ko", "required for a translation (a term without expansion)"))
        see = values["see"]
        if see is not None and not (see.endswith(".md") and (root / "docs" / see).is_file()):
            found.append(Problem(GLOSSARY_FILE, entry.lines["see"], f"{label}.see", f"no note docs/{see}"))
        problems += found
        if not found:
            terms.append(Term(**values, line=entry.line))
    if problems:
        raise DataError(sorted(problems, key=lambda p: (p.path, p.line)))
    return Glossary(tuple(terms))


class FocusableAbbrTreeprocessor(AbbrTreeprocessor):
    """Python-Markdown's abbreviation pass, adjusted in four ways.

    - Word boundaries look at ASCII only, so "HTTP는" gets its abbreviation.
    - Only the first use of each term on a page becomes an `<abbr>`, as style guides expand
      an abbreviation at first use: a page saying "HTTP" forty times gets one tooltip, not
      forty dotted underlines (each of which Material would also have to set up at load).
    - That `<abbr>` gets `tabindex="0"`: keyboard users can focus it, and Material's tooltip
      (content.tooltips) shows on focus as it does on hover.
    - Text inside links is left alone: a focusable element inside a link is a nested
      interactive control, and the link already leads somewhere that explains the term.
    """

    SKIP = frozenset({"a", "code", "pre", "kbd", "abbr", "button"})

    def create_element(self, title: str, text: str, tail: str) -> etree.Element:
        element = super().create_element(title, text, tail)
        element.set("tabindex", "0")
        return element

    def run(self, root: etree.Element) -> None:
        if not self.abbrs:
            return
        self.RE = term_pattern(list(self.abbrs))
        self.iter_element(root)
        seen = set()
        parents = {child: parent for parent in root.iter() for child in parent}
        for abbr in list(root.iter("abbr")):
            if abbr.text in seen:
                unwrap(abbr, parents[abbr])
            seen.add(abbr.text)

    def iter_element(self, el: etree.Element, parent: etree.Element | None = None) -> None:
        if el.tag not in self.SKIP:
            for child in reversed(el):
                self.iter_element(child, el)
            if el.text and not isinstance(el.text, AtomicString):
                el.text = self._wrap(el.text, lambda abbr: el.insert(0, abbr))
        if parent is not None and el.tail and not isinstance(el.tail, AtomicString):
            index = list(parent).index(el) + 1
            el.tail = self._wrap(el.tail, lambda abbr: parent.insert(index, abbr))

    def _wrap(self, text: str, insert) -> str:
        """Turn each match in `text` into an `<abbr>` (inserted right to left); return the head."""
        for match in reversed(list(self.RE.finditer(text))):
            title = self.abbrs.get(match.group(0))
            if title:
                insert(self.create_element(title, match.group(0), text[match.end() :]))
                text = text[: match.start()]
        return text


def unwrap(element: etree.Element, parent: etree.Element) -> None:
    """Replace `element` (which holds only text) by its text, keeping the text after it."""
    text = (element.text or "") + (element.tail or "")
    index = list(parent).index(element)
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    parent.remove(element)


class FocusableAbbrExtension(Extension):
    """Swap the `abbr` extension's tree processor for `FocusableAbbrTreeprocessor`.

    List it after `abbr`; it shares the definitions `abbr` collects for the page.
    """

    def extendMarkdown(self, md) -> None:
        if "abbr" not in md.treeprocessors:
            raise RuntimeError("FocusableAbbrExtension needs the abbr extension listed before it")
        abbrs = md.treeprocessors["abbr"].abbrs
        md.treeprocessors.register(FocusableAbbrTreeprocessor(md, abbrs), "abbr", 7)
