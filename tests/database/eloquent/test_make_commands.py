"""make:model, make:factory and make:observer write the files Laravel's generators do."""

from __future__ import annotations

import typing as t
from pathlib import Path

import pytest

from protevus.database.console.model_make_command import qualify_model
from protevus.database.eloquent.eloquent_service_provider import EloquentServiceProvider
from protevus.database.migration_service_provider import MigrationServiceProvider


def _app(make_app: t.Any) -> t.Any:
    return make_app(providers=[MigrationServiceProvider, EloquentServiceProvider])


def call(
    app: t.Any, command: str, parameters: dict[str, t.Any] | None = None
) -> tuple[int, str]:
    kernel = app.make("artisan")
    code = kernel.call(command, parameters or {})
    return code, kernel.output()


def _compiles(path: Path) -> str:
    source = path.read_text()
    compile(source, str(path), "exec")
    return source


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Post", ("app.models.post", "Post")),
        ("Admin/PostTag", ("app.models.admin.post_tag", "PostTag")),
        ("app.models.post.Post", ("app.models.post", "Post")),
        ("user", ("app.models.user", "User")),
    ],
)
def test_qualify_model(name: str, expected: tuple[str, str]) -> None:
    assert qualify_model(name) == expected


def test_the_commands_are_listed_without_importing_them(make_app: t.Any) -> None:
    app = _app(make_app)
    names = app.make("artisan").all()

    assert {"make:model", "make:factory", "make:observer"} <= set(names)


def test_make_model_writes_a_model(make_app: t.Any, tmp_path: Path) -> None:
    app = _app(make_app)
    code, out = call(app, "make:model", {"name": "Post"})

    assert code == 0
    assert "Model [app/models/post.py] created successfully." in out
    source = _compiles(tmp_path / "app/models/post.py")
    assert "from protevus.database import Model" in source
    assert "class Post(Model):" in source
    assert "[posts] table" in source
    assert "HasFactory" not in source
    assert not (tmp_path / "database/factories").exists()


def test_make_model_refuses_to_overwrite(make_app: t.Any, tmp_path: Path) -> None:
    app = _app(make_app)
    call(app, "make:model", {"name": "Post"})
    (tmp_path / "app/models/post.py").write_text("# mine\n")

    code, out = call(app, "make:model", {"name": "Post", "--factory": True})
    assert code == 1
    assert "Model already exists." in out
    assert (tmp_path / "app/models/post.py").read_text() == "# mine\n"
    assert not (tmp_path / "database/factories/post_factory.py").exists()

    assert call(app, "make:model", {"name": "Post", "--force": True})[0] == 0
    assert "class Post(Model):" in (tmp_path / "app/models/post.py").read_text()


def test_make_model_with_every_companion(make_app: t.Any, tmp_path: Path) -> None:
    app = _app(make_app)
    code, out = call(
        app,
        "make:model",
        {"name": "Post", "-m": True, "-f": True, "-s": True, "-c": True, "-r": True},
    )

    assert code == 0, out
    model = _compiles(tmp_path / "app/models/post.py")
    assert "from protevus.database import HasFactory" in model
    assert "class Post(HasFactory, Model):" in model

    factory = _compiles(tmp_path / "database/factories/post_factory.py")
    assert "from app.models.post import Post" in factory
    assert "class PostFactory(Factory):" in factory
    assert "model = Post" in factory
    assert "Factory [database/factories/post_factory.py] created successfully." in out

    migrations = list(
        (tmp_path / "database/migrations").glob("*_create_posts_table.py")
    )
    assert len(migrations) == 1
    assert "posts" in migrations[0].read_text()

    seeder = _compiles(tmp_path / "database/seeders/post_seeder.py")
    assert "class PostSeeder(Seeder):" in seeder

    controller = _compiles(tmp_path / "app/http/controllers/post_controller.py")
    assert "def edit(self, id: str):" in controller


def test_make_model_all_matches_the_short_flags(
    make_app: t.Any, tmp_path: Path
) -> None:
    app = _app(make_app)
    code, out = call(app, "make:model", {"name": "Comment", "--all": True})

    assert code == 0, out
    assert (tmp_path / "app/models/comment.py").exists()
    assert (tmp_path / "database/factories/comment_factory.py").exists()
    assert (tmp_path / "database/seeders/comment_seeder.py").exists()
    assert list((tmp_path / "database/migrations").glob("*_create_comments_table.py"))
    controller = (tmp_path / "app/http/controllers/comment_controller.py").read_text()
    assert "def destroy(self, id: str):" in controller


