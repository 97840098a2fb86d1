"""Seeders: run(), call() with classes and names, output lines, injection, db:seed."""

from __future__ import annotations

import re
import textwrap
import typing as t
from pathlib import Path

import pytest

from protevus.console.command import Command
from protevus.console.output_style import OutputStyle
from protevus.database import Seeder
from protevus.database.seeder import resolve_seeder_class
from protevus.exceptions import InvalidArgumentError

ran: list[str] = []


class UserSeeder(Seeder):
    def run(self) -> None:
        ran.append("users")


class PostSeeder(Seeder):
    def run(self, count: int = 1) -> None:
        ran.append(f"posts:{count}")


class RootSeeder(Seeder):
    def run(self) -> None:
        self.call([UserSeeder, PostSeeder])


class NoRun(Seeder):
    pass


@pytest.fixture(autouse=True)
def _reset() -> None:
    ran.clear()
    Seeder.called.clear()


def command_with_buffer() -> tuple[Command, t.Any]:
    import io

    buffer = io.StringIO()
    command = Command()
    command.output = OutputStyle(buffer, decorated=False, interactive=False)
    from protevus.console.components import Components

    command.components = Components(command.output)
    return command, buffer


def test_call_runs_seeders_in_order() -> None:
    RootSeeder()()

    assert ran == ["users", "posts:1"]
    assert Seeder.called == [UserSeeder, PostSeeder]


def test_call_with_passes_parameters_to_run() -> None:
    Seeder().call_with(PostSeeder, {"count": 3})

    assert ran == ["posts:3"]


def test_call_once_skips_seeders_already_called() -> None:
    seeder = Seeder()
    seeder.call(UserSeeder)
    seeder.call_once([UserSeeder, PostSeeder])

    assert ran == ["users", "posts:1"]


def test_call_prints_running_and_done_lines() -> None:
    command, buffer = command_with_buffer()

    RootSeeder().set_command(command)()

    out = buffer.getvalue()
    name = f"{__name__}.UserSeeder"
    assert re.search(rf"{re.escape(name)} \.+ RUNNING", out)
    assert re.search(rf"{re.escape(name)} \.+ \d+ ms DONE", out)
    assert out.index("UserSeeder") < out.index("PostSeeder")


def test_call_silent_prints_nothing() -> None:
    command, buffer = command_with_buffer()

    Seeder().set_command(command).call_silent(UserSeeder)

    assert buffer.getvalue() == ""
    assert ran == ["users"]


def test_a_seeder_without_run_is_an_error() -> None:
    with pytest.raises(InvalidArgumentError, match=r"Method \[run\] missing from"):
        Seeder().call(NoRun)


def test_call_rejects_what_is_not_a_seeder() -> None:
    with pytest.raises(InvalidArgumentError, match="is not a Seeder subclass"):
        Seeder().call(t.cast(t.Any, int))


def test_run_parameters_are_injected_by_the_container(make_app: t.Any) -> None:
    app = make_app()
    seen: list[t.Any] = []

    class Injected(Seeder):
        def run(self, config: t.Any = None) -> None:
            seen.append(self.container)

    Seeder().set_container(app).call(Injected)

    assert seen == [app]


def write_seeders(base: Path) -> None:
    folder = base / "database" / "seeders"
    folder.mkdir(parents=True)
    (folder / "user_seeder.py").write_text(
        textwrap.dedent(
            """
            from protevus.database import Seeder

            class UserSeeder(Seeder):
                log: list[str] = []

                def run(self) -> None:
                    UserSeeder.log.append("ran")
            """
        )
    )


def test_seeders_are_found_by_name_under_the_base_path(tmp_path: Path) -> None:
    write_seeders(tmp_path)

    bare = resolve_seeder_class("UserSeeder", str(tmp_path))
    dotted = resolve_seeder_class(
        "database.seeders.user_seeder.UserSeeder", str(tmp_path)
    )

    assert bare is dotted
    assert bare.__module__ == "database.seeders.user_seeder"


def test_call_accepts_a_seeder_name(make_app: t.Any, tmp_path: Path) -> None:
    write_seeders(tmp_path)
    app = make_app()

    Seeder().set_container(app).call("UserSeeder")

    cls = resolve_seeder_class("UserSeeder", str(tmp_path))
    assert t.cast(t.Any, cls).log == ["ran"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("MissingSeeder", r"Target class \[database\.seeders\.missing_seeder\."),
        ("database.seeders.user_seeder.Nope", r"Target class \[.*Nope\] does not"),
        ("no_such_pkg.seeders.X", r"Target class \[no_such_pkg\.seeders\.X\]"),
    ],
)
def test_unknown_seeders_name_the_class(
    tmp_path: Path, name: str, message: str
) -> None:
    write_seeders(tmp_path)

    with pytest.raises(InvalidArgumentError, match=message):
        resolve_seeder_class(name, str(tmp_path))


