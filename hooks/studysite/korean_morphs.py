"""Korean morpheme forms for Material's search index (pure code: no MkDocs import).

Material's search splits Korean text on whitespace and matches query terms as prefixes, so a
query for `저장하다` misses `저장합니다` and `상태코드` misses `상태 코드`. This module adds, for each
search entry, the forms a prefix search over the text cannot find:

- dictionary forms of verbs and adjectives (`만들기` -> `만들다`, `저장합니다` -> `저장하다`),
- nouns and roots inside a word (`세션아이디를` -> `세션`, `아이디`; `가상환경` -> `환경`),
- adjacent nouns joined across a space (`상태 코드` -> `상태코드`, `세션 아이디` -> `세션아이디`).

Each distinct word is analysed once by kiwipiepy and the result is cached in a JSON file keyed by
the word and the analyser version, so a rebuild analyses only new words. The finished fields of
each search entry are cached too (EntryCache, keyed by a hash of the entry's title and text, the
separator and the analyser version), so a rebuild splits and assembles only changed entries.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from studysite.json_cache import BuildCache, read_json, write_json

# Bump FORMS_REVISION whenever the rules below change: it invalidates both caches.
FORMS_REVISION = 15
ANALYSER_VERSION = (
    f"kiwipiepy {version('kiwipiepy')}, kiwipiepy_model {version('kiwipiepy_model')}, "
    f"forms {FORMS_REVISION}"
)

HANGUL = re.compile("[\uac00-\ud7a3]")
TAG = re.compile(r"<[^>]*>")
INLINE_TAG = re.compile(r"</?(?:a|abbr|b|code|del|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|var)\b[^>]*>", re.I)

# Tags (Sejong tag set as used by kiwipiepy) that form a noun run: common, proper and bound
# nouns (`퍼센트`), roots, foreign words, numbers, noun prefixes and suffixes (`-성`, `-들`).
NOUN_TAGS = {"NNG", "NNP", "NNB", "XR", "SL", "SN", "XPN", "XSN"}
# Tags whose dictionary form is the stem plus 다.
VERB_TAGS = {"VV", "VA", "VX"}
# Verbs that say nothing about a topic (있다, 하다, 않다 ...): nobody searches for them, and their
# dictionary forms were 2% of the index. Their inflected forms stay in the text.
FUNCTION_VERBS = frozenset("있다 없다 하다 되다 않다 같다 이다 아니다 지다 나다 말다 들다 놓다 싶다 늘다".split())
# Verb/adjective-forming suffixes after a noun: 저장 + 하 -> 저장하다, 저장 + 되 -> 저장되다.
VERB_SUFFIX_TAGS = {"XSV", "XSA"}
# The longest run of words joined into one form (`HTTP 상태 코드` -> `http상태코드`).
MAX_JOINED_WORDS = 3
# How learners write some Latin abbreviations in Hangul: `세션 ID` is also indexed as `세션아이디`.
READINGS = {"id": "아이디", "db": "디비", "json": "제이슨"}
LATIN = re.compile("[a-z]+")


@dataclass(frozen=True)
class WordAnalysis:
    """What one word contributes: its forms and the noun runs at its edges."""

    forms: tuple[str, ...]  # every form of the word, lower case, in order
    lead: str  # the noun run the word starts with ('' if it starts otherwise)
    pure: bool  # the word is only a noun run (no particle or ending), so it can join the next

    def to_json(self) -> list:
        return [list(self.forms), self.lead, self.pure]

    @classmethod
    def from_json(cls, value: list) -> "WordAnalysis":
        forms, lead, pure = value
        if not (isinstance(forms, list) and all(isinstance(f, str) for f in forms) and isinstance(lead, str)):
            raise ValueError(f"not a cached analysis: {value!r:.80}")
        return cls(tuple(forms), lead, bool(pure))


def plain_text(markup: str) -> str:
    """Text of a search entry's HTML: tags become spaces, entities are decoded.

    Inline tags are dropped without a space, since a particle follows the marked-up word
    directly (`<code>Content-Type</code>을`): as a word of its own, kiwipiepy reads 을 or 를 as
    a noun (르), and the words were joined into forms nobody types (content르, type을).
    """
    return html.unescape(TAG.sub(" ", INLINE_TAG.sub("", markup)))


@functools.lru_cache(maxsize=16)
def _splitter(separator: str) -> tuple[re.Pattern, int]:
    """`separator` as one capturing group, for re.split, and the groups each match adds."""
    pattern = re.compile(f"({separator})")
    return pattern, pattern.groups


def split_phrases(text: str, separator: str) -> list[list[str]]:
    """Words (lower case) grouped into phrases: punctuation such as `,` or `·` ends a phrase,
    so that only words separated by blanks are joined (`쿠키, 세션` is not `쿠키세션`)."""
    # re.split gives the text before each separator, the separator and its inner groups, and
    # so on: one pass in C instead of a Python loop over every match.
    pattern, groups = _splitter(separator)
    pieces = pattern.split(text)
    phrases: list[list[str]] = [[]]
    word = pieces[0]
    for index in range(1, len(pieces), groups + 1):
        found, following = pieces[index], pieces[index + groups]
        if not found:  # an empty match separates nothing
            word += following
            continue
        if word:
            phrases[-1].append(word.lower())
        if found.strip():
            phrases.append([])
        word = following
    if word:
        phrases[-1].append(word.lower())
    return [phrase for phrase in phrases if phrase]


def is_korean(word: str) -> bool:
    return bool(HANGUL.search(word))


def forms_from_tokens(word: str, tokens: Iterable[tuple[str, str]]) -> WordAnalysis:
    """Turn kiwipiepy's (form, tag) tokens of one word into its search forms.

    `tokens` uses the tag set of kiwipiepy: NNG/NNP nouns, VV/VA verbs and adjectives (a `-I`
    suffix marks irregular ones), XSV/XSA the 하다/되다 suffixes, J* particles, E* endings.
    """
    forms: list[str] = []
    run: list[str] = []  # the current noun run
    lead = ""
    started = False  # a non-noun token has been seen
    pure = True

    def add(form: str) -> None:
        form = form.lower()
        if len(form) >= 2 and form not in forms:
            forms.append(form)

    def close_run() -> None:
        nonlocal lead
        if run:
            joined = "".join(run)
            if not started and not lead:
                lead = joined
            if len(run) > 1:
                add(joined)

    previous_run = ""
    for form, tag in tokens:
        tag = tag.split("-")[0]
        if tag in NOUN_TAGS:
            run.append(form)
            if tag not in ("XSN", "XPN") and not (tag == "NNB" and len(form) < 2):
                add(form)
            continue
        previous_run = "".join(run)
        close_run()
        run.clear()
        started = True
        pure = False
        if tag in VERB_TAGS:
            if form + "다" not in FUNCTION_VERBS:
                add(form + "다")
        elif tag in VERB_SUFFIX_TAGS and previous_run:
            add(previous_run + form + "다")
    close_run()
    if pure and not lead:
        pure = False
    return WordAnalysis(tuple(forms), lead.lower(), pure)


class MorphCache:
    """Word -> WordAnalysis, stored as JSON; entries of another analyser version are dropped.

    The file is read on first use of `words`, so a build whose entries are all in the
    EntryCache never parses it.
    """

    def __init__(self, path: Path | None, analyser_version: str = ANALYSER_VERSION):
        self.path = path
        self.version = analyser_version
        self._words: dict[str, WordAnalysis] | None = None

    @property
    def words(self) -> dict[str, WordAnalysis]:
        if self._words is None:
            data = read_json(self.path, self.version)
            words = data.get("words")
            self._words = {}
            for word, value in (words.items() if isinstance(words, dict) else ()):
                try:
                    self._words[word] = WordAnalysis.from_json(value)
                except (TypeError, ValueError):
                    pass  # a broken entry is analysed again
        return self._words

    @property
    def loaded(self) -> bool:
        return self._words is not None

    def save(self) -> None:
        if self.path is None:
            return
        write_json(self.path, {"version": self.version,
                               "words": {w: a.to_json() for w, a in sorted(self.words.items())}})


def _valid_fields(value) -> bool:
    return isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())


class EntryCache(BuildCache):
    """Search entry key -> its finished fields ({target field: forms}), stored as JSON."""

    def __init__(self, path: Path | None, analyser_version: str = ANALYSER_VERSION):
        super().__init__(path, analyser_version, valid=_valid_fields)

    def key(self, doc: dict, separator: str, fields: dict[str, str]) -> str:
        parts = [self.version, separator, json.dumps(fields, sort_keys=True)]
        parts += [doc.get(source, "") for source in fields]
        return hashlib.blake2b("\0".join(parts).encode("utf-8"), digest_size=16).hexdigest()


MORPH_CACHE = Path(".cache") / "korean-search" / "morphs.json"  # word -> analysis
ENTRY_CACHE = MORPH_CACHE.with_name("entries.json")  # search entry -> its added fields


def field_caches(root: Path, aliases) -> tuple[MorphCache, EntryCache]:
    """The word cache and the entry cache of the project at `root`, for this alias table."""
    return MorphCache(root / MORPH_CACHE), EntryCache(root / ENTRY_CACHE, f"{ANALYSER_VERSION}, aliases {aliases.fingerprint}")

# kiwipiepy's dictionary of multi-word proper nouns (WikiData titles such as `서울 대학교`) can
# only match across words, and the analyser is given one word at a time. Leaving it out takes
# two thirds off the model's load time and about 190 MiB off its memory, and changes no analysis
# (tests/test_korean_morphs.py compares both on every word of the notes).
KIWI_OPTIONS = {"load_multi_dict": False}


def default_tokenizer(**options) -> Callable[[list[str]], list[list[tuple[str, str]]]]:
    """kiwipiepy's analyser as a function from words to their (form, tag) tokens."""
    from kiwipiepy import Kiwi

    kiwi = Kiwi(**(options or KIWI_OPTIONS))

    def tokenize(words: list[str]) -> list[list[tuple[str, str]]]:
        return [[(t.form, t.tag) for t in result] for result in kiwi.tokenize(words)]

    return tokenize


