"""Self-check quizzes: `data/quizzes/<note path without .md>.yml`, validated (no MkDocs import).

`load_quizzes(root, is_note)` returns a quiz per note (keyed by the note's `src_uri`) or
raises `DataError` with every problem as `file:line: field: problem`. Fields are plain text
(HTML is escaped when rendered; `code` spans become <code>), `answer` is the 1-based number
of the right choice, and `source` is the https link the explanation rests on. Problems name
a question by its 1-based number, as the page shows it: `questions[3].answer`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from studysite.record_schema import Field, check_fields
from studysite.yaml_lines import DataError, Problem, compose_file, entries_of

QUIZ_DIR = "data/quizzes"
MIN_QUESTIONS = 5
MIN_CHOICES, MAX_CHOICES = 2, 5

SCHEMA = (
    Field("question", "text"),
    Field("choices", "names"),
    Field("answer", "int"),
    Field("explanation", "text"),
    Field("source", "url"),
)


@dataclass(frozen=True)
class Question:
    number: int
    question: str
    choices: tuple[str, ...]
    answer: int  # 1-based
    explanation: str
    source: str
    line: int

    @property
    def correct(self) -> str:
        return self.choices[self.answer - 1]


@dataclass(frozen=True)
class Quiz:
    note: str  # src_uri of the note, e.g. http/messages.md
    display: str  # the data file, e.g. data/quizzes/http/messages.yml
    questions: tuple[Question, ...]


def note_of(relative: str) -> str:
    """`http/messages.yml` (under data/quizzes) -> `http/messages.md`."""
    return relative.removesuffix(".yml") + ".md"


def load_quizzes(root: Path, is_note: Callable[[str], bool]) -> dict[str, Quiz]:
    folder = root / QUIZ_DIR
    quizzes, problems = {}, []
    paths = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
    for path in paths:
        relative = path.relative_to(folder).as_posix()
        display = f"{QUIZ_DIR}/{relative}"
        if not relative.endswith(".yml"):
            problems.append(Problem(display, 1, "file", "a quiz file is named <note path without .md>.yml"))
            continue
        note = note_of(relative)
        if not is_note(note):
            problems.append(Problem(display, 1, "file", f"no note docs/{note} for this quiz"))
            continue
        quiz, found = read_quiz(path, display, note)
        problems += found
        if quiz is not None:
            quizzes[note] = quiz
    if problems:
        raise DataError(sorted(problems, key=lambda p: (p.path, p.line)))
    return quizzes


def read_quiz(path: Path, display: str, note: str) -> tuple[Quiz | None, list[Problem]]:
    root, problems = compose_file(path, display)
    if problems:
        return None, problems
    if not isinstance(root, yaml.MappingNode):
        line = root.start_mark.line + 1 if root is not None else 1
        return None, [Problem(display, line, "file", "expected a mapping with `questions:` (a list)")]
    sequence = None
    for key, value in root.value:
        line = key.start_mark.line + 1
        if key.value != "questions":
            problems.append(Problem(display, line, str(key.value), "unknown field"))
        elif not isinstance(value, yaml.SequenceNode):
            problems.append(Problem(display, line, "questions", "expected a list of questions"))
        else:
            sequence = value
    if sequence is None:
        if not problems:
            problems.append(Problem(display, 1, "questions", "required field is missing"))
        return None, problems
    entries, found = entries_of(sequence, display)
    problems += found
    if len(sequence.value) < MIN_QUESTIONS:
        line = sequence.start_mark.line + 1
        problems.append(Problem(display, line, "questions", f"expected at least {MIN_QUESTIONS} questions, got {len(sequence.value)}"))

    questions, seen = [], {}
    for number, entry in enumerate(entries, start=1):
        label = f"questions[{number}]"
        values, found = check_fields(entry, SCHEMA, display, label)
        found += _question_problems(values, entry.lines, display, label)
        if values["question"] is not None:
            text = " ".join(values["question"].split())
            if text in seen:
                found.append(Problem(display, entry.lines["question"], f"{label}.question", f"same question as line {seen[text]}"))
            seen.setdefault(text, entry.lines["question"])
        problems += found
        if not found:
            questions.append(Question(number=number, line=entry.line, **values))
    if problems:
        return None, problems
    return Quiz(note, display, tuple(questions)), []


def _question_problems(values: dict, lines: dict[str, int], display: str, label: str) -> list[Problem]:
    problems = []
    choices = values["choices"]
    if choices is not None:
        where = f"{label}.choices"
        if not MIN_CHOICES <= len(choices) <= MAX_CHOICES:
            problems.append(Problem(display, lines["choices"], where, f"expected {MIN_CHOICES} to {MAX_CHOICES} choices, got {len(choices)}"))
        normalised = [" ".join(c.split()) for c in choices]
        for index, choice in enumerate(normalised):
            if choice in normalised[:index]:
                problems.append(Problem(display, lines["choices"], where, f"choice {index + 1} repeats choice {normalised.index(choice) + 1}"))
        answer = values["answer"]
        if answer is not None and not 1 <= answer <= len(choices):
            problems.append(Problem(display, lines["answer"], f"{label}.answer", f"expected the number of a choice, 1 to {len(choices)}, got {answer}"))
    return problems
