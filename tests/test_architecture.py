"""The shape of hooks/: thin adapters listed in mkdocs.yml over one package, in an order that works.

Pure tests (no build): they read the source. The build test at the end checks that no module of
hooks/ is loaded twice in one process.
"""

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

HOOKS = ROOT / "hooks"
PACKAGE = HOOKS / "studysite"


def listed_hooks() -> list[str]:
    """File names of the hooks in mkdocs.yml, in order."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"^hooks:\n((?:[ \t]*(?:#.*|- .*)?\n)+)", text, re.MULTILINE).group(1)
    return re.findall(r"^\s*- hooks/(\S+\.py)", block, re.MULTILINE)


def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def imported_modules(module: ast.Module) -> set[str]:
    names = set()
    for node in ast.walk(module):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_every_adapter_is_listed_and_every_listed_hook_exists():
    adapters = sorted(path.name for path in HOOKS.glob("*.py"))
    assert sorted(listed_hooks()) == adapters


@pytest.mark.parametrize("name", listed_hooks())
def test_adapters_are_thin_and_never_import_each_other(name):
    path = HOOKS / name
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) < 60, f"{name}: an adapter translates events into calls, no more"
    module = tree(path)
    adapters = {p.stem for p in HOOKS.glob("*.py")}
    for imported in imported_modules(module):
        top = imported.split(".")[0]
        assert top not in adapters, f"{name} imports the adapter {imported}"
    # Nothing but imports, constants and on_* event functions at the top level.
    for node in module.body:
        if isinstance(node, ast.FunctionDef):
            assert node.name.startswith("on_"), f"{name}: {node.name} is logic; move it into studysite"
        else:
            assert isinstance(node, (ast.Import, ast.ImportFrom, ast.Expr)), f"{name}:{node.lineno}: move into studysite"
    assert "config.hooks" not in source and "__file__" not in source


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_the_package_reads_no_adapter_and_no_path_of_its_own(path):
    adapters = {p.stem for p in HOOKS.glob("*.py")}
    for imported in imported_modules(tree(path)):
        assert imported.split(".")[0] not in adapters, f"{path.name} imports the adapter {imported}"
    source = path.read_text(encoding="utf-8")
    assert "config.hooks" not in source
    # Project folders come from the config (studysite.paths), not from where the code sits.
    assert not re.search(r"Path\(__file__\)", source), path.name


def test_an_adapter_that_names_a_modules_events_names_all_of_them():
    for name in listed_hooks():
        for node in tree(HOOKS / name).body:
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("studysite."):
                named = {alias.name for alias in node.names if alias.name.startswith("on_")}
                if not named:
                    continue
                source = tree(PACKAGE / (node.module.split(".")[1] + ".py"))
                events = {n.name for n in source.body if isinstance(n, ast.FunctionDef) and n.name.startswith("on_")}
                assert named == events, f"{name} leaves out {sorted(events - named)} of {node.module}"


# --- Hook order -----------------------------------------------------------------------------------
# MkDocs calls each event of the plugins and then the hooks, in the order of mkdocs.yml, sorted by
# `@event_priority` (higher first; the sort is stable). Each rule below is one reason the comments
# on the `hooks:` list in mkdocs.yml give.


def priorities() -> dict[str, dict[str, int]]:
    """hook file -> {event: priority} from the adapters' source (`@event_priority(n)`, default 0)."""
    found: dict[str, dict[str, int]] = {}
    for name in listed_hooks():
        module = tree(HOOKS / name)
        events = {}
        for node in module.body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("on_"):
                events[node.name] = 0
                for decorator in node.decorator_list:
                    if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", "") == "event_priority":
                        events[node.name] = ast.literal_eval(decorator.args[0])
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("studysite."):
                # An event imported from the package as it is (`from studysite.x import on_config`).
                source = tree(PACKAGE / (node.module.split(".")[1] + ".py"))
                defined = {n.name: n for n in source.body if isinstance(n, ast.FunctionDef)}
                for alias in node.names:
                    if alias.name.startswith("on_"):
                        events[alias.name] = 0
                        for decorator in defined[alias.name].decorator_list:
                            if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", "") == "event_priority":
                                events[alias.name] = ast.literal_eval(decorator.args[0])
        found[name] = events
    return found


def call_order(event: str, hooks: dict[str, dict[str, int]], order: list[str]) -> list[str]:
    """The hooks that handle `event`, in the order MkDocs calls them."""
    handling = [name for name in order if event in hooks[name]]
    return sorted(handling, key=lambda name: -hooks[name][event])


