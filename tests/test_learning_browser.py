"""A learner in the system Chromium: marks a note read, sees progress, answers a quiz.

Everything with the keyboard; axe runs on the home page and on a note with a quiz, after
the interaction (progress shown, answers checked), in the light and the dark theme.
"""

import pytest
from playwright.sync_api import expect

from test_accessibility import axe_violations, reader, settle  # noqa: F401 (reader is a fixture)

pytestmark = pytest.mark.browser

NOTE = "web/"
CLEAR = "() => { for (const key of Object.keys(localStorage)) if (key.endsWith('.__read')) localStorage.removeItem(key); }"


@pytest.fixture
def learner(reader, site_url):
    """The reader tab with no read notes before and after the test."""
    reader.goto(site_url)
    reader.evaluate(CLEAR)
    yield reader
    reader.goto(site_url)
    reader.evaluate(CLEAR)


def press_tab_until(page, selector: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reached with Tab")


def test_learner_marks_a_note_read_and_sees_progress_on_the_home_page(learner, site_url):
    learner.goto(site_url + NOTE)
    toggle = learner.locator("button.note-progress__toggle")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-pressed", "false")
    # From the last answer of the quiz, the next Tab stop is the button.
    learner.locator("details.quiz__answer summary").last.focus()
    press_tab_until(learner, "button.note-progress__toggle", limit=1)
    learner.keyboard.press("Space")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(toggle).to_have_accessible_name("읽음으로 표시")

    learner.goto(site_url)
    total = learner.locator("ol.learning-path a[data-note]").count()
    in_track = [learner.locator(f'ol.learning-path[data-track="{n}"] li').count() for n in (1, 2)]
    expect(learner.locator('.learning-progress[data-progress="1"]')).to_have_text(f"1 / {in_track[0]} 노트 읽음")
    expect(learner.locator('.learning-progress[data-progress="all"]')).to_have_text(f"지금까지 1 / {total} 노트 읽음.")
    expect(learner.locator('a[data-note="web/index.md"] + .learning-read')).to_have_text("✓ 읽음")
    expect(learner.locator('.learning-progress[data-progress="2"]')).to_have_text(f"0 / {in_track[1]} 노트 읽음")

    # Pressing the button again unmarks the note.
    learner.goto(site_url + NOTE)
    toggle.focus()
    learner.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    learner.goto(site_url)
    expect(learner.locator('.learning-progress[data-progress="all"]')).to_have_text(f"지금까지 0 / {total} 노트 읽음.")
    assert learner.locator(".learning-read").count() == 0
    assert learner.foreign_requests == []


def answer(page, number: int, choice: int) -> None:
    """Pick `choice` of question `number` with the arrow keys, then press 확인 with Enter."""
    page.locator(f"#quiz-{number}-1").focus()
    for _ in range(choice - 1):
        page.keyboard.press("ArrowDown")
    expect(page.locator(f"#quiz-{number}-{choice}")).to_be_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.matches('button.quiz__check')")
    page.keyboard.press("Enter")


def test_learner_answers_a_quiz_with_the_keyboard(learner, site_url):
    learner.goto(site_url + NOTE)
    feedback = learner.locator("#quiz-1 .quiz__feedback")
    expect(feedback).to_have_attribute("aria-live", "polite")
    answer(learner, 1, 2)  # the right answer
    expect(feedback).to_contain_text("✓ 정답입니다.")
    expect(feedback).to_contain_text("W3C는 웹을")
    expect(feedback.locator("a")).to_have_attribute("href", "https://www.w3.org/TR/webarch/#intro")

    wrong = learner.locator("#quiz-2 .quiz__feedback")
    answer(learner, 2, 3)  # a wrong answer
    expect(wrong).to_contain_text("✗ 오답입니다. 정답은 1번입니다.")
    expect(wrong.locator("a")).to_have_text("RFC 3986 §3")

    # The check button with nothing chosen asks for a choice.
    learner.locator("#quiz-3 button.quiz__check").focus()
    learner.keyboard.press("Enter")
    expect(learner.locator("#quiz-3 .quiz__feedback")).to_have_text("답을 하나 고른 다음 확인을 누르세요.")
    assert learner.foreign_requests == []


def test_quiz_answers_are_readable_without_javascript(page, site_url):
    page.route("**/progress.js", lambda route: route.abort())
    page.goto(site_url + NOTE)
    assert page.locator("button.quiz__check:visible").count() == 0
    assert page.locator("button.note-progress__toggle:visible").count() == 0
    explanation = page.locator("#quiz-1 .quiz__explanation")
    expect(explanation).to_be_hidden()
    page.locator("#quiz-1 summary").focus()
    page.keyboard.press("Enter")
    expect(explanation).to_be_visible()
    expect(page.locator("#quiz-1 .quiz__answer")).to_contain_text("정답: 2번")


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_after_marking_and_answering(learner, site_url, scheme):
    learner.set_theme(scheme)
    learner.goto(site_url + NOTE)
    learner.locator("button.note-progress__toggle").click()
    answer(learner, 1, 2)
    answer(learner, 2, 3)
    learner.locator("#quiz-4 summary").click()
    settle(learner)
    assert learner.evaluate("document.body.dataset.mdColorScheme") == scheme
    assert axe_violations(learner) == []
    learner.goto(site_url)
    expect(learner.locator(".learning-read")).to_have_count(1)
    settle(learner)
    assert axe_violations(learner) == []
    assert learner.foreign_requests == []
