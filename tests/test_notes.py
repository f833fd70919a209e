"""The notes as a whole: every seed topic has a page, every example is shown and tested."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
NOTES = [p for p in DOCS.rglob("*.md")]

# Every topic of the 2019 study post, and the page that now covers it.
TOPIC_PAGES = {
    "웹": "web/index.md",
    "클라이언트와 서버": "web/client-server.md",
    "리소스": "web/resources.md",
    "HTTP와 그 특징": "http/index.md",
    "HTTP 메시지": "http/messages.md",
    "요청 메서드": "http/methods.md",
    "상태 코드": "http/status-codes.md",
    "쿠키": "state/cookies.md",
    "세션": "state/sessions.md",
    "토큰": "state/tokens.md",
    "HTTPS": "https/index.md",
    "ORM": "flask/orm.md",
    "가상 환경": "python/venv.md",
    "템플릿 언어와 Jinja2": "flask/templates.md",
}


def hangul(text: str) -> int:
    return len(re.findall("[가-힣]", text))


def test_every_seed_topic_has_a_page():
    for topic, page in TOPIC_PAGES.items():
        text = (DOCS / page).read_text(encoding="utf-8")
        assert text.startswith("---\n") and "\n# " in text, (topic, page)
        assert hangul(text) > 1000, (topic, page)


def test_notes_have_substance():
    assert sum(hangul(p.read_text(encoding="utf-8")) for p in NOTES) >= 30_000


def test_the_learners_questions_are_kept_as_question_boxes():
    boxes = sum(len(re.findall(r'^\s*\?\?\?\+? question "', p.read_text(encoding="utf-8"), re.M)) for p in NOTES)
    assert boxes >= 6


def test_every_example_is_shown_in_a_note_and_exercised_by_a_test():
    included = set()
    for note in NOTES:
        # A named section (`file.py:section`) or a line range (`file.py:3:9`) includes part of
        # the file: the file counts as shown.
        included |= {re.sub(r":[A-Za-z][-_0-9A-Za-z]*$|(?::-?[0-9]*){1,2}$", "", path) for path in
                     re.findall(r'--8<-- "([^"]+)"', note.read_text(encoding="utf-8"))}
    test_files = [*(ROOT / "tests").glob("test_examples_*.py"), *(ROOT / "tests").glob("test_exercises*.py")]
    tests = "\n".join(p.read_text(encoding="utf-8") for p in test_files)
    examples = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "examples").rglob("*.py"))
    assert examples
    project_tests = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests" / "project").glob("*.py"))
    for example in examples:
        if example.startswith("examples/project/migrations/"):
            continue  # written by Alembic; tests/project upgrades a database with them
        assert example in included, f"{example} is not included by any note"
        if example.startswith("examples/project/"):
            # The project track's package is imported by the chapter tests in tests/project/.
            assert '"examples" / "project"' in project_tests
            continue
        assert example in tests, f"{example} is not run by any test"
    for path in included:
        assert (ROOT / path).is_file(), path


def test_notes_draw_diagrams_instead_of_linking_images():
    diagrams = 0
    for note in NOTES:
        text = note.read_text(encoding="utf-8")
        assert not re.search(r"!\[[^\]]*\]\(", text), f"{note}: images are drawn with Mermaid instead"
        diagrams += text.count("```mermaid")
    assert diagrams >= 6


def test_seed_mistakes_appear_only_as_corrections():
    """The 2019 notes' wrong terms may be quoted only inside a correction box or table."""
    for note in NOTES:
        for number, line in enumerate(note.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"Statusless|Connectless", line):
                assert line.startswith("    ") or line.startswith("|") or "오해" in line, f"{note}:{number}"
