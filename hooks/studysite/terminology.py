"""One voice: report the glossary's avoided variants in the prose of a note (no MkDocs import).

`data/glossary.yml` translation records may list `avoid:` variants. `check_terms` reports
each variant found in prose as `docs/x.md:LINE: glossary: '<variant>' → use '<term>'`.
Not prose, so not checked: fenced code, `code` spans, link targets, HTML tags and comments,
and `>` blockquotes (they hold the 2019 notes' wording, quoted as it was).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from studysite.note_lint import _lines as note_lines
from studysite.yaml_lines import Problem

CODE_SPAN = re.compile(r"(`+).+?\1")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
HTML = re.compile(r"<!--.*?-->|<[^>]*>")
# A variant starts a word: "원 서버" must not match inside "복원 서버". Particles may follow.
BEFORE = r"(?<![\w\uac00-\ud7a3])"


@dataclass(frozen=True)
class Avoided:
    variant: str
    use: str

    @property
    def words(self) -> str:
        """The variant as a regex; any run of spaces between its words matches."""
        return r"\s+".join(re.escape(word) for word in self.variant.split())


def avoided_variants(records: Iterable) -> list[Avoided]:
    """(variant, preferred term) pairs from glossary terms with `avoid` and `ko`."""
    pairs = []
    for term in records:
        for variant in getattr(term, "avoid", None) or ():
            pairs.append(Avoided(variant, term.ko))
    return pairs


def prose_lines(text: str) -> Iterable[tuple[int, str]]:
    """(line number, prose) for every line of a note that a reader reads as the site's words."""
    in_comment = False
    for number, line, in_fence in note_lines(text):
        if in_fence or line.lstrip().startswith(">"):
            continue
        if in_comment:
            if "-->" not in line:
                continue
            line, in_comment = line.split("-->", 1)[1], False
        line = HTML.sub(" ", LINK_TARGET.sub("]", CODE_SPAN.sub(" ", line)))
        if "<!--" in line:
            line, in_comment = line.split("<!--", 1)[0], True
        yield number, line


def variants_pattern(avoided: list[Avoided]) -> re.Pattern | None:
    """One regex for every variant (longest first), group `v<i>` naming `avoided[i]`."""
    if not avoided:
        return None
    order = sorted(range(len(avoided)), key=lambda index: -len(avoided[index].variant))
    alternatives = "|".join(f"(?P<v{index}>{avoided[index].words})" for index in order)
    return re.compile(f"{BEFORE}(?:{alternatives})")


def check_terms(text: str, display: str, avoided: list[Avoided], pattern: re.Pattern | None = None) -> list[Problem]:
    """Each avoided variant in the prose of `text`, as `display:line: glossary: ...`."""
    pattern = pattern or variants_pattern(avoided)
    if pattern is None:
        return []
    problems = []
    for number, line in prose_lines(text):
        for match in pattern.finditer(line):
            pair = avoided[int(match.lastgroup[1:])]
            problems.append(Problem(display, number, "glossary", f"'{pair.variant}' → use '{pair.use}'"))
    return problems
