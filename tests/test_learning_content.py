"""Every note teaches: goals, prerequisites, exercises with folded solutions and a quiz.

The completeness rules of the learning aids: front matter `goals` (2 to 5 sentences ending in
"…할 수 있습니다.") and `prerequisites` (existing page paths), a `## 연습 문제` section with 3 to 6
numbered exercises each followed by `??? success "풀이"`, and `data/quizzes/<note>.yml` with at
least 5 questions. Notes are every page under docs/ except the home page (the learning path),
tags.md and the blog index.
"""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
NOT_NOTES = {"index.md", "tags.md", "log/index.md"}
# Notes whose content lands on another branch; tighten once it has been merged.
PENDING: tuple[str, ...] = ()  # every track has its goals, exercises and quizzes
QUIZ_PENDING: set[str] = set()  # every note has its quiz
BLOG_POSTS = "log/posts/"  # the build attaches no quiz to blog posts; they still get goals and exercises

EXERCISES = "## 연습 문제"
SOLUTION = re.compile(r'^ {4}\?\?\? success "풀이"$', re.MULTILINE)
EXERCISE = re.compile(r"^(\d+)\. \S", re.MULTILINE)


def notes() -> list[str]:
    return sorted(
        p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if p.relative_to(DOCS).as_posix() not in NOT_NOTES
    )


def as_params(pending: tuple[str, ...] = PENDING, also: frozenset[str] = frozenset()) -> list:
    params = []
    for note in notes():
        pending_here = note.startswith(pending) or note in also
        marks = [pytest.mark.xfail(reason="content pending", strict=False)] if pending_here else []
        params.append(pytest.param(note, id=note, marks=marks))
    return params


def front_matter(text: str) -> dict:
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    assert match, "no front matter"
    return yaml.safe_load(match.group(1)) or {}


def exercise_section(text: str) -> str:
    assert EXERCISES + "\n" in text, f"no '{EXERCISES}' section"
    section = text.split(EXERCISES + "\n", 1)[1]
    return re.split(r"^## ", section, maxsplit=1, flags=re.MULTILINE)[0]


def test_the_note_list_covers_every_track():
    found = notes()
    assert {"web/index.md", "http/status-codes.md", "https/index.md", "log/posts/2019-05-18-first-study.md"} <= set(found)
    assert not set(found) & NOT_NOTES


@pytest.mark.parametrize("note", as_params())
def test_note_has_goals_and_prerequisites(note):
    meta = front_matter((DOCS / note).read_text(encoding="utf-8"))
    goals = meta.get("goals")
    assert isinstance(goals, list) and 2 <= len(goals) <= 5, "goals: 2 to 5 items"
    assert all(isinstance(g, str) and g.endswith("수 있습니다.") for g in goals), "goals end with '…할 수 있습니다.'"
    prerequisites = meta.get("prerequisites")
    assert isinstance(prerequisites, list), "prerequisites: a list ([] when none)"
    assert all((DOCS / p).is_file() and p != note for p in prerequisites), prerequisites


@pytest.mark.parametrize("note", as_params())
def test_note_has_three_to_six_exercises_each_with_a_folded_solution(note):
    section = exercise_section((DOCS / note).read_text(encoding="utf-8"))
    numbers = [int(n) for n in EXERCISE.findall(section)]
    assert 3 <= len(numbers) <= 6, f"{len(numbers)} exercises"
    assert numbers == list(range(1, len(numbers) + 1)), numbers
    chunks = EXERCISE.split(section)[2::2]  # the text of each exercise, after its number
    assert all(len(SOLUTION.findall(chunk)) == 1 for chunk in chunks), "each exercise has one '??? success \"풀이\"'"


@pytest.mark.parametrize("note", [p for p in as_params(also=frozenset(QUIZ_PENDING)) if not p.id.startswith(BLOG_POSTS)])
def test_note_has_a_quiz_of_at_least_five_questions(note):
    path = ROOT / "data/quizzes" / (note.removesuffix(".md") + ".yml")
    assert path.is_file(), f"no {path.relative_to(ROOT)}"
    questions = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("questions") or []
    assert len(questions) >= 5
    for q in questions:
        assert 2 <= len(q["choices"]) <= 5 and 1 <= q["answer"] <= len(q["choices"])
        assert q["explanation"].strip() and q["source"].startswith("https://")


def test_code_solutions_live_in_examples_and_are_run_by_a_test():
    """A solution that includes a file includes one under examples/exercises/ that a test names."""
    tests = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_exercises*.py"))
    included = set()
    for note in notes():
        included |= set(re.findall(r'--8<-- "(examples/exercises/[^"]+)"', (DOCS / note).read_text(encoding="utf-8")))
    assert included, "no exercise includes a code solution"
    for path in sorted(included):
        assert (ROOT / path).is_file(), path
        assert path in tests, f"{path} is not run by a tests/test_exercises*.py"
