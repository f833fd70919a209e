"""Learning aids: goals, prerequisites, reading time, learning path, quizzes, avoided terms.

Unit tests call the pure functions in hooks/studysite/ directly (no build); the tests marked
`build` read the site of the session build or build a broken copy of the project.
"""

import re
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, run_mkdocs_build
from studysite.glossary_data import load_glossary
from studysite import learning
from studysite.learning import Note, Track
from studysite.quizzes import load_quizzes
from studysite.terminology import Avoided, avoided_variants, check_terms
from studysite.yaml_lines import DataError
from test_bad_input import assert_failed_cleanly, previous_site  # noqa: F401 (previous_site is a fixture)

PAGES = {"index.md", "web/index.md", "web/client-server.md", "http/index.md", "http/messages.md"}
ENV = learning.environment(ROOT / "overrides")


def note(text: str, src: str = "http/messages.md", pages=PAGES):
    return learning.read_note(textwrap.dedent(text), f"docs/{src}", src, pages.__contains__)


def problems(found) -> list[str]:
    return [str(p) for p in found]


# --- front matter --------------------------------------------------------------------------


def test_goals_and_prerequisites_are_read_with_title_and_time():
    result, found = note(
        """\
        ---
        title: 메시지
        goals:
          - 요청 메시지의 네 부분을 구분할 수 있습니다.
          - "`Host` 헤더가 왜 필요한지 설명할 수 있습니다."
        prerequisites:
          - http/index.md
          - web/index.md
        ---

        # HTTP 메시지

        본문입니다.
        """
    )
    assert found == []
    assert result.title == "메시지"
    assert result.goals == ("요청 메시지의 네 부분을 구분할 수 있습니다.", "`Host` 헤더가 왜 필요한지 설명할 수 있습니다.")
    assert result.prerequisites == ("http/index.md", "web/index.md")
    assert result.prerequisite_lines == (7, 8)
    assert result.has_goals and result.has_prerequisites
    assert result.minutes == 1


def test_a_note_without_front_matter_has_no_goals_and_its_title_from_the_heading():
    result, found = note("# 웹과 `인터넷` {#top}\n\n본문\n", src="web/index.md")
    assert found == []
    assert (result.title, result.goals, result.has_goals, result.has_prerequisites) == ("웹과 인터넷", (), False, False)


FRONT_MATTER_CASES = {
    "unknown page": (
        "prerequisites:\n  - http/index.md\n  - http/nothing.md\n",
        ["docs/http/messages.md:4: prerequisites: no page 'http/nothing.md'"],
    ),
    "itself": ("prerequisites: [http/messages.md]\n", ["docs/http/messages.md:2: prerequisites: cycle http/messages.md -> http/messages.md"]),
    "listed twice": (
        "prerequisites:\n  - web/index.md\n  - web/index.md\n",
        ["docs/http/messages.md:4: prerequisites: 'web/index.md' is listed twice"],
    ),
    "not a list": (
        "prerequisites: web/index.md\n",
        ["docs/http/messages.md:2: prerequisites: expected a list of page paths such as http/index.md ([] for none)"],
    ),
    "not text": ("prerequisites:\n  - 3\n", ["docs/http/messages.md:3: prerequisites: expected a page path such as http/index.md"]),
    "one goal": ("goals:\n  - 하나만 있습니다.\n", ["docs/http/messages.md:2: goals: expected 2 to 5 goals, got 1"]),
    "six goals": ("goals: [a, b, c, d, e, f]\n", ["docs/http/messages.md:2: goals: expected 2 to 5 goals, got 6"]),
    "empty goal": ("goals:\n  - 설명할 수 있습니다.\n  - ''\n", ["docs/http/messages.md:4: goals: goal 2 must be one line of text"]),
    "goals not a list": ("goals: 설명할 수 있습니다.\n", ["docs/http/messages.md:2: goals: expected a list of 2 to 5 sentences"]),
    "YAML syntax error": ("goals: [a, b\n", ["docs/http/messages.md:3: front matter: syntax error: expected ',' or ']', but got '<stream end>'"]),
}


@pytest.mark.parametrize("case", FRONT_MATTER_CASES, ids=list(FRONT_MATTER_CASES))
def test_bad_front_matter_is_reported_at_its_line(case):
    front, expected = FRONT_MATTER_CASES[case]
    _, found = note(f"---\n{front}---\n\n# 제목\n")
    assert problems(found) == expected


