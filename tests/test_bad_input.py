"""Bad input stops the build with one clear `file:line: field: problem` line, and loses nothing.

Most cases call the loaders directly (fast, exact lines); three real `mkdocs build` runs on a
copy of the project show the whole path: the message, a non-zero exit, no traceback, and
the previous site left exactly as it was.
"""

import logging
import textwrap
from pathlib import Path

import pytest

from studysite import atomic_build
from conftest import run_mkdocs_build
from studysite.note_lint import Link, check_anchors, check_note
from studysite.reference_data import load_reference
from studysite.yaml_lines import DataError

FIXTURES = Path(__file__).parent / "fixtures"
GOOD_STATUS = (FIXTURES / "valid/data/status_codes.yml").read_text(encoding="utf-8")
GOOD_METHODS = (FIXTURES / "valid/data/methods.yml").read_text(encoding="utf-8")


def write_data(root: Path, status: str = GOOD_STATUS, methods: str = GOOD_METHODS) -> Path:
    (root / "data").mkdir()
    (root / "data/status_codes.yml").write_text(textwrap.dedent(status), encoding="utf-8")
    (root / "data/methods.yml").write_text(textwrap.dedent(methods), encoding="utf-8")
    return root


def problems_for(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_reference(root)
    return [str(p) for p in caught.value.problems]


# --- Data files ----------------------------------------------------------------------------
# Each case: (file, text in the good fixture, its replacement) and the exact problem lines.
S, M = "status", "methods"
DATA_CASES = {
    "YAML syntax error": (
        (S, "related: [200]", "related: [200"),
        ["data/status_codes.yml:26: yaml: syntax error: expected ',' or ']', but got ':'"],
    ),
    "duplicate key": (
        (S, "  phrase: Not Found\n", "  phrase: Not Found\n  phrase: Missing\n"),
        ["data/status_codes.yml:16: phrase: duplicate key (first at line 15)"],
    ),
    "duplicate code": (
        (S, "- code: 404", "- code: 200"),
        [
            "data/status_codes.yml:12: 200.related: unknown status code 404",
            "data/status_codes.yml:14: 200.code: duplicate status code (first at line 1)",
            "data/status_codes.yml:17: 200.class: 200 does not belong to class client_error",
        ],
    ),
    "missing required field": (
        (S, "  phrase: Not Found\n", ""),
        ["data/status_codes.yml:14: 404.phrase: required field is missing"],
    ),
    "unknown field": (
        (S, "  phrase: Not Found\n", "  phrase: Not Found\n  colour: red\n"),
        ["data/status_codes.yml:16: 404.colour: unknown field"],
    ),
    "wrong type": (
        (S, "cacheable: true\n  summary: 서버가", "cacheable: maybe\n  summary: 서버가"),
        ["data/status_codes.yml:21: 404.cacheable: expected true or false, got str 'maybe'"],
    ),
    "unknown class": (
        (S, "class: client_error", "class: client"),
        [
            "data/status_codes.yml:17: 404.class: unknown value 'client' "
            "(allowed: informational, successful, redirection, client_error, server_error)"
        ],
    ),
    "code outside its class": (
        (S, "class: client_error", "class: server_error"),
        ["data/status_codes.yml:17: 404.class: 404 does not belong to class server_error"],
    ),
    "code outside 100-599": (
        (S, "- code: 404", "- code: 4040"),
        [
            "data/status_codes.yml:12: 200.related: unknown status code 404",
            "data/status_codes.yml:14: 4040.code: must be a three-digit code from 100 to 599",
        ],
    ),
    "related code that does not exist": (
        (S, "related: [200]", "related: [200, 499]"),
        ["data/status_codes.yml:25: 404.related: unknown status code 499"],
    ),
    "malformed spec URL": (
        (S, "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5", "http//rfc9110"),
        ["data/status_codes.yml:20: 404.spec_url: malformed URL 'http//rfc9110' (expected https://host/path)"],
    ),
    "empty Korean title": (
        (S, "title_ko: 찾을 수 없음", 'title_ko: ""'),
        ["data/status_codes.yml:16: 404.title_ko: must not be empty"],
    ),
    "Korean title on two lines": (
        (S, "title_ko: 찾을 수 없음", "title_ko: |\n    찾을 수\n    없음"),
        ["data/status_codes.yml:16: 404.title_ko: must be a single line"],
    ),
    "code fence inside a data field": (
        (S, "    abort(404)\n", "    abort(404)\n    ```\n"),
        ["data/status_codes.yml:27: 404.flask: must not contain a code fence (``` or ~~~)"],
    ),
    "record that is not a mapping": (
        (S, "- code: 404", "- just a sentence\n- code: 404"),
        ["data/status_codes.yml:14: record: expected a mapping of fields"],
    ),
    "file that is not a list": (
        (S, GOOD_STATUS, "code: 200\nphrase: OK\n"),
        ["data/status_codes.yml:1: file: expected a list of records"],
    ),
    "empty file": (
        (S, GOOD_STATUS, ""),
        ["data/status_codes.yml:1: file: is empty; expected a list of records"],
    ),
    "unknown method flag value": (
        (M, 'cacheable: "yes"', 'cacheable: "sometimes"'),
        ["data/methods.yml:8: GET.cacheable: unknown value 'sometimes' (allowed: yes, no, conditional)"],
    ),
    "method flag that is not a boolean": (
        (M, "safe: true", "safe: yes please"),
        ["data/methods.yml:2: GET.safe: expected true or false, got str 'yes please'"],
    ),
    "duplicate method": (
        (M, "- method: PROPFIND", "- method: GET"),
        ["data/methods.yml:20: GET.method: duplicate method (first at line 1)"]
        + [f"data/methods.yml:20: GET.{field}: required for the common method GET"
           for field in ("cacheable", "request_body", "response_body", "description", "example_request", "example_response")],
    ),
    "method name in lower case": (
        (M, "- method: PROPFIND", "- method: propfind"),
        ["data/methods.yml:20: propfind.method: must be an upper-case token such as GET"],
    ),
    "common-only field on a registry method": (
        (M, "  summary: 리소스의 속성을 조회합니다.", '  summary: 리소스의 속성을 조회합니다.\n  cacheable: "yes"'),
        ["data/methods.yml:27: PROPFIND.cacheable: only the nine common methods carry this field"],
    ),
}


@pytest.mark.parametrize("case", DATA_CASES, ids=list(DATA_CASES))
def test_bad_data_is_reported_with_file_and_line(tmp_path, case):
    (which, old, new), expected = DATA_CASES[case]
    good = GOOD_STATUS if which == S else GOOD_METHODS
    assert old in good
    broken = good.replace(old, new, 1)
    write_data(tmp_path, **{which: broken})
    assert problems_for(tmp_path) == expected


def test_problems_of_both_files_are_reported_together(tmp_path):
    write_data(
        tmp_path,
        status=GOOD_STATUS.replace("class: client_error", "class: client", 1),
        methods=GOOD_METHODS.replace("safe: true", "safe: 1", 1),
    )
    assert [line.split(":")[0] for line in problems_for(tmp_path)] == ["data/methods.yml", "data/status_codes.yml"]


def test_non_utf8_data_file(tmp_path):
    write_data(tmp_path)
    (tmp_path / "data/methods.yml").write_bytes(b"- method: GET\n  title_ko: \xc1\xb6\xc8\xb8\n")
    assert problems_for(tmp_path) == ["data/methods.yml:2: file: not valid UTF-8"]


def test_missing_data_file(tmp_path):
    write_data(tmp_path)
    (tmp_path / "data/methods.yml").unlink()
    assert problems_for(tmp_path) == ["data/methods.yml:1: file: not found"]


def test_glossary_term_defined_twice(tmp_path):
    from studysite.glossary_data import load_glossary

    (tmp_path / "data").mkdir()
    (tmp_path / "data/glossary.yml").write_text(
        "- term: HTTP\n  expansion: HyperText Transfer Protocol\n  description: 프로토콜입니다.\n"
        "- term: http\n  ko: 에이치티티피\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_glossary(tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        "data/glossary.yml:4: http.term: term defined twice (first at line 1)"
    ]


# --- Notes ---------------------------------------------------------------------------------
PAGES = {"index.md", "http/index.md", "http/methods.md", "reference/status/404.md"}
NOTE = "docs/http/methods.md"


def note_problems(tmp_path, text, data: bytes | None = None) -> list[str]:
    """Problems `check_note` finds in `text`, written as the note docs/http/methods.md."""
    (tmp_path / "examples").mkdir(exist_ok=True)
    (tmp_path / "examples/app.py").write_text("# --8<-- [start:setup]\nimport flask\n# --8<-- [end:setup]\n")
    source = data if data is not None else textwrap.dedent(text).encode("utf-8")
    problems, _ = check_note(source, NOTE, "http/methods.md", [tmp_path], PAGES.__contains__)
    return [str(p) for p in problems]


ADMONITION_TYPES = "(Material styles: note, abstract, info, tip, success, question, warning, failure, danger, bug, example, quote)"
NOTE_CASES = {
    "unknown admonition type": (
        "# 메서드\n\n!!! warnnig \"주의\"\n    본문입니다.\n",
        [f"{NOTE}:3: admonition: unknown type 'warnnig' {ADMONITION_TYPES}"],
    ),
    "unknown collapsible type": (
        "---\ntitle: 메서드\n---\n\n???+ qestion \"질문\"\n    답입니다.\n",
        [f"{NOTE}:5: admonition: unknown type 'qestion' {ADMONITION_TYPES}"],
    ),
    "missing snippet file": (
        '```python\n--8<-- "examples/nope.py"\n```\n',
        [f"{NOTE}:2: snippet: included file 'examples/nope.py' not found"],
    ),
    "missing snippet in a block of snippets": (
        "--8<--\nexamples/app.py\nexamples/gone.py:setup\n--8<--\n",
        [f"{NOTE}:3: snippet: included file 'examples/gone.py' not found"],
    ),
    "link to a missing page": (
        "읽을거리: [상태 코드](status-codes.md)와 [홈](../index.md)\n",
        [f"{NOTE}:1: link: no page 'http/status-codes.md' (linked as 'status-codes.md')"],
    ),
    "reference-style link to a missing page": (
        "[캐시][c]를 보세요.\n\n[c]: ../http/caching.md#freshness\n",
        [f"{NOTE}:3: link: no page 'http/caching.md' (linked as '../http/caching.md#freshness')"],
    ),
    "absolute link to a missing page": (
        "[404](/reference/status/404.md), [418](/reference/status/418.md)\n",
        [f"{NOTE}:1: link: no page 'reference/status/418.md' (linked as '/reference/status/418.md')"],
    ),
    "non-UTF-8 note": (
        "# 메서드\n\n".encode() + "EUC-KR로 저장한 줄\n".encode("cp949"),
        [f"{NOTE}:3: file: not valid UTF-8"],
    ),
}


@pytest.mark.parametrize("case", NOTE_CASES, ids=list(NOTE_CASES))
def test_bad_note_is_reported_with_file_and_line(tmp_path, case):
    text, expected = NOTE_CASES[case]
    if isinstance(text, bytes):
        assert note_problems(tmp_path, None, data=text) == expected
    else:
        assert note_problems(tmp_path, text) == expected


def test_what_the_note_checks_accept(tmp_path):
    text = """\
        !!! tip "여러 줄"
            [메서드 개요](index.md#safe), [위](#top)

        ??? question inline end
            답입니다.

        ;--8<-- "examples/escaped.py"
        --8<-- "examples/app.py:setup"
        --8<-- "examples/app.py:1:2"

        `[코드 안](nope.md)`와 이미지 ![그림](nope.png), [외부](https://example.com/x.md)

        ```markdown
        !!! nonsense
        [펜스 안](nope.md)
        ```
        """
    assert note_problems(tmp_path, text) == []


def test_clean_verdicts_are_kept_and_problems_are_found_on_every_build(tmp_path, monkeypatch):
    from studysite import note_checks
    from studysite.terminology import Avoided

    avoided = [Avoided("웹서버", "웹 서버")]
    clean = "# 메서드\n\n[상태 코드](../reference/status/404.md#top)와 [위](#top)\n".encode()
    broken = "# 메서드\n\n!!! warnnig\n    웹서버에 보냅니다.\n".encode()
    path = tmp_path / ".cache/note-checks/clean.json"

    first = note_checks.CleanNotes(path, avoided)
    expected = {name: first.checks(source, NOTE, "http/methods.md") for name, source in (("clean", clean), ("broken", broken))}
    assert expected["clean"][0] == [] and expected["clean"][2]
    assert [p.field for p in expected["broken"][0]] == ["admonition", "glossary"]
    first.save()

    calls = []
    checks = note_checks.own_text_checks
    monkeypatch.setattr(note_checks, "own_text_checks", lambda *args: calls.append(args[2]) or checks(*args))
    again = note_checks.CleanNotes(path, avoided)
    assert again.checks(clean, NOTE, "http/methods.md") == expected["clean"]
    assert calls == []  # the clean verdict came from the cache, with its weight and links
    assert again.checks(broken, NOTE, "http/methods.md") == expected["broken"]
    assert calls == ["http/methods.md"]  # a note with problems is checked again, never kept
    # Another glossary, other bytes, another name or other checking code: checked again.
    note_checks.CleanNotes(path, [Avoided("서버측", "서버 쪽")]).checks(clean, NOTE, "http/methods.md")
    again.checks(clean + b"\n", NOTE, "http/methods.md")
    again.checks(clean, NOTE, "http/other.md")
    note_checks.CleanNotes(path, avoided, version="other rules").checks(clean, NOTE, "http/methods.md")
    assert len(calls) == 5
    # A cache file that is not what the build wrote reads as empty.
    path.write_text('{"version": "%s", "entries": {"x": [1, "no links"]}}' % again.version, encoding="utf-8")
    assert note_checks.CleanNotes(path, avoided).entries == {"x": [1, "no links"]}
    assert note_checks.CleanNotes(path, avoided).get("x") is None


def test_missing_anchors_are_reported_after_rendering():
    links = [
        Link(4, "index.md#safe", "http/index.md", "safe"),
        Link(5, "index.md#unsafe", "http/index.md", "unsafe"),
        Link(6, "#top", None, "top"),
        Link(7, "#bottom", None, "bottom"),
        Link(8, "../reference/status/404.md#x", "reference/status/404.md", "x"),  # not rendered: MkDocs decides
    ]
    anchors = {"http/index.md": {"safe"}, "http/methods.md": {"top"}}
    assert [str(p) for p in check_anchors(links, NOTE, "http/methods.md", anchors.get)] == [
        f"{NOTE}:5: link: no anchor '#unsafe' on 'http/index.md' (linked as 'index.md#unsafe')",
        f"{NOTE}:7: link: no anchor '#bottom' on this page (linked as '#bottom')",
    ]


# --- The atomic build ----------------------------------------------------------------------

def leftovers(site: Path) -> list[str]:
    """Folders the atomic build left next to `site`."""
    marks = (atomic_build.BUILDING, atomic_build.REPLACED)
    return sorted(p.name for p in site.parent.iterdir() if any(m in p.name for m in marks))


def test_finish_replaces_the_old_site_and_abandon_keeps_it(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    failed = Path(atomic_build.start(site))
    (failed / "half.html").write_text("half")
    atomic_build.abandon(failed)
    assert [p.name for p in site.iterdir()] == ["old.html"] and leftovers(site) == []

    built = Path(atomic_build.start(site))
    assert built.parent == site.parent and built.name.startswith(".site.building-")
    (built / "new.html").write_text("new")
    atomic_build.finish(site, built)
    assert [p.name for p in site.iterdir()] == ["new.html"] and leftovers(site) == []


def test_finish_creates_a_site_that_did_not_exist(tmp_path):
    site = tmp_path / "deep/er/site"
    built = Path(atomic_build.start(site))
    atomic_build.finish(site, built)
    assert site.is_dir() and leftovers(site) == []


def test_strict_mode_warnings_are_seen_before_mkdocs_aborts():
    from mkdocs.utils import CountHandler

    logger = logging.getLogger("mkdocs")
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logger.addHandler(counter)
    try:
        assert not atomic_build.strict_mode_will_abort()
        logging.getLogger("mkdocs.test").warning("a warning in strict mode")
        assert atomic_build.strict_mode_will_abort()
    finally:
        logger.removeHandler(counter)
    assert not atomic_build.strict_mode_will_abort()


def test_a_good_build_leaves_no_temporary_folder(built_site):
    assert (built_site / "index.html").is_file()
    assert leftovers(built_site) == []


# --- Real builds of a broken copy of the project -------------------------------------------

@pytest.fixture
def previous_site(tmp_path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good build", encoding="utf-8")
    return site


def break_file(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in `path`; return the line number where it was."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def assert_failed_cleanly(result, previous_site: Path):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert (previous_site / "index.html").read_text(encoding="utf-8") == "the last good build"
    assert sorted(p.name for p in previous_site.iterdir()) == ["index.html"]
    assert leftovers(previous_site) == []


def test_bad_data_stops_the_build(project_copy, previous_site):
    data = project_copy / "data/status_codes.yml"
    line = break_file(data, "related: [", "related: [499, ")
    code = [l for l in data.read_text().splitlines()[:line] if l.startswith("- code:")][-1].split(":")[1].strip()
    result = run_mkdocs_build(previous_site, project_copy / "mkdocs.yml")
    assert_failed_cleanly(result, previous_site)
    assert f"\ndata/status_codes.yml:{line}: {code}.related: unknown status code 499\n" in result.stderr


def test_broken_notes_stop_the_build(project_copy, previous_site):
    docs = project_copy / "docs"
    link_line = break_file(docs / "state/cookies.md", "\n\n", "\n\n[세션 저장소](session-stores.md)\n\n")
    snippet_line = break_file(docs / "flask/routing.md", '--8<-- "examples/flask/', '--8<-- "examples/flask/missing_')
    snippet = (docs / "flask/routing.md").read_text(encoding="utf-8").splitlines()[snippet_line - 1].split('"')[1]
    (docs / "web/resources.md").write_bytes((docs / "web/resources.md").read_bytes() + "\n메모\n".encode("cp949"))
    bad_line = (docs / "web/resources.md").read_bytes().count(b"\n")
    result = run_mkdocs_build(previous_site, project_copy / "mkdocs.yml")
    assert_failed_cleanly(result, previous_site)
    # Problems are listed in the order MkDocs lists the files.
    assert "ERROR   -  invalid notes (3 problems):\n" in result.stderr
    for expected in (
        f"docs/flask/routing.md:{snippet_line}: snippet: included file '{snippet}' not found",
        f"docs/state/cookies.md:{link_line + 2}: link: no page 'state/session-stores.md' (linked as 'session-stores.md')",
        f"docs/web/resources.md:{bad_line}: file: not valid UTF-8",
    ):
        assert f"\n{expected}\n" in result.stderr


def test_strict_mode_warning_keeps_the_previous_site(project_copy, previous_site):
    # A missing image is left to MkDocs' own validation, which in strict mode aborts only
    # after every page has been written: the case the atomic build exists for.
    break_file(project_copy / "docs/web/index.md", "\n\n", "\n\n![그림](missing.png)\n\n")
    result = run_mkdocs_build(previous_site, project_copy / "mkdocs.yml")
    assert_failed_cleanly(result, previous_site)
    assert (
        "WARNING -  Doc file 'web/index.md' contains a link 'missing.png', "
        "but the target 'web/missing.png' is not found among documentation files." in result.stderr
    )
    assert "Aborted with 1 warnings in strict mode!" in result.stdout
