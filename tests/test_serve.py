"""`mkdocs serve` as an author uses it: a data mistake is reported, the last good site stays up,
and fixing the file updates the site without a restart."""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest

STARTUP_LIMIT = 180  # seconds; the first build on 2 CI cores
CHANGE_LIMIT = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""


def wait_for(condition, limit: float, what: str):
    """Poll `condition` until it returns something truthy; fail after `limit` seconds."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.25)
    pytest.fail(f"gave up waiting for {what} after {limit} s")


class Server:
    """`mkdocs serve` in a subprocess, its log collected by a reader thread."""

    def __init__(self, project, tmp, *options):
        self.port = free_port()
        site_url = re.search(r"^site_url:\s*(\S+)", (project / "mkdocs.yml").read_text(), re.M).group(1)
        self.base = f"http://127.0.0.1:{self.port}{urlsplit(site_url).path}"
        self.tmp = tmp
        # serve builds into tempfile.mkdtemp(); a private TMPDIR lets the test see leftovers.
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", TMPDIR=str(tmp))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}", "-f", str(project / "mkdocs.yml"), *options],
            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        self.log: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.process.stderr:
            self.log.append(line)

    def text(self) -> str:
        return "".join(self.log)

    def page(self, path: str) -> tuple[int, str]:
        return fetch(self.base + path)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # what Ctrl-C does: serve cleans up after itself
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=30)
        self.reader.join(timeout=10)


@pytest.fixture
def server(project_copy, tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    running = Server(project_copy, tmp)
    yield running
    running.stop()


def test_serve_reports_bad_data_keeps_the_last_good_site_and_recovers(server, project_copy):
    page = "reference/status/404/"
    status, body = wait_for(lambda: (r := server.page(page))[0] == 200 and r, STARTUP_LIMIT, "the first build")
    assert "찾을 수 없음" in body
    assert server.process.poll() is None

    data = project_copy / "data/status_codes.yml"
    good = data.read_text(encoding="utf-8")
    old = "title_ko: 찾을 수 없음\n"
    assert good.count(old) == 1
    line = good[: good.index(old)].count("\n") + 1
    data.write_text(good.replace(old, "title_ko: 찾을 수 없음\n  colour: red\n"), encoding="utf-8")

    expected = f"data/status_codes.yml:{line + 1}: 404.colour: unknown field"
    wait_for(lambda: expected in server.text() and "Still serving the last good build" in server.text(),
             CHANGE_LIMIT, "the error line")
    assert "Traceback" not in server.text()
    status, body = server.page(page)
    assert status == 200 and "찾을 수 없음" in body

    data.write_text(good.replace(old, "title_ko: 찾을 수 없는 페이지\n"), encoding="utf-8")
    body = wait_for(lambda: "찾을 수 없는 페이지" in (b := server.page(page)[1]) and b, CHANGE_LIMIT, "the fixed site")
    assert server.process.poll() is None

    server.stop()
    assert server.process.returncode is not None
    # Neither serve's own build folder nor the atomic build's folders are left behind.
    assert [p.name for p in server.tmp.iterdir() if p.name.startswith(("mkdocs_", ".mkdocs_"))] == []


def test_dirty_serve_rebuilds_the_edited_note_and_keeps_the_reference_pages(project_copy, tmp_path):
    """`mkdocs serve --dirty`, the quick preview for writers (README), re-renders the edited
    note only. A reference page is kept from the previous build: re-rendering it would list
    only the backlinks of the notes rendered in the same dirty build, i.e. the edited one."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    server = Server(project_copy, tmp, "--dirty", "--no-strict")
    try:
        note, reference = "http/status-codes/", "reference/status/404/"
        wait_for(lambda: server.page(note)[0] == 200, STARTUP_LIMIT, "the first build")
        before = server.page(reference)[1]
        index_before = json.loads(server.page("search/search_index.json")[1])["docs"]
        mentioned_by = re.findall(r'<section[^>]*class="backlinks".*?</section>', before, re.S)
        assert mentioned_by and mentioned_by[0].count("<li>") > 3

        source = project_copy / "docs/http/status-codes.md"
        source.write_text(source.read_text(encoding="utf-8") + "\n고친 문장입니다.\n", encoding="utf-8")
        wait_for(lambda: "고친 문장입니다." in server.page(note)[1], CHANGE_LIMIT, "the edited note")
        # Equal but for the live-reload script's build counters.
        counters = lambda html: re.sub(r"reload\(\d+, \d+\)", "reload()", html)  # noqa: E731
        assert counters(server.page(reference)[1]) == counters(before)
        # The search index keeps every other page's entries and has the edited note's new text.
        index_after = json.loads(server.page("search/search_index.json")[1])["docs"]
        assert {d["location"] for d in index_after} == {d["location"] for d in index_before}
        assert any("고친 문장입니다." in d["text"] for d in index_after if d["location"].startswith(note))
        # Every other page keeps its Korean search fields (hooks/korean_search.py).
        def morphs(docs):
            return {d["location"]: d.get("morphs") for d in docs if not d["location"].startswith(note)}

        assert morphs(index_after) == morphs(index_before) and any(morphs(index_after).values())
        assert "Traceback" not in server.text()
    finally:
        server.stop()


@pytest.mark.build
def test_serve_survives_an_unexpected_exception_and_recovers(project_copy, tmp_path):
    """Any exception in a rebuild (not only MkDocs' Abort) leaves the last good site served."""
    (project_copy / "hooks/explode.py").write_text(
        "def on_page_markdown(markdown, page, config, files):\n"
        "    if 'EXPLODE' in markdown:\n"
        "        raise ZeroDivisionError('a hook failed')\n"
        "    return markdown\n",
        encoding="utf-8",
    )
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("hooks:\n", "hooks:\n  - hooks/explode.py\n", 1), encoding="utf-8")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    server = Server(project_copy, tmp)
    try:
        page = "web/"
        wait_for(lambda: server.page(page)[0] == 200, STARTUP_LIMIT, "the first build")
        note = project_copy / "docs/web/index.md"
        good = note.read_text(encoding="utf-8")
        note.write_text(good + "\nEXPLODE\n", encoding="utf-8")
        wait_for(lambda: "ZeroDivisionError" in server.text() and "Still serving the last good build" in server.text(),
                 CHANGE_LIMIT, "the error line")
        status, body = server.page(page)  # answers at once, with the last good page
        assert status == 200 and "EXPLODE" not in body and "웹과 인터넷" in body
        assert "Traceback" not in server.text()
        note.write_text(good + "\n고친 뒤의 문장입니다.\n", encoding="utf-8")
        wait_for(lambda: "고친 뒤의 문장입니다." in server.page(page)[1], CHANGE_LIMIT, "the fixed site")
        assert server.process.poll() is None
    finally:
        server.stop()
