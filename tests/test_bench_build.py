"""The build benchmark's pure parts: config rewriting, cold resets, tables and ratios."""

import argparse
import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is created
    spec.loader.exec_module(module)
    return module


bench = load("build_bench")

CONFIG = """\
site_name: Test

nav:
  - 홈: index.md
  - HTTP:
      - http/index.md

strict: true
theme:
  name: material
"""


def top_level_keys(text: str) -> list[str]:
    return [line.split(":")[0] for line in text.splitlines() if line and not line.startswith((" ", "-", "#"))]


def test_nav_yaml_groups_the_corpus_by_fifty():
    paths = [f"topic-{i // 50:02d}/note-{i:04d}.md" for i in range(120)]
    lines = bench.nav_yaml(paths)
    assert lines[:2] == ["  - 벤치마크:", "      - bench/index.md"]
    groups = [line for line in lines if line.strip().startswith("- 주제")]
    assert groups == ["      - 주제 00:", "      - 주제 01:", "      - 주제 02:"]
    assert lines.count("          - bench/topic-02/note-0119.md") == 1
    assert sum(line.startswith("          - ") for line in lines) == 120
    assert bench.nav_yaml(paths, prefix="")[1] == "      - index.md"


def test_with_corpus_nav_appends_to_the_nav_block_only():
    text = bench.with_corpus_nav(CONFIG, ["topic-00/note-0000.md"])
    config = yaml.safe_load(text)
    assert config["nav"][:2] == [{"홈": "index.md"}, {"HTTP": ["http/index.md"]}]
    assert config["nav"][2] == {"벤치마크": ["bench/index.md", {"주제 00": ["bench/topic-00/note-0000.md"]}]}
    assert config["strict"] is True and config["theme"] == {"name": "material"}
    assert top_level_keys(text) == top_level_keys(CONFIG)
    with pytest.raises(ValueError):
        bench.with_corpus_nav("site_name: x\n", [])


def test_without_nav_removes_the_block_and_keeps_everything_else():
    text = bench.without_nav(CONFIG)
    config = yaml.safe_load(text)
    assert "nav" not in config
    assert config == {"site_name": "Test", "strict": True, "theme": {"name": "material"}}
    assert bench.without_nav("site_name: x\n") == "site_name: x\n"


def test_without_nav_on_the_real_config():
    original = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    start, end = bench.nav_block(original)
    text = bench.without_nav("\n".join(original) + "\n")
    assert "nav:" not in text.splitlines() and "  - 홈: index.md" not in text.splitlines()
    assert top_level_keys(text) == [key for key in top_level_keys("\n".join(original)) if key != "nav"]
    # Only the nav block and the blank line after it went; every other line stays, in order.
    assert text.splitlines() == original[:start] + original[end + 1 :]
    assert not original[end].strip()


def test_stock_config_with_and_without_nav():
    generated = yaml.safe_load(bench.stock_config(None))
    assert "nav" not in generated and generated["theme"] == {"name": "material", "language": "ko"}
    explicit = yaml.safe_load(bench.stock_config(["topic-00/note-0000.md", "topic-00/note-0001.md"]))
    assert explicit["nav"] == [{"벤치마크": ["index.md", {"주제 00": ["topic-00/note-0000.md", "topic-00/note-0001.md"]}]}]
    assert explicit["plugins"] == ["search"]