def test_cycles_are_reported_at_the_item_that_closes_them():
    notes = {}
    for src, front in {
        "web/index.md": "prerequisites: []\n",
        "web/client-server.md": "prerequisites:\n  - web/index.md\n  - http/messages.md\n",
        "http/index.md": "prerequisites:\n  - web/client-server.md\n",
        "http/messages.md": "prerequisites:\n  - http/index.md\n",
    }.items():
        notes[src], found = note(f"---\n{front}---\n", src=src)
        assert found == []
    assert problems(learning.find_cycles(notes)) == [
        "docs/http/messages.md:3: prerequisites: cycle http/messages.md -> http/index.md -> web/client-server.md -> http/messages.md"
    ]
    del notes["http/messages.md"]
    assert learning.find_cycles(notes) == []


# --- reading time --------------------------------------------------------------------------


def test_reading_time_counts_hangul_and_words_but_not_code():
    hangul = "가" * 500
    assert learning.reading_minutes(hangul) == 1
    assert learning.reading_minutes(hangul + "나") == 2  # rounded up
    assert learning.reading_minutes("") == 1  # at least a minute
    assert learning.reading_minutes(" ".join(["word"] * 400)) == 2
    assert learning.reading_minutes("가" * 250 + " " + " ".join(["HTTP"] * 100)) == 1
    code = "```python\n" + "print('가')\n" * 2000 + "```\n"
    spans = "`" + "가" * 2000 + "`\n"
    snippet = '--8<-- "examples/web/app.py"\n'
    link = "[링크](" + "가" * 2000 + ".md)\n"
    assert learning.reading_minutes(code + spans + snippet + link + "가" * 400) == 1


# --- the learning path ---------------------------------------------------------------------

NAV = [
    {"홈": "index.md"},
    {"웹": ["web/index.md", {"클라이언트": "web/client-server.md"}]},
    {"HTTP": ["http/messages.md", "http/index.md", {"깊이": ["reference/status/index.md"]}]},
    {"레퍼런스": ["reference/status/index.md"]},
    "tags.md",
]


def notes_with(prerequisites: dict[str, tuple[str, ...]]) -> dict[str, Note]:
    return {src: Note(src, f"docs/{src}", src, 3, prerequisites=p) for src, p in prerequisites.items()}


def test_tracks_come_from_the_nav_and_hold_notes_only():
    tracks = learning.nav_tracks(NAV, lambda src: src in PAGES and src != "index.md")
    assert tracks == [
        Track("웹", ("web/index.md", "web/client-server.md")),
        Track("HTTP", ("http/messages.md", "http/index.md")),
    ]


def test_path_puts_prerequisites_first_and_keeps_nav_order_otherwise():
    notes = notes_with({"a.md": (), "b.md": ("d.md",), "c.md": (), "d.md": ("a.md",), "e.md": ("x/outside.md",)})
    track = Track("T", ("a.md", "b.md", "c.md", "d.md", "e.md"))
    assert learning.build_path([track], notes) == [Track("T", ("a.md", "c.md", "d.md", "b.md", "e.md"))]


def test_next_notes_follow_the_graph_then_the_path():
    notes = notes_with({"a.md": (), "b.md": (), "c.md": ("a.md",), "d.md": ("a.md",), "x.md": ()})
    path = [Track("1", ("a.md", "b.md")), Track("2", ("d.md", "c.md"))]
    assert learning.next_notes("a.md", path, notes) == ["d.md", "c.md"]  # dependents, in path order
    assert learning.next_notes("b.md", path, notes) == ["d.md"]  # no dependents: the next in the path
    assert learning.next_notes("c.md", path, notes) == []  # the end of the path
    assert learning.next_notes("x.md", path, notes) == []  # not in the path


# --- rendering -----------------------------------------------------------------------------


def test_inline_text_is_escaped_and_code_spans_become_code():
    assert learning.inline_html("<b>굵게</b> `<a href=x>` & \n 끝") == "&lt;b&gt;굵게&lt;/b&gt; <code>&lt;a href=x&gt;</code> &amp; 끝"
    assert learning.source_label("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5") == "RFC 9110 §15.5.5"
    assert learning.source_label("https://www.rfc-editor.org/rfc/rfc6265") == "RFC 6265"
    assert learning.source_label("https://flask.palletsprojects.com/en/stable/quickstart/") == "flask.palletsprojects.com/en/stable/quickstart"


