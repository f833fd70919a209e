"""Shared pytest fixtures: the project root, example loading and one site build per run."""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_example(relative_path: str):
    """Import an example file (e.g. "examples/flask/cookies.py") as a fresh module."""
    path = ROOT / relative_path
    name = "example_" + path.stem + "_" + str(abs(hash(path)))
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


# Fixtures that build the site (a test using one needs a full build) or start the browser. A new
# fixture that builds goes here too; tests that use it (directly or through another fixture) are
# then marked by themselves.
BUILD_FIXTURES = {"built_site", "project_copy", "payload_site"}
BROWSER_FIXTURES = {"browser"}


def pytest_collection_modifyitems(config, items):
    """Mark every test that uses a build or browser fixture, so the fast loop leaves it out."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & BUILD_FIXTURES:
            item.add_marker(pytest.mark.build)
        if fixtures & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def example():
    """Return the loader so tests read `example("examples/flask/hello.py").app`."""
    return load_example


def run_mkdocs_build(site_dir: Path, config: Path = ROOT / "mkdocs.yml", engine: str = "mkdocs", **env: str):
    """Run `mkdocs build --strict` as a user would; return the completed process.

    `engine="properdocs"` builds with ProperDocs instead; `env` adds environment variables.
    """
    import os
    import subprocess

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env)
    return subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def build_ok(site_dir: Path, config: Path) -> Path:
    """`site_dir` after a `mkdocs build --strict` of `config` that must succeed."""
    result = run_mkdocs_build(site_dir, config)
    assert result.returncode == 0, result.stderr[-3000:]
    return site_dir


def use_build_cache(project: Path) -> None:
    """Give a project copy the caches of this run's build (Korean analysis, search sections)."""
    import shutil

    if (ROOT / ".cache").is_dir():
        shutil.copytree(ROOT / ".cache", project / ".cache", dirs_exist_ok=True)


def drop_hook(config: Path, hook: str) -> None:
    """Take `hooks/<hook>` out of the hooks list of `config`, to build the site without it."""
    text = config.read_text(encoding="utf-8")
    line = f"  - hooks/{hook}\n"
    assert line in text
    config.write_text(text.replace(line, ""), encoding="utf-8")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The project's site, built once per test run with `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(site)
    assert result.returncode == 0, result.stderr[-4000:]
    return site


@pytest.fixture(scope="session")
def site_url(built_site):
    """Serve the built site on 127.0.0.1 (a free port) for the whole run; stops by itself."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class QuietHandler(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """One headless system Chromium for the run, with a fresh profile directory."""
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM_ARGS, system_chromium

    executable = system_chromium()
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=executable, args=CHROMIUM_ARGS, headless=True
        )
        yield context
        context.close()


@pytest.fixture
def page(browser, site_url):
    """A fresh tab that records every request leaving 127.0.0.1."""
    from urllib.parse import urlsplit

    tab = browser.new_page()
    tab.foreign_requests = []

    def note(request):
        host = urlsplit(request.url).hostname
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host != "127.0.0.1":
            tab.foreign_requests.append(request.url)

    tab.on("request", note)
    yield tab
    tab.close()


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throwaway copy of the project (node_modules linked) that a test may break."""
    return copy_project(tmp_path / "project")


def copy_project(copy: Path) -> Path:
    """Copy the project to the new folder `copy` (node_modules linked); return it."""
    import shutil

    copy.mkdir()
    for name in ("mkdocs.yml", "hooks", "overrides", "docs", "data", "examples"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, copy / name)
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    return copy