def seed_app(db_app: t.Any) -> t.Any:
    from protevus.database.migration_service_provider import MigrationServiceProvider

    db_app.register(MigrationServiceProvider)
    folder = Path(db_app.base_path()) / "database" / "seeders"
    folder.mkdir(parents=True)
    (folder / "database_seeder.py").write_text(
        "from protevus.database import Seeder\n\n\n"
        "class DatabaseSeeder(Seeder):\n"
        "    def run(self) -> None:\n"
        "        self.call('PlaneSeeder')\n"
    )
    (folder / "plane_seeder.py").write_text(
        "from protevus.database import Seeder\n"
        "from protevus.facades import DB\n\n\n"
        "class PlaneSeeder(Seeder):\n"
        "    def run(self) -> None:\n"
        "        DB.table('planes').insert({'name': 'A380'})\n"
    )
    db_app.make("db").connection().statement("create table planes (name varchar(20))")
    return db_app


def planes(app: t.Any) -> list[str]:
    rows = app.make("db").connection().select("select name from planes")
    return [row["name"] for row in rows]


def test_db_seed_runs_the_database_seeder(db_app: t.Any) -> None:
    app = seed_app(db_app)
    app.detect_environment("local")
    kernel = app.make("artisan")

    code = kernel.call("db:seed")

    out = kernel.output()
    assert code == 0, out
    assert "INFO  Seeding database." in out
    assert re.search(r"database\.seeders\.plane_seeder\.PlaneSeeder \.+ RUNNING", out)
    assert re.search(r"PlaneSeeder \.+ \d+ ms DONE", out)
    assert planes(app) == ["A380"]
    assert kernel.call("db:seed", {"--class": "PlaneSeeder"}) == 0
    assert kernel.call("db:seed", {"class": "PlaneSeeder"}) == 0
    assert planes(app) == ["A380"] * 3


def test_db_seed_in_production_needs_force(db_app: t.Any) -> None:
    app = seed_app(db_app)
    app.detect_environment("production")
    kernel = app.make("artisan")

    assert kernel.call("db:seed") == 1
    assert "WARN  Command cancelled." in kernel.output()
    assert planes(app) == []
    assert kernel.call("db:seed", {"--force": True}) == 0
    assert planes(app) == ["A380"]


def test_db_seed_names_an_unknown_class(db_app: t.Any) -> None:
    app = seed_app(db_app)
    app.detect_environment("local")

    with pytest.raises(InvalidArgumentError, match=r"Target class \[.*NopeSeeder\]"):
        app.make("artisan").call("db:seed", {"--class": "NopeSeeder"})


def test_make_seeder_writes_a_seeder(make_app: t.Any, tmp_path: Path) -> None:
    from protevus.database.migration_service_provider import MigrationServiceProvider

    app = make_app(providers=[MigrationServiceProvider])
    kernel = app.make("artisan")

    assert kernel.call("make:seeder", {"name": "UserSeeder"}) == 0

    file = tmp_path / "database" / "seeders" / "user_seeder.py"
    assert "Seeder [database/seeders/user_seeder.py] created successfully." in (
        kernel.output()
    )
    assert "class UserSeeder(Seeder):" in file.read_text()
    assert resolve_seeder_class("UserSeeder", str(tmp_path))().run() is None  # type: ignore[attr-defined]
    assert kernel.call("make:seeder", {"name": "UserSeeder"}) == 1
    assert "Seeder already exists." in kernel.output()


def test_db_seed_fills_models_unguarded_as_laravel(db_app: t.Any) -> None:
    app = seed_app(db_app)
    folder = Path(app.base_path()) / "database" / "seeders"
    (folder / "guarded_plane_seeder.py").write_text(
        "from protevus.database import Model, Seeder\n\n\n"
        "class Plane(Model):\n"
        "    table = 'planes'\n"
        "    timestamps = False\n"
        "    incrementing = False\n"
        "    primary_key = 'name'\n\n\n"  # no fillable: everything is guarded
        "class GuardedPlaneSeeder(Seeder):\n"
        "    def run(self) -> None:\n"
        "        Plane.create({'name': 'B747'})\n"
    )
    app.detect_environment("local")
    kernel = app.make("artisan")

    assert kernel.call("db:seed", {"--class": "GuardedPlaneSeeder"}) == 0, (
        kernel.output()
    )
    assert planes(app) == ["B747"]
    from protevus.database import Model

    assert not Model.is_unguarded()  # guarding is back on afterwards
