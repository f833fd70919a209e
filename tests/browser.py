"""Find and launch the system Chromium for Playwright: never download a browser."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Only loopback resolves, so any request to another host fails and is caught by the tests.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]


def system_chromium() -> str:
    """Path of the system Chromium; fail under CI, skip elsewhere, when there is none."""
    for candidate in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(candidate)
        if path:
            return path
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    message = "no system Chromium found (Debian: apt-get install chromium fonts-noto-cjk)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


# overrides/assets/javascripts/mermaid-lazy.js draws a diagram only when it comes near the
# screen. This scrolls to each visible diagram in turn and waits until Material has replaced
# its <pre> with the drawn <div>; a diagram that Mermaid cannot draw fails here. It runs in
# one evaluate call (not wait_for_function, which the pages' CSP would block).
DRAW_DIAGRAMS = """async (timeout) => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const pending = () => [...document.querySelectorAll("pre.mermaid")].filter((pre) => pre.checkVisibility());
  const deadline = performance.now() + timeout;
  let drawn = 0;
  for (let pre; (pre = pending()[0]); drawn++) {
    pre.scrollIntoView({ block: "center" });
    while (pre.isConnected && performance.now() < deadline) await frame();
    if (pre.isConnected) throw new Error("diagram not drawn: " + pre.textContent.trim().slice(0, 60));
  }
  window.scrollTo(0, 0);
  return drawn;
}"""


def draw_diagrams(page, timeout_ms: int = 30_000) -> int:
    """Draw every visible Mermaid diagram of the page; return how many were drawn."""
    return page.evaluate(DRAW_DIAGRAMS, timeout_ms)
