"""hooks/fast_nav.py: Material's navigation template with the index search moved, same output."""

import re
import shutil
import sys
from pathlib import Path

import material
import pytest

from conftest import ROOT, run_mkdocs_build

sys.path.insert(0, str(ROOT / "hooks"))
from fast_nav import INDEX_SEARCH, TemplateChanged, move_index_search  # noqa: E402

MATERIAL_NAV_ITEM = Path(material.__file__).parent / "templates" / "partials" / "nav-item.html"
PRIMARY_NAV = re.compile(r'<div class="md-sidebar md-sidebar--primary".*?<div class="md-sidebar md-sidebar--secondary"', re.S)


def test_index_search_runs_only_for_sections_that_are_not_pruned():
    source = MATERIAL_NAV_ITEM.read_text(encoding="utf-8")
    patched = move_index_search(source)
    search = INDEX_SEARCH.search(patched)
    assert search and len(INDEX_SEARCH.findall(patched)) == 1
    before = patched[: search.start()]
    assert before.rstrip().endswith("{% if not is_pruned %}")
    assert before.index("{% set is_pruned = true %}") < search.start()
    # Nothing but the move: the same lines, in another order.
    assert sorted(patched.splitlines()) == sorted(source.splitlines() + ["    {% if not is_pruned %}", "    {% endif %}"])


@pytest.mark.parametrize("mangle", [
    lambda s: s.replace("{% set index = _.index %}", "{% set found = _.index %}"),
    lambda s: s.replace('{% if "navigation.prune" in features %}', '{% if "navigation.trim" in features %}'),
    lambda s: s.replace('{% if "navigation.tabs" in features %}', '{% if index and "navigation.tabs" in features %}'),
])
def test_a_changed_template_is_left_alone(mangle):
    with pytest.raises(TemplateChanged, match="nav-item.html"):
        move_index_search(mangle(MATERIAL_NAV_ITEM.read_text(encoding="utf-8")))


def test_every_page_has_the_same_navigation_without_the_hook(built_site, project_copy, tmp_path):
    """The site built without the hook draws the same primary navigation on every page."""
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - hooks/fast_nav.py\n" in text
    config.write_text(text.replace("  - hooks/fast_nav.py\n", ""), encoding="utf-8")
    if (ROOT / ".cache").is_dir():
        shutil.copytree(ROOT / ".cache", project_copy / ".cache")  # Korean analysis, unchanged
    plain = tmp_path / "plain"
    result = run_mkdocs_build(plain, config)
    assert result.returncode == 0, result.stderr[-3000:]

    def navigation(site: Path, page: Path) -> str:
        match = PRIMARY_NAV.search((site / page).read_text(encoding="utf-8"))
        assert match, page
        return " ".join(match.group(0).split())

    pages = sorted(p.relative_to(built_site) for p in built_site.rglob("*.html"))
    assert len(pages) > 100
    different = [str(p) for p in pages if navigation(built_site, p) != navigation(plain, p)]
    assert different == []
    # The pruned sections (drawn as one link each) are where the skipped work was.
    assert "md-nav__item--pruned" in (built_site / "http/messages/index.html").read_text(encoding="utf-8")
