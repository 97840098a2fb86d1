"""HasFactory: finding database.factories.<snake>_factory.<Model>Factory, naming conventions."""

from __future__ import annotations

import typing as t
from pathlib import Path

import pytest

from protevus.database.eloquent.factories.factory import Factory
from protevus.database.eloquent.factories.has_factory import HasFactory
from protevus.database.eloquent.model import Model
from protevus.exceptions import InvalidArgumentError


class FhWidget(HasFactory, Model):
    table = "fh_widgets"
    guarded: t.ClassVar[list[str]] = []


class FhMissing(HasFactory, Model):
    table = "fh_missing"


class FhGuessFactory(Factory):
    def definition(self) -> dict[str, t.Any]:
        return {}


FACTORY_SOURCE = """
from protevus.database.eloquent.factories.factory import Factory
from {module} import FhWidget


class FhWidgetFactory(Factory):
    model = FhWidget

    def definition(self):
        return {{"name": "widget " + self.faker.word()}}
"""


def test_factory_is_found_in_the_application(make_app: t.Any, tmp_path: Path) -> None:
    make_app()
    folder = tmp_path / "database" / "factories"
    folder.mkdir(parents=True)
    (folder / "fh_widget_factory.py").write_text(
        FACTORY_SOURCE.format(module=FhWidget.__module__)
    )

    factory = FhWidget.factory()
    assert type(factory).__name__ == "FhWidgetFactory"
    widgets = FhWidget.factory(2).make()
    assert len(widgets) == 2
    assert all(w.name.startswith("widget ") for w in widgets)


def test_a_missing_factory_names_the_path_and_the_fix(
    make_app: t.Any, tmp_path: Path
) -> None:
    make_app()

    with pytest.raises(InvalidArgumentError) as error:
        FhMissing.factory()
    message = str(error.value)
    assert "[database.factories.fh_missing_factory.FhMissingFactory]" in message
    assert "make:factory FhMissingFactory" in message


@pytest.mark.parametrize(
    ("module", "name", "expected"),
    [
        ("app.models", "Post", "database.factories.post_factory.PostFactory"),
        ("app.models.post", "Post", "database.factories.post_factory.PostFactory"),
        (
            "app.models.admin.user",
            "User",
            "database.factories.admin.user_factory.UserFactory",
        ),
        (
            "blog.models",
            "BlogPost",
            "database.factories.blog_post_factory.BlogPostFactory",
        ),
    ],
)
def test_resolve_factory_name(module: str, name: str, expected: str) -> None:
    model = type(name, (), {"__module__": module})

    assert Factory.resolve_factory_name(model) == expected


def test_factory_name_and_model_name_resolvers_can_be_replaced() -> None:
    Factory.guess_factory_names_using(lambda model: f"custom.{model.__name__}Factory")
    Factory.guess_model_names_using(lambda factory: FhWidget)
    try:
        assert Factory.resolve_factory_name(FhWidget) == "custom.FhWidgetFactory"
        assert FhGuessFactory.new().model_name() is FhWidget
    finally:
        Factory._factory_name_resolver = None
        Factory._model_name_resolver = None


def test_a_factory_without_model_guesses_from_its_name() -> None:
    with pytest.raises(InvalidArgumentError) as error:
        FhGuessFactory.new().model_name()

    assert "[app.models.fh_guess.FhGuess]" in str(error.value)
    assert "Set model = FhGuess on the factory." in str(error.value)
