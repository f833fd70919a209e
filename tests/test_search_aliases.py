"""The search alias table: loading, validation and which forms an entry gains."""

from pathlib import Path

import pytest

from studysite.search_aliases import ALIASES_FILE, Aliases, index_form, load_aliases
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
