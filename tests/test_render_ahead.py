"""Pages converted ahead in a forked copy of the build (studysite.render_ahead).

The copy's loop and the build's side are tested here in one process; the fork itself, with the
whole site, in test_render_cache.py (the build with pages converted ahead is byte for byte the
build without the render cache).
"""

import multiprocessing
import subprocess
import threading

import pytest
from test_render_cache import attributes, mini, new_page, site_files  # noqa: F401 - the fixture

from studysite import render_ahead, render_cache
from studysite.render_ahead import RenderAhead, convert_backwards
from studysite.search_sections import SectionCache, split


class Sent(list):
    def send(self, message):
        self.append(message)


def started(root, config):
    return render_cache.start_build(config, root, [root])


def test_the_copy_converts_from_the_last_page_backwards_as_the_build_would(mini):  # noqa: F811
    root, config = mini
    files = site_files(config)
    pages = list(files.documentation_pages())
    sent = Sent()
    convert_backwards(sent, config, files, pages, started(root, config))
    assert [position for position, *_ in sent] == [1, 0]
    # With each page, the new entries of each cache the build fills after a conversion.
    assert [len(added) for *_, added in sent] == [len(render_ahead.page_caches(config))] * 2

    # Each entry, restored by the build, sets what the build's own conversion sets.
    for position, key, entry, _ in sent:
        cache = started(root, config)
        page = new_page(config, files, pages[position].src_uri)
        assert cache.key(page, files) == key
        cache.offer(key, entry)
        page.render(config, files)
        assert cache.hits == 1 and cache.misses == 0
        fresh = new_page(config, files, pages[position].src_uri)
        render_cache.activate(None)
        fresh.render(config, files)
        assert attributes(page) | {"link_files": None} == attributes(fresh) | {"link_files": None}


def test_the_copy_skips_pages_the_cache_has_and_pages_that_fail(mini):  # noqa: F811
    root, config = mini
    files = site_files(config)
    pages = list(files.documentation_pages())
    cache = started(root, config)
    done = new_page(config, files, "other.md")
    done.render(config, files)  # now in the cache
    (root / "docs/index.md").unlink()  # cannot be read
    sent = Sent()
    convert_backwards(sent, config, files, pages, cache)
    assert [message[:3] for message in sent] == [(1, None, None), (0, None, None)]


@pytest.fixture
def copy_process():
    """A process standing in for the copy: the build side stops and reaps it."""
    process = subprocess.Popen(["sleep", "60"])
    yield process
    if process.poll() is None:
        process.kill()
        process.wait()


def test_the_build_takes_what_the_copy_sent_and_stops_it_where_they_meet(mini, copy_process):  # noqa: F811
    root, config = mini
    files = site_files(config)
    cache = started(root, config)
    receiver, sender = multiprocessing.Pipe(duplex=False)
    sections = SectionCache(None)
    ahead = RenderAhead(copy_process.pid, receiver, {"index.md": 0, "other.md": 1}, cache, [sections])
    sender.send((1, "key-of-other", {"content": "x"}, [[("html-key", [["id", "절", "본문"]])]]))
    ahead.before(new_page(config, files, "index.md", ""))  # page 0: the copy has only done page 1
    assert ahead.reached == 1 and cache.entries["key-of-other"] == {"content": "x"}
    assert sections.get("html-key") == [["id", "절", "본문"]]
    assert copy_process.poll() is None
    assert ahead.took("key-of-other") and not ahead.took("key-of-other") and ahead.used == 1
    ahead.before(new_page(config, files, "other.md", ""))  # page 1: they have met
    assert copy_process.poll() is not None  # stopped and reaped
    ahead.stop()  # a second stop changes nothing


def test_the_build_converts_the_rest_itself_when_the_copy_is_gone(mini, copy_process):  # noqa: F811
    root, config = mini
    files = site_files(config)
    receiver, sender = multiprocessing.Pipe(duplex=False)
    ahead = RenderAhead(copy_process.pid, receiver, {"index.md": 0, "other.md": 1}, started(root, config))
    sender.close()
    ahead.before(new_page(config, files, "index.md", ""))
    assert ahead.reached == 2 and copy_process.poll() is not None


@pytest.mark.parametrize("serving, dirty", [(True, False), (False, True)])
def test_serve_and_dirty_builds_convert_everything_themselves(mini, serving, dirty):  # noqa: F811
    root, config = mini
    assert render_ahead.start(config, site_files(config), started(root, config), serving, dirty) is None


def test_a_build_with_threads_never_forks(mini):  # noqa: F811
    root, config = mini
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert render_ahead.start(config, site_files(config), started(root, config), False, False) is None
    finally:
        stop.set()
        thread.join()


def test_sections_from_the_copy_are_what_the_build_looks_up_and_keeps(tmp_path):
    html = '<h1 id="title">제목</h1><p>첫 문단</p><h2 id="part">절</h2><p>본문</p>'
    cache = SectionCache(tmp_path / "sections.json")
    assert cache.offer(SectionCache.key(html), split(html)) and not cache.offer(SectionCache.key(html), [])
    assert cache.sections(html) == split(html)
    cache.save()
    assert SectionCache(tmp_path / "sections.json").get(SectionCache.key(html)) == split(html)
