"""Checks for the GitHub configuration in .github/: schemas, zizmor, pinning and permissions.

Everything here runs offline: check-jsonschema uses its vendored schemas and zizmor runs
with --offline.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ISSUE_FORMS = sorted(
    p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml"
)

SHA_REF = re.compile(r"^[^@\s]+@[0-9a-f]{40}$")
# `uses: owner/repo@<40 hex> # vX.Y.Z` on one line, as Dependabot keeps it.
PINNED_LINE = re.compile(r"uses:\s*(\S+)@([0-9a-f]{40})\s+#\s*v(\d+)\.\d+\.\d+\s*$")


def run(args):
    return subprocess.run(
        args, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )


def load(path):
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def iter_uses(workflow):
    """Yield every `uses:` value: reusable-workflow jobs and steps."""
    for job in (workflow.get("jobs") or {}).values():
        if "uses" in job:
            yield job["uses"]
        for step in job.get("steps") or []:
            if "uses" in step:
                yield step["uses"]


def zizmor_executable():
    found = shutil.which("zizmor")
    if found:
        return found
    # pip may put the binary next to the interpreter without it being on PATH.
    candidate = Path(sys.executable).parent / ("zizmor.exe" if os.name == "nt" else "zizmor")
    return str(candidate) if candidate.exists() else None


def test_workflows_exist():
    names = {p.name for p in WORKFLOWS}
    assert {"ci.yml", "deploy.yml"} <= names


def test_workflows_match_schema():
    result = run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema",
         "vendor.github-workflows", *map(str, WORKFLOWS)]
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_matches_schema():
    result = run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema",
         "vendor.dependabot", str(GITHUB / "dependabot.yml")]
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_forms_match_schema():
    assert ISSUE_FORMS, "no issue forms found"
    forms = run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema",
         "vendor.github-issue-forms", *map(str, ISSUE_FORMS)]
    )
    assert forms.returncode == 0, forms.stdout + forms.stderr
    config = run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema",
         "vendor.github-issue-config", str(GITHUB / "ISSUE_TEMPLATE" / "config.yml")]
    )
    assert config.returncode == 0, config.stdout + config.stderr


def test_zizmor_reports_no_findings():
    zizmor = zizmor_executable()
    assert zizmor, "zizmor is not installed (pip install -r requirements-dev.txt)"
    # .github/ covers the workflows and dependabot.yml.
    result = run([zizmor, "--offline", "--no-progress", "--format", "plain", str(GITHUB)])
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "No findings to report" in output, output


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_sha(path):
    uses = list(iter_uses(load(path)))
    assert uses, f"{path.name} uses no actions"
    for ref in uses:
        if ref.startswith("./"):
            continue  # local action: versioned with the repository itself
        assert SHA_REF.match(ref), f"{path.name}: {ref!r} is not pinned to a 40-hex commit SHA"

    # Every pin also carries a `# vX.Y.Z` comment so reviewers and Dependabot see the version.
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip().removeprefix("- ")
        if stripped.startswith("uses:") and "./" not in stripped:
            assert PINNED_LINE.search(stripped), f"{path.name}: missing '# vX.Y.Z' comment: {line}"


# The first major release of each action the workflows use whose `runs.using` is node24: GitHub
# retires the Node 20 runtime of actions (Node 20 reached end of life on 2026-04-30).
NODE24_SINCE = {
    "actions/checkout": 5,
    "actions/setup-python": 6,
    "actions/setup-node": 5,
    "actions/upload-artifact": 6,
    "actions/configure-pages": 6,
    "actions/upload-pages-artifact": 5,  # composite: it calls upload-artifact v6 or later
    "actions/deploy-pages": 5,
}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_runs_on_a_supported_node(path):
    pins = [m.group(1, 3) for line in path.read_text(encoding="utf-8").splitlines() if (m := PINNED_LINE.search(line))]
    assert pins, f"{path.name} pins no actions"
    for action, major in pins:
        assert action in NODE24_SINCE, f"{path.name}: {action} is not in NODE24_SINCE; add its first node24 major"
        assert int(major) >= NODE24_SINCE[action], f"{path.name}: {action} v{major} still runs on Node 20"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_top_level_permissions_are_empty(path):
    workflow = load(path)
    # PyYAML (YAML 1.1) reads the key `on` as the boolean True.
    assert True in workflow or "on" in workflow
    assert "permissions" in workflow, f"{path.name}: no top-level permissions"
    assert workflow["permissions"] == {}, f"{path.name}: top-level permissions must be {{}}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_jobs_declare_minimal_permissions(path):
    allowed = {"contents": "read", "pages": "write", "id-token": "write"}
    for name, job in load(path)["jobs"].items():
        perms = job.get("permissions")
        assert isinstance(perms, dict), f"{path.name}:{name} must declare its permissions"
        for scope, level in perms.items():
            assert allowed.get(scope) == level, f"{path.name}:{name}: {scope}: {level} not allowed"
        if "pages" in perms or "id-token" in perms:
            assert path.name == "deploy.yml" and name == "deploy", (
                f"{path.name}:{name}: pages/id-token write is only for the deploy job"
            )


def test_checkout_does_not_persist_credentials():
    for path in WORKFLOWS:
        for job in load(path)["jobs"].values():
            for step in job.get("steps") or []:
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step.get("with", {}).get("persist-credentials") is False, path.name


# --- Toolchain versions: one Node.js LTS line, a Python matrix ---------------------------

# The Python the site is deployed with, and the newest one every pinned package has wheels
# for (PyYAML 6.0.3 stops at 3.14; kiwipiepy's abi3 wheel covers any CPython >= 3.9).
DEPLOY_PYTHON = "3.11"
NEWEST_PYTHON = "3.14"


def steps_using(workflow, action):
    for name, job in workflow["jobs"].items():
        for step in job.get("steps") or []:
            if step.get("uses", "").startswith(f"{action}@"):
                yield name, job, step


def node_line() -> int:
    """The Node.js major that package.json's `engines` asks for (`>=N`)."""
    import json

    engines = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["engines"]
    match = re.fullmatch(r">=(\d+)", engines["node"])
    assert match, f"package.json engines.node should read '>=N': {engines['node']!r}"
    return int(match.group(1))


