"""The search alias table: loading, validation and which forms an entry gains."""

import random
import re
from pathlib import Path

import pytest

from studysite.glossary_data import Term
from studysite.search_aliases import (
    ALIASES_FILE, Aliases, gloss_groups, glossary_groups, index_form, korean_before, load_aliases, scan, word_pattern,
)
from studysite.yaml_lines import DataError

ROOT = Path(__file__).resolve().parent.parent


def test_project_table_loads():
    aliases = load_aliases(ROOT)
    assert any("리다이렉트" in group and "redirect" in group for group in aliases.groups)


def test_forms_of_a_korean_word_with_or_without_spaces():
    aliases = Aliases((("사이트 간 요청 위조", "교차 사이트 요청 위조", "csrf"),))
    # A word of a multi-word alias that the text lacks is added too (교차).
    assert aliases.forms("사이트 간 요청 위조를 막으려면") == ["교차사이트요청위조", "교차", "csrf"]
    assert aliases.forms("사이트간 요청위조") == ["교차사이트요청위조", "교차", "csrf"]


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
        for word in aliases.groups[number]:
            form = index_form(word)
            if form not in present and form not in result:
                result.append(form)
            if " " in word and re.search("[\uac00-\ud7a3]", word):  # the words of a multi-word alias
                result += [p for p in word.lower().split() if len(p) >= 2 and p not in text.lower() and p not in result]
    return result


def test_skipping_words_that_cannot_match_changes_nothing():
    aliases = load_aliases(ROOT)
    pieces = [w for group in aliases.groups for w in group] + ["x", "9", " ", "  ", "를", "UPDATE", "-", "\n"]
    generator = random.Random(16)
    for _ in range(300):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(1, 12)))
        assert aliases.forms(text) == forms_by_one_full_scan(aliases, text), text


def test_scan_finds_what_one_alternation_finds():
    words = ("상태 코드", "상태", "aa", "a a", "aaa", "코드", "get", "a")
    pattern = re.compile("|".join(f"({word_pattern(w)})" for w in words))
    generator = random.Random(18)
    pieces = ["상태", "코드", " ", "a", "get", "x", "\n"]
    for _ in range(2000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 14)))
        expected = [(words[m.lastindex - 1], m.start(), m.end()) for m in pattern.finditer(text)]
        assert list(scan(words, text)) == expected, text


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


def term(name, ko=None, expansion=None):
    return Term(name, expansion, ko, None, None, 1)


def test_glossary_records_are_alias_groups():
    groups = glossary_groups([
        term("CSRF", "사이트 간 요청 위조", "Cross-Site Request Forgery"),
        term("request / response", "요청 / 응답"),
        term("header (field)", "헤더 (필드)"),
        term("content, body", "본문"),
        term("a / b", "가"),  # parts that do not pair up give nothing
    ])
    assert groups == [("CSRF", "Cross-Site Request Forgery", "사이트 간 요청 위조"), ("request", "요청"),
                      ("response", "응답"), ("header", "헤더"), ("content", "body", "본문")]


def test_notes_glosses_are_alias_groups():
    notes = [
        "상태 코드(status code)는 세 자리 숫자입니다. 여러분의 가상 환경(virtual environment)을 만듭니다.",
        "클라이언트 측 세션(client-side session), 없다(stateless), 웹(web), RFC(RFC 9110), 규칙(MUST)",
        "본문(body)과 본문(content)",  # one Korean name for two English ones: not sure, left out
    ]
    assert gloss_groups(notes) == [("상태 코드", "status code"), ("가상 환경", "virtual environment"),
                                   ("클라이언트 측 세션", "client-side session")]


def test_korean_words_before_a_gloss():
    text = "abc상태 코드(status code) 두  칸(x)"
    assert korean_before(text, text.index("("), 2) == "상태 코드"
    assert korean_before(text, text.index("("), 3) is None  # `abc상태` ends the run of words
    assert korean_before(text, text.index("(x"), 1) == "칸"
    assert korean_before(text, text.index("(x"), 2) is None  # two spaces end it too
    # A long line of Hangul words with no gloss in it has nothing to give.
    assert gloss_groups(["가나 " * 50_000 + "(ab"]) == []


def test_notes_outside_the_repository_or_too_large_give_no_glosses(tmp_path):
    from studysite.korean_search import note_texts
    from studysite.untrusted import MAX_NOTE_BYTES

    root, docs = tmp_path / "repo", tmp_path / "repo" / "docs"
    docs.mkdir(parents=True)
    (docs / "a.md").write_text("상태 코드(status code)", encoding="utf-8")
    (docs / "big.md").write_text("가" * MAX_NOTE_BYTES, encoding="utf-8")
    (tmp_path / "secret.md").write_text("비밀 이름(secret name)", encoding="utf-8")
    (docs / "link.md").symlink_to(tmp_path / "secret.md")
    assert note_texts(docs, root) == ["상태 코드(status code)"]


def test_project_table_has_glossary_and_gloss_groups():
    groups = {frozenset(index_form(w) for w in group) for group in load_aliases(
        ROOT, [term("ORM", "객체 관계 매핑", "Object-Relational Mapping")], ["리버스 프록시(reverse proxy)"]).groups}
    assert {"orm", "objectrelationalmapping", "객체관계매핑"} in groups
    assert {"리버스프록시", "reverseproxy"} in groups
