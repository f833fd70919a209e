"""The search alias table: loading, validation and which forms an entry gains."""

import random
import re
from pathlib import Path

import pytest

from studysite.search_aliases import ALIASES_FILE, Aliases, index_form, load_aliases, word_pattern
from studysite.yaml_lines import DataError

ROOT = Path(__file__).resolve().parent.parent


def test_project_table_loads():
    aliases = load_aliases(ROOT)
    assert any("리다이렉트" in group and "redirect" in group for group in aliases.groups)


def test_forms_of_a_korean_word_with_or_without_spaces():
    aliases = Aliases((("사이트 간 요청 위조", "교차 사이트 요청 위조", "csrf"),))
    assert aliases.forms("사이트 간 요청 위조를 막으려면") == ["교차사이트요청위조", "csrf"]
    assert aliases.forms("사이트간 요청위조") == ["교차사이트요청위조", "csrf"]


def test_latin_words_match_whole_words_only():
    aliases = Aliases((("리다이렉트", "redirect"),))
    assert aliases.forms("UPDATEREDIRECTREF 메서드") == []
    assert aliases.forms("a Redirect, then") == ["리다이렉트"]


def test_words_already_in_the_text_are_not_added_again():
    aliases = Aliases((("멱등", "멱등성", "idempotent"),))
    assert aliases.forms("멱등성과 멱등") == ["idempotent"]
    assert index_form("Status Code") == "statuscode"


def forms_by_one_full_scan(aliases: Aliases, text: str) -> list[str]:
    """What `forms` computed before it skipped words: one alternation of every word."""
    words = sorted({w.lower() for group in aliases.groups for w in group}, key=len, reverse=True)
    pattern = re.compile("|".join(f"({word_pattern(w)})" for w in words))
    present, found = set(), set()
    for match in pattern.finditer(text.lower()):
        word = words[match.lastindex - 1]
        present.add(index_form(word))
        found |= {n for n, group in enumerate(aliases.groups) if word in (w.lower() for w in group)}
    result = []
    for number in sorted(found):
        for form in map(index_form, aliases.groups[number]):
            if form not in present and form not in result:
                result.append(form)
    return result


def test_skipping_words_that_cannot_match_changes_nothing():
    aliases = load_aliases(ROOT)
    pieces = [w for group in aliases.groups for w in group] + ["x", "9", " ", "  ", "를", "UPDATE", "-", "\n"]
    generator = random.Random(16)
    for _ in range(300):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(1, 12)))
        assert aliases.forms(text) == forms_by_one_full_scan(aliases, text), text


def test_fingerprint_follows_the_table():
    assert Aliases((("a", "b"),)).fingerprint != Aliases((("a", "c"),)).fingerprint


@pytest.mark.parametrize(
    "text, expected",
    [
        ("- concept: x\n  words: [하나]\n", "data/search_aliases.yml:2: x.words: needs two or more words"),
        ("- concept: x\n  words: 하나\n", "data/search_aliases.yml:2: x.words: expected a list of names"),
        ("- concept: x\n  wrods: [a, b]\n", "data/search_aliases.yml:2: x.wrods: unknown field"),
    ],
)
def test_bad_table_is_reported_with_file_and_line(tmp_path, text, expected):
    (tmp_path / ALIASES_FILE).parent.mkdir(parents=True)
    (tmp_path / ALIASES_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_aliases(tmp_path)
    assert any(str(problem).startswith(expected) for problem in error.value.problems), error.value.problems