@functools.lru_cache(maxsize=1)
def kept_tokenizer() -> Callable[[list[str]], list[list[tuple[str, str]]]]:
    """default_tokenizer, loaded at most once per process.

    Loading the model takes seconds and hundreds of MiB. A build loads it only for words it has
    not seen, and then lets it go; `mkdocs serve` keeps it, because a writer's every edit brings
    new words and each rebuild would otherwise load it again.
    """
    return default_tokenizer()


class Analyser:
    """Analyses each distinct word once and remembers it in a MorphCache.

    The kiwipiepy model loads only when a word is missing from the cache.
    """

    def __init__(self, cache: MorphCache, tokenizer_factory=default_tokenizer):
        self.cache = cache
        self._factory = tokenizer_factory
        self._tokenize = None
        self.analysed = 0  # words analysed (not found in the cache) by this analyser

    def load_model(self) -> None:
        """Load the model now, not at the first word missing from the cache."""
        if self._tokenize is None:
            self._tokenize = self._factory()

    def analyse(self, words: Iterable[str]) -> dict[str, WordAnalysis]:
        wanted = {w for w in words if is_korean(w)}
        if not wanted:
            return {}  # without reading the word cache
        missing = sorted(wanted - self.cache.words.keys())
        if missing:
            self.load_model()
            for word, tokens in zip(missing, self._tokenize(missing)):
                self.cache.words[word] = forms_from_tokens(word, tokens)
            self.analysed += len(missing)
        return {w: self.cache.words[w] for w in wanted}


