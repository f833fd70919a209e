"""Hostile and broken input: every class of issue 20, from the class rather than one example.

Unit tests call the checks directly; a few real builds of project copies, each with many
problems at once, show the whole path (exit 1, one `file:line: field: problem` line each, no
traceback, the previous site byte-identical with its permissions); a browser opens a site
built with hostile front matter; `mkdocs serve` survives an unexpected exception.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, build_ok, copy_project, run_mkdocs_build, use_build_cache
from studysite import atomic_build
from studysite.json_cache import BuildCache, write_json
from studysite.note_lint import check_snippets
from studysite.untrusted import (
    MAX_HEADINGS,
    escape_display_values,
    front_matter_problems,
    html_findings,
    html_problems,
    links_outside,
    source_problems,
    theme_problems,
)
from studysite.yaml_lines import Problem, read_entries

PROBLEM_LINE = re.compile(r"^[^\s:]+:\d+: [^:\n]+: \S.*$")


def lines(problems) -> list[str]:
    return [str(p) for p in problems]


def no_theme_file(name: str) -> bool:
    return name in ("main.html", "blog-post.html", "redirect.html")


# --- class 1: injection through front matter and raw HTML ------------------------------

REFUSED_HTML = {
    "script element": "<script>alert(1)</script>",
    "slash-separated handler": "<svg/onload=alert(1)>",
    "uncommon handler": "<details open ontoggle=alert(1)>x</details>",
    "handler on an allowed tag": '<p onclick="x()">t</p>',
    "handler after a slash": "<img/src=\"a.png\"/onerror=alert(1)>",
    "entity-encoded javascript href": '<a href="jav&#x61;script:alert(1)">x</a>',
    "javascript with tab noise": '<a href="java\tscript:alert(1)">x</a>',
    "vbscript href": '<a href="vbscript:x">x</a>',
    "data href": '<a href="data:text/html,<b>x</b>">x</a>',
    "svg link": '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "iframe": '<iframe src="javascript:alert(1)"></iframe>',
    "iframe srcdoc": '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "form action": '<form action="javascript:alert(1)"><input type="submit"></form>',
    "formaction": '<button formaction="javascript:alert(1)">b</button>',
    "image map area": '<map name="m"><area href="javascript:alert(1)"></map>',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "base": '<base href="https://evil.example/">',
    "object": '<object data="x.swf"></object>',
    "embed": '<embed src="x.swf">',
    "link element": '<link rel="stylesheet" href="https://evil.example/x.css">',
    "style element": "<style>body{background:url(https://evil.example/)}</style>",
    "style attribute loading": '<span style="background: u\\rl(https://evil.example/)">x</span>',
    "external image": '<img src="https://evil.example/x.png" alt="x">',
    "protocol-relative image": '<img src="//evil.example/x.png" alt="x">',
    "external srcset": '<img src="a.png" srcset="a.png 1x, https://evil.example/b.png 2x" alt="">',
    "input that submits": '<input type="image" src="a.png">',
}


@pytest.mark.parametrize("case", REFUSED_HTML, ids=list(REFUSED_HTML))
def test_raw_html_that_can_run_load_or_navigate_is_refused(case):
    source = f"# 노트\n\n본문입니다.\n\n{REFUSED_HTML[case]}\n"
    found = html_problems(source, source, "docs/web/x.md")
    assert found, case
    assert all(p.line == 5 and p.field == "html" for p in found), lines(found)


def test_markdown_and_plain_formatting_pass():
    import markdown

    text = textwrap.dedent("""\
        # 제목 { #top }

        [링크](https://www.rfc-editor.org/rfc/rfc9110), [메일](mailto:a@example.com), ![그림](img/a.png)

        <details><summary>답</summary><p><kbd>Ctrl</kbd> <abbr title="x">HTTP</abbr></p></details>

        | 열 | 값 |
        |:--|--:|
        | `<script>` | <sup>1</sup> |

        ```html
        <script>alert(1)</script><iframe src="javascript:x"></iframe>
        ```
        """)
    rendered = markdown.markdown(text, extensions=["attr_list", "tables", "md_in_html", "fenced_code"])
    assert html_problems(rendered, text, "docs/x.md") == []


def test_markdown_written_attacks_are_refused_at_their_line():
    import markdown

    text = "# t\n\n문단\n{: onclick=\"x()\" }\n\n[누르기](javascript:alert(1))\n\n![원격](https://evil.example/a.png)\n"
    rendered = markdown.markdown(text, extensions=["attr_list"])
    assert [(p.line, p.message.split(" ")[0]) for p in html_problems(rendered, text, "docs/x.md")] == [
        (4, "event"), (6, "javascript:"), (8, "<img"),
    ]


def test_a_diagram_that_configures_mermaid_is_refused_at_its_line():
    from pymdownx.superfences import fence_code_format
    import markdown

    text = (
        "# t\n\n```mermaid\ngraph TD\n  A --> B %% a comment is fine\n```\n\n"
        "```mermaid\n%%{init: {\"themeCSS\": \"@import url(https://evil.example/a.css);\"}}%%\ngraph TD\n  A --> B\n```\n\n"
        "```mermaid\n---\nconfig:\n  fontFamily: \"x; background: url(https://evil.example/a.png)\"\n---\ngraph TD\n  A --> B\n```\n"
    )
    fence = {"name": "mermaid", "class": "mermaid", "format": fence_code_format}
    rendered = markdown.markdown(text, extensions=["pymdownx.superfences"],
                                 extension_configs={"pymdownx.superfences": {"custom_fences": [fence]}})
    # Mermaid checks CSS set this way for balanced braces only, so a diagram could load from
    # another host (the Content-Security-Policy would stop it in the browser).
    assert [(p.line, p.message.split(";")[0]) for p in html_problems(rendered, text, "docs/x.md")] == [
        (9, "a Mermaid diagram may not configure Mermaid (%%{init}%% or a --- config block)"),
        (16, "a Mermaid diagram may not configure Mermaid (%%{init}%% or a --- config block)"),
    ]
    # Raw HTML: Material draws the whole text of a pre.mermaid, nested elements and an unclosed
    # one too; a class attribute without a value is no diagram (and no crash).
    for raw in ('<pre class="mermaid"><pre></pre>%%{init: {}}%%\ngraph TD</pre>', '<pre class="mermaid">%%{init: {}}%%'):
        assert [message.split(" (")[0] for _, message in html_findings(raw)] == ["a Mermaid diagram may not configure Mermaid"]
    assert html_findings("<pre class><code>%%{init: {}}%%</code></pre>") == []


FRONT_MATTER = {
    "list as title": ("title: [a, b]\n", "docs/x.md:2: title: expected text, got list ['a', 'b']"),
    "mapping as description": ("description: {a: 1}\n", "docs/x.md:2: description: expected text, got dict {'a': 1}"),
    "two-line title": ('title: "a\\nb"\n', "docs/x.md:2: title: must be a single line"),
    "markup in a tag": ('tags: ["<img src=x>"]\n', "docs/x.md:2: tags: '<img src=x>' is not a name"),
    "tags as text": ("tags: 쿠키\n", "docs/x.md:2: tags: expected a list of names, got str '쿠키'"),
    "template outside the theme": ("template: ../../etc/passwd\n", "docs/x.md:2: template: '../../etc/passwd' is not a page template"),
    "redirect template": ("template: redirect.html\n", "docs/x.md:2: template: no page template 'redirect.html' in the theme"),
    "missing template": ("template: nope.html\n", "docs/x.md:2: template: no page template 'nope.html' in the theme"),
    "icon path": ("icon: ../../x\n", "docs/x.md:2: icon: expected an icon name such as material/home"),
    "status with markup": ('status: "new\\" onmouseover=\\"x"\n', "docs/x.md:2: status: expected a name such as new"),
    "hide with unknown value": ("hide: [everything]\n", "docs/x.md:2: hide: expected a list of navigation"),
    "revision date as markup": ("revision_date: <b>x</b>\n", "docs/x.md:2: revision_date: expected a date such as 2026-11-26"),
    "search boost as text": ("search: {boost: high}\n", "docs/x.md:2: search: search.boost: expected a number"),
    "alias": ("a: &x [1]\nb: *x\n", "docs/x.md:3: front matter: alias *x is not allowed"),
    "python tag": ("a: !!python/object/apply:os.system [id]\n", "docs/x.md:2: front matter: tag !!python/object/apply:os.system is not allowed"),
    "custom tag": ("a: !custom x\n", "docs/x.md:2: front matter: tag !custom is not allowed"),
    "int tag": ("a: !!int 4o4\n", "docs/x.md:2: front matter: tag !!int is not allowed"),
    "deep nesting": ("a: " + "[" * 200 + "]" * 200 + "\n", "docs/x.md:2: front matter: nested more than 30 levels deep"),
    "sequence as key": ("? [a, b]\n: 1\n", "docs/x.md:2: front matter: a key must be plain text"),
    "duplicate key": ("title: a\ntitle: b\n", "docs/x.md:3: title: duplicate key (first at line 2)"),
    "syntax error": ("title: [a\n", "docs/x.md:3: front matter: syntax error"),
    "NUL on its line": ("title: a\ndescription: \"b\x00\"\n", "docs/x.md:3: front matter: syntax error: control character U+0000"),
    "not a mapping": ("- a\n- b\n", "docs/x.md:2: front matter: expected `key: value` lines"),
}


@pytest.mark.parametrize("case", FRONT_MATTER, ids=list(FRONT_MATTER))
def test_front_matter_problems(case):
    source, expected = FRONT_MATTER[case]
    found = lines(front_matter_problems(f"---\n{source}---\n\n# 노트\n", "docs/x.md", no_theme_file))
    assert len(found) == 1 and found[0].startswith(expected), found
    assert PROBLEM_LINE.match(found[0])


def test_front_matter_that_is_never_closed_is_reported():
    assert lines(front_matter_problems("---\ntitle: a\n\n# 노트\n", "docs/x.md", no_theme_file)) == [
        "docs/x.md:1: front matter: starts with --- but is never closed with a --- line"
    ]


def test_valid_front_matter_passes_and_display_values_are_escaped():
    text = '---\ntitle: "</title><meta http-equiv=refresh content=0>"\ndescription: \'"><b>\'\ntags: [HTTP, 쿠키]\n' \
           "template: main.html\nrevision_date: 2026-11-26\nhide: [toc]\nsearch: {boost: 2}\n---\n# x\n"
    assert front_matter_problems(text, "docs/x.md", no_theme_file) == []
    meta = yaml.safe_load(text.split("---")[1])
    escape_display_values(meta)
    assert meta["title"] == "&lt;/title&gt;&lt;meta http-equiv=refresh content=0&gt;"
    assert meta["description"] == "&#34;&gt;&lt;b&gt;"
    assert meta["revision_date"] == "2026-11-26"
    assert meta["tags"] == ["HTTP", "쿠키"]


# --- class 2: files from outside the repository ----------------------------------------


@pytest.fixture
def repo(tmp_path) -> Path:
    root = tmp_path / "repo"
    (root / "examples").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "examples/ok.py").write_text("print('ok')\n", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("runner secret\n", encoding="utf-8")
    return root


def test_snippets_that_leave_the_repository_are_refused(repo, tmp_path):
    (repo / "examples/link.py").symlink_to(tmp_path / "secret.txt")
    (repo / "examples/nested.py").write_text('x = 1\n--8<-- "../secret.txt"\n--8<-- "examples/link.py"\n', encoding="utf-8")
    (repo / "examples/euc.py").write_bytes("# 메모\n".encode("cp949"))
    text = textwrap.dedent("""\
        --8<-- "/etc/hostname"
        --8<-- "../secret.txt"
        --8<-- "examples/../../secret.txt"
        --8<-- "https://evil.example/x.py"
        --8<-- "examples/link.py"
        --8<-- "examples/nested.py"
        --8<-- "examples/euc.py"
        --8<-- "examples/ok.py"
        """)
    assert lines(check_snippets(text, "docs/x.md", [repo], repo)) == [
        "docs/x.md:1: snippet: included file '/etc/hostname' is an absolute path; write it relative to the repository",
        "docs/x.md:2: snippet: included file '../secret.txt' climbs out with ..; write it relative to the repository",
        "docs/x.md:3: snippet: included file 'examples/../../secret.txt' climbs out with ..; write it relative to the repository",
        "docs/x.md:4: snippet: included file 'https://evil.example/x.py' is a URL; only files of the repository can be included",
        "docs/x.md:5: snippet: included file 'examples/link.py' resolves outside the repository",
        "examples/nested.py:2: snippet: included file '../secret.txt' climbs out with ..; write it relative to the repository",
        "examples/nested.py:3: snippet: included file 'examples/link.py' resolves outside the repository",
        "examples/euc.py:1: file: not valid UTF-8",
    ]


def test_symbolic_links_to_outside_are_found(repo, tmp_path):
    (repo / "docs/secret.md").symlink_to(tmp_path / "secret.txt")
    (repo / "docs/etc").symlink_to("/etc")
    (repo / "docs/inside.md").symlink_to(repo / "examples/ok.py")
    assert lines(links_outside(repo, ["docs", "examples", "missing"])) == [
        "docs/etc:1: file: is a symbolic link to outside the repository; copy the file in instead",
        "docs/secret.md:1: file: is a symbolic link to outside the repository; copy the file in instead",
    ]


# --- class 3: resource exhaustion ------------------------------------------------------

ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9)
)


def test_limits_of_a_note():
    assert lines(source_problems("x", 3_000_000, "docs/x.md")) == [
        "docs/x.md:1: file: is 3,000,000 bytes; a note may have at most 262,144 (split it)"
    ]
    many = "\n\n".join(f"## {i}" for i in range(MAX_HEADINGS + 1))
    assert lines(source_problems(many, len(many), "docs/x.md")) == [
        f"docs/x.md:1: file: has {MAX_HEADINGS + 1} headings; a note may have at most {MAX_HEADINGS} (split it)"
    ]
    long = "# t\n\n" + "가" * 20_000
    assert lines(source_problems(long, len(long), "docs/x.md")) == ["docs/x.md:3: file: line of 20,000 characters; at most 10,000"]
    brackets = "# t\n\n" + "\n".join(["[" * 500] * 4) + "\n"
    assert [p.line for p in source_problems(brackets, len(brackets), "docs/x.md")] == [3]
    fenced = "# t\n\n```\n" + "\n".join(["[" * 500] * 4) + "\n```\n"
    assert source_problems(fenced, len(fenced), "docs/x.md") == []


RESOURCE_SCRIPT = """
import resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))
sys.path.insert(0, sys.argv[1])
from pathlib import Path
import markdown
from studysite.glossary_data import FocusableAbbrExtension
from studysite.untrusted import source_problems
from studysite.yaml_lines import read_entries
work = Path(sys.argv[2])
# A YAML alias bomb in a data file: refused before anything is built from it.
(work / "bomb.yml").write_text("- " + sys.argv[3].replace(chr(10), chr(10) + "  "), encoding="utf-8")
entries, problems = read_entries(work / "bomb.yml", "data/bomb.yml")
assert problems and all("alias" in str(p) for p in problems), problems
# A note of 20 MB and one of 50,000 headings: refused by their size and heading count.
huge = "가나다 HTTP " * 2_000_000
assert source_problems(huge, len(huge.encode()), "docs/x.md")
headings = "\\n\\n".join("## 같은 제목" for _ in range(50_000))
assert source_problems(headings, len(headings.encode()), "docs/x.md")
# A note just under the size limit that uses an abbreviation 60,000 times renders at once.
text = "\\n\\n".join(["HTTP API URL " * 600] * 30) + "\\n\\n*[HTTP]: a\\n*[API]: b\\n*[URL]: c\\n"
html = markdown.markdown(text, extensions=["abbr", FocusableAbbrExtension()])
assert html.count("<abbr") == 3, html.count("<abbr")
print("ok")
"""


def test_big_inputs_stay_within_time_and_memory(tmp_path):
    """Run under a 2 GB address-space limit and a generous timeout, in a subprocess."""
    result = subprocess.run(
        [sys.executable, "-c", RESOURCE_SCRIPT, str(ROOT / "hooks"), str(tmp_path), ALIAS_BOMB],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-2000:]


def test_problem_lines_escape_controls_and_cut_long_values(tmp_path):
    problem = Problem("docs/a\nb.md", 3, "title\x1b[31m", "bad value " + "x" * 5000 + "\u202e")
    text = str(problem)
    assert "\n" not in text and "\x1b" not in text and "\u202e" not in text
    assert text.startswith("docs/a\\x0ab.md:3: title\\x1b[31m: bad value xxx") and len(text) < 700
    (tmp_path / "data.yml").write_text("- code: 1\n  phrase: [" + ", ".join(["x" * 1000] * 1000) + "]\n", encoding="utf-8")
    from studysite.record_schema import Field, check_fields

    entries, _ = read_entries(tmp_path / "data.yml", "data/x.yml")
    _, problems = check_fields(entries[0], (Field("code", "int"), Field("phrase", "line")), "data/x.yml", "1")
    assert len(str(problems[0])) < 450 and str(problems[0]).startswith("data/x.yml:2: 1.phrase: expected text, got list")


# --- class 4 and 6: tracebacks and misleading lines ------------------------------------

DATA_CASES = {
    "python tag": ("  phrase: !!python/object/apply:os.system [id]\n", "data/x.yml:4: yaml: tag !!python/object/apply:os.system is not allowed"),
    "custom tag": ("  phrase: !custom x\n", "data/x.yml:4: yaml: tag !custom is not allowed"),
    "int tag with a bad value": ("  code: !!int 4o4\n", "data/x.yml:4: yaml: tag !!int is not allowed"),
    "sequence as a key": ("  ? [a, b]\n  : 1\n", "data/x.yml:4: record: a field name must be plain text"),
    "unhashable key inside a value": ("  phrase: {[a]: 1}\n", "data/x.yml:4: phrase: invalid value: found unhashable key"),
    "deep nesting": ("  phrase: " + "[" * 20_000 + "]" * 20_000 + "\n", "data/x.yml:4: yaml: nested more than 30 levels deep"),
    "record repeated by an alias": ("  phrase: &p OK\n- code: 201\n  phrase: *p\n", "data/x.yml:6: yaml: alias *p is not allowed"),
    "NUL on its line": ('  phrase: "a\x00"\n', "data/x.yml:4: yaml: syntax error: control character U+0000 is not allowed"),
    "impossible date": ("  phrase: 2026-13-45\n", "data/x.yml:4: phrase: invalid value: month must be in 1..12"),
}


@pytest.mark.parametrize("case", DATA_CASES, ids=list(DATA_CASES))
def test_broken_yaml_gives_one_line_not_a_traceback(tmp_path, case):
    extra, expected = DATA_CASES[case]
    (tmp_path / "x.yml").write_text("- code: 200\n  phrase: OK\n- title: x\n" + extra, encoding="utf-8")
    entries, problems = read_entries(tmp_path / "x.yml", "data/x.yml")
    found = lines(problems + [p for e in entries for p in e.problems])
    assert len(found) == 1 and found[0].startswith(expected), found


def _shape(node: yaml.Node):
    """A node tree as plain values with the line of every node, to compare two parsers."""
    if isinstance(node, yaml.ScalarNode):
        return node.tag, node.value, node.start_mark.line
    if isinstance(node, yaml.SequenceNode):
        return node.tag, [_shape(item) for item in node.value], node.start_mark.line
    return node.tag, [(_shape(key), _shape(value)) for key, value in node.value], node.start_mark.line


def test_libyaml_reads_the_data_as_the_pure_python_parser_does():
    """Valid data files and front matter are composed by libyaml (ten times faster); the node
    trees, lines included, must be those of the pure-Python parser that reads everything else."""
    from studysite import yaml_lines

    assert yaml.__with_libyaml__, "PyYAML without libyaml reads every file with the slow parser"
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "data").rglob("*.yml"))]
    texts += [note.read_text(encoding="utf-8").split("---\n")[1] for note in sorted((ROOT / "docs").rglob("*.md"))
              if note.read_text(encoding="utf-8").startswith("---\n")]
    assert len(texts) > 30
    for text in texts:
        fast = yaml_lines._compose_fast(text)
        assert fast is not False and _shape(fast) == _shape(yaml.compose(text, Loader=yaml.SafeLoader))


def test_wrong_theme_option_types():
    theme = {"features": "navigation.tabs", "palette": [1], "font": {"text": 3}, "language": ["ko"], "icon": "x"}
    assert lines(theme_problems(theme, lambda key: {"features": 7}.get(key, 5))) == [
        "mkdocs.yml:7: theme.features: expected a list of feature names, got 'navigation.tabs'",
        "mkdocs.yml:5: theme.palette: expected a mapping or a list of mappings, got [1]",
        "mkdocs.yml:5: theme.font: expected false or a mapping of text and code fonts, got {'text': 3}",
        "mkdocs.yml:5: theme.language: expected text, got ['ko']",
        "mkdocs.yml:5: theme.icon: expected a mapping, got 'x'",
    ]


@pytest.mark.parametrize("content", [b"\x00\xff garbage", b"[1, 2]", b'{"version": "v", "entries": [1]}',
                                     b'{"version": "v", "entries": {"k": 5}}'])
def test_a_corrupted_cache_entry_is_discarded(tmp_path, content):
    path = tmp_path / "cache.json"
    path.write_bytes(content)
    cache = BuildCache(path, "v", valid=lambda value: isinstance(value, list))
    assert cache.get("k") is None
    cache.put("k", [1])
    cache.save()
    assert BuildCache(path, "v", valid=lambda value: isinstance(value, list)).get("k") == [1]


def test_corrupted_korean_and_section_caches_are_rebuilt(tmp_path):
    from studysite.korean_morphs import EntryCache, MorphCache
    from studysite.search_sections import SectionCache

    write_json(tmp_path / "m.json", {"version": "v", "words": {"a": [["x"], "x", 1], "b": 7, "c": [[1], None, 0]}})
    assert set(MorphCache(tmp_path / "m.json", "v").words) == {"a"}
    write_json(tmp_path / "e.json", {"version": "v", "entries": {"k": ["not", "a", "dict"]}})
    assert EntryCache(tmp_path / "e.json", "v").get("k") is None
    write_json(tmp_path / "s.json", {"version": "v", "entries": {"k": "broken", "j": [["id", None, "text"]]}})
    sections = SectionCache(tmp_path / "s.json", "v")
    assert sections.get("k") is None and sections.get("j") == [["id", None, "text"]]


def test_the_site_budget_counts_only_what_notes_weigh_beyond_a_usual_note():
    from studysite.untrusted import MAX_NOTE_WEIGHT, USUAL_NOTE_WEIGHT, site_weight_problems

    assert site_weight_problems([USUAL_NOTE_WEIGHT] * 50_000, "docs") == []  # a large, ordinary site
    heavy = [MAX_NOTE_WEIGHT - 1] * 4  # each under its own limit
    assert site_weight_problems(heavy, "docs") == []
    (problem,) = site_weight_problems(heavy * 2, "docs")
    assert str(problem).startswith("docs:1: file: the notes heavier than usual are together too costly to render")


def test_html_verdicts_are_kept_per_html_and_rules(tmp_path):
    from studysite.untrusted import FindingsCache, policy_version

    path = tmp_path / "findings.json"
    bad = '<p><img src="https://elsewhere.example/x.png"></p>'
    cache = FindingsCache(path)
    first = cache.findings(bad)
    assert first and cache.findings("<p>ok</p>") == []
    cache.save()
    again = FindingsCache(path)
    assert again.findings(bad) == first and again.added == 0
    # Whether the page is generated is part of the key: a note may not have what a template may.
    assert again.findings("<svg></svg>", generated=True) == [] and again.findings("<svg></svg>")
    # Other rules (another version of the module or of Python's parser) start from nothing.
    assert FindingsCache(path, policy_version() + "x").entries == {}
    write_json(path, {"version": policy_version(), "entries": {"k": [["not", "findings"]]}})
    assert FindingsCache(path).get("k") is None


def test_a_committed_build_cache_is_refused(tmp_path):
    from studysite.untrusted import committed_caches

    assert committed_caches(tmp_path) == []  # not a git checkout
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".cache" / "html-policy").mkdir(parents=True)
    (tmp_path / ".cache" / "html-policy" / "findings.json").write_text("{}")
    assert committed_caches(tmp_path) == []  # written by a build here, not committed
    subprocess.run(["git", "-C", str(tmp_path), "add", "-f", ".cache"], check=True)
    assert [str(p) for p in committed_caches(tmp_path)] == [
        ".cache/html-policy/findings.json:1: file: build caches are written by the build; remove the file from the repository"
    ]


# --- class 7: the site directory itself ------------------------------------------------


def test_the_swap_keeps_the_site_permissions(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    os.chmod(site, 0o755)
    built = Path(atomic_build.start(site))
    assert stat.S_IMODE(built.stat().st_mode) == 0o700  # mkdtemp's
    atomic_build.finish(site, built)
    assert stat.S_IMODE(site.stat().st_mode) == 0o755
    new = tmp_path / "new-site"
    atomic_build.finish(new, atomic_build.start(new))
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o777 & ~umask


def test_a_symlinked_site_dir_stays_a_link_to_the_new_build(tmp_path):
    served = tmp_path / "served"
    served.mkdir()
    (served / "old.html").write_text("old")
    site = tmp_path / "site"
    site.symlink_to(served)
    built = Path(atomic_build.start(site))
    assert built.parent == tmp_path and built.name.startswith(".served.building-")
    (built / "new.html").write_text("new")
    atomic_build.finish(site, built)
    assert site.is_symlink() and os.readlink(site) == str(served)
    assert sorted(p.name for p in served.iterdir()) == ["new.html"]


def test_folders_of_killed_builds_are_removed_by_the_next_build(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    stale = [tmp_path / f".site.building-{dead}-abc", tmp_path / f".site.replaced-{dead}-def", tmp_path / ".site.building-old"]
    alive = tmp_path / f".site.building-{os.getpid()}-mine"
    for folder in stale + [alive]:
        folder.mkdir()
        (folder / "index.html").write_text("half")
    built = Path(atomic_build.start(site))
    assert not any(p.exists() for p in stale)
    assert alive.exists()  # a build still running in this process is left alone
    atomic_build.abandon(built)


# --- real builds -----------------------------------------------------------------------


def project(tmp_path: Path) -> Path:
    """A copy of the project with this run's build cache."""
    copy = copy_project(tmp_path / "project")
    use_build_cache(copy)
    return copy