def test_node_is_one_lts_line_everywhere():
    import json

    major = node_line()
    # Even majors become LTS; 20 reached end of life on 2026-04-30, 22 follows on 2027-04-30.
    assert major % 2 == 0 and major >= 24, major
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["lockfileVersion"] == 3
    assert lock["packages"][""].get("engines") == {"node": f">={major}"}, "run npm install --package-lock-only"
    seen = 0
    for path in WORKFLOWS:
        for name, _, step in steps_using(load(path), "actions/setup-node"):
            assert step["with"]["node-version"] == str(major), f"{path.name}:{name}"
            seen += 1
    assert seen == len(WORKFLOWS)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"Node.js {major}" in readme
    assert not re.search(r"Node\.js (1\d|20|22)\b", readme), "README names an old Node.js line"


def test_ci_tests_the_deploy_python_and_the_newest_supported_one():
    ci = load(GITHUB / "workflows/ci.yml")
    [(name, job, step)] = steps_using(ci, "actions/setup-python")
    strategy = job["strategy"]
    assert strategy["matrix"]["python-version"] == [DEPLOY_PYTHON, NEWEST_PYTHON]
    assert strategy["fail-fast"] is False  # a failure on one Python must not hide the other
    assert step["with"]["python-version"] == "${{ matrix.python-version }}"
    assert "${{ matrix.python-version }}" in job["name"]
    # Both legs would upload an artifact of the same name; only the deployed Python's does.
    [(_, _, upload)] = steps_using(ci, "actions/upload-artifact")
    assert upload["if"] == f"matrix.python-version == '{DEPLOY_PYTHON}'"

    deploy = load(GITHUB / "workflows/deploy.yml")
    [(_, _, step)] = steps_using(deploy, "actions/setup-python")
    assert step["with"]["python-version"] == DEPLOY_PYTHON
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"Python {DEPLOY_PYTHON}" in readme and NEWEST_PYTHON in readme