def phrase_forms(phrases: list[list[str]], analyses: dict[str, WordAnalysis], only_new: bool = True) -> list[str]:
    """Morpheme forms of phrases (see text_forms), one entry per occurrence."""
    return [form for phrase in phrases for form in text_forms(phrase, analyses, only_new)]


def text_forms(words: list[str], analyses: dict[str, WordAnalysis], only_new: bool = True) -> list[str]:
    """Morpheme forms of a sequence of words (one phrase), one entry per occurrence.

    With `only_new`, a form that is a prefix of the word it came from is left out: Material
    matches query terms as prefixes, so the text already finds it (`쿠키` in `쿠키를`).
    """
    result: list[str] = []
    for i, word in enumerate(words):
        analysis = analyses.get(word)
        if analysis is not None:
            result.extend(f for f in analysis.forms if not (only_new and word.startswith(f)))
        elif word in READINGS:
            result.append(READINGS[word])
        # Join this word with the following ones while this and the middle words are noun runs.
        if not (analysis is None or analysis.pure):
            continue
        parts, korean = [word], is_korean(word)
        for following in words[i + 1 : i + MAX_JOINED_WORDS]:
            nxt = analyses.get(following)
            lead = nxt.lead if nxt is not None else (following if following.isalnum() else "")
            # A Hangul word followed by a Latin or digit one (`정의 host`, `약 11분`) is how
            # table cells and reading times run together, not a compound anyone types; a name
            # read in Hangul (`세션 ID`: 세션id, 세션아이디) is one.
            if not lead or (HANGUL.match(parts[-1][-1]) and lead[0].isascii() and lead[0].isalnum()
                            and lead not in READINGS):
                break
            if korean or is_korean(lead):
                result.append("".join(parts) + lead)
            if nxt is None or not nxt.pure:
                break
            parts.append(following)
            korean = korean or is_korean(following)
    return result + [reading for form in result if (reading := with_readings(form)) != form]


@functools.lru_cache(maxsize=1 << 16)  # the same forms come back on page after page
def with_readings(form: str) -> str:
    """The form with known Latin abbreviations written in Hangul (`세션id` -> `세션아이디`)."""
    if not is_korean(form):
        return READINGS.get(form, form)
    return LATIN.sub(lambda m: READINGS.get(m.group(), m.group()), form)


def analyse_text(text: str, analyser: Analyser, separator: str = r"[\s\-]+", only_new: bool = False) -> list[str]:
    """All morpheme forms of a plain text (convenience for tests and one-off use)."""
    phrases = split_phrases(text, separator)
    analyses = analyser.analyse(w for phrase in phrases for w in phrase)
    return phrase_forms(phrases, analyses, only_new=only_new)


