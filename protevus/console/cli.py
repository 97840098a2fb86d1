"""The ``protevus`` installer command: ``protevus new blog``, ``protevus --version``.

Laravel: the ``laravel`` installer (``laravel new``).
"""

from __future__ import annotations

import base64
import re
import secrets
import shutil
from pathlib import Path

import click

from protevus import __version__

#: Files a developer may have produced inside a source checkout's ``skeleton/``
#: (by running its tests or its server) that a new application must not inherit.
_IGNORED = shutil.ignore_patterns(
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

_VALID_NAME = re.compile(r"^[\w.-]+$")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="Protevus")
def main() -> None:
    """Create and manage Protevus applications."""


@main.command("new")
@click.argument("name")
def new(name: str) -> None:
    """Create a new Protevus application in the directory NAME.

    Copies the skeleton bundled with this installation (no network needed),
    writes ``.env`` from ``.env.example`` with a fresh ``APP_KEY`` and
    ``APP_NAME=NAME``, creates the empty SQLite database
    (``database/database.sqlite``, as Laravel's installer does) and prints the
    commands to start. ``protevus new .``
    uses the current directory when it is empty.

    Laravel: ``laravel new`` (the installer's ``NewCommand``).
    """
    if not _VALID_NAME.match(name):
        raise click.BadParameter(
            f"The name [{name}] may only contain letters, numbers, dashes, "
            "underscores, and periods.",
            param_hint="'NAME'",
        )
    target = Path(name).resolve()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise click.ClickException(
            f"[{target}] already exists and is not an empty directory. "
            "Choose another name, or empty or remove it first."
        )
    app_name = target.name
    shutil.copytree(skeleton_path(), target, ignore=_IGNORED, dirs_exist_ok=True)
    _write_env(target, app_name)
    _name_project(target, app_name)
    (target / "database" / "database.sqlite").touch()

    badge = click.style(" INFO ", bg="blue", fg="white", bold=True)
    arrow = click.style("➜", fg="bright_black")
    click.echo(
        f"\n  {badge} Application ready in [{name}]. "
        "You can start your local development using:\n"
    )
    if name != ".":
        click.echo(f"  {arrow} cd {name}")
    click.echo(f"  {arrow} python artisan.py migrate")
    click.echo(f"  {arrow} python artisan.py serve\n")
    click.echo("  Run its tests with: pytest. Build something amazing!\n")


def skeleton_path() -> Path:
    """Return the folder ``protevus new`` copies.

    A wheel ships it as ``protevus/_skeleton``; a source checkout (and an editable
    install of it) has it at the repository root as ``skeleton/``.
    """
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_skeleton", package.parent / "skeleton"):
        if (candidate / "artisan.py").is_file() and (candidate / "bootstrap").is_dir():
            return candidate
    raise click.ClickException(
        f"The application skeleton is missing from this Protevus installation "
        f"[{package}]. Reinstall protevus: pip install --force-reinstall protevus"
    )


def generate_key() -> str:
    """Return a fresh application key: ``base64:`` and 32 random bytes.

    Laravel: ``KeyGenerateCommand::generateRandomKey()``.
    """
    return "base64:" + base64.b64encode(secrets.token_bytes(32)).decode("ascii")


def _write_env(target: Path, app_name: str) -> None:
    """Write ``.env`` from ``.env.example`` with the key and name of the new app."""
    example = target / ".env.example"
    text = example.read_text(encoding="utf-8") if example.is_file() else ""
    text = _set_env_line(text, "APP_NAME", app_name)
    text = _set_env_line(text, "APP_KEY", generate_key())
    (target / ".env").write_text(text, encoding="utf-8")


def _set_env_line(text: str, key: str, value: str) -> str:
    """Replace ``KEY=...`` in dotenv ``text``, or append the line when it is missing."""
    pattern = re.compile(rf"^{key}=.*$", re.MULTILINE)
    line = f"{key}={value}"
    if pattern.search(text):
        return pattern.sub(lambda _match: line, text, count=1)
    return f"{text.rstrip(chr(10))}\n{line}\n".lstrip("\n")


def _name_project(target: Path, app_name: str) -> None:
    """Give the new application's ``pyproject.toml`` the application's name."""
    pyproject = target / "pyproject.toml"
    if not pyproject.is_file():
        return
    slug = re.sub(r"[^a-z0-9]+", "-", app_name.lower()).strip("-") or "app"
    text = pyproject.read_text(encoding="utf-8")
    text = re.sub(
        r'^name = ".*"$', f'name = "{slug}"', text, count=1, flags=re.MULTILINE
    )
    pyproject.write_text(text, encoding="utf-8")
