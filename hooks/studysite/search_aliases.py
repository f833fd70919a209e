"""Search aliases: the other words a learner may type for a concept a page talks about.

No MkDocs import. `load_aliases(root)` reads `data/search_aliases.yml` (groups of words for one
concept) and returns an `Aliases` table; `Aliases.forms(text)` gives the index forms of every group one of whose words occurs in
`text`. The search index adds them to an entry's `morphs` (or `title_morphs`), so that
`리디렉션`, `redirect` and `3xx` find the pages that say `리다이렉트`, and the other way round,
without any table in the browser.

A Korean word matches anywhere in the text, spaces inside it optional; a Latin word matches only
as a whole word, so `redirect` does not match inside `UPDATEREDIRECTREF`. A form is the word in
lower case without spaces (`사이트 간 요청 위조` -> `사이트간요청위조`), the way the query script
joins the words of a query.
"""

from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path

from studysite.paths import ALIASES_FILE
from studysite.record_schema import Field, check_fields, entry_label
from studysite.yaml_lines import DataError, Problem, read_entries

SCHEMA = (Field("concept", "line"), Field("words", "names"))
HANGUL = re.compile("[\uac00-\ud7a3]")
BLANKS = re.compile(r"\s+")


def index_form(word: str) -> str:
    """How a word is stored in the index: lower case, no blanks."""
    return BLANKS.sub("", word).lower()


def word_pattern(word: str) -> str:
    """A regex for one word: blanks inside it optional; Latin edges must be word edges."""
    parts = [re.escape(part) for part in word.lower().split()]
    body = r"\s*".join(parts)
    if not HANGUL.search(word):
        body = rf"(?<![a-z0-9]){body}(?![a-z0-9])"
    return body


@functools.lru_cache(maxsize=1024)
def alternation(words: tuple[str, ...]) -> re.Pattern:
    """One pattern for `words`, a capturing group each, tried in the order given."""
    return re.compile("|".join(f"({word_pattern(w)})" for w in words))


class Aliases:
    """Groups of words, each group one concept.

    Matching is the leftmost-longest scan of one alternation of all words. Python's regex engine
    tries every alternative at every position, which cost seconds on a large site; so `forms`
    first keeps the words whose blank-free form occurs in the blank-free text (a word that
    matches anywhere must), and scans with the alternation of those alone. A word that cannot
    match anywhere never wins at any position, so the matches are the same.
    """

    def __init__(self, groups: tuple[tuple[str, ...], ...]):
        self.groups = groups
        words = sorted({w for group in groups for w in group}, key=len, reverse=True)
        self._members: dict[str, set[int]] = {}
        for number, group in enumerate(groups):
            for word in group:
                self._members.setdefault(word.lower(), set()).add(number)
        self._order = tuple(w.lower() for w in words)  # longest first, as the alternation tries them
        self._keys = tuple(index_form(w) for w in self._order)

    @property
    def fingerprint(self) -> str:
        """Changes whenever the table does, for caches of finished index fields."""
        text = "\n".join("\t".join(group) for group in self.groups)
        return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()

    def forms(self, text: str) -> list[str]:
        """Index forms of the words of every group that `text` mentions, minus those it has."""
        if not text:
            return []
        lowered = text.lower()
        squeezed = BLANKS.sub("", lowered)
        candidates = tuple(w for w, key in zip(self._order, self._keys) if key in squeezed)
        if not candidates:
            return []
        found_groups: set[int] = set()
        present: set[str] = set()
        for match in alternation(candidates).finditer(lowered):
            word = candidates[match.lastindex - 1]
            present.add(index_form(word))
            found_groups |= self._members[word]
        result: list[str] = []
        for number in sorted(found_groups):
            for word in self.groups[number]:
                form = index_form(word)
                if form not in present and form not in result:
                    result.append(form)
        return result


def load_aliases(root: Path) -> Aliases:
    """The alias groups of `data/search_aliases.yml`; raises DataError with every problem."""
    entries, problems = read_entries(root / ALIASES_FILE, ALIASES_FILE)
    groups: list[tuple[str, ...]] = []
    for number, entry in enumerate(entries, 1):
        label = entry_label(entry, "concept", number)
        values, found = check_fields(entry, SCHEMA, ALIASES_FILE, label)
        problems += found
        words = values.get("words")
        if words is None:
            continue
        if len(words) < 2:
            problems.append(Problem(ALIASES_FILE, entry.lines["words"], f"{label}.words", "needs two or more words"))
            continue
        groups.append(tuple(w.strip() for w in words))
    if problems:
        raise DataError(problems)
    return Aliases(tuple(groups))
