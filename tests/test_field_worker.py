"""The process that makes the Korean search fields beside the build (studysite.field_worker)."""

import functools
import json
from types import SimpleNamespace

import pytest

from studysite import korean_morphs, korean_search
from studysite.field_worker import FieldWorker, WorkerError, loads_model_early
from studysite.korean_morphs import ENTRY_CACHE, MORPH_CACHE, Analyser, MorphCache, entry_fields
from studysite.search_aliases import Aliases

SEPARATOR = r'[\s\-,:!?=\[\]()<>"“”‘’`/·・‧…|]+|\.(?!\d)'  # as in mkdocs.yml
ALIASES = Aliases((("리다이렉트", "리디렉션", "redirect"), ("쿠키", "cookie")))
DOCS = [
    {"location": "state/cookies/", "title": "쿠키", "text": "<p>서버가 <code>Set-Cookie</code> 헤더로 쿠키를 저장합니다.</p>"},
    {"location": "state/cookies/#expiry", "title": "쿠키 만료", "text": "만료된 쿠키로 덮어써서 지웁니다"},
    {"location": "http/status-codes/", "title": "3xx 리다이렉션", "text": "브라우저는 Location 헤더를 따라갑니다"},
    {"location": "web/", "title": "", "text": "HTTP 상태 코드와 세션 ID"},
    {"location": "flask/", "title": "Flask 시작하기", "text": ""},
]
MODEL = functools.cache(korean_morphs.default_tokenizer)


def run_worker(root, batches):
    worker = FieldWorker(root, SEPARATOR, ALIASES)
    for batch in batches:
        worker.send(batch)
    return worker.finish()


def test_worker_gives_the_fields_of_the_build_process_whatever_the_batches(tmp_path):
    expected = entry_fields(DOCS, SEPARATOR, Analyser(MorphCache(None), tokenizer_factory=MODEL), aliases=ALIASES)
    fields, analysed = run_worker(tmp_path, [DOCS[:1], [], DOCS[1:4], DOCS[4:]])
    assert fields == expected
    assert analysed > 0 and any("title_morphs" in f for f in fields)
    assert [bool(f.get("title_key")) for f in fields] == [bool(doc["title"]) for doc in DOCS]
    # It kept the caches the build would keep: a second build analyses nothing and gets the same.
    assert (tmp_path / MORPH_CACHE).is_file() and (tmp_path / ENTRY_CACHE).is_file()
    assert run_worker(tmp_path, [DOCS]) == (expected, 0)


def test_the_model_loads_early_only_without_any_cache(tmp_path):
    """Without caches the model loads before the first page; with the word cache kept (the
    alias table edited, so the entry cache is empty) it loads only for a word the cache lacks."""
    morphs, entries = korean_morphs.field_caches(tmp_path, ALIASES)
    assert loads_model_early(morphs, entries)
    run_worker(tmp_path, [DOCS])
    (tmp_path / ENTRY_CACHE).unlink()
    morphs, entries = korean_morphs.field_caches(tmp_path, ALIASES)
    assert morphs.words and not entries.entries
    assert not loads_model_early(morphs, entries)
    assert run_worker(tmp_path, [DOCS])[1] == 0


def test_a_worker_that_dies_is_one_line_error(tmp_path):
    worker = FieldWorker(tmp_path, SEPARATOR, ALIASES)
    worker.send(DOCS)
    worker._process.kill()
    with pytest.raises(WorkerError, match=r"^the search field process stopped \(exit code -9\)$"):
        worker.finish()


def test_the_build_makes_the_fields_itself_when_the_worker_is_gone(tmp_path, caplog):
    worker = FieldWorker(tmp_path, SEPARATOR, ALIASES)
    worker._process.kill()
    worker._process.join()
    worker.send(DOCS[:2])  # the pipe is broken: no error while the pages are built
    with caplog.at_level("INFO", logger="mkdocs.hooks.korean_search"):
        assert korean_search.worker_fields(worker, DOCS) is None
    assert "the search field process stopped" in caplog.text and "makes the search fields itself" in caplog.text


def test_a_failure_inside_the_worker_is_reported_not_hidden(tmp_path):
    worker = FieldWorker(tmp_path, SEPARATOR, SimpleNamespace(groups=None))  # no table to build
    worker.send(DOCS)
    with pytest.raises(WorkerError) as error:
        worker.finish()
    assert str(error.value).startswith("the search field process failed: TypeError")
    assert "\n" not in str(error.value)


def test_close_stops_the_worker_at_once(tmp_path):
    worker = FieldWorker(tmp_path, SEPARATOR, ALIASES)
    worker.send(DOCS)
    worker.close()
    assert not worker._process.is_alive()


def fake_config(tmp_path, enabled=True):
    search = SimpleNamespace(config=SimpleNamespace(enabled=enabled, separator=SEPARATOR))
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    return SimpleNamespace(plugins={"material/search": search}, config_file_path=str(tmp_path / "mkdocs.yml"))


@pytest.mark.parametrize("serving, enabled, started", [(False, True, True), (True, True, False), (False, False, False)])
def test_only_a_build_with_search_starts_a_worker(tmp_path, serving, enabled, started):
    """`mkdocs serve` keeps the model loaded between rebuilds in its own process instead."""
    korean_search.start_fields(fake_config(tmp_path, enabled), ALIASES, serving=serving, dirty=False)
    try:
        assert (korean_search._worker is not None) == started
    finally:
        korean_search.stop_fields()
    assert korean_search._worker is None


def test_site_index_has_the_fields_of_every_entry(built_site):
    """The build's entries went to the worker page by page: each got its own fields back."""
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    docs = [doc for doc in index["docs"] if doc["title"]][:40]
    analyser = Analyser(MorphCache(None), tokenizer_factory=MODEL)
    for doc, fields in zip(docs, entry_fields(docs, index["config"]["separator"], analyser)):
        assert set(fields["title_key"].split()) <= set(doc["title_key"].split()), doc["location"]
        assert set(fields.get("morphs", "").split()) <= set(doc.get("morphs", "").split()), doc["location"]
