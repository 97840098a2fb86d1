"""The low layers import no heavy libraries (DESIGN.md §2)."""

import subprocess
import sys

import pytest

HEAVY = ("sqlalchemy", "celery", "redis", "jinja2", "werkzeug", "flask")


@pytest.mark.parametrize(
    "module",
    [
        "protevus",
        "protevus.support",
        "protevus.support.collection",
        "protevus.support.str",
        "protevus.container",
        "protevus.config",
        "protevus.facades",
        "protevus.helpers",
    ],
)
def test_low_layers_import_no_heavy_library(module: str) -> None:
    code = (
        f"import sys; import {module}; "
        f"print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"import {module} pulled in: {out}"


def test_root_package_holds_only_the_version() -> None:
    code = (
        "import protevus; "
        "print(sorted(n for n in vars(protevus) if not n.startswith('__')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[]"
