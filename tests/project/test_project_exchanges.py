"""The HTTP exchanges shown in the project notes are what the app answers today."""

import pytest

from .exchanges import OUT, scenarios

CURRENT = scenarios()


def test_no_stale_exchange_files():
    assert sorted(p.stem for p in OUT.glob("*.http")) == sorted(CURRENT)


@pytest.mark.parametrize("name", sorted(CURRENT))
def test_exchange_file_is_current(name):
    shown = (OUT / f"{name}.http").read_text(encoding="utf-8")
    assert shown == CURRENT[name], f"run `python tests/project/exchanges.py` to refresh {name}.http"