def edit(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.fixture
def old_site(tmp_path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good build", encoding="utf-8")
    os.chmod(site, 0o755)
    return site


def fails_cleanly(result, site: Path) -> list[str]:
    """The problem lines of a failed build, after checking that it failed as it must."""
    assert result.returncode == 1, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good build"
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert stat.S_IMODE(site.stat().st_mode) == 0o755
    assert [p.name for p in site.parent.iterdir() if ".building-" in p.name or ".replaced-" in p.name] == []
    problems = [line for line in result.stderr.splitlines() if re.match(r"^[^\s:]+:\d+: ", line)]
    assert problems and all(PROBLEM_LINE.match(line) for line in problems), problems
    return problems


@pytest.mark.build
def test_hostile_notes_stop_the_build_with_one_line_each(tmp_path, old_site):
    root = project(tmp_path)
    docs = root / "docs"
    (tmp_path / "secret.txt").write_text("runner secret", encoding="utf-8")
    (docs / "web/secret.txt").symlink_to(tmp_path / "secret.txt")
    (root / "examples/secret.py").symlink_to(tmp_path / "secret.txt")
    title = edit(docs / "web/resources.md", "---\n", "---\ntitle: [a, b]\n") + 1
    snippet = edit(docs / "flask/routing.md", '--8<-- "examples/flask/', '--8<-- "/etc/hostname"\n--8<-- "examples/flask/')
    control = edit(docs / "state/cookies.md", "\n\n", "\n\n제어 문자\x1b[31m 입니다.\n\n") + 2
    (docs / "http/index.md").write_bytes((docs / "http/index.md").read_bytes() + b"\n\n" + b"HTTP " * 300_000)
    result = run_mkdocs_build(old_site, root / "mkdocs.yml")
    problems = fails_cleanly(result, old_site)
    for expected in (
        "docs/web/secret.txt:1: file: is a symbolic link to outside the repository",
        "examples/secret.py:1: file: is a symbolic link to outside the repository",
        f"docs/web/resources.md:{title}: title: expected text, got list ['a', 'b']",
        f"docs/flask/routing.md:{snippet}: snippet: included file '/etc/hostname' is an absolute path",
        f"docs/state/cookies.md:{control}: file: control character U+001B is not allowed",
        "docs/http/index.md:1: file: is 1,",
    ):
        assert any(line.startswith(expected) for line in problems), (expected, problems)


@pytest.mark.build
def test_hostile_html_and_data_stop_the_build(tmp_path, old_site):
    root = project(tmp_path)
    docs = root / "docs"
    svg = edit(docs / "web/index.md", "\n\n", "\n\n<svg/onload=alert(1)>\n\n") + 2
    meta = edit(docs / "web/client-server.md", "\n\n", '\n\n<meta http-equiv="refresh" content="0;url=https://evil.example/">\n\n') + 2
    image = edit(docs / "state/index.md", "\n\n", "\n\n![원격](https://evil.example/a.png)\n\n") + 2
    summary = edit(root / "data/status_codes.yml", "  summary: ", "  summary: 요약 [x](javascript:alert(1)) ")
    result = run_mkdocs_build(old_site, root / "mkdocs.yml")
    problems = fails_cleanly(result, old_site)
    assert f"docs/web/index.md:{svg}: html: <svg> is not allowed" in "\n".join(problems)
    assert f"docs/web/client-server.md:{meta}: html: <meta> is not allowed" in "\n".join(problems)
    assert f"docs/state/index.md:{image}: html: <img src> loads from another host" in "\n".join(problems)
    # A problem on a generated page names the data file and the line, not the page, once.
    assert problems.count(f"data/status_codes.yml:{summary}: html: javascript: URL in href= on <a> is not allowed") == 1


@pytest.mark.build
def test_an_unexpected_exception_becomes_one_line(tmp_path, old_site):
    root = project(tmp_path)
    (root / "hooks/explode.py").write_text(
        "def on_page_markdown(markdown, page, config, files):\n"
        "    if page.file.src_uri == 'web/index.md':\n"
        "        raise RuntimeError('boom\\n\\x1b[31mred')\n",
        encoding="utf-8",
    )
    edit(root / "mkdocs.yml", "hooks:\n", "hooks:\n  - hooks/explode.py\n")
    result = run_mkdocs_build(old_site, root / "mkdocs.yml")
    assert fails_cleanly(result, old_site) == ["docs/web/index.md:1: build: unexpected RuntimeError: boom"]


@pytest.mark.build
def test_broken_theme_options_stop_the_build(tmp_path, old_site):
    root = project(tmp_path)
    line = edit(root / "mkdocs.yml", "  features:\n", "  features: 7\n  unused_features:\n")
    result = run_mkdocs_build(old_site, root / "mkdocs.yml")
    assert fails_cleanly(result, old_site) == [f"mkdocs.yml:{line}: theme.features: expected a list of feature names, got 7"]


# --- the browser: hostile front matter renders as text ---------------------------------

NAVIGATE = '</title><meta http-equiv="refresh" content="0;url=https://evil.example/"><script>window.__xss=1</script>'
HANDLER = '"><img src=x onerror="window.__xss=2">'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    root = project(tmp)
    docs = root / "docs"
    text = (docs / "web/index.md").read_text(encoding="utf-8")
    front, body = text[4:].split("\n---\n", 1)
    meta = yaml.safe_load(front)
    meta.update(title=NAVIGATE, subtitle=HANDLER, description=HANDLER + meta["description"], revision_date="2026-11-26")
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    (docs / "web/index.md").write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    edit(docs / "web/client-server.md", "\n# ", "\n# &lt;/title&gt;&lt;img src=x onerror=window.__xss=3&gt; ")
    return build_ok(tmp / "site", root / "mkdocs.yml")


@pytest.mark.build
def test_hostile_front_matter_is_escaped_everywhere(hostile_site):
    for page in ("index.html", "web/index.html", "web/client-server/index.html", "tags/index.html", "http/index.html"):
        html = (hostile_site / page).read_text(encoding="utf-8")
        for raw in ('<meta http-equiv="refresh"', "<script>window.__xss", "<img src=x"):
            assert raw not in html, (page, raw)
    assert "&lt;/title&gt;&lt;meta http-equiv" in (hostile_site / "web/index.html").read_text(encoding="utf-8")
    # Machine-readable copies carry the title as plain text, not as HTML-escaped text.
    import json

    page = (hostile_site / "web/index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert any(node.get("headline") == NAVIGATE for node in data["@graph"])
    assert HANDLER + "인터넷과" in (hostile_site / "llms.txt").read_text(encoding="utf-8")


@pytest.mark.build
@pytest.mark.browser
def test_hostile_front_matter_neither_runs_nor_navigates(hostile_site, browser):
    from test_security import serve, visit

    with serve(hostile_site) as base:
        for path in ("", "web/", "web/client-server/", "tags/", "http/", "reference/status/404/"):
            tab = browser.new_page()
            dialogs, foreign = [], []
            tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            tab.on("request", lambda request: foreign.append(request.url) if "127.0.0.1" not in request.url and request.url.startswith("http") else None)
            try:
                visit(tab, base + path)
                tab.wait_for_timeout(300)
                assert tab.url == base + path, path
                assert dialogs == [] and foreign == [], (path, dialogs, foreign)
                assert tab.evaluate("window.__xss") is None, path
                assert tab.locator("img[src=x], head meta[http-equiv=refresh]").count() == 0, path
            finally:
                tab.close()
        tab = browser.new_page()
        try:
            visit(tab, base + "web/")
            assert NAVIGATE in tab.title()
        finally:
            tab.close()


def test_nesting_that_would_exhaust_the_stack_is_refused():
    lists = "# t\n\n" + "".join("    " * i + "- x\n" for i in range(60))
    quotes = "# t\n\n" + "> " * 50 + "x\n"
    assert [p.line for p in source_problems(lists, len(lists), "docs/x.md")] == [3 + 51]
    assert lines(source_problems(quotes, len(quotes), "docs/x.md")) == [
        "docs/x.md:3: file: nested too deep (at most 200 columns of indent and 40 levels of >)"
    ]


def test_log_lines_escape_control_characters():
    import logging

    from studysite.untrusted import EscapeControls

    record = logging.LogRecord("mkdocs", logging.ERROR, __file__, 1, "Error reading page %r:\n%s", ("a.md", "boom\x1b[31m\x07"), None)
    assert EscapeControls().filter(record) is True
    assert record.getMessage() == "Error reading page 'a.md':\nboom\\x1b[31m\\x07"


def test_generated_pages_keep_their_template_markup_but_not_what_data_brings():
    template = '<form id="f" hidden><select><option>1xx</option></select><input type="search"></form>'
    assert html_findings(template, generated=True) == []
    data = '<p><a href="javascript:alert(1)">x</a><img src="https://evil.example/a.png"><span onclick="x()">y</span></p>'
    assert [message.split(" ")[0] for _, message in html_findings(data, generated=True)] == ["javascript:", "<img", "event"]
