"""Ship ``skeleton/`` inside the wheel as ``protevus/_skeleton`` (setuptools command hooks).

``pyproject.toml`` names these classes under ``[tool.setuptools.cmdclass]``. The
skeleton stays at the repository root (it is an application, not a package of
modules), so package discovery cannot see it: ``BuildPy`` copies it into the build
tree, and ``Sdist`` puts it (and this file) into source distributions so a wheel
built from the sdist carries it too. Editable installs copy nothing: ``protevus
new`` reads ``skeleton/`` in place (see ``protevus.console.cli.skeleton_path``).
"""

from __future__ import annotations

import shutil
import typing as t
from pathlib import Path

from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

ROOT = Path(__file__).resolve().parent.parent
SKELETON = ROOT / "skeleton"

#: Leftovers of running the skeleton in place that must never ship.
IGNORED = shutil.ignore_patterns(
    "__pycache__",
    "*.py[cod]",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    ".venv",
    ".env",
    "*.sqlite",
    "*.sqlite-journal",
    "*.log",
)


class BuildPy(build_py):
    """Build the packages, then copy the skeleton to ``protevus/_skeleton``."""

    def run(self) -> None:
        """Run setuptools' ``build_py`` and add the skeleton to the build tree."""
        super().run()
        if getattr(self, "editable_mode", False):
            return
        if not (SKELETON / "artisan.py").is_file():
            raise FileNotFoundError(
                f"The application skeleton [{SKELETON}] is missing; build from a "
                "checkout or an sdist that contains skeleton/."
            )
        target = Path(self.build_lib) / "protevus" / "_skeleton"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(SKELETON, target, ignore=IGNORED)


class Sdist(sdist):
    """Make a source distribution that contains ``skeleton/`` and this hook."""

    def make_release_tree(self, base_dir: str, files: t.Sequence[str]) -> None:
        """Lay out the release tree, then add the skeleton and the build hook."""
        super().make_release_tree(base_dir, files)
        release = Path(base_dir)
        shutil.copytree(
            SKELETON, release / "skeleton", ignore=IGNORED, dirs_exist_ok=True
        )
        (release / "tools").mkdir(exist_ok=True)
        shutil.copy2(__file__, release / "tools" / Path(__file__).name)
