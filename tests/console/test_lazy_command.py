"""Commands registered by dotted path are listed without being imported."""

from __future__ import annotations

import sys
import typing as t

import pytest

from protevus.console.application import ConsoleApplication
from protevus.console.click_command import ClickCommand
from protevus.console.lazy_command import LazyCommand
from protevus.exceptions import InvalidArgumentError
from protevus.foundation.foundation_service_provider import FOUNDATION_COMMANDS

MODULE = "lazy_command_fixture_module"


@pytest.fixture
def command_module(tmp_path: t.Any, monkeypatch: pytest.MonkeyPatch) -> str:
    (tmp_path / f"{MODULE}.py").write_text(
        "from protevus.console.command import Command\n\n"
        "class Greet(Command):\n"
        "    signature = 'greet {name}'\n"
        "    description = 'Greet someone'\n\n"
        "    def handle(self):\n"
        "        self.line(f'Hello {self.argument(\"name\")}')\n"
        "        return 0\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, MODULE, raising=False)
    return f"{MODULE}.Greet"


def test_list_shows_the_description_without_importing(command_module: str) -> None:
    artisan = ConsoleApplication()
    artisan.add(LazyCommand("greet", "Greet someone", command_module))
    assert "greet Greet someone\n" in artisan.render_list(raw=True)
    assert MODULE not in sys.modules


def test_finding_the_command_loads_and_runs_it(
    make_app: t.Any, command_module: str
) -> None:
    kernel = make_app().make("artisan")
    kernel.register_command(LazyCommand("greet", "Greet someone", command_module))
    assert kernel.call("greet", {"name": "Taylor"}) == 0
    assert kernel.output() == "Hello Taylor\n"
    assert isinstance(kernel.all()["greet"], ClickCommand)


def test_a_bad_dotted_path_names_the_command_and_the_fix() -> None:
    artisan = ConsoleApplication()
    artisan.add(LazyCommand("broken", "Broken", "no.such.module.Command"))
    with pytest.raises(InvalidArgumentError, match=r"Command \[broken\] points to"):
        artisan.find("broken")


def test_aliases_and_hidden_flags_carry_over(command_module: str) -> None:
    artisan = ConsoleApplication()
    artisan.add(
        LazyCommand(
            "greet", "Greet someone", command_module, aliases=["hi"], hidden=True
        )
    )
    assert "greet" not in artisan.render_list()
    command = artisan.find("hi")
    assert command.name == "greet" and command.hidden


@pytest.mark.parametrize("entry", FOUNDATION_COMMANDS, ids=lambda c: c.name)
def test_foundation_descriptions_match_the_commands(entry: LazyCommand) -> None:
    artisan = ConsoleApplication()
    artisan.add(entry)
    loaded = artisan.find(t.cast(str, entry.name))
    description = (
        loaded.description
        if isinstance(loaded, ClickCommand)
        else loaded.get_short_help_str(limit=200)
    )
    assert loaded.name == entry.name
    assert description == entry.description