def test_intro_shows_goals_prerequisites_and_time_escaped():
    evil = Note("a.md", "docs/a.md", "A", 4, goals=("<script>alert(1)</script>를 막을 수 있습니다.", "`<b>`를 쓸 수 있습니다."))
    html = learning.render_intro(ENV, evil, [learning.Link('"><img src=x>', "../b/")])
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;를 막을 수 있습니다." in html
    assert "<code>&lt;b&gt;</code>를 쓸 수 있습니다." in html
    assert "이 노트를 읽고 나면" in html and "먼저 읽을 노트" in html
    assert '<a href="../b/">&#34;&gt;&lt;img src=x&gt;</a>' in html
    assert "읽는 데 약 4분" in html
    plain = learning.render_intro(ENV, Note("a.md", "docs/a.md", "A", 2), [])
    assert "이 노트를 읽고 나면" not in plain and "먼저 읽을 노트" not in plain and "읽는 데 약 2분" in plain


def test_intro_goes_under_the_title_or_on_top():
    assert learning.after_title("\n# 제목\n본문\n", "<div>상자</div>\n") == "\n# 제목\n\n<div>상자</div>\n\n본문\n"
    assert learning.after_title("본문\n# 나중 제목\n", "<div>상자</div>") == "<div>상자</div>\n\n본문\n# 나중 제목\n"


def test_learning_path_markdown_lists_tracks_with_links_and_times():
    links = [learning.Link("웹 <개요>", "web/", 7, "web/index.md"), learning.Link("서버", "web/client-server/", 3, "web/client-server.md")]
    markdown = learning.render_path(ENV, [(Track("웹", ()), links)])
    assert "노트 2개, 모두 읽는 데 약 10분이 걸립니다." in markdown
    assert "\n### 웹\n" in markdown
    assert '<a href="web/" data-note="web/index.md">웹 &lt;개요&gt;</a> <span class="learning-time">(약 7분)</span>' in markdown
    assert markdown.count('data-progress="') == 2


# --- quizzes -------------------------------------------------------------------------------

QUESTION = """\
  - question: "`HEAD` 요청에 대한 응답에 대해 옳은 것은 무엇입니까? {n}"
    choices:
      - "본문을 보내지 않습니다."
      - "항상 `204 No Content`입니다."
    answer: 1
    explanation: "`HEAD`는 `GET`과 같은 헤더를 보내지만 본문은 보내지 않습니다. <script>"
    source: https://www.rfc-editor.org/rfc/rfc9110#section-9.3.2
"""
GOOD_QUIZ = "questions:\n" + "".join(QUESTION.replace("{n}", str(n)) for n in range(1, 6))


def write_quiz(root: Path, text: str, name: str = "http/messages.yml") -> Path:
    path = root / "data/quizzes" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return root