# Search index field that receives the forms of each source field.
FIELDS = {"title": "title_morphs", "text": "morphs"}
# Search index field that holds each title without separators, for exact title matches.
TITLE_KEY = "title_key"
# A title that starts with a code (`404 Not Found`, `3xx 리다이렉션`) also gets keys for its first
# one, two and three words, so the query `404` finds that page first. Not a title that starts
# with a name (`HTTP 치트 시트`, `Flask 예제`): the query `HTTP` would find every such title first.
TITLE_KEY_WORDS = 3


def title_key(phrases: list[list[str]]) -> str:
    """A title (split into phrases) as words for exact lookup: the whole title without
    separators, lower case (`상태 코드` -> `상태코드`); for a title whose first word is a code
    (no Hangul, a digit), also its first words joined the same way (`404 Not Found` -> `404`,
    `404not`)."""
    words = [word for phrase in phrases for word in phrase]
    keys = []
    if words and not is_korean(words[0]) and any(c.isdigit() for c in words[0]):
        keys = ["".join(words[:count]) for count in range(1, min(len(words), TITLE_KEY_WORDS) + 1)]
    keys.append("".join(words))
    return " ".join(dict.fromkeys(key for key in keys if key))


def add_morphs(index: dict, analyser: Analyser, fields: dict[str, str] = FIELDS,
               entry_cache: EntryCache | None = None, aliases=None) -> dict:
    """Add fields of Korean forms to every entry of a Material search index (in place).

    The separator comes from the index's own config, so words split exactly as in the browser.
    See entry_fields for what each entry gets.
    """
    docs = index["docs"]
    for doc, values in zip(docs, entry_fields(docs, index["config"]["separator"], analyser, fields,
                                              entry_cache, aliases)):
        set_fields(doc, fields, values)
    return index


def entry_fields(docs: list[dict], separator: str, analyser: Analyser, fields: dict[str, str] = FIELDS,
                 entry_cache: EntryCache | None = None, aliases=None) -> list[dict[str, str]]:
    """The added fields of each search entry (title and text in, fields out, in order).

    Forms of the title go to their own field so that they can be boosted like the title.
    With `aliases` (search_aliases.Aliases), each field also gets the other words of every alias
    group its source mentions; those a title only mentions (search_aliases.names) go to the
    text's field. Every entry with a title gets its `title_key`. With an `entry_cache`, an entry
    whose title and text are unchanged takes its fields from the cache: only the other entries
    are split and analysed. An entry's fields depend on its own title and text alone, so any
    split of the entries into batches gives the same fields.
    """
    results: list[dict[str, str] | None] = []
    pending = []  # (position, cache key, {source: text}, {source: phrases}) of entries not in the cache
    for doc in docs:
        key = None
        if entry_cache is not None:
            key = entry_cache.key(doc, separator, fields)
            cached = entry_cache.get(key)
            if cached is not None:
                results.append(cached)
                continue
        texts = {source: plain_text(doc.get(source, "")) for source in fields}
        pending.append((len(results), key, texts,
                        {source: split_phrases(text, separator) for source, text in texts.items()}))
        results.append(None)
    analyses = analyser.analyse(
        w for *_, sources in pending for phrases in sources.values() for phrase in phrases for w in phrase
    )
    for position, key, texts, sources in pending:
        found = {target: phrase_forms(sources[source], analyses) for source, target in fields.items()}
        if aliases is not None:
            # The dictionary forms count as words of the text (`지우는` is `지우다`), so that a
            # group can hold a verb (삭제 with 지우다) whatever ending the text gives it.
            said = {source: f"{texts[source]}\n{' '.join(found[target])}" for source, target in fields.items()}
            for source, target in fields.items():
                if source == "title" and "text" in fields:
                    # A title that names the concept (리디렉션, CSRF, Permanent Redirect, the Flask
                    # of `Flask 시작하기`) gives its aliases the title's weight; one that only
                    # mentions it (`305 Use Proxy`), the text's, or it would outrank the pages
                    # about 프록시.
                    korean = is_korean(texts[source])
                    found[target] += aliases.forms(said[source], parts=False, naming=True, korean=korean)
                    found[fields["text"]] += aliases.forms(said[source], parts=False, naming=False, korean=korean)
                else:
                    found[target] += aliases.forms(said[source])
        values = {target: " ".join(forms) for target, forms in found.items() if forms}
        if sources.get("title"):
            values[TITLE_KEY] = title_key(sources["title"])
        results[position] = values
        if entry_cache is not None:
            entry_cache.put(key, values)
    return results


def set_fields(doc: dict, fields: dict[str, str], values: dict[str, str]) -> None:
    for target in [*fields.values(), TITLE_KEY]:
        if target in values:
            doc[target] = values[target]
        else:
            doc.pop(target, None)
