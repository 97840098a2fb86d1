"""Save, update, delete and reload models.

Laravel: the persistence half of ``Illuminate\\Database\\Eloquent\\Model`` (``save()``,
``update()``, ``delete()``, ``destroy()``, ``fresh()``, ``refresh()``, ``replicate()``,
``increment()``...).
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.concerns.has_attributes import class_defines
from protevus.support.aliases import camel_aliases

if t.TYPE_CHECKING:
    from protevus.database.eloquent.builder import Builder

_T = t.TypeVar("_T")


@camel_aliases
class PersistsModels:
    """Save, update, delete and reload models.

    Laravel: ``Model::save()``, ``update()``, ``delete()``, ``destroy()``, ``refresh()``...
    """

    if t.TYPE_CHECKING:

        def __getattr__(self, name: str) -> t.Any: ...

    # -- events and hooks ----------------------------------------------------------

    def _fire(self, event: str, halt: bool = True) -> t.Any:
        """Fire a model event through HasEvents (``False`` when a listener halts it)."""
        return self.fire_model_event(event, halt)

    def _quietly(self, callback: t.Callable[[], _T]) -> _T:
        """Run ``callback`` with model events muted (through ``without_events``)."""
        if class_defines(type(self), "without_events"):
            return t.cast(_T, t.cast(t.Any, type(self)).without_events(callback))
        return callback()

    def _touch_owners(self) -> None:
        self.touch_owners()

    # -- saving ------------------------------------------------------------------------

    def save(self, options: t.Mapping[str, t.Any] | None = None) -> bool:
        """Insert or update the model; ``False`` when a ``saving``/``creating``/``updating`` listener stops it.

        ``options={'touch': False}`` skips touching the ``touches`` owners.
        Laravel: ``Model::save()``.
        """
        options = dict(options or {})
        self.merge_attributes_from_cached_casts()
        query = self.new_model_query()
        if self._fire("saving") is False:
            return False
        if self.exists:
            saved = self.perform_update(query) if self.is_dirty() else True
        else:
            saved = self.perform_insert(query)
            if not self.get_connection_name():
                self.set_connection(query.get_connection().get_name())
        if saved:
            self.finish_save(options)
        return bool(saved)

    def save_quietly(self, options: t.Mapping[str, t.Any] | None = None) -> bool:
        """Save without firing events. Laravel: ``Model::saveQuietly()``."""
        return self._quietly(lambda: self.save(options))

    def save_or_fail(self, options: t.Mapping[str, t.Any] | None = None) -> bool:
        """Save inside a transaction. Laravel: ``Model::saveOrFail()``."""
        return bool(self.get_connection().transaction(lambda: self.save(options)))

    def finish_save(self, options: t.Mapping[str, t.Any]) -> None:
        """Fire ``saved``, touch owners and sync the original attributes. Laravel: ``finishSave()``."""
        self._fire("saved", False)
        if self.is_dirty() and options.get("touch", True):
            self._touch_owners()
        self.sync_original()

    def perform_update(self, query: Builder) -> bool:
        """Write the dirty attributes (firing ``updating``/``updated``). Laravel: ``performUpdate()``."""
        if self._fire("updating") is False:
            return False
        if self.uses_timestamps():
            self.update_timestamps()
        dirty = self.get_dirty_for_update()
        if dirty:
            self.set_keys_for_save_query(query).update(dirty)
            self.sync_changes()
            self._fire("updated", False)
        return True

    def perform_insert(self, query: Builder) -> bool:
        """Insert the model (firing ``creating``/``created``) and set its new key. Laravel: ``performInsert()``."""
        if self.uses_unique_ids():
            self.set_unique_ids()
        if self._fire("creating") is False:
            return False
        if self.uses_timestamps():
            self.update_timestamps()
        attributes = self.get_attributes_for_insert()
        if self.get_incrementing():
            key = self.get_key_name()
            new_id = query.insert_get_id(attributes, key)
            self.set_attribute(key, new_id)
        else:
            if not attributes:
                return True
            query.insert(attributes)
        self.__dict__["exists"] = True
        self.__dict__["was_recently_created"] = True
        self._fire("created", False)
        return True

    def update(
        self,
        attributes: t.Mapping[str, t.Any] | None = None,
        options: t.Mapping[str, t.Any] | None = None,
    ) -> bool:
        """Fill and save an existing model (``False`` for a new one). Laravel: ``Model::update()``."""
        if not self.exists:
            return False
        return bool(self.fill(attributes or {}).save(options))

    def update_quietly(
        self,
        attributes: t.Mapping[str, t.Any] | None = None,
        options: t.Mapping[str, t.Any] | None = None,
    ) -> bool:
        """Update without firing events. Laravel: ``Model::updateQuietly()``."""
        if not self.exists:
            return False
        return bool(self.fill(attributes or {}).save_quietly(options))

    def update_or_fail(
        self,
        attributes: t.Mapping[str, t.Any] | None = None,
        options: t.Mapping[str, t.Any] | None = None,
    ) -> bool:
        """Update inside a transaction. Laravel: ``Model::updateOrFail()``."""
        if not self.exists:
            return False
        return bool(self.fill(attributes or {}).save_or_fail(options))

    def push(self) -> bool:
        """Save the model and every loaded related model. Laravel: ``Model::push()``."""
        if not self.save():
            return False
        for value in self.relations.values():
            models = list(value) if hasattr(value, "all") else [value]
            for model in models:
                if model is not None and hasattr(model, "push") and not model.push():
                    return False
        return True

    def push_quietly(self) -> bool:
        """Push without firing events. Laravel: ``Model::pushQuietly()``."""
        return self._quietly(self.push)

    # -- increment / decrement ----------------------------------------------------------

    def increment(
        self, column: str, amount: t.Any = 1, extra: t.Mapping[str, t.Any] | None = None
    ) -> t.Any:
        """Add ``amount`` to a column in the database and on the model. Laravel: ``Model::increment()``."""
        return self.increment_or_decrement(column, amount, extra, "increment")

    def decrement(
        self, column: str, amount: t.Any = 1, extra: t.Mapping[str, t.Any] | None = None
    ) -> t.Any:
        """Subtract ``amount`` from a column. Laravel: ``Model::decrement()``."""
        return self.increment_or_decrement(column, amount, extra, "decrement")

    def increment_quietly(
        self, column: str, amount: t.Any = 1, extra: t.Mapping[str, t.Any] | None = None
    ) -> t.Any:
        """Increment without firing events. Laravel: ``Model::incrementQuietly()``."""
        return self._quietly(lambda: self.increment(column, amount, extra))

    def decrement_quietly(
        self, column: str, amount: t.Any = 1, extra: t.Mapping[str, t.Any] | None = None
    ) -> t.Any:
        """Decrement without firing events. Laravel: ``Model::decrementQuietly()``."""
        return self._quietly(lambda: self.decrement(column, amount, extra))

    def increment_or_decrement(
        self,
        column: str,
        amount: t.Any,
        extra: t.Mapping[str, t.Any] | None,
        method: str,
    ) -> t.Any:
        """Run an increment or decrement for this row. Laravel: ``incrementOrDecrement()``."""
        extra = dict(extra or {})
        query = self.new_query_without_relationships()
        if not self.exists:
            return getattr(query, method)(column, amount, extra)
        current = self.get_attribute(column) or 0
        step = amount if method == "increment" else -amount
        self.set_attribute(column, current + step)
        self.force_fill(extra)
        if self._fire("updating") is False:
            return False
        result = getattr(self.set_keys_for_save_query(query), method)(
            column, amount, extra
        )
        self.sync_changes()
        self._fire("updated", False)
        self.sync_original_attribute(column)
        for key in extra:
            self.sync_original_attribute(key)
        return result

    # -- deleting ------------------------------------------------------------------------

    def delete(self) -> bool | None:
        """Delete the model (``None`` when it does not exist, ``False`` when a listener stops it).

        Laravel: ``Model::delete()``.
        """
        self.merge_attributes_from_cached_casts()
        if self.get_key_name() is None:
            from protevus.database.exceptions import DatabaseError

            raise DatabaseError(
                f"No primary key defined on model [{t.cast(t.Any, type(self)).class_path()}]: "
                "set primary_key."
            )
        if not self.exists:
            return None
        if self._fire("deleting") is False:
            return False
        self._touch_owners()
        self.perform_delete_on_model()
        self._fire("deleted", False)
        return True

    def delete_quietly(self) -> bool | None:
        """Delete without firing events. Laravel: ``Model::deleteQuietly()``."""
        return self._quietly(self.delete)

    def delete_or_fail(self) -> bool | None:
        """Delete inside a transaction. Laravel: ``Model::deleteOrFail()``."""
        if not self.exists:
            return False
        return t.cast(
            "bool | None", self.get_connection().transaction(lambda: self.delete())
        )

    def force_delete(self) -> bool | None:
        """Delete the row (the same as ``delete`` without soft deletes). Laravel: ``Model::forceDelete()``."""
        return self.delete()

    def perform_delete_on_model(self) -> None:
        """Delete this model's row. Laravel: ``performDeleteOnModel()``."""
        self.set_keys_for_save_query(self.new_model_query()).delete()
        self.__dict__["exists"] = False

    @classmethod
    def destroy(cls, *ids: t.Any) -> int:
        """Delete models by key (each one through ``delete()``, firing events); return how many.

        ``Post.destroy(1)``, ``Post.destroy(1, 2)``, ``Post.destroy([1, 2])``.
        Laravel: ``Model::destroy()``.
        """
        keys: list[t.Any] = []
        for value in ids:
            if hasattr(value, "model_keys"):
                keys.extend(value.model_keys())
            elif hasattr(value, "all") and not isinstance(value, str | bytes):
                keys.extend(value.all())
            elif isinstance(value, list | tuple | set):
                keys.extend(value)
            else:
                keys.append(value)
        if not keys:
            return 0
        instance = t.cast(t.Any, cls)()
        count = 0
        for model in instance.new_query().where_in(instance.get_key_name(), keys).get():
            if model.delete():
                count += 1
        return count

    # -- reloading and copying ---------------------------------------------------------------

    def fresh(self, *with_: t.Any) -> t.Any:
        """Reload a fresh copy of the model from the database (``None`` if gone). Laravel: ``Model::fresh()``."""
        if not self.exists:
            return None
        query = self.set_keys_for_select_query(self.new_query_without_scopes())
        query = query.use_write_pdo()
        relations = [
            r
            for item in with_
            for r in (item if isinstance(item, list | tuple) else [item])
        ]
        if relations:
            query = query.with_(*relations)
        return query.first()

    def refresh(self) -> t.Self:
        """Reload this model's attributes and loaded relations. Laravel: ``Model::refresh()``."""
        if not self.exists:
            return self
        query = self.set_keys_for_select_query(self.new_query_without_scopes())
        fresh = query.use_write_pdo().first_or_fail()
        self.set_raw_attributes(fresh.attributes)
        from protevus.database.eloquent.relations.concerns.as_pivot import AsPivot

        names = [
            name
            for name, value in self.relations.items()
            if not isinstance(value, AsPivot)
        ]
        if names:
            self.load(*names)
        self.sync_original()
        return self

    def replicate(self, except_: t.Iterable[str] | None = None) -> t.Any:
        """Copy the model into a new, unsaved one without its key and timestamps.

        Laravel: ``Model::replicate()``.
        """
        defaults = [
            name
            for name in (
                self.get_key_name(),
                self.get_created_at_column(),
                self.get_updated_at_column(),
                *self.unique_ids(),
                "laravel_through_key",
            )
            if name
        ]
        skip = set(defaults) | set(except_ or ())
        instance = type(self)()
        instance.set_raw_attributes(
            {k: v for k, v in self.get_attributes().items() if k not in skip}
        )
        instance.__dict__["relations"] = dict(self.relations)
        instance._fire("replicating", False)
        return instance

    def replicate_quietly(self, except_: t.Iterable[str] | None = None) -> t.Any:
        """Replicate without firing ``replicating``. Laravel: ``Model::replicateQuietly()``."""
        return self._quietly(lambda: self.replicate(except_))

    # -- comparing -----------------------------------------------------------------------------

    def is_(self, model: t.Any) -> bool:
        """Return whether ``model`` is the same row (key, table and connection). Laravel: ``Model::is()``."""
        return (
            model is not None
            and hasattr(model, "get_key")
            and self.get_key() == model.get_key()
            and self.get_table() == model.get_table()
            and self.get_connection_name() == model.get_connection_name()
        )

    def is_not(self, model: t.Any) -> bool:
        """Return whether ``model`` is another row. Laravel: ``Model::isNot()``."""
        return not self.is_(model)
