"""The inverse of has-one/has-many: the model holds the key of its owner (``comment.post``).

Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\BelongsTo``.
"""

from __future__ import annotations

import enum
import typing as t

from protevus.database.eloquent.relations.concerns.compares_related_models import (
    ComparesRelatedModels,
)
from protevus.database.eloquent.relations.concerns.supports_default_models import (
    SupportsDefaultModels,
)
from protevus.database.eloquent.relations.relation import Relation

if t.TYPE_CHECKING:
    from protevus.database.eloquent.builder import Builder
    from protevus.database.eloquent.collection import Collection
    from protevus.database.eloquent.model import Model


class BelongsTo(ComparesRelatedModels, SupportsDefaultModels, Relation):
    """Load the owner whose ``owner_key`` equals the child's ``foreign_key``.

    Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\BelongsTo``.
    """

    child: Model
    foreign_key: str
    owner_key: str
    relation_name: str

    def __init__(
        self,
        query: Builder,
        child: Model,
        foreign_key: str,
        owner_key: str,
        relation_name: str,
    ) -> None:
        self.owner_key = owner_key
        self.relation_name = relation_name
        self.foreign_key = foreign_key
        self.child = child
        super().__init__(query, child)

    def get_results(self) -> Model | None:
        """Get the owner, or the default model / ``None``. Laravel: ``BelongsTo::getResults()``."""
        if self.get_foreign_key_from(self.child) is None:
            return self.get_default_for(self.parent)
        found = self.query.first()
        return t.cast("Model | None", found) or self.get_default_for(self.parent)

    def add_constraints(self) -> None:
        """Constrain to ``owners.owner_key = child's foreign key``. Laravel: ``addConstraints()``."""
        if Relation.constraints_enabled():
            table = self.related.get_table()
            self.query.where(
                f"{table}.{self.owner_key}", "=", self.get_foreign_key_from(self.child)
            )

    def add_eager_constraints(self, models: t.Sequence[Model]) -> None:
        """Constrain to the owners of all ``models``. Laravel: ``BelongsTo::addEagerConstraints()``."""
        key = f"{self.related.get_table()}.{self.owner_key}"
        self.where_in_eager(
            self.where_in_method(self.related, self.owner_key),
            key,
            self.get_eager_model_keys(models),
        )

    def get_eager_model_keys(self, models: t.Iterable[Model]) -> list[t.Any]:
        """Get the unique, sorted, non-null foreign keys of ``models``. Laravel: ``getEagerModelKeys()``."""
        seen: dict[t.Any, t.Any] = {}
        for model in models:
            value = self.get_foreign_key_from(model)
            if value is not None:
                seen.setdefault(self.get_dictionary_key(value), value)
        values = list(seen.values())
        try:
            return sorted(values)
        except TypeError:
            return values

    def init_relation(
        self, models: t.Sequence[Model], relation: str
    ) -> t.Sequence[Model]:
        """Give every child the default model or ``None``. Laravel: ``BelongsTo::initRelation()``."""
        for model in models:
            model.set_relation(relation, self.get_default_for(model))
        return models

    def match(
        self, models: t.Sequence[Model], results: Collection, relation: str
    ) -> t.Sequence[Model]:
        """Set each child's owner. Laravel: ``BelongsTo::match()``."""
        dictionary: dict[t.Any, Model] = {}
        for result in results:
            dictionary[
                self.get_dictionary_key(result.get_attribute(self.owner_key))
            ] = result
        for model in models:
            key = self.get_dictionary_key(self.get_foreign_key_from(model))
            if key in dictionary:
                model.set_relation(relation, dictionary[key])
        return models

    def associate(self, model: Model | t.Any) -> Model:
        """Point the child at ``model`` (or a key) and cache it. Laravel: ``BelongsTo::associate()``."""
        from protevus.database.eloquent.model import Model as ModelClass

        is_model = isinstance(model, ModelClass)
        owner_key = model.get_attribute(self.owner_key) if is_model else model
        self.child.set_attribute(self.foreign_key, owner_key)
        if is_model:
            self.child.set_relation(self.relation_name, model)
        else:
            self.child.unset_relation(self.relation_name)
        return self.child

    def dissociate(self) -> Model:
        """Clear the child's foreign key and cached owner. Laravel: ``BelongsTo::dissociate()``."""
        self.child.set_attribute(self.foreign_key, None)
        self.child.set_relation(self.relation_name, None)
        return self.child

    def disassociate(self) -> Model:
        """Alias of :meth:`dissociate`. Laravel: ``BelongsTo::disassociate()``."""
        return self.dissociate()

    def touch(self) -> None:
        """Touch the owner, when there is one. Laravel: ``BelongsTo::touch()``."""
        if self.get_parent_key() is not None:
            super().touch()

    def get_relation_existence_query(
        self, query: Builder, parent_query: Builder, columns: t.Any = None
    ) -> Builder:
        """Constrain ``query`` (owners) to the outer child row. Laravel: ``getRelationExistenceQuery()``."""
        if parent_query.get_query().from_value == query.get_query().from_value:
            return self.get_relation_existence_query_for_self_relation(
                query, parent_query, columns
            )
        query.select(["*"] if columns is None else columns)
        query.where_column(
            self.get_qualified_foreign_key_name(),
            "=",
            query.qualify_column(self.owner_key),
        )
        return query

    def get_relation_existence_query_for_self_relation(
        self, query: Builder, parent_query: Builder, columns: t.Any = None
    ) -> Builder:
        """Alias the table when child and owner share it. Laravel: ``getRelationExistenceQueryForSelfRelation()``."""
        hash_ = self.get_relation_count_hash()
        query.select(["*"] if columns is None else columns)
        query.from_(f"{query.get_model().get_table()} as {hash_}")
        query.get_model().set_table(hash_)
        query.where_column(
            f"{hash_}.{self.owner_key}", "=", self.get_qualified_foreign_key_name()
        )
        return query

    def get_existence_compare_key(self) -> str:
        """Compare the owner key with the child's foreign key."""
        return self.get_qualified_owner_key_name()

    def relation_has_incrementing_id(self) -> bool:
        """Determine if the owner has an auto-incrementing integer key. Laravel: ``relationHasIncrementingId()``."""
        return bool(
            self.related.get_incrementing()
        ) and self.related.get_key_type() in ("int", "integer")

    def new_related_instance_for(self, parent: Model) -> Model:
        """Make the default owner. Laravel: ``BelongsTo::newRelatedInstanceFor()``."""
        return self.related.new_instance()

    def get_child(self) -> Model:
        """Get the model holding the foreign key. Laravel: ``BelongsTo::getChild()``."""
        return self.child

    def get_foreign_key_name(self) -> str:
        """Get the child's foreign key column (``user_id``). Laravel: ``getForeignKeyName()``."""
        return self.foreign_key

    def get_qualified_foreign_key_name(self) -> str:
        """Get the qualified foreign key (``posts.user_id``). Laravel: ``getQualifiedForeignKeyName()``."""
        return self.child.qualify_column(self.foreign_key)

    def get_parent_key(self) -> t.Any:
        """Get the child's foreign key value. Laravel: ``BelongsTo::getParentKey()``."""
        return self.get_foreign_key_from(self.child)

    def get_owner_key_name(self) -> str:
        """Get the owner's key column (``id``). Laravel: ``getOwnerKeyName()``."""
        return self.owner_key

    def get_qualified_owner_key_name(self) -> str:
        """Get the qualified owner key (``users.id``). Laravel: ``getQualifiedOwnerKeyName()``."""
        return self.related.qualify_column(self.owner_key)

    def get_related_key_from(self, model: Model) -> t.Any:
        """Get ``model``'s owner-key value. Laravel: ``BelongsTo::getRelatedKeyFrom()``."""
        return model.get_attribute(self.owner_key)

    def get_foreign_key_from(self, model: Model) -> t.Any:
        """Get ``model``'s foreign key value (an enum gives its value). Laravel: ``getForeignKeyFrom()``."""
        value = model.get_attribute(self.foreign_key)
        return value.value if isinstance(value, enum.Enum) else value

    def get_relation_name(self) -> str:
        """Get the name of the relation on the child. Laravel: ``BelongsTo::getRelationName()``."""
        return self.relation_name