def test_make_cold_removes_what_builds_left_behind(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    case = bench.Case("zensical", "generated", tmp_path, [], prepared=frozenset({"docs", "mkdocs.yml"}))
    (tmp_path / ".cache" / "deep").mkdir(parents=True)
    (tmp_path / "site").mkdir()
    (tmp_path / ".site.building-1-x").mkdir()
    (tmp_path / "stray.json").write_text("{}", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "docs", target_is_directory=True)
    removed = bench.make_cold(case)
    assert removed == [".cache", ".site.building-1-x", "link", "site", "stray.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "mkdocs.yml"]


def case(variant, nav, cold, warm, strict=None):
    """A case with samples given as (wall, cpu, peak MiB) tuples."""
    result = bench.Case(variant, nav, Path("."), [], strict=strict)
    for kind, samples in (("cold", cold), ("warm", warm)):
        result.samples[kind] = [bench.Sample(w, c, m * 1024) for w, c, m in samples]
    return result


def rows(table: str) -> dict[tuple[str, ...], list[str]]:
    """Table rows keyed by their first three cells (variant, nav, build)."""
    out = {}
    for line in table.splitlines():
        if line.startswith("| ") and not line.startswith(("| variant", "| ---")):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            out[tuple(cells[:3])] = cells[3:]
    return out


def test_build_table_compares_like_with_like():
    cases = [
        case("project", "explicit", [(30, 25, 600), (32, 26, 610), (90, 80, 620)], [(8, 7, 100)] * 3, strict=True),
        case("material", "explicit", [(60, 58, 70)] * 3, [(64, 60, 70)] * 3),
        case("zensical", "explicit", [(40, 50, 80)] * 3, [(16, 12, 60)] * 3),
        case("project", "generated", [(45, 40, 600)] * 3, [(20, 18, 100)] * 3, strict=False),
        case("material", "generated", [(50, 48, 70)] * 3, [(50, 48, 70)] * 3),
    ]
    table = rows(bench.build_table(1000, cases, 3))
    # Medians (32 of 30, 32, 90) against material cold (60) and zensical cold (40).
    assert table[("project", "explicit", "cold")] == ["32.00", "0.53", "0.80", "26.00", "0.45", "610", "8.71"]
    # Warm rows against the warm builds.
    assert table[("project", "explicit", "warm")] == ["8.00", "0.12", "0.50", "7.00", "0.12", "100", "1.43"]
    assert table[("zensical", "explicit", "warm")][:3] == ["16.00", "0.25", "1.00"]
    # The generated style has no zensical: that ratio is a dash; strict off is said in the row.
    assert table[("project (strict off)", "generated", "cold")][:3] == ["45.00", "0.90", "–"]
    assert len(table) == 10


def test_build_table_reports_a_failed_case_once():
    failed = case("project", "generated", [], [])
    failed.error = "project-generated build failed (1): boom"
    table = bench.build_table(50, [failed, case("material", "generated", [(1, 1, 40)], [(1, 1, 40)])], 1)
    assert table.count("failed: project-generated build failed (1): boom") == 1


def test_scaling_table_and_growth():
    results = [
        {"n": n, "cases": [case("project", "explicit", [(n / 100, 1, 1)], [(n / 200, 1, 1)]),
                           case("material", "explicit", [((n / 1000) ** 2, 1, 1)], [((n / 1000) ** 2, 1, 1)])]}
        for n in (1000, 2000, 5000)
    ]
    table = bench.scaling_table(results, "explicit")
    lines = table.splitlines()
    assert "| N | project cold | project warm | material cold | material warm |" in lines
    assert "| 5000 | 50.00 | 25.00 | 25.00 | 25.00 |" in lines
    assert "| t(5000) / t(1000) | 5.00 | 5.00 | 25.00 | 25.00 |" in lines
    assert "| t(2000) / t(1000) | 2.00 | 2.00 | 4.00 | 4.00 |" in lines
    assert bench.growth({1000: 10.0}, 5000) is None
    assert bench.growth({1000: 10.0, 5000: 60.0}, 5000) == 6.0


def test_target_table_says_which_targets_are_met():
    results = [
        {"n": 1000, "cases": [
            case("project", "generated", [(30, 1, 120)], [(10, 1, 100)]),
            case("material", "generated", [(60, 1, 70)], [(60, 1, 70)]),
            case("zensical", "generated", [(40, 1, 70)], [(20, 1, 70)]),
        ]},
        {"n": 5000, "cases": [case("project", "generated", [(180, 1, 1)], [(50, 1, 1)])]},
    ]
    table = bench.target_table(results)
    assert "| generated | cold time ≤ 0.6 × material cold | 0.50 | yes |" in table
    assert "| generated | cold time ≤ 0.8 × zensical cold | 0.75 | yes |" in table
    assert "| generated | warm time ≤ 0.4 × material warm | 0.17 | yes |" in table
    assert "| generated | warm time ≤ 1.0 × zensical warm | 0.50 | yes |" in table
    assert "| generated | cold peak memory ≤ 2.0 × material cold | 1.71 | yes |" in table
    assert "| generated | cold t(5000) / t(1000) ≤ 5.5 | 6.00 | no |" in table
    assert "| generated | warm t(5000) / t(1000) ≤ 5.5 | 5.00 | yes |" in table
    assert "explicit" not in table
    assert bench.target_table([{"n": 1000, "cases": results[0]["cases"][1:]}]) == ""


def test_argument_lists():
    assert bench.choices("zensical,project", bench.VARIANTS, "variants") == ["project", "zensical"]
    with pytest.raises(argparse.ArgumentTypeError):
        bench.choices("project,hugo", bench.VARIANTS, "variants")
    assert bench.sizes("5000,1000,1000") == [1000, 5000]
    with pytest.raises(argparse.ArgumentTypeError):
        bench.sizes("many")


FAKE_BUILD = """
import sys
if "--strict" in sys.argv:
    print("WARNING -  A reference to 'x.md' is not found", file=sys.stderr)
    print("Aborted with 1 warnings in strict mode!", file=sys.stderr)
    sys.exit(1)
"""


def test_a_strict_failure_continues_without_strict_when_allowed(tmp_path):
    logged = []
    fallback = bench.Case("project", "generated", tmp_path, [sys.executable, "-c", FAKE_BUILD, "--strict"], strict=True)
    bench.build(fallback, "cold", True, logged.append)
    assert fallback.strict is False and fallback.error is None
    assert fallback.command[-1] == "--no-strict" and len(fallback.samples["cold"]) == 1
    assert any("WARNING" in line for line in logged)
    assert fallback.label == "project (strict off)"

    strict = bench.Case("project", "explicit", tmp_path, [sys.executable, "-c", FAKE_BUILD, "--strict"], strict=True)
    bench.build(strict, "cold", False, logged.append)
    assert strict.error and "Aborted with 1 warnings" in strict.error and not strict.samples["cold"]


def test_build_phases_lists_each_event_once_in_the_order_it_began():
    phases = load("build_phases")
    rows = phases.phase_rows({
        "page_context": [10.43, 2.43, 1149, 16.70],
        "files": [0.58, 1.02, 1, 1.60],
        "nav": [1.64, 1.67, 1, 3.31],
    })
    assert [row[0] for row in rows] == ["files", "nav", "page_context"]
    assert rows[-1] == ("page_context", 10.43, 16.70, 2.43, 1149)
