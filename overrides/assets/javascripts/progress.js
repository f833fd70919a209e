// Mark as read, learning progress and self-check quizzes (markup from hooks/learning.py).
//
// - A note's "읽음으로 표시" button (a real <button aria-pressed>) keeps the set of read notes
//   in localStorage, through Material's own __md_get/__md_set (scoped to this site's URL).
//   Nothing is sent anywhere.
// - The home page's learning path shows "N / M 노트 읽음" for all notes and for each track,
//   and marks each read note with the word "읽음" (not by colour alone).
// - A quiz question's "확인" button says right or wrong in an aria-live region and shows the
//   explanation with its source. Without JavaScript the buttons stay hidden and each answer
//   is readable in its "정답과 풀이" <details>.
// Loaded (deferred, after Material's bundle) only on pages that have this markup. With
// navigation.instant, Material swaps pages without reloading scripts: setup runs again on
// each `document$` emission, and main.html then loads this script on every page.
(() => {
  "use strict";

  const KEY = "__read";

  function readSet() {
    try {
      const value = typeof __md_get === "function" ? __md_get(KEY) : JSON.parse(localStorage.getItem(KEY));
      return new Set(Array.isArray(value) ? value.filter((item) => typeof item === "string") : []);
    } catch {
      return new Set();
    }
  }

  function writeSet(notes) {
    const value = [...notes].sort();
    if (typeof __md_set === "function") __md_set(KEY, value);
    else localStorage.setItem(KEY, JSON.stringify(value));
  }

  function storageWorks() {
    try {
      localStorage.setItem("__storage_test", "1");
      localStorage.removeItem("__storage_test");
      return true;
    } catch {
      return false;
    }
  }

  function setUpToggles(root) {
    const read = readSet();
    for (const button of root.querySelectorAll("button.note-progress__toggle[data-note]")) {
      button.setAttribute("aria-pressed", String(read.has(button.dataset.note)));
      button.hidden = false;
      if (button.dataset.ready) continue;
      button.dataset.ready = "1";
      button.addEventListener("click", () => {
        const notes = readSet();
        const note = button.dataset.note;
        if (notes.has(note)) notes.delete(note);
        else notes.add(note);
        writeSet(notes);
        button.setAttribute("aria-pressed", String(notes.has(note)));
      });
    }
  }

  function showProgress(root) {
    const read = readSet();
    const links = [...root.querySelectorAll("ol.learning-path a[data-note]")];
    if (!links.length) return;
    for (const link of links) {
      let mark = link.parentElement.querySelector(".learning-read");
      if (read.has(link.dataset.note)) {
        if (!mark) {
          mark = document.createElement("span");
          mark.className = "learning-read";
          mark.textContent = "✓ 읽음";
          link.after(mark);
        }
      } else if (mark) {
        mark.remove();
      }
    }
    const count = (items) => `${items.filter((link) => read.has(link.dataset.note)).length} / ${items.length} 노트 읽음`;
    for (const element of root.querySelectorAll(".learning-progress[data-progress]")) {
      const track = element.dataset.progress;
      const items = track === "all" ? links : links.filter((link) => link.closest("ol").dataset.track === track);
      element.textContent = track === "all" ? `지금까지 ${count(items)}.` : count(items);
      element.hidden = false;
    }
  }

  function check(fieldset) {
    const feedback = fieldset.querySelector(".quiz__feedback");
    const chosen = fieldset.querySelector("input[type=radio]:checked");
    feedback.replaceChildren();
    delete feedback.dataset.result;
    const verdict = document.createElement("p");
    const strong = document.createElement("strong");
    verdict.append(strong);
    if (!chosen) {
      strong.textContent = "답을 하나 고른 다음 확인을 누르세요.";
      feedback.append(verdict);
      return;
    }
    const right = chosen.value === fieldset.dataset.answer;
    feedback.dataset.result = right ? "right" : "wrong";
    strong.textContent = right ? "✓ 정답입니다." : `✗ 오답입니다. 정답은 ${fieldset.dataset.answer}번입니다.`;
    feedback.append(verdict);
    const explanation = fieldset.querySelector(".quiz__explanation");
    if (explanation) feedback.append(explanation.cloneNode(true));
  }

  function setUpQuizzes(root) {
    for (const fieldset of root.querySelectorAll(".quiz fieldset[data-answer]")) {
      const button = fieldset.querySelector("button.quiz__check");
      if (!button || button.dataset.ready) continue;
      button.dataset.ready = "1";
      button.hidden = false;
      button.addEventListener("click", () => check(fieldset));
    }
  }

  function setUp() {
    setUpQuizzes(document);
    if (!storageWorks()) return;
    setUpToggles(document);
    showProgress(document);
  }

  if (typeof document$ !== "undefined" && document$.subscribe) document$.subscribe(setUp);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();

  // Another tab marked a note: show the same state here.
  window.addEventListener("storage", () => {
    if (!storageWorks()) return;
    setUpToggles(document);
    showProgress(document);
  });
})();
