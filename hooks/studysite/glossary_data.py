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

from studysite.paths import GLOSSARY_FILE
from studysite.record_schema import Field, check_fields, entry_label
from studysite.yaml_lines import DataError, Problem, read_entries

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
    # The lookahead of first letters lets the engine skip, in one test, the positions where
    # no term can start (most of a Korean page), instead of trying every term there.
    first = "".join(sorted({re.escape(t[0]) for t in terms}))
    return re.compile(rf"(?=[{first}])(?<![A-Za-z0-9_])(?:{alternatives})(?![A-Za-z0-9_])")


def load_glossary(root: Path) -> Glossary:
    entries, problems = read_entries(root / GLOSSARY_FILE, GLOSSARY_FILE)
    terms, seen, avoided = [], {}, {}
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
        found += _avoid_problems(values, entry, label, avoided)
        see = values["see"]
        if see is not None and not (see.endswith(".md") and (root / "docs" / see).is_file()):
            found.append(Problem(GLOSSARY_FILE, entry.lines["see"], f"{label}.see", f"no note docs/{see}"))
        problems += found
        if not found:
            terms.append(Term(**values, line=entry.line))
    if problems:
        raise DataError(sorted(problems, key=lambda p: (p.path, p.line)))
    return Glossary(tuple(terms))


def _avoid_problems(values: dict, entry, label: str, avoided: dict[str, int]) -> list[Problem]:
    """`avoid` belongs to translations; each variant differs from the term and is listed once."""
    variants = values["avoid"]
    if variants is None:
        return []
    line, where = entry.lines["avoid"], f"{label}.avoid"
    if "expansion" in entry.values:
        return [Problem(GLOSSARY_FILE, line, where, "only a translation (a term without expansion) lists variants to avoid")]
    problems = []
    for variant in variants:
        key = " ".join(variant.split())
        if values["ko"] and key in values["ko"]:
            problems.append(Problem(GLOSSARY_FILE, line, where, f"{variant!r} is part of the preferred term {values['ko']!r}"))
        elif key in avoided:
            problems.append(Problem(GLOSSARY_FILE, line, where, f"{variant!r} is already listed (line {avoided[key]})"))
        avoided.setdefault(key, line)
    return problems


class FocusableAbbrTreeprocessor(AbbrTreeprocessor):
    """Python-Markdown's abbreviation pass, adjusted in five ways.

    - Word boundaries look at ASCII only, so "HTTP는" gets its abbreviation.
    - Only the first use of each term on a page becomes an `<abbr>`, as style guides expand
      an abbreviation at first use: a page saying "HTTP" forty times gets one tooltip, not
      forty dotted underlines (each of which Material would also have to set up at load).
    - That `<abbr>` gets `tabindex="0"`: keyboard users can focus it, and Material's tooltip
      (content.tooltips) shows on focus as it does on hover.
    - Text inside links is left alone: a focusable element inside a link is a nested
      interactive control, and the link already leads somewhere that explains the term.
    - One pass in document order, linear in the page's size (see `_walk`).
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
        self.seen: set[str] = set()
        self._walk(root)

    def _walk(self, el: etree.Element) -> None:
        """Wrap first uses in document order; each element's children are rebuilt once.

        Linear in the size of the page: Python-Markdown's own pass inserts every match with
        `insert` and looks up each child's index, which is quadratic in the number of
        matches and children (a note of a few MB took minutes).
        """
        if el.tag in self.SKIP:
            return
        children: list[etree.Element] = []
        if el.text and not isinstance(el.text, AtomicString):
            el.text = self._split(el.text, children)
        for child in list(el):
            self._walk(child)
            children.append(child)
            if child.tail and not isinstance(child.tail, AtomicString):
                child.tail = self._split(child.tail, children)
        if len(children) != len(el):
            el[:] = children

    def _split(self, text: str, out: list) -> str:
        """Append an `<abbr>` for each first use of a term in `text` to `out`; return the head."""
        head, last = None, None
        for match in self.RE.finditer(text):
            term = match.group(0)
            title = self.abbrs.get(term)
            if not title or term in self.seen:
                continue
            self.seen.add(term)
            if last is None:
                head = text[: match.start()]
            else:
                last.tail = text[last_end : match.start()]
            last = self.create_element(title, term, "")
            last_end = match.end()
            out.append(last)
        if last is None:
            return text
        last.tail = text[last_end:]
        return head


class FocusableAbbrExtension(Extension):
    """Swap the `abbr` extension's tree processor for `FocusableAbbrTreeprocessor`.

    List it after `abbr`; it shares the definitions `abbr` collects for the page.
    """

    def extendMarkdown(self, md) -> None:
        if "abbr" not in md.treeprocessors:
            raise RuntimeError("FocusableAbbrExtension needs the abbr extension listed before it")
        abbrs = md.treeprocessors["abbr"].abbrs
        md.treeprocessors.register(FocusableAbbrTreeprocessor(md, abbrs), "abbr", 7)
