// Draw each Mermaid diagram only when it comes near the screen, and load Mermaid only then.
//
// Material draws every `pre.mermaid` as soon as the page loads, with the global `mermaid` if
// one exists (otherwise it would fetch Mermaid from a CDN). Mermaid is large: parsing and
// running it at load time blocks the page for a long moment even when every diagram is far
// below the first screen. So this script gives Material a small stand-in `mermaid` whose
// `render` waits until the diagram's <pre> is within a screen of the viewport, then imports
// the real Mermaid (its ES module build, which loads only the code of the diagram types the
// page uses) and lets it draw. Material keeps doing the rest: its theme (`initialize`), the
// closed shadow root, and replacing the <pre> with the drawn diagram.
//
// Until the reader scrolls (or presses a key, or touches the page), only a diagram already on
// the screen is drawn: drawing is the heaviest work a note does, and a reader who has not
// moved yet is reading the first screen, which it would otherwise slow down. From the first
// scroll on, diagrams are drawn a screen ahead.
//
// A diagram that is never shown (a closed <details>, another tab) is drawn when it is opened.
// Printing (beforeprint) starts drawing every diagram that is not drawn yet.
(() => {
  "use strict";

  const moduleUrl = new URL("mermaid/mermaid.esm.min.mjs", document.currentScript.src).href;
  const NEAR = "100% 0px"; // once the reader moves: one viewport height above and below

  let settings = null; // what Material passes to initialize()
  let loading = null; // Promise of the real, initialised Mermaid
  const claimed = new WeakSet();
  const waiting = new Map(); // <pre> -> resolve()

  function realMermaid() {
    loading ||= import(moduleUrl).then(({ default: mermaid }) => {
      if (settings) mermaid.initialize(settings);
      return mermaid;
    });
    return loading;
  }

  function draw(entries) {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      onScreen.unobserve(entry.target);
      near.unobserve(entry.target);
      const resolve = waiting.get(entry.target);
      waiting.delete(entry.target);
      if (resolve) resolve();
    }
  }
  const onScreen = new IntersectionObserver(draw);
  const near = new IntersectionObserver(draw, { rootMargin: NEAR });
  let moved = false;

  function readerMoved() {
    if (moved) return;
    moved = true;
    for (const pre of waiting.keys()) {
      onScreen.unobserve(pre);
      near.observe(pre);
    }
  }
  for (const type of ["scroll", "wheel", "keydown", "pointerdown", "touchstart"]) {
    window.addEventListener(type, readerMoved, { once: true, passive: true, capture: true });
  }

  // Material calls render() in document order with the <pre>'s text, while the <pre> is
  // still in the page: that text finds it.
  function sourceOf(text) {
    for (const pre of document.querySelectorAll("pre.mermaid")) {
      if (!claimed.has(pre) && pre.textContent === text) {
        claimed.add(pre);
        return pre;
      }
    }
    return null;
  }

  function nearScreen(pre) {
    if (!pre) return Promise.resolve();
    return new Promise((resolve) => {
      waiting.set(pre, resolve);
      (moved ? near : onScreen).observe(pre);
    });
  }

  window.addEventListener("beforeprint", () => {
    for (const [pre, resolve] of waiting) {
      onScreen.unobserve(pre);
      near.unobserve(pre);
      resolve();
    }
    waiting.clear();
  });

  window.mermaid = {
    initialize(config) {
      settings = config;
    },
    async render(id, text) {
      await nearScreen(sourceOf(text));
      const mermaid = await realMermaid();
      return mermaid.render(id, text);
    },
  };
})();
