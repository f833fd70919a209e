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
    def pattern(self) -> re.Pattern:
        words = [re.escape(word) for word in self.variant.split()]
        return re.compile(BEFORE + r"\s+".join(words))


def avoided_variants(records: Iterable) -> list[Avoided]:
    """(variant, preferred term) pairs from glossary terms with `avoid` and `ko`."""
    pairs = []
    for term in records:
        for variant in getattr(term, "avoid", None) or ():
            pairs.append(Avoided(variant, term.ko))
    # Longest first, so "출처(origin) 서버" is reported as itself, not as a shorter variant.
    return sorted(pairs, key=lambda pair: -len(pair.variant))


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


def check_terms(text: str, display: str, avoided: list[Avoided]) -> list[Problem]:
    problems = []
    patterns = [(pair, pair.pattern) for pair in avoided]
    for number, line in prose_lines(text):
        taken: list[tuple[int, int]] = []
        for pair, pattern in patterns:
            for match in pattern.finditer(line):
                if any(start < match.end() and match.start() < end for start, end in taken):
                    continue
                taken.append(match.span())
                problems.append(Problem(display, number, "glossary", f"'{pair.variant}' → use '{pair.use}'"))
    return problems