def hook_order_problems(order: list[str]) -> list[str]:
    hooks = priorities()
    problems = []

    def before(event, first, then, why):
        calls = call_order(event, hooks, order)
        if first in calls and then in calls and calls.index(first) > calls.index(then):
            problems.append(f"{event}: {first} must run before {then} ({why})")

    def last(event, name, why):
        calls = call_order(event, hooks, order)
        if calls and calls[-1] != name:
            problems.append(f"{event}: {name} must run last, not before {calls[calls.index(name) + 1:]} ({why})")

    # Generated pages exist before any hook looks at the whole files collection.
    for adder in ("reference.py", "glossary.py", "vendor_assets.py", "korean_search.py"):
        before("on_files", adder, "note_checks.py", "note_checks validates links against every page, generated ones too")
    # The glossary's `*[TERM]:` definitions must stay the end of the Markdown.
    before("on_page_markdown", "crosslinks.py", "glossary.py", "definitions are appended last, after the links")
    # The sitemap takes the git date that page_dates reads in the same event.
    before("on_page_markdown", "page_dates.py", "seo.py", "seo reads page.meta.revision_datetime")
    # The backlinks need the blog posts back in the build (the blog plugin's on_nav runs at -50).
    if hooks["reference.py"].get("on_nav", 0) >= -50:
        problems.append("on_nav: reference.py must run after the blog plugin's on_nav (priority below -50)")
    # Morph fields go into the entries before the index is written by search_sections.
    before("on_post_build", "korean_search.py", "search_sections.py", "the index is written with the morph fields")
    # The script hashes of the CSP cover the final HTML; the HTML is let go only once it is written.
    before("on_post_page", "html_security.py", "release_pages.py", "release_pages empties page.content last")
    last("on_post_page", "release_pages.py", "nothing may read page.content after it")
    # The finished site moves into place only after every other hook has written its files.
    last("on_post_build", "build_swap.py", "a file written after the move would go to a deleted folder")
    if hooks["build_swap.py"].get("on_config", 0) <= max(
        hooks[name].get("on_config", 0) for name in hooks if name != "build_swap.py"
    ):
        problems.append("on_config: build_swap.py must come first, before any hook reads site_dir")
    return problems


def test_the_hooks_run_in_an_order_that_works():
    assert hook_order_problems(listed_hooks()) == []


def test_a_broken_order_is_caught():
    order = listed_hooks()
    swapped = list(order)
    i, j = swapped.index("crosslinks.py"), swapped.index("glossary.py")
    swapped[i], swapped[j] = swapped[j], swapped[i]
    assert any("glossary.py" in problem for problem in hook_order_problems(swapped))


# --- One module, one name -------------------------------------------------------------------------

IN_PROCESS_BUILD = """
import json, os, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(sys.argv[1], site_dir=sys.argv[2], strict=True)
config.plugins.on_startup(command="build", dirty=False)
build(config)
config.plugins.on_shutdown()
hooks = os.path.realpath(sys.argv[3])
names = {}
for name, module in list(sys.modules.items()):
    path = getattr(module, "__file__", None)
    if path and os.path.realpath(path).startswith(hooks + os.sep):
        names.setdefault(os.path.relpath(os.path.realpath(path), hooks), []).append(name)
print(json.dumps(names))
"""


@pytest.mark.build
def test_no_module_of_hooks_is_loaded_twice_in_one_build(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", IN_PROCESS_BUILD, str(ROOT / "mkdocs.yml"), str(tmp_path / "site"), str(HOOKS)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    names = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(listed_hooks()) <= set(names) and "studysite/state.py" in names
    twice = {path: loaded for path, loaded in names.items() if len(loaded) > 1}
    assert twice == {}


def code_strings(path: Path) -> list[str]:
    """The string literals of a module's code (docstrings and comments are prose, not addresses)."""
    module = tree(path)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(module)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and ast.get_docstring(node) is not None
    }
    return [
        node.value for node in ast.walk(module)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_reference_addresses_are_spelled_in_one_place():
    """Pages, mention links, the JSON export and the templates all take them from studysite.paths."""
    address = re.compile(r"reference/(status|methods)/|data/\w+\.yml|\]\(\{\{[^}]*\}\}\.md")
    for path in HOOKS.rglob("*.py"):
        if path != PACKAGE / "paths.py":
            assert not any(address.search(text) for text in code_strings(path)), path.name
    for path in (ROOT / "overrides" / "reference").glob("*.j2"):
        assert not address.search(path.read_text(encoding="utf-8")), path.name