def test_make_model_api_controller(make_app: t.Any, tmp_path: Path) -> None:
    app = _app(make_app)
    assert call(app, "make:model", {"name": "Post", "--api": True})[0] == 0

    controller = (tmp_path / "app/http/controllers/post_controller.py").read_text()
    assert "def update(self, request: Request, id: str):" in controller
    assert "def edit" not in controller


def test_make_model_pivot_uses_a_singular_table(
    make_app: t.Any, tmp_path: Path
) -> None:
    app = _app(make_app)
    code, out = call(app, "make:model", {"name": "PostTag", "-p": True, "-m": True})

    assert code == 0, out
    source = _compiles(tmp_path / "app/models/post_tag.py")
    assert "class PostTag(Pivot):" in source
    assert "from protevus.database.eloquent.relations.pivot import Pivot" in source
    assert list((tmp_path / "database/migrations").glob("*_create_post_tag_table.py"))


def test_make_model_in_a_subfolder(make_app: t.Any, tmp_path: Path) -> None:
    app = _app(make_app)
    code, out = call(
        app, "make:model", {"name": "Admin/Person", "-f": True, "-m": True}
    )

    assert code == 0, out
    assert (
        "class Person(HasFactory, Model):"
        in (tmp_path / "app/models/admin/person.py").read_text()
    )
    factory = (tmp_path / "database/factories/admin/person_factory.py").read_text()
    assert "from app.models.admin.person import Person" in factory
    assert list((tmp_path / "database/migrations").glob("*_create_people_table.py"))


def test_make_model_rejects_invalid_names(make_app: t.Any) -> None:
    code, out = call(_app(make_app), "make:model", {"name": "class"})

    assert code == 1
    assert "is not a valid Python class name" in out


@pytest.mark.parametrize("name", ["PostFactory", "Post"])
def test_make_factory_guesses_the_model(
    make_app: t.Any, tmp_path: Path, name: str
) -> None:
    code, out = call(_app(make_app), "make:factory", {"name": name})

    assert code == 0
    assert "Factory [database/factories/post_factory.py] created successfully." in out
    source = _compiles(tmp_path / "database/factories/post_factory.py")
    assert "from app.models.post import Post" in source
    assert "class PostFactory(Factory):" in source
    assert "def definition(self) -> dict[str, t.Any]:" in source


def test_make_factory_with_an_explicit_model(make_app: t.Any, tmp_path: Path) -> None:
    code, _ = call(
        _app(make_app), "make:factory", {"name": "AuthorFactory", "--model": "User"}
    )

    assert code == 0
    source = (tmp_path / "database/factories/author_factory.py").read_text()
    assert "from app.models.user import User" in source
    assert "model = User" in source


def test_make_factory_refuses_to_overwrite(make_app: t.Any) -> None:
    app = _app(make_app)
    assert call(app, "make:factory", {"name": "PostFactory"})[0] == 0
    code, out = call(app, "make:factory", {"name": "PostFactory"})

    assert code == 1
    assert "Factory already exists." in out


def test_make_observer_for_a_model(make_app: t.Any, tmp_path: Path) -> None:
    code, out = call(
        _app(make_app), "make:observer", {"name": "PostObserver", "--model": "Post"}
    )

    assert code == 0
    assert "Observer [app/observers/post_observer.py] created successfully." in out
    source = _compiles(tmp_path / "app/observers/post_observer.py")
    assert "from app.models.post import Post" in source
    for event in ("created", "updated", "deleted", "restored", "force_deleted"):
        assert f"def {event}(self, post: Post) -> None:" in source


def test_make_observer_plain(make_app: t.Any, tmp_path: Path) -> None:
    code, _ = call(_app(make_app), "make:observer", {"name": "AuditObserver"})

    assert code == 0
    source = _compiles(tmp_path / "app/observers/audit_observer.py")
    assert "class AuditObserver:" in source
    assert "def created" not in source


def test_published_stubs_win(make_app: t.Any, tmp_path: Path) -> None:
    (tmp_path / "stubs").mkdir()
    (tmp_path / "stubs" / "model.stub").write_text("# custom {{ class }}\n")
    code, _ = call(_app(make_app), "make:model", {"name": "Post"})

    assert code == 0
    assert (tmp_path / "app/models/post.py").read_text() == "# custom Post\n"
