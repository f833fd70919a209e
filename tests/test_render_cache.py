"""The render cache (studysite.render_cache): keys, hits equal to real renders, replayed logs.

Pure tests render small pages with a tiny MkDocs config and real Markdown extensions; the build
test at the end builds the site cold and warm and compares the two trees byte for byte.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from pymdownx.slugs import slugify

from conftest import ROOT, copy_project, drop_hook, run_mkdocs_build, use_build_cache
from studysite import render_cache
from studysite.render_cache import (
    CACHE,
    RenderCache,
    SnippetFiles,
    page_key,
    site_fingerprint,
    toc_tokens,
)

CONFIG_TEXT = "site_name: 테스트\n"

INDEX = """\
# 제목

본문에 [다른 페이지](other.md#둘째-절)와 [이 페이지의 절](#첫째-절)로 가는 링크가 있습니다.
HTTP 요청을 보냅니다.

## 첫째 절

<span id="raw-anchor">HTML로 쓴 앵커</span>

```python
print("안녕")
```

--8<-- "examples/hello.py"

## 둘째 절 { #second }

각주[^1]도 있습니다.

[^1]: 각주 내용

*[HTTP]: HyperText Transfer Protocol
"""

OTHER = "# 다른 페이지\n\n## 둘째 절\n\n내용\n"
BROKEN = "# 깨진 링크\n\n[없는 페이지](missing.md)로 갑니다.\n"


@pytest.fixture
def mini(tmp_path):
    """A tiny project: mkdocs.yml, docs/, examples/, data/, hooks/, and its config."""
    root = tmp_path
    (root / "docs").mkdir()
    (root / "docs/index.md").write_text(INDEX, encoding="utf-8")
    (root / "docs/other.md").write_text(OTHER, encoding="utf-8")
    (root / "examples").mkdir()
    (root / "examples/hello.py").write_text('print("hello")\n', encoding="utf-8")
    (root / "examples/other.py").write_text("x = 1\n", encoding="utf-8")
    (root / "data").mkdir()
    (root / "data/terms.yml").write_text("a: 1\n", encoding="utf-8")
    (root / "hooks/studysite").mkdir(parents=True)
    (root / "hooks/studysite/x.py").write_text("X = 1\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(CONFIG_TEXT, encoding="utf-8")
    config = MkDocsConfig(config_file_path=str(root / "mkdocs.yml"))
    config.load_dict({
        "site_name": "테스트",
        "docs_dir": str(root / "docs"),
        "site_dir": str(root / "site"),
        "markdown_extensions": [
            "abbr", "admonition", "attr_list", "footnotes", "md_in_html", "tables",
            {"toc": {"permalink": True, "slugify": slugify(case="lower")}},
            "pymdownx.highlight", "pymdownx.superfences",
            {"pymdownx.snippets": {"base_path": [str(root)], "check_paths": True}},
        ],
    })
    errors, _ = config.validate()
    assert not errors, errors
    yield root, config
    render_cache.stop()


def site_files(config, names=("index.md", "other.md")) -> Files:
    return Files([File(name, config.docs_dir, config.site_dir, config.use_directory_urls) for name in names])


def new_page(config, files: Files, name: str, markdown: str | None = None) -> Page:
    file = files.get_file_from_path(name)
    page = Page(None, file, config)
    page.markdown = markdown if markdown is not None else Path(file.abs_src_path).read_text(encoding="utf-8")
    return page


def key_of(root: Path, config, files: Files, markdown: str = INDEX, versions=("markdown==1",)) -> str:
    bases = [root]
    site = site_fingerprint(root, (root / "mkdocs.yml").read_text(encoding="utf-8"), files, config.use_directory_urls,
                            config.validation, config.markdown_extensions, bases, "levels", versions=list(versions))
    return page_key(site, markdown, files.get_file_from_path("index.md"), SnippetFiles(bases).digest(markdown))


def attributes(page: Page) -> dict:
    """Everything `Page.render` sets, in comparable form."""
    return {
        "content": page.content,
        "toc": toc_tokens(page.toc),
        "toc_text": str(page.toc),
        "active": [getattr(a, "active", False) for a in page.toc],
        "title": page._title_from_render,
        "anchors": page.present_anchor_ids,
        "links": {f.src_uri: dict(a) for f, a in (page.links_to_anchors or {}).items()},
        "link_files": [id(f) for f in (page.links_to_anchors or {})],
    }


class Records(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append((record.name, record.levelno, record.getMessage()))


@pytest.fixture
def warnings_seen():
    """Records reaching the `mkdocs` logger (as MkDocs' own handlers see them)."""
    handler = Records()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    yield handler.records
    logger.removeHandler(handler)


def test_a_cache_file_is_written_a_table_entry_at_a_time_as_one_json_text(tmp_path):
    """write_json writes a big table entry by entry; the file is what json.dumps gives for the whole."""
    from studysite.json_cache import write_json

    data = {"version": "v1", "entries": {"쿠키": {"html": "<p>\"따옴표\"</p>", "n": [1, 2.5, None]}, "b": []},
            "empty": {}, "numbers": {1: "int keys fall back to json.dumps"}, "list": [{"a": 1}]}
    write_json(tmp_path / "c.json", data)
    written = (tmp_path / "c.json").read_text(encoding="utf-8")
    assert written == json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    write_json(tmp_path / "d.json", {1: "x"})
    assert (tmp_path / "d.json").read_text(encoding="utf-8") == '{"1":"x"}'


# --- the key --------------------------------------------------------------------------------


def test_the_key_changes_with_every_input(mini):
    root, config = mini
    files = site_files(config)
    base = key_of(root, config, files)
    assert key_of(root, config, files) == base  # stable

    changed = {"markdown": key_of(root, config, files, INDEX + "\n한 줄 더\n")}
    (root / "docs/new.md").write_text("# 새 페이지\n", encoding="utf-8")
    changed["file added"] = key_of(root, config, site_files(config, ("index.md", "other.md", "new.md")))
    changed["file removed"] = key_of(root, config, site_files(config, ("index.md",)))
    changed["version"] = key_of(root, config, files, versions=("markdown==2",))

    def edited(path: str, text: str) -> str:
        original = (root / path).read_text(encoding="utf-8")
        (root / path).write_text(text, encoding="utf-8")
        try:
            return key_of(root, config, files)
        finally:
            (root / path).write_text(original, encoding="utf-8")

    changed["included example"] = edited("examples/hello.py", 'print("bye")\n')
    changed["other example"] = edited("examples/other.py", "x = 2\n")
    changed["mkdocs.yml"] = edited("mkdocs.yml", CONFIG_TEXT + "strict: true\n")
    changed["data"] = edited("data/terms.yml", "a: 2\n")
    changed["hook source"] = edited("hooks/studysite/x.py", "X = 2\n")
    assert key_of(root, config, files) == base
    for what, key in changed.items():
        assert key != base, what
    assert len(set(changed.values())) == len(changed)


def test_a_file_included_from_outside_the_hashed_folders_is_in_the_key(mini):
    root, config = mini
    files = site_files(config)
    (root / "notes.txt").write_text("하나\n", encoding="utf-8")
    markdown = '# 제목\n\n--8<-- "notes.txt"\n'
    before = key_of(root, config, files, markdown)
    (root / "notes.txt").write_text("둘\n", encoding="utf-8")
    assert key_of(root, config, files, markdown) != before


def test_the_site_part_of_the_key_is_made_once_per_build(mini):
    root, config = mini
    cache = render_cache.start_build(config, root, [root])
    calls = []
    site = cache.site
    cache.site = lambda files: calls.append(files) or site(files)
    files = site_files(config)
    for name in ("index.md", "other.md"):
        new_page(config, files, name).render(config, files)
    assert len(calls) == 1


# --- hits -----------------------------------------------------------------------------------


def test_a_hit_sets_what_a_real_render_sets(mini):
    root, config = mini
    files = site_files(config)
    real = new_page(config, files, "index.md")
    real.render(config, files)  # nothing installed yet: MkDocs' own render
    expected = attributes(real)
    assert expected["links"]["other.md"] == {"둘째-절": "other.md#둘째-절"}
    assert expected["links"]["index.md"]["첫째-절"] == "#첫째-절"  # with the permalinks and footnotes
    assert "raw-anchor" in expected["anchors"] and "second" in expected["anchors"]
    assert "hello" in expected["content"] and "fn:1" in expected["content"]

    cache = render_cache.start_build(config, root, [root])
    missed = new_page(config, files, "index.md")
    missed.render(config, files)
    assert (cache.hits, cache.misses) == (0, 1)
    hit = new_page(config, files, "index.md")
    hit.render(config, files)
    assert (cache.hits, cache.misses) == (1, 1)
    got = attributes(hit)
    # Links point at the build's own File objects, as render's do.
    assert got.pop("link_files") == [id(files.get_file_from_path(u)) for u in got["links"]]
    expected.pop("link_files")
    assert got == expected == {k: v for k, v in attributes(missed).items() if k != "link_files"}
    assert hit.title == real.title == "제목"


def test_a_saved_cache_is_hit_by_the_next_build_and_drops_unused_entries(mini):
    root, config = mini
    files = site_files(config)
    cache = render_cache.start_build(config, root, [root])
    for name in ("index.md", "other.md"):
        new_page(config, files, name).render(config, files)
    render_cache.finish_build(save=True)
    stored = json.loads((root / CACHE).read_text(encoding="utf-8"))["entries"]
    assert len(stored) == 2

    (root / "docs/other.md").write_text(OTHER + "\n바뀐 줄\n", encoding="utf-8")
    cache = render_cache.start_build(config, root, [root])
    for name in ("index.md", "other.md"):
        new_page(config, files, name).render(config, files)
    assert (cache.hits, cache.misses) == (1, 1)
    render_cache.finish_build(save=True)
    kept = json.loads((root / CACHE).read_text(encoding="utf-8"))["entries"]
    assert len(kept) == 2 and len(set(kept) & set(stored)) == 1  # the old other.md entry is gone


def test_a_dirty_build_keeps_the_entries_of_the_pages_it_did_not_render(mini):
    root, config = mini
    files = site_files(config)
    render_cache.start_build(config, root, [root])
    for name in ("index.md", "other.md"):
        new_page(config, files, name).render(config, files)
    render_cache.finish_build(save=True)
    (root / "docs/other.md").write_text(OTHER + "\n바뀐 줄\n", encoding="utf-8")
    render_cache.start_build(config, root, [root])
    new_page(config, files, "other.md").render(config, files)  # `--dirty`: only the edited page
    render_cache.finish_build(save=True, keep_unseen=True)
    assert len(json.loads((root / CACHE).read_text(encoding="utf-8"))["entries"]) == 3


def test_a_hit_replays_the_warnings_of_the_render(mini, warnings_seen):
    root, config = mini
    files = site_files(config, ("index.md", "other.md"))
    cache = render_cache.start_build(config, root, [root])
    new_page(config, files, "index.md", BROKEN).render(config, files)
    on_miss = [r for r in warnings_seen if r[1] >= logging.WARNING]
    assert len(on_miss) == 1 and "missing.md" in on_miss[0][2], warnings_seen
    warnings_seen.clear()
    new_page(config, files, "index.md", BROKEN).render(config, files)
    assert cache.hits == 1
    assert [r for r in warnings_seen if r[1] >= logging.WARNING] == on_miss


def test_a_render_that_raised_is_not_stored(mini):
    root, config = mini
    files = site_files(config)
    cache = render_cache.start_build(config, root, [root])
    page = new_page(config, files, "index.md", '# 제목\n\n--8<-- "examples/none.py"\n')
    with pytest.raises(Exception, match="none.py"):
        page.render(config, files)
    assert cache.entries == {} and cache.misses == 0


def test_a_page_without_a_key_is_converted_uncached(mini):
    root, config = mini
    files = site_files(config)
    cache = render_cache.start_build(config, root, [root])

    def unreadable(files):
        raise OSError("unreadable")

    cache.site = unreadable
    page = new_page(config, files, "index.md")
    page.render(config, files)
    assert "hello" in page.content and cache.entries == {} and (cache.hits, cache.misses) == (0, 0)


@pytest.mark.parametrize("text", ["{not json", '{"version": "1", "entries": []}', "\0\xff", ""])
def test_a_corrupt_cache_file_is_a_miss(mini, text):
    root, config = mini
    (root / CACHE).parent.mkdir(parents=True)
    (root / CACHE).write_text(text, encoding="utf-8", errors="surrogateescape")
    files = site_files(config)
    cache = render_cache.start_build(config, root, [root])
    new_page(config, files, "index.md").render(config, files)
    assert (cache.hits, cache.misses) == (0, 1)


def test_a_malformed_entry_is_a_miss(mini):
    root, config = mini
    files = site_files(config)
    cache = render_cache.start_build(config, root, [root])
    page = new_page(config, files, "index.md")
    page.render(config, files)
    key = next(iter(cache.entries))
    for broken in ({**cache.entries[key], "toc": [{"level": "1"}]}, {**cache.entries[key], "records": [1]}, []):
        cache.entries[key] = broken
        again = new_page(config, files, "index.md")
        again.render(config, files)
        assert again.content == page.content
    assert cache.hits == 0


def test_a_link_target_missing_from_the_build_is_a_miss(mini):
    root, config = mini
    files = site_files(config)
    cache = RenderCache(None, lambda files: "same", SnippetFiles([root]), logging.getLogger("mkdocs.structure.pages"), get_toc)
    render_cache.install(Page)
    render_cache.activate(cache)
    new_page(config, files, "index.md").render(config, files)
    fewer = site_files(config, ("index.md",))  # same site key on purpose: restore must check
    page = new_page(config, fewer, "index.md")
    page.render(config, fewer)
    assert cache.hits == 0 and cache.misses == 2


def test_wrapping_is_done_once_and_undone(mini):
    root, config = mini
    original = Page.render
    render_cache.start_build(config, root, [root])
    wrapped = Page.render
    render_cache.start_build(config, root, [root])  # a rebuild under `mkdocs serve`
    assert Page.render is wrapped is not original
    render_cache.stop()
    assert Page.render is original


# --- a real build, cold then warm -----------------------------------------------------------

# Same clock for both builds: the sitemap's dates and the gzip header of sitemap.xml.gz.
EPOCH = "1767225600"


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.build
def test_cold_warm_and_uncached_builds_write_the_same_site_and_fail_on_a_broken_link(tmp_path):
    """The cold build converts pages ahead in a forked copy (studysite.render_ahead), the warm
    one takes every page from the cache, and a build without the hook converts each page once
    in MkDocs' own loop: the three sites are the same, byte for byte."""
    from studysite.site_files import SCAN_CACHE

    project = copy_project(tmp_path / "project")
    use_build_cache(project)  # the Korean analysis of this run's build, if any; no rendered pages
    shutil.rmtree(project / CACHE.parent, ignore_errors=True)
    shutil.rmtree(project / SCAN_CACHE.parent, ignore_errors=True)  # nor the notes' backlink scans
    config = project / "mkdocs.yml"
    cold = run_mkdocs_build(tmp_path / "cold", config, SOURCE_DATE_EPOCH=EPOCH)
    assert cold.returncode == 0, cold.stderr[-3000:]
    assert re.search(r"pages reused, [1-9]\d* converted, [1-9]\d* converted ahead", cold.stderr), cold.stderr[-2000:]
    assert (project / CACHE).is_file() and (project / SCAN_CACHE).is_file()
    warm = run_mkdocs_build(tmp_path / "warm", config, SOURCE_DATE_EPOCH=EPOCH)
    assert warm.returncode == 0, warm.stderr[-3000:]
    assert "pages reused, 0 converted" in warm.stderr, warm.stderr[-2000:]
    uncached = project / "mkdocs-uncached.yml"
    shutil.copyfile(config, uncached)
    drop_hook(uncached, "render_cache.py")
    plain = run_mkdocs_build(tmp_path / "plain", uncached, SOURCE_DATE_EPOCH=EPOCH)
    assert plain.returncode == 0, plain.stderr[-3000:]
    assert "Render cache" not in plain.stderr
    first = tree(tmp_path / "cold")
    for other in (tree(tmp_path / "warm"), tree(tmp_path / "plain")):
        assert sorted(first) == sorted(other)
        assert [name for name in first if first[name] != other[name]] == []

    # A link MkDocs itself warns about (the note checks stop the build earlier on a missing
    # note): the first build converts the page, the second takes it from the cache.
    note = project / "docs/web/index.md"
    note.write_text(note.read_text(encoding="utf-8") + "\n\n![그림](missing.png)\n", encoding="utf-8")
    for attempt, converted in (("miss", "1 converted"), ("hit", "0 converted")):
        broken = run_mkdocs_build(tmp_path / f"broken-{attempt}", config, SOURCE_DATE_EPOCH=EPOCH)
        assert broken.returncode != 0, attempt
        assert "contains a link 'missing.png'" in broken.stderr, (attempt, broken.stderr[-2000:])
        assert converted in broken.stderr, (attempt, broken.stderr[-2000:])
