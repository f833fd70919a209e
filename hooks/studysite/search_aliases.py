"""Search aliases: the other words a learner may type for a concept a page talks about.

No MkDocs import. `load_aliases(root)` reads `data/search_aliases.yml` (groups of words for one
concept: loanword spellings, translations the site does not use) and returns an `Aliases` table
with, besides, the groups the glossary implies (`glossary_groups`: an abbreviation with its
expansion and Korean name, a translation's English and Korean names) and those the notes
themselves write (`gloss_groups`: `상태 코드(status code)`, the English term in parentheses at
its first mention); `Aliases.forms(text)` gives the index forms of every group one of whose words occurs in
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
import inspect
import re
import sys
from pathlib import Path

from studysite.paths import ALIASES_FILE
from studysite.record_schema import Field, check_fields, entry_label
from studysite.yaml_lines import DataError, Problem, read_entries

SCHEMA = (Field("concept", "line"), Field("words", "names"))
HANGUL = re.compile("[\uac00-\ud7a3]")
BLANKS = re.compile(r"\s+")


@functools.cache
def _own_source() -> str:
    return inspect.getsource(sys.modules[__name__])


def index_form(word: str) -> str:
    """How a word is stored in the index: lower case, no blanks or punctuation
    (`Status Code` -> `statuscode`, `출처(origin) 서버` -> `출처origin서버`)."""
    return re.sub(r"[^\w]+", "", word).lower()


def word_pattern(word: str) -> str:
    """A regex for one word: blanks inside it optional; Latin edges must be word edges."""
    parts = [re.escape(part) for part in word.lower().split()]
    body = r"\s*".join(parts)
    if not HANGUL.search(word):
        body = rf"(?<![a-z0-9]){body}(?![a-z0-9])"
    return body


@functools.lru_cache(maxsize=8192)
def matcher(word: str) -> tuple[str, re.Pattern]:
    """The text every match of `word` starts with (its first part, lower case), and its pattern."""
    return word.lower().split()[0], re.compile(word_pattern(word))


def scan(words: tuple[str, ...], text: str):
    """(word, start, end) of each match of the alternation of `words` (tried in the order given)
    over `text`, as `re.finditer` of that alternation would give them.

    Compiling an alternation for every set of candidate words cost a compile per page; each word's
    own pattern compiles once. A word matches at the same places alone as inside the alternation,
    so: at each place where some word matches, from the end of the last match on, the first word
    in order wins. A word's pattern is tried only where its first part stands (`str.find`), as
    every match starts there; trying it at every position of the text was most of the time."""
    found: dict[int, tuple[int, int]] = {}  # start -> (order of the first word there, end)
    for order, word in enumerate(words):
        if not word.split():
            continue
        first, pattern = matcher(word)
        start = text.find(first)
        while start >= 0:
            match = pattern.match(text, start)
            if match and (start not in found or order < found[start][0]):
                found[start] = (order, match.end())
            start = text.find(first, start + 1)
    position = 0
    for start in sorted(found):
        if start >= position:
            order, end = found[start]
            yield words[order], start, end
            position = end


class Aliases:
    """Groups of words, each group one concept.

    Matching is the scan of one alternation of all words, longest first. Python's regex engine
    tries every alternative at every position, which cost seconds on a large site; so `forms`
    first keeps the words whose blank-free spelling occurs in the blank-free text (a word that
    matches anywhere must), and scans with those alone (`scan`). A word that cannot match
    anywhere never wins at any position, so the matches are the same.
    """

    def __init__(self, groups: tuple[tuple[str, ...], ...]):
        self.groups = groups
        words = sorted({w for group in groups for w in group}, key=len, reverse=True)
        self._members: dict[str, set[int]] = {}
        for number, group in enumerate(groups):
            for word in group:
                self._members.setdefault(word.lower(), set()).add(number)
        self._order = tuple(w.lower() for w in words)  # longest first, as the alternation tries them
        # What a word must leave in the text with its blanks taken out (its punctuation stays).
        self._keys = tuple(BLANKS.sub("", w) for w in self._order)
        # The words by the first two letters of their key: a text can only contain the keys that
        # start with a pair of letters it has, so most words are never looked for (`_candidates`).
        self._by_pair: dict[str, list[int]] = {}
        for position, key in enumerate(self._keys):
            self._by_pair.setdefault(key[:2], []).append(position)
        # Each word's index form, made once: `forms` wants them for every text it reads.
        self._index_forms = {word: index_form(word) for word in self._order}
        self._group_forms = tuple(tuple((word, index_form(word)) for word in group) for group in groups)

    @property
    def fingerprint(self) -> str:
        """Changes whenever the table or the code that matches it does, for caches of finished
        index fields."""
        text = "\n".join("\t".join(group) for group in self.groups)
        return hashlib.blake2b(f"{text}\0{_own_source()}".encode("utf-8"), digest_size=8).hexdigest()

    def _candidates(self, squeezed: str) -> tuple[str, ...]:
        """The words whose key occurs in the blank-free text, in matching order (longest first)."""
        pairs = set(map("".join, zip(squeezed, squeezed[1:]))) | set(squeezed)
        positions = sorted(p for pair in pairs.intersection(self._by_pair) for p in self._by_pair[pair])
        return tuple(self._order[p] for p in positions if self._keys[p] in squeezed)

    def forms(self, text: str, parts: bool = True, naming: bool | None = None, korean: bool = False) -> list[str]:
        """Index forms of the words of every group that `text` mentions, minus those it has.

        With `parts`, a Korean word of several words also gives those of its words (two letters
        or more) that the text lacks: `쿼리 스트링` gives `쿼리스트링` and `스트링`, so the query
        `쿼리 스트링` finds the word `스트링` too instead of taking it for a typo.

        With `naming` True (or False), only the groups that the text names (or only those it
        merely mentions) count; see `names` (`korean`: the text is a Korean title)."""
        if not text:
            return []
        lowered = text.lower()
        candidates = self._candidates(BLANKS.sub("", lowered))
        if not candidates:
            return []
        found_groups: set[int] = set()
        present: set[str] = set()
        for word, start, end in scan(candidates, lowered):
            present.add(self._index_forms[word])
            among_korean = korean and not in_latin_phrase(text, start, end)
            if naming is None or naming == names(word, text[start:end], among_korean):
                found_groups |= self._members[word]
        result: list[str] = []
        for number in sorted(found_groups):
            for word, form in self._group_forms[number]:
                if form not in present and form not in result:
                    result.append(form)
                if parts and " " in word and HANGUL.search(word):
                    result += [part for part in word.lower().split()
                               if len(part) >= 2 and part not in lowered and part not in result]
        return result


def names(word: str, written: str, korean: bool = False) -> bool:
    """Whether a title that has this alias word names the concept: a Korean word, a word of
    several words (Permanent Redirect), one in capitals (CSRF) or an English word among the
    Korean words of a title (`korean`: Flask in `Flask 시작하기`, which writes in English the name
    of what it is about) does; a single English word of an English phrase (Proxy in `305 Use
    Proxy`, Authentication in `407 Proxy Authentication Required`) is only a mention: a page
    about something else."""
    return (korean or bool(HANGUL.search(word)) or " " in word.strip()
            or (len(written) > 1 and written.isupper()))


LATIN_WORD = re.compile(r"[a-z0-9][a-z0-9.\-]*")


def in_latin_phrase(text: str, start: int, end: int) -> bool:
    """Whether the word at text[start:end] stands next to another Latin word or number
    (`305 Use Proxy`), as a part of an English phrase rather than a name among Korean words."""
    before, after = text[:start].split()[-1:], text[end:].split()[:1]
    return any(LATIN_WORD.fullmatch(word.lower()) for word in before + after)


PARENTHETICAL = re.compile(r"\s*\([^)]*\)")


def _names(text: str) -> list[str]:
    """`헤더 (필드)` -> [`헤더`]; `content, body` -> [`content`, `body`]."""
    return [name.strip() for name in PARENTHETICAL.sub("", text).split(",") if name.strip()]


def glossary_groups(terms) -> list[tuple[str, ...]]:
    """Groups implied by glossary records (`glossary_data.Term`): an abbreviation with its
    expansion and Korean name (CSRF, Cross-Site Request Forgery, 사이트 간 요청 위조); a
    translation's English and Korean names, paired part by part when both are split by `/`
    (`request / response` and `요청 / 응답` give request-요청 and response-응답)."""
    groups = []
    for term in terms:
        if term.expansion:
            names = [term.term, *_names(term.expansion), *(_names(term.ko) if term.ko else [])]
            groups.append(names)
        elif term.ko:
            english, korean = term.term.split("/"), term.ko.split("/")
            if len(english) == len(korean):
                groups += [_names(e) + _names(k) for e, k in zip(english, korean)]
    return _distinct(groups)


# `상태 코드(status code)`: an English term in parentheses, right after Hangul words (found by
# `korean_before`, walking back from the parenthesis: one regex for both parts backtracked over
# every run of Hangul words, quadratic in a long line without parentheses).
ENGLISH_GLOSS = re.compile(r"\(([A-Za-z][A-Za-z0-9]*(?:[ -][A-Za-z0-9]+)*)\)")
MAX_GLOSS_WORDS = 4


def korean_before(text: str, end: int, count: int) -> str | None:
    """The `count` Hangul words that end right at `end`, one space between each, or None."""
    words: list[str] = []
    while True:
        start = end
        while start > 0 and "\uac00" <= text[start - 1] <= "\ud7a3":
            start -= 1
        if start == end:
            return None
        words.append(text[start:end])
        if len(words) == count:
            return " ".join(reversed(words))
        if start == 0 or text[start - 1] != " ":
            return None
        end = start - 1


# A Korean name that ends like a verb or a clause (없다, 있는, 바꾸고) is no name.
CLAUSE_ENDINGS = ("다", "요", "음", "는", "은", "을", "를", "며", "고", "어", "아", "여", "게", "한", "된", "인", "의", "서")


def gloss_groups(texts) -> list[tuple[str, ...]]:
    """Groups from the notes' own glosses: `가상 환경(virtual environment)` gives
    (가상 환경, virtual environment). The Korean name is taken with as many words as the English
    one has (each part of a hyphenated word counts), at most MAX_GLOSS_WORDS. Left out: abbreviations
    and requirement words in capitals (the glossary has the abbreviations), names with digits
    (RFC 9110), Korean names of one letter or ending like a verb, and a name glossed with
    different words elsewhere (본문 for body and content), which says nothing sure."""
    pairs = []
    for text in texts:
        for match in ENGLISH_GLOSS.finditer(text):
            english = match.group(1)
            count = len(re.split(r"[ -]", english))
            if count > MAX_GLOSS_WORDS:
                continue
            korean = korean_before(text, match.start(), count)
            if (korean is None or len(korean.replace(" ", "")) < 2 or korean.endswith(CLAUSE_ENDINGS)
                    or any(c.isdigit() for c in english) or (english.isupper() and len(english) > 1)):
                continue
            pairs.append((korean, english))
    partners: dict[str, set[str]] = {}
    for korean, english in pairs:
        partners.setdefault(index_form(korean), set()).add(index_form(english))
        partners.setdefault(index_form(english), set()).add(index_form(korean))
    return _distinct([korean, english] for korean, english in pairs
                     if len(partners[index_form(korean)]) == 1 and len(partners[index_form(english)]) == 1)


def _distinct(groups) -> list[tuple[str, ...]]:
    """Groups of two or more different words (case ignored), each group once, in order."""
    result, seen = [], set()
    for group in groups:
        words = tuple(dict.fromkeys(w for w in group if w))
        words = tuple({index_form(w): w for w in words}.values())
        key = frozenset(index_form(w) for w in words)
        if len(words) >= 2 and key not in seen:
            seen.add(key)
            result.append(words)
    return result


def load_aliases(root: Path, glossary_terms=(), notes=()) -> Aliases:
    """The alias groups of `data/search_aliases.yml`, then those of the glossary records and
    of the notes' glosses (texts); raises DataError with every problem of the file."""
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
    return Aliases(tuple(groups) + tuple(glossary_groups(glossary_terms)) + tuple(gloss_groups(notes)))
