"""Lighthouse scores of the built site, one row per page type (a benchmark, not a test).

Lighthouse comes from bench/package.json (`npm ci --prefix bench`), apart from the site's own
package.json so that the site's `npm ci` stays small. It drives the system Chromium with the
test suite's flags (tests/browser.py), mobile settings (Lighthouse's default: simulated
throttling, a mid-range phone). The site is served on 127.0.0.1 with gzip for text files, as
GitHub Pages serves it. Lighthouse's performance score is noisy: each page is loaded once to
warm up, then measured `--runs` times and the median of each category is printed.

    python bench/lighthouse.py                    # build the site into bench/out/, then measure
    python bench/lighthouse.py --site DIR         # measure an already built site
    python bench/lighthouse.py --check            # exit 1 when a target is missed
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
LIGHTHOUSE = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"

sys.path.insert(0, str(ROOT / "tests"))
from browser import CHROMIUM_ARGS  # noqa: E402  (one list of Chromium flags for tests and benches)

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index")
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}

# Page type -> path in the site. Pages another change has not built yet are left out.
PAGES = {
    "홈": "",
    "노트(다이어그램·표)": "http/messages/",
    "노트(다이어그램 없음)": "http/headers/",
    "상태 코드 페이지": "reference/status/404/",
    "상태 코드 개요": "reference/status/",
    "메서드 개요": "reference/methods/",
    "용어집": "glossary/",
    "태그": "tags/",
    "공부 기록": "log/",
    "공부 기록 글": "log/2019/05/18/first-study/",
    "404": "404.html",
    "프로젝트 장(가장 긴 장)": "project/12-deploy/",
    "프로젝트 소개": "project/",
    "치트 시트": "reference/cheatsheet/",
}

COMPRESSIBLE = ("text/", "application/json", "application/javascript", "image/svg+xml", "application/xml")


class SiteHandler(SimpleHTTPRequestHandler):
    """Serve the site like GitHub Pages: gzip for text, and the site_url path prefix works.

    404.html links its assets through site_url's absolute path (/flask-web-study/...), so that
    prefix is stripped. Compressed bodies are cached per file.
    """

    prefix = "/"
    gzipped: dict[str, bytes] = {}

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        if self.prefix != "/" and path.startswith(self.prefix):
            path = "/" + path[len(self.prefix):]
        return super().translate_path(path)

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the parent redirects "dir" to "dir/"
            path = os.path.join(path, "index.html")
        ctype = self.guess_type(path)
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and os.path.isfile(path) and ctype.startswith(COMPRESSIBLE)):
            return super().send_head()
        body = self.gzipped.get(path)
        if body is None:
            body = self.gzipped[path] = gzip.compress(Path(path).read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path, prefix: str) -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(type("Handler", (SiteHandler,), {"prefix": prefix, "gzipped": {}}), directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def site_prefix() -> str:
    """The path part of site_url in mkdocs.yml (where 404.html expects the site to live)."""
    from urllib.parse import urlsplit

    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return urlsplit(line.split(":", 1)[1].strip()).path or "/"
    return "/"


def build(site: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)]
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def chrome_flags() -> str:
    """The tests' flags as one string; Lighthouse splits it like a shell would."""
    return " ".join(f'{flag.split("=", 1)[0]}="{flag.split("=", 1)[1]}"' if " " in flag else flag for flag in CHROMIUM_ARGS)


def lighthouse(url: str, chrome: str, profile: Path) -> dict:
    """One Lighthouse run; returns {category: score 0-100} plus the audits that lost points."""
    command = [
        "node", str(LIGHTHOUSE), url,
        "--quiet", "--output=json", "--output-path=stdout",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={chrome_flags()} --user-data-dir={profile}",
    ]
    env = dict(os.environ, CHROME_PATH=chrome)
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    lost = sorted(
        f"{name}:{ref['id']}"
        for name in CATEGORIES
        for ref in report["categories"][name]["auditRefs"]
        if ref["weight"] > 0 and (report["audits"][ref["id"]]["score"] or 0) < 1
        and report["audits"][ref["id"]]["scoreDisplayMode"] not in ("notApplicable", "manual", "informative")
    )
    metrics = {name: round(report["audits"][name]["numericValue"], 3) for name in METRICS}
    return {"scores": scores, "lost": lost, "metrics": metrics}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="an already built site (default: build one into bench/out/)")
    parser.add_argument("--runs", type=int, default=3, help="measured runs per page after one warm-up (default 3)")
    parser.add_argument("--page", action="append", help="only this page type (repeatable)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a median misses its target")
    parser.add_argument("--json", type=Path, help="also write every run to this file")
    args = parser.parse_args()

    if not LIGHTHOUSE.is_file():
        raise SystemExit("Lighthouse is not installed: run `npm ci --prefix bench` first")
    chrome = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"

    site = args.site
    if site is None:
        site = BENCH / "out" / "lighthouse-site"
        build(site)
    pages = {name: path for name, path in PAGES.items() if not args.page or name in args.page}
    pages = {name: path for name, path in pages.items() if (site / (path or "index.html")).exists() or (site / path / "index.html").exists()}

    server, base = serve(site, site_prefix())
    rows, raw, failed = [], {}, []
    try:
        with tempfile.TemporaryDirectory(prefix="lighthouse-profile-") as profile:
            for name, path in pages.items():
                url = base + path
                lighthouse(url, chrome, Path(profile))  # warm-up, discarded
                runs = [lighthouse(url, chrome, Path(profile)) for _ in range(args.runs)]
                raw[name] = runs
                medians = {c: statistics.median(run["scores"][c] for run in runs) for c in CATEGORIES}
                lost = sorted({audit for run in runs for audit in run["lost"]})
                rows.append((name, path or "/", medians, lost))
                failed += [f"{name} {c} {medians[c]:g} < {TARGETS[c]}" for c in CATEGORIES if medians[c] < TARGETS[c]]
                print(f"measured {name}: " + ", ".join(f"{c} {medians[c]:g}" for c in CATEGORIES), file=sys.stderr)
    finally:
        server.shutdown()
        server.server_close()

    print(f"Lighthouse, mobile, median of {args.runs} runs after one warm-up\n")
    print("| 페이지 | 경로 | performance | accessibility | best-practices | SEO |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for name, path, medians, _ in rows:
        print(f"| {name} | `{path}` | " + " | ".join(f"{medians[c]:g}" for c in CATEGORIES) + " |")
    lost = sorted({audit for *_, audits in rows for audit in audits})
    if lost:
        print("\nAudits that lost points in at least one run: " + ", ".join(lost))
    if args.json:
        args.json.write_text(json.dumps(raw, ensure_ascii=False, indent=2), encoding="utf-8")
    if failed:
        print("\nBelow target: " + "; ".join(failed))
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
