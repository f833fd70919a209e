"""The project track's notes follow the learning-aids interface: goals, prerequisites,
exercises with folded solutions, a quiz of at least five questions, and a download link."""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
NOTES = sorted((DOCS / "project").glob("*.md"))
HANGUL = re.compile("[\uac00-\ud7a3]")


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    return yaml.safe_load(text.split("---\n", 2)[1])


def test_all_chapters_are_in_the_nav():
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for note in NOTES:
        assert f"- project/{note.name}\n" in nav, note.name
    assert len(NOTES) == 13


def test_the_track_has_at_least_40000_hangul_characters():
    assert sum(len(HANGUL.findall(n.read_text(encoding="utf-8"))) for n in NOTES) >= 40_000


@pytest.mark.parametrize("note", NOTES, ids=lambda p: p.name)
def test_goals_and_prerequisites(note):
    meta = front_matter(note)
    goals = meta["goals"]
    assert 2 <= len(goals) <= 5
    assert all(goal.endswith("수 있습니다.") for goal in goals), goals
    assert isinstance(meta["prerequisites"], list)
    for page in meta["prerequisites"]:
        assert (DOCS / page).is_file(), page


@pytest.mark.parametrize("note", NOTES, ids=lambda p: p.name)
def test_exercises_with_folded_solutions(note):
    text = note.read_text(encoding="utf-8")
    section = text.split("\n## 연습 문제\n", 1)[1].split("\n## ", 1)[0]
    exercises = re.findall(r"^\d+\. ", section, re.M)
    solutions = re.findall(r'^    \?\?\? success "풀이"$', section, re.M)
    assert 3 <= len(exercises) <= 6 and len(solutions) == len(exercises)


@pytest.mark.parametrize("note", NOTES, ids=lambda p: p.name)
def test_quiz(note):
    quiz = yaml.safe_load((ROOT / "data" / "quizzes" / "project" / note.with_suffix(".yml").name)
                          .read_text(encoding="utf-8"))
    questions = quiz["questions"]
    assert len(questions) >= 5
    for question in questions:
        assert set(question) == {"question", "choices", "answer", "explanation", "source"}
        assert 2 <= len(question["choices"]) <= 5
        assert 1 <= question["answer"] <= len(question["choices"])
        assert question["source"].startswith("https://")
        assert "<" not in question["question"] or "`" in question["question"]


@pytest.mark.parametrize("note", [n for n in NOTES if n.name != "index.md"], ids=lambda p: p.name)
def test_chapter_links_its_download(note):
    number = note.name[:2]
    assert f"](downloads/studynotes-ch{number}.zip)" in note.read_text(encoding="utf-8")
