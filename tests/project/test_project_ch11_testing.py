"""Chapter 11: the reader's own test suite, shipped with the project, passes."""

import os
import subprocess
import sys

import pytest

from .project_helpers import PROJECT


@pytest.mark.build  # runs the project's own pytest in another process: a slow integration test, out of the fast loop
def test_the_projects_own_tests_pass():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FLASK_", "PYTEST_"))}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:benchmark"],
                            cwd=PROJECT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "failed" not in result.stdout
