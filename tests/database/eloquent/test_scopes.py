"""Global scopes (Scope classes, closures) and local scopes (@scope, scope_ methods)."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.model import Model
from protevus.database.eloquent.scopes import Scope
from protevus.database.eloquent.scopes import scope
from protevus.exceptions import InvalidArgumentError


class PublishedScope(Scope):
    def apply(self, builder: t.Any, model: t.Any) -> None:
        builder.where("published", True)


class ScArticle(Model):
    table = "articles"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    @classmethod
    def booted(cls) -> None:
        cls.add_global_scope(PublishedScope())
        cls.add_global_scope("popular", lambda query: query.where("votes", ">", 1))

    @scope
    def titled(self, query: t.Any, title: str) -> None:
        query.where("title", title)

    def scope_either(self, query: t.Any, first: str, second: str) -> None:
        query.where("title", first).or_where("title", second)


class ScPlain(Model):
    table = "articles"
    timestamps = False


def _sql(builder: t.Any) -> str:
    return str(builder.to_sql()).replace("`", '"')


@pytest.fixture
def articles(schema: t.Any) -> None:
    def table(t_: t.Any) -> None:
        t_.id()
        t_.string("title")
        t_.boolean("published").default(False)
        t_.integer("votes").default(0)

    schema.create("articles", table)
    for title, published, votes in (
        ("a", True, 2),
        ("b", False, 5),
        ("c", True, 0),
        ("d", True, 9),
    ):
        ScArticle.force_create({"title": title, "published": published, "votes": votes})


def test_global_scopes_constrain_every_query(articles: None) -> None:
    assert sorted(a.title for a in ScArticle.all()) == ["a", "d"]
    assert ScArticle.count() == 2
    assert _sql(ScArticle.where("id", 1).to_base()) == (
        'select * from "articles" where "id" = ? and "published" = ? and "votes" > ?'
    )
    # the builder itself stays unscoped until it runs
    assert _sql(ScArticle.query().get_query()) == 'select * from "articles"'


def test_removing_global_scopes(articles: None) -> None:
    assert ScArticle.without_global_scope(PublishedScope).count() == 3
    assert ScArticle.without_global_scope("popular").count() == 3
    assert ScArticle.without_global_scopes().count() == 4
    assert ScArticle.without_global_scopes([PublishedScope, "popular"]).count() == 4
    assert ScArticle.without_global_scopes_except(["popular"]).count() == 3
    query = ScArticle.without_global_scope(PublishedScope())
    assert query.get_removed_scopes() == [f"{__name__}.PublishedScope"]
    assert ScArticle.has_global_scope(PublishedScope)
    assert isinstance(ScArticle.get_global_scope(PublishedScope), PublishedScope)
    assert not ScPlain.has_global_scope(PublishedScope)


def test_or_wheres_of_a_scope_are_grouped(eloquent: t.Any) -> None:
    class ScOr(Model):
        table = "articles"

        @classmethod
        def booted(cls) -> None:
            cls.add_global_scope("or", lambda q: q.where("a", 1).or_where("b", 2))

    query = ScOr.where("c", 3).or_where("d", 4)
    assert _sql(query.to_base()) == (
        'select * from "articles" where ("c" = ? or "d" = ?) and ("a" = ? or "b" = ?)'
    )
    assert query.to_base().get_bindings() == [3, 4, 1, 2]


def test_local_scopes_from_the_class_an_instance_and_a_query(articles: None) -> None:
    assert ScArticle.titled("a").count() == 1
    assert ScArticle.where("votes", ">", 0).titled("d").first().title == "d"
    assert ScArticle().titled("d").count() == 1
    assert ScArticle.titled("b").count() == 0  # hidden by the global scope
    assert sorted(a.title for a in ScArticle.either("a", "d").get()) == ["a", "d"]
    assert _sql(ScArticle.where("id", 1).either("a", "b")) == (
        'select * from "articles" where "id" = ? and ("title" = ? or "title" = ?) '
        'and "published" = ? and "votes" > ?'
    )
    assert ScArticle().has_named_scope("titled") and ScArticle().has_named_scope(
        "either"
    )
    assert not ScArticle().has_named_scope("missing")


def test_add_global_scope_rejects_other_values(eloquent: t.Any) -> None:
    with pytest.raises(InvalidArgumentError, match="Global scope must be"):
        ScPlain.add_global_scope(42)


def test_scope_base_class_requires_apply() -> None:
    with pytest.raises(NotImplementedError, match="must implement apply"):
        Scope().apply(t.cast(t.Any, None), t.cast(t.Any, None))


class ScScopedBy(Model):
    table = "articles"
    timestamps = False
    scoped_by: t.ClassVar[list[t.Any]] = [PublishedScope]


def test_scoped_by_registers_scopes_at_boot(articles: None) -> None:
    assert ScScopedBy.count() == 3
    assert ScScopedBy.has_global_scope(PublishedScope)


def test_the_scope_decorator_is_importable_from_the_package() -> None:
    # DESIGN.md's spelling; a submodule named "scope" would shadow it once imported.
    import protevus.database.eloquent.model  # noqa: F401
    from protevus.database import scope as from_database
    from protevus.database.eloquent import scope as from_eloquent

    assert callable(from_eloquent) and from_eloquent is from_database
    assert from_eloquent.__module__ == "protevus.database.eloquent.scopes"
