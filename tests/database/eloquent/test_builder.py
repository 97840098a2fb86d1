"""The Eloquent builder: retrieval, writes, forwarding, chunking and streaming."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.builder import Builder
from protevus.database.eloquent.collection import Collection
from protevus.database.eloquent.exceptions import ModelNotFoundError
from protevus.database.eloquent.model import Model
from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.database.exceptions import MultipleRecordsFoundError


class BdPost(Model):
    table = "posts"
    fillable = ["title", "votes", "slug"]


class BdTag(Model):
    table = "tags"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False


@pytest.fixture
def posts(schema: t.Any) -> list[BdPost]:
    def posts_table(table: t.Any) -> None:
        table.id()
        table.string("title")
        table.string("slug").nullable().unique()
        table.integer("votes").default(0)
        table.timestamps()

    def tags_table(table: t.Any) -> None:
        table.id()
        table.string("name").unique()
        table.integer("uses").default(0)

    schema.create("posts", posts_table)
    schema.create("tags", tags_table)
    return [
        BdPost.create({"title": title, "votes": votes})
        for title, votes in (("A", 1), ("B", 5), ("C", 3), ("D", 5))
    ]


def _sql(builder: t.Any) -> str:
    return str(builder.to_sql()).replace("`", '"')


def test_get_returns_a_collection_of_models(posts: list[BdPost]) -> None:
    result = BdPost.where("votes", 5).order_by("id").get()
    assert isinstance(result, Collection)
    assert [p.title for p in result] == ["B", "D"]
    assert all(isinstance(p, BdPost) and p.exists for p in result)
    assert BdPost.where("votes", 99).get().is_empty()
    assert [p.title for p in BdPost.query().get(["id", "title"])][:1] == ["A"]
    assert "votes" not in BdPost.query().get(["id", "title"]).first().attributes


def test_builder_state_and_forwarding(eloquent: t.Any) -> None:
    query = BdPost.query()
    assert isinstance(query, Builder)
    assert isinstance(query.get_model(), BdPost)
    assert query.where("votes", ">", 1) is query
    assert query.order_by("id").limit(3) is query
    assert query.getQuery() is query.get_query()
    assert (
        _sql(query)
        == 'select * from "posts" where "votes" > ? order by "id" asc limit 3'
    )
    assert query.get_bindings() == [1]
    with pytest.raises(AttributeError, match="undefined method"):
        query.no_such_method()


def test_where_closure_nests_an_eloquent_builder(eloquent: t.Any) -> None:
    seen: list[t.Any] = []

    def nested(query: t.Any) -> None:
        seen.append(query)
        query.where("votes", 1).or_where("votes", 2)

    query = BdPost.where("title", "A").where(nested)
    assert isinstance(seen[0], Builder)
    assert _sql(query) == (
        'select * from "posts" where "title" = ? and ("votes" = ? or "votes" = ?)'
    )
    assert query.get_bindings() == ["A", 1, 2]
    assert _sql(BdPost.where("votes", 1).or_where(lambda q: q.where("votes", 2))) == (
        'select * from "posts" where "votes" = ? or ("votes" = ?)'
    )
    assert _sql(BdPost.where_not("votes", 1)) == (
        'select * from "posts" where not "votes" = ?'
    )


def test_latest_and_oldest_use_created_at(eloquent: t.Any) -> None:
    assert _sql(BdPost.latest()).endswith('order by "created_at" desc')
    assert _sql(BdPost.oldest()).endswith('order by "created_at" asc')
    assert _sql(BdPost.latest("id")).endswith('order by "id" desc')


def test_first_and_first_or_fail(posts: list[BdPost]) -> None:
    assert BdPost.order_by("id").first().title == "A"
    assert BdPost.where("votes", 99).first() is None
    assert BdPost.first_where("title", "C").votes == 3
    assert BdPost.first_where("votes", ">", 4).title == "B"
    with pytest.raises(
        ModelNotFoundError, match=r"No query results for model \[.*BdPost\]\.$"
    ):
        BdPost.where("votes", 99).first_or_fail()
    assert BdPost.where("votes", 99).first_or(lambda: "none") == "none"


def test_find_variants(posts: list[BdPost]) -> None:
    a, b, c, _ = posts
    assert BdPost.find(b.id).title == "B"
    assert BdPost.find([a.id, c.id]).model_keys() == [a.id, c.id]
    assert BdPost.find_many([]).is_empty()
    assert BdPost.find(b) is not None
    assert BdPost.find_or_fail([a.id, b.id]).count() == 2
    with pytest.raises(ModelNotFoundError) as caught:
        BdPost.find_or_fail([a.id, 998, 999])
    assert caught.value.get_ids() == [998, 999]
    assert str(caught.value).endswith("BdPost] 998, 999.")
    new = BdPost.find_or_new(999)
    assert isinstance(new, BdPost) and not new.exists
    assert BdPost.find_or(999, lambda: "missing") == "missing"
    assert BdPost.find_or(a.id, lambda: "missing").title == "A"
    assert BdPost.where_key_not(a.id).count() == 3
    assert BdPost.where_key([a.id, b.id]).count() == 2


def test_sole_value_and_pluck(posts: list[BdPost]) -> None:
    assert BdPost.where("title", "C").sole().votes == 3
    with pytest.raises(ModelNotFoundError):
        BdPost.where("title", "Z").sole()
    with pytest.raises(MultipleRecordsFoundError):
        BdPost.where("votes", 5).sole()
    assert BdPost.where("title", "B").value("votes") == 5
    assert BdPost.where("title", "Z").value("votes") is None
    assert BdPost.where("title", "C").sole_value("votes") == 3
    assert BdPost.order_by("id").pluck("title").all() == ["A", "B", "C", "D"]
    assert BdPost.order_by("id").pluck("votes", "title").all() == {
        "A": 1, "B": 5, "C": 3, "D": 5,
    }  # fmt: skip


def test_passthru_methods_return_base_results(posts: list[BdPost]) -> None:
    assert BdPost.count() == 4
    assert BdPost.where("votes", 5).exists() is True
    assert BdPost.where("votes", 9).doesnt_exist() is True
    assert BdPost.max("votes") == 5
    assert BdPost.min("votes") == 1
    assert int(BdPost.sum("votes")) == 14
    assert BdPost.where("votes", 5).count() == 2


def test_create_make_and_force_create(eloquent: t.Any, posts: list[BdPost]) -> None:
    made = BdPost.make({"title": "Made"})
    assert not made.exists
    created = BdPost.create({"title": "New", "votes": 7})
    assert created.exists and BdPost.where("title", "New").count() == 1
    forced = BdTag.force_create({"id": 50, "name": "php"})
    assert forced.id == 50


def test_first_or_new_create_and_update_or_create(posts: list[BdPost]) -> None:
    found = BdPost.first_or_new({"title": "A"})
    assert found.exists and found.votes == 1
    new = BdPost.first_or_new({"title": "Z"}, {"votes": 9})
    assert not new.exists and new.votes == 9
    created = BdPost.first_or_create({"title": "Y"}, {"votes": 8})
    assert created.was_recently_created and created.votes == 8
    again = BdPost.first_or_create({"title": "Y"}, {"votes": 1})
    assert again.id == created.id and not again.was_recently_created
    updated = BdPost.update_or_create({"title": "Y"}, {"votes": 2})
    assert updated.id == created.id and BdPost.find(created.id).votes == 2
    fresh = BdPost.update_or_create({"title": "X"}, {"votes": 3})
    assert fresh.was_recently_created and fresh.votes == 3


def test_create_or_first_returns_the_existing_row_on_a_unique_violation(
    posts: list[BdPost],
) -> None:
    first = BdTag.create_or_first({"name": "python"}, {"uses": 1})
    again = BdTag.create_or_first({"name": "python"}, {"uses": 5})
    assert again.id == first.id and again.uses == 1
    counted = BdTag.increment_or_create({"name": "go"}, "uses", 10)
    assert counted.was_recently_created and counted.uses == 10
    BdTag.increment_or_create({"name": "python"}, "uses")
    assert BdTag.where("name", "python").value("uses") == 2


def test_update_sets_updated_at_and_returns_the_count(posts: list[BdPost]) -> None:
    before = BdPost.find(posts[0].id).get_raw_original("updated_at")
    db = BdPost().get_connection()
    db.enable_query_log()
    assert BdPost.where("votes", 5).update({"title": "Top"}) == 2
    sql = db.get_query_log()[-1]["query"].replace("`", '"')
    assert '"updated_at" = ?' in sql
    assert BdPost.where("title", "Top").count() == 2
    assert BdPost.where("votes", 9).update({"title": "x"}) == 0
    assert before is not None


def test_increment_decrement_and_delete(posts: list[BdPost]) -> None:
    assert BdPost.where("votes", 5).increment("votes", 2) == 2
    assert BdPost.where("votes", 7).count() == 2
    BdPost.where("title", "A").decrement("votes")
    assert BdPost.where("title", "A").value("votes") == 0
    assert BdPost.where("votes", 7).delete() == 2
    assert BdPost.count() == 2
    assert BdPost.query().force_delete() == 2


def test_upsert_adds_timestamps(posts: list[BdPost]) -> None:
    BdPost.where("title", "A").update({"slug": "a"})
    count = BdPost.upsert(
        [
            {"title": "A2", "slug": "a", "votes": 10},
            {"title": "E", "slug": "e", "votes": 1},
        ],
        ["slug"],
        ["title", "votes"],
    )
    assert count >= 2
    assert BdPost.where("slug", "a").value("title") == "A2"
    row = BdPost.where("slug", "e").first()
    assert row.created_at is not None and row.updated_at is not None
    assert BdPost.upsert([], ["slug"]) == 0


def test_chunk_each_and_chunk_by_id(posts: list[BdPost]) -> None:
    pages: list[list[str]] = []
    assert (
        BdPost.query().chunk(3, lambda models: pages.append([m.title for m in models]))
        is True
    )
    assert pages == [["A", "B", "C"], ["D"]]
    stopped: list[int] = []
    assert (
        BdPost.query().chunk(1, lambda models, page: stopped.append(page) or page < 2)
        is False
    )
    assert stopped == [1, 2]
    seen: list[str] = []
    BdPost.query().each(lambda model: seen.append(model.title), 2)
    assert seen == ["A", "B", "C", "D"]

    by_id: list[list[int]] = []

    def bump(models: Collection) -> None:
        by_id.append(models.model_keys())
        for model in models:
            model.update({"votes": 100})

    BdPost.where("votes", "<", 100).chunk_by_id(2, bump)
    assert len(by_id) == 2 and BdPost.where("votes", 100).count() == 4
    desc: list[int] = []
    BdPost.query().chunk_by_id_desc(3, lambda models: desc.extend(models.model_keys()))
    assert desc == sorted(desc, reverse=True) and len(desc) == 4
    indexes: list[int] = []
    BdPost.query().each_by_id(lambda model, index: indexes.append(index), 3)
    assert indexes == [0, 1, 2, 3]
    with pytest.raises(InvalidQueryArgumentError):
        BdPost.query().chunk(0, lambda models: None)


def test_lazy_lazy_by_id_and_cursor(posts: list[BdPost]) -> None:
    assert [m.title for m in BdPost.query().lazy(3)] == ["A", "B", "C", "D"]
    assert [m.title for m in BdPost.query().lazy_by_id(3)] == ["A", "B", "C", "D"]
    assert [m.title for m in BdPost.query().lazy_by_id_desc(3)] == ["D", "C", "B", "A"]
    cursor = BdPost.where("votes", 5).order_by("id").cursor()
    titles = [m.title for m in cursor]
    assert titles == ["B", "D"]
    assert all(isinstance(m, BdPost) and m.exists for m in BdPost.query().cursor())
    assert BdPost.query().chunk_map(lambda m: m.votes, 2).all() == [1, 5, 3, 5]


def test_clone_keeps_builders_apart(eloquent: t.Any) -> None:
    query = BdPost.where("votes", 1)
    copy = query.clone().where("title", "A")
    assert _sql(query) == 'select * from "posts" where "votes" = ?'
    assert _sql(copy) == 'select * from "posts" where "votes" = ? and "title" = ?'


def test_new_model_instance_uses_the_builder_connection(eloquent: t.Any) -> None:
    query = BdPost.query()
    model = query.new_model_instance({"title": "x"})
    assert model.get_connection_name() == query.get_connection().get_name()
    assert query.qualify_column("votes") == "posts.votes"