def quiz_problems(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_quizzes(root, PAGES.__contains__)
    return [str(p) for p in caught.value.problems]


def test_a_good_quiz_loads(tmp_path):
    quizzes = load_quizzes(write_quiz(tmp_path, GOOD_QUIZ), PAGES.__contains__)
    quiz = quizzes["http/messages.md"]
    assert quiz.display == "data/quizzes/http/messages.yml"
    assert [q.number for q in quiz.questions] == [1, 2, 3, 4, 5]
    assert quiz.questions[0].correct == "본문을 보내지 않습니다."
    assert quiz.questions[1].line == 9


Q = "data/quizzes/http/messages.yml"
QUIZ_CASES = {
    "answer out of range": (("answer: 1", "answer: 3"), [f"{Q}:6: questions[1].answer: expected the number of a choice, 1 to 2, got 3"]),
    "answer not a number": (("answer: 1", "answer: 첫째"), [f"{Q}:6: questions[1].answer: expected an integer, got str '첫째'"]),
    "one choice": (
        ('      - "항상 `204 No Content`입니다."\n', ""),
        [f"{Q}:3: questions[1].choices: expected 2 to 5 choices, got 1"],
    ),
    "same choice twice": (
        ('"항상 `204 No Content`입니다."', '"본문을 보내지 않습니다."'),
        [f"{Q}:3: questions[1].choices: choice 2 repeats choice 1"],
    ),
    "source not https": (
        ("source: https://www", "source: http://www"),
        [f"{Q}:8: questions[1].source: malformed URL 'http://www.rfc-editor.org/rfc/rfc9110#section-9.3.2' (expected https://host/path)"],
    ),
    "missing explanation": (
        ('    explanation: "`HEAD`는 `GET`과 같은 헤더를 보내지만 본문은 보내지 않습니다. <script>"\n', ""),
        [f"{Q}:2: questions[1].explanation: required field is missing"],
    ),
    "unknown field": (("    answer: 1\n", "    answer: 1\n    hint: 힌트\n"), [f"{Q}:7: questions[1].hint: unknown field"]),
    "same question twice": (("니까? 2", "니까? 1"), [f"{Q}:9: questions[2].question: same question as line 2"]),
    "too few questions": ((QUESTION.replace("{n}", "5"), ""), [f"{Q}:2: questions: expected at least 5 questions, got 4"]),
    "not a mapping": (("questions:\n", "- questions:\n"), [f"{Q}:1: file: expected a mapping with `questions:` (a list)"]),
    "syntax error": (("answer: 1", "answer: [1"), [f"{Q}:7: yaml: syntax error: expected ',' or ']', but got ':'"]),
}


@pytest.mark.parametrize("case", QUIZ_CASES, ids=list(QUIZ_CASES))
def test_bad_quiz_is_reported_with_file_and_line(tmp_path, case):
    (old, new), expected = QUIZ_CASES[case]
    assert old in GOOD_QUIZ
    assert quiz_problems(write_quiz(tmp_path, GOOD_QUIZ.replace(old, new, 1))) == expected


def test_a_quiz_needs_its_note_and_the_yml_name(tmp_path):
    write_quiz(tmp_path, GOOD_QUIZ, "http/nothing.yml")
    write_quiz(tmp_path, GOOD_QUIZ, "web/index.yaml")
    assert quiz_problems(tmp_path) == [
        "data/quizzes/http/nothing.yml:1: file: no note docs/http/nothing.md for this quiz",
        "data/quizzes/web/index.yaml:1: file: a quiz file is named <note path without .md>.yml",
    ]


def test_quiz_markup_is_accessible_escaped_and_readable_without_javascript(tmp_path):
    quiz = load_quizzes(write_quiz(tmp_path, GOOD_QUIZ), PAGES.__contains__)["http/messages.md"]
    this = Note("http/messages.md", "docs/http/messages.md", "메시지", 5)
    end = learning.render_end(ENV, this, quiz, [learning.Link("헤더", "../headers/", 4)], True)
    assert end.index("\n## 확인 퀴즈\n") < end.index('class="note-progress"') < end.index("\n## 다음에 읽을 노트\n")
    assert end.count("<fieldset") == 5 and end.count("<legend>") == 5
    assert end.count('type="radio"') == 10
    assert '<label for="quiz-1-2">항상 <code>204 No Content</code>입니다.</label>' in end
    assert end.count('<button type="button" class="md-button quiz__check" hidden>확인</button>') == 5
    assert end.count('aria-live="polite"') == 5
    assert end.count("<summary>정답과 풀이</summary>") == 5
    assert "<p>정답: 1번, 본문을 보내지 않습니다.</p>" in end
    assert "<script>" not in end and "&lt;script&gt;" in end
    assert '근거: <a href="https://www.rfc-editor.org/rfc/rfc9110#section-9.3.2">RFC 9110 §9.3.2</a>' in end
    assert '<button type="button" class="md-button note-progress__toggle" aria-pressed="false" data-note="http/messages.md" hidden>읽음으로 표시</button>' in end
    assert '<a href="../headers/">헤더</a> <span class="learning-time">(약 4분)</span>' in end
    untracked = learning.render_end(ENV, this, None, [], False)
    assert untracked.strip() == ""


def test_the_project_quizzes_are_valid():
    notes = {f.relative_to(ROOT / "docs").as_posix() for f in (ROOT / "docs").rglob("*.md")}
    quizzes = load_quizzes(ROOT, notes.__contains__)
    assert "web/index.md" in quizzes
    assert all(len(q.questions) >= 5 for q in quizzes.values())


# --- the glossary's avoided variants -------------------------------------------------------

AVOIDED = [Avoided("원 서버", "오리진 서버"), Avoided("출처(origin) 서버", "오리진 서버"), Avoided("새로 고침", "새로고침")]


def test_avoided_variants_are_reported_in_prose_only():
    text = textwrap.dedent(
        """\
        ---
        description: 원 서버를 설명합니다.
        ---
        # 원 서버와 캐시

        복원 서버는 다른 말입니다. `원 서버` 코드도 괜찮습니다.
        > 2019년 노트: 원 서버가 응답합니다.
            > 인용 안의 원 서버
        ```text
        원 서버
        ```
        [링크](원%20서버.md) <!-- 원 서버 --> 출처(origin) 서버에서 새로
        고침이 아니라 새로 고침입니다.
        """
    )
    assert problems(check_terms(text, "docs/http/caching.md", AVOIDED)) == [
        "docs/http/caching.md:2: glossary: '원 서버' → use '오리진 서버'",
        "docs/http/caching.md:4: glossary: '원 서버' → use '오리진 서버'",
        "docs/http/caching.md:12: glossary: '출처(origin) 서버' → use '오리진 서버'",
        "docs/http/caching.md:13: glossary: '새로 고침' → use '새로고침'",
    ]


def glossary_problems(tmp_path, records: str) -> list[str]:
    (tmp_path / "data").mkdir()
    (tmp_path / "data/glossary.yml").write_text(textwrap.dedent(records), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_glossary(tmp_path)
    return [str(p) for p in caught.value.problems]


def test_avoid_lists_are_validated(tmp_path):
    assert glossary_problems(
        tmp_path,
        """\
        - term: HTTP
          expansion: HyperText Transfer Protocol
          description: 프로토콜입니다.
          avoid: [에이치티티피]
        - term: origin server
          ko: 오리진 서버
          avoid: [원 서버, 오리진, 원 서버]
        - term: reload
          ko: 새로고침
          avoid: 새로 고침
        """,
    ) == [
        "data/glossary.yml:4: HTTP.avoid: only a translation (a term without expansion) lists variants to avoid",
        "data/glossary.yml:7: origin server.avoid: '오리진' is part of the preferred term '오리진 서버'",
        "data/glossary.yml:7: origin server.avoid: '원 서버' is already listed (line 7)",
        "data/glossary.yml:10: reload.avoid: expected a list of names, got str '새로 고침'",
    ]


def test_project_glossary_avoid_lists_are_loaded():
    avoided = avoided_variants(load_glossary(ROOT).translations)
    assert avoided and all(pair.variant and pair.use for pair in avoided)


# --- the built site ------------------------------------------------------------------------


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


@pytest.mark.build
def test_home_page_shows_the_learning_path(built_site):
    html = read(built_site, "index.html")
    tracks = [re.sub(r"<[^>]+>", "", t) for t in re.findall(r'<h3 id="[^"]*">(.+?)<a class="headerlink"', html)]
    assert tracks[:5] == ["웹", "HTTP", "상태 관리", "HTTPS", "Flask"]
    path = re.findall(r'<a href="([^"]+)" data-note="([^"]+)">', html)
    assert ("web/", "web/index.md") in path and ("http/", "http/index.md") in path
    notes = [note for _, note in path]
    assert len(notes) == len(set(notes)) >= 20
    assert notes.index("web/index.md") < notes.index("http/index.md")
    for _, src in path:  # every note comes after the prerequisites it shares a track with
        text = read(ROOT, f"docs/{src}")
        parsed, _ = learning.read_note(text, src, src, lambda _: True)
        for prerequisite in parsed.prerequisites:
            if prerequisite in notes and prerequisite.split("/")[0] == src.split("/")[0]:
                assert notes.index(prerequisite) < notes.index(src), (prerequisite, src)
    assert re.search(r'data-note="web/index.md">웹과 인터넷</a> <span class="learning-time">\(약 \d+분\)</span>', html)
    assert 'src="assets/javascripts/progress.js" defer' in html
    assert "<!-- learning-path -->" not in html


@pytest.mark.build
def test_note_has_intro_quiz_button_and_next_notes(built_site):
    html = read(built_site, "web/index.html")
    h1 = html.index("<h1 ")
    intro = html.index('<div class="note-intro">')
    assert h1 < intro < html.index("<h2 ")
    assert "이 노트를 읽고 나면" in html and re.search(r"읽는 데 약 \d+분", html)
    assert html.index('<h2 id="확인-퀴즈"') < html.index("note-progress__toggle") < html.index('<h2 id="다음에-읽을-노트"')
    assert html.count('<fieldset class="quiz__question"') >= 5
    assert '<a href="#확인-퀴즈" class="md-nav__link">' in html  # in the table of contents
    assert 'src="../assets/javascripts/progress.js" defer' in html
    http = read(built_site, "http/index.html")
    assert "먼저 읽을 노트" in http


@pytest.mark.build
def test_progress_script_only_where_needed_and_never_inline(built_site):
    assert "progress.js" not in read(built_site, "reference/status/404/index.html")
    script = read(built_site, "assets/javascripts/progress.js")
    assert "fetch(" not in script and "XMLHttpRequest" not in script and "sendBeacon" not in script
    for page in ("index.html", "web/index.html"):
        assert not re.search(r"<script>[^<]*(__read|quiz)", read(built_site, page))


@pytest.mark.build
def test_search_index_has_the_quiz_section_but_not_its_answers(built_site):
    """The heading is found; questions, choices and answers are not (no spoilers, a smaller index)."""
    import json

    docs = json.loads(read(built_site, "search/search_index.json"))["docs"]
    quiz = [doc for doc in docs if doc["location"] == "web/#확인-퀴즈"]
    assert quiz and "정답과 풀이" not in quiz[0]["text"] and not any("정답과 풀이" in doc["text"] for doc in docs)


# --- real builds of a broken copy ----------------------------------------------------------


@pytest.mark.build
def test_bad_learning_data_stops_the_build(project_copy, previous_site):
    web = project_copy / "docs/web/index.md"
    web.write_text("---\nprerequisites:\n  - web/missing.md\n---\n" + web.read_text(encoding="utf-8").split("---\n", 2)[2], encoding="utf-8")
    for src, needs in (("state/cookies.md", "state/sessions.md"), ("state/sessions.md", "state/cookies.md")):
        path = project_copy / "docs" / src
        body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
        path.write_text(f"---\nprerequisites:\n  - {needs}\n---\n{body}", encoding="utf-8")
    headers = project_copy / "docs/http/headers.md"
    headers.write_text(headers.read_text(encoding="utf-8").replace("---\n", "---\ngoals:\n  - `Host`를 설명할 수 있습니다.\n", 1), encoding="utf-8")
    quiz = project_copy / "data/quizzes/web/index.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("answer: 2", "answer: 9", 1), encoding="utf-8")
    answer_line = quiz.read_text(encoding="utf-8").splitlines().index("    answer: 9") + 1
    result = run_mkdocs_build(previous_site, project_copy / "mkdocs.yml")
    assert_failed_cleanly(result, previous_site)
    for expected in (
        "docs/web/index.md:3: prerequisites: no page 'web/missing.md'",
        "docs/http/headers.md:3: front matter: syntax error: found character '`' that cannot start any token",
        f"data/quizzes/web/index.yml:{answer_line}: questions[1].answer: expected the number of a choice, 1 to 4, got 9",
    ):
        assert f"\n{expected}" in result.stderr, result.stderr[-2000:]
    # Which note closes the cycle depends on where the search enters it; either is reported once.
    cycle = re.findall(r"\ndocs/state/(\w+)\.md:3: prerequisites: cycle (.+)", result.stderr)
    assert cycle in (
        [("sessions", "state/sessions.md -> state/cookies.md -> state/sessions.md")],
        [("cookies", "state/cookies.md -> state/sessions.md -> state/cookies.md")],
    ), result.stderr[-2000:]


@pytest.mark.build
def test_an_avoided_variant_stops_the_build(project_copy, previous_site):
    variant = avoided_variants(load_glossary(ROOT).translations)[0]
    path = project_copy / "docs/http/headers.md"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("# ")) + 1
    lines.insert(at, f"\n이 문장은 {variant.variant}라고 씁니다. `{variant.variant}`는 코드라 괜찮습니다.\n")
    path.write_text("".join(lines), encoding="utf-8")
    result = run_mkdocs_build(previous_site, project_copy / "mkdocs.yml")
    assert_failed_cleanly(result, previous_site)
    assert f"\ndocs/http/headers.md:{at + 2}: glossary: '{variant.variant}' → use '{variant.use}'\n" in result.stderr


@pytest.mark.build
def test_glossary_page_lists_the_variants_to_avoid(built_site):
    html = read(built_site, "glossary/index.html")
    assert "<th>쓰지 않는 표현</th>" in html
    for term in load_glossary(ROOT).translations:
        if term.avoid:
            assert f"<td>{', '.join(term.avoid)}</td>" in html
