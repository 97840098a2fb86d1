"""Write the intermediate table of a many-to-many relation: attach, detach, sync, toggle.

Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\Concerns\\InteractsWithPivotTable``.
"""

from __future__ import annotations

import enum
import typing as t

from protevus.support.aliases import CamelAliases
from protevus.support.collection import Collection as BaseCollection

if t.TYPE_CHECKING:
    from protevus.database.eloquent.relations.pivot import Pivot
    from protevus.database.query.builder import Builder as QueryBuilder

#: One pivot row to write: the related id and the extra column values.
Record = tuple[t.Any, dict[str, t.Any]]


class InteractsWithPivotTable(CamelAliases):
    """Attach, detach, sync and toggle the rows of a many-to-many intermediate table.

    Ids may be given as a model, an Eloquent collection, a list of ids or models, a
    single id, or a dict ``{id: {'column': value}}`` carrying extra pivot columns.

    Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\Concerns\\InteractsWithPivotTable``.
    """

    # State kept by BelongsToMany (declared for the type checker).
    if t.TYPE_CHECKING:
        query: t.Any
        parent: t.Any
        related: t.Any
        table: str
        foreign_pivot_key: str
        related_pivot_key: str
        parent_key: str
        related_key: str
        pivot_columns: list[t.Any]
        pivot_wheres: list[tuple[t.Any, ...]]
        pivot_where_ins: list[tuple[t.Any, ...]]
        pivot_where_nulls: list[tuple[t.Any, ...]]
        pivot_values: list[dict[str, t.Any]]
        using_class: type[Pivot] | None

        def touch_if_touching(self) -> None: ...
        def created_at(self) -> str: ...
        def updated_at(self) -> str: ...
        def get_table(self) -> str: ...
        def get_qualified_foreign_pivot_key_name(self) -> str: ...
        def get_qualified_related_pivot_key_name(self) -> str: ...
        def get_pivot_class(self) -> type[Pivot]: ...

    # -- toggle / sync ---------------------------------------------------------

    def toggle(self, ids: t.Any, touch: bool = True) -> dict[str, list[t.Any]]:
        """Detach the given ids that are attached and attach the others.

        Returns ``{'attached': [...], 'detached': [...]}``.
        Laravel: ``BelongsToMany::toggle()``.
        """
        changes: dict[str, list[t.Any]] = {"attached": [], "detached": []}
        records = self._format_records_list(ids)
        current = {
            self._key_token(key): key
            for key in self.new_pivot_query().pluck(self.related_pivot_key).all()
        }
        detach = [id_ for id_, _ in records if self._key_token(id_) in current]
        if detach:
            self.detach(detach, False)
            changes["detached"] = self.cast_keys(detach)
        detached = {self._key_token(id_) for id_ in detach}
        attach = [
            (id_, attrs)
            for id_, attrs in records
            if self._key_token(id_) not in detached
        ]
        if attach:
            self.attach(dict(attach), {}, False)
            changes["attached"] = [id_ for id_, _ in attach]
        if touch and (changes["attached"] or changes["detached"]):
            self.touch_if_touching()
        return changes

    def sync_without_detaching(self, ids: t.Any) -> dict[str, list[t.Any]]:
        """Attach the missing ids and update the given pivot values, detaching nothing.

        Laravel: ``BelongsToMany::syncWithoutDetaching()``.
        """
        return self.sync(ids, False)

    def sync(self, ids: t.Any, detaching: bool = True) -> dict[str, list[t.Any]]:
        """Make the given ids the only attached ones (with their pivot values).

        Returns ``{'attached': [...], 'detached': [...], 'updated': [...]}`` with the
        ids cast to the related model's key type.
        Laravel: ``BelongsToMany::sync()``.
        """
        changes: dict[str, list[t.Any]] = {
            "attached": [],
            "detached": [],
            "updated": [],
        }
        current = [
            pivot.get_attribute(self.related_pivot_key)
            for pivot in self.get_currently_attached_pivots()
        ]
        records = self._format_records_list(ids)
        if detaching:
            wanted = {self._key_token(id_) for id_, _ in records}
            detach = [key for key in current if self._key_token(key) not in wanted]
            if detach:
                self.detach(detach, False)
                changes["detached"] = self.cast_keys(detach)
        changes.update(self._attach_new(records, current, False))
        if changes["attached"] or changes["updated"] or changes["detached"]:
            self.touch_if_touching()
        return changes

    def sync_with_pivot_values(
        self, ids: t.Any, values: t.Mapping[str, t.Any], detaching: bool = True
    ) -> dict[str, list[t.Any]]:
        """Sync the given ids, giving each the same pivot column values.

        Laravel: ``BelongsToMany::syncWithPivotValues()``.
        """
        return self.sync({id_: dict(values) for id_ in self.parse_ids(ids)}, detaching)

    def _format_records_list(self, ids: t.Any) -> list[Record]:
        """Turn the ids given to sync/toggle into ``(id, attributes)`` pairs."""
        parsed = self.parse_ids(ids)
        pairs: list[Record] = []
        items = parsed.items() if isinstance(parsed, dict) else enumerate(parsed)
        for key, attributes in items:
            if isinstance(attributes, t.Mapping):
                id_, attrs = key, dict(attributes)
            else:
                id_, attrs = attributes, {}
            if isinstance(id_, enum.Enum):
                id_ = id_.value
            pairs.append((id_, attrs))
        return pairs

    def _attach_new(
        self, records: list[Record], current: list[t.Any], touch: bool = True
    ) -> dict[str, list[t.Any]]:
        """Attach the records not in ``current``; update the pivot values of the others."""
        changes: dict[str, list[t.Any]] = {"attached": [], "updated": []}
        attached = {self._key_token(key) for key in current}
        for id_, attributes in records:
            if self._key_token(id_) not in attached:
                self.attach(id_, attributes, touch)
                changes["attached"].append(self.cast_key(id_))
            elif attributes and self.update_existing_pivot(id_, attributes, touch):
                changes["updated"].append(self.cast_key(id_))
        return changes

    # -- update ----------------------------------------------------------------

    def update_existing_pivot(
        self, id: t.Any, attributes: t.Mapping[str, t.Any], touch: bool = True
    ) -> int:
        """Update the pivot row of a related id; return the number of rows changed.

        Laravel: ``BelongsToMany::updateExistingPivot()``.
        """
        attributes = dict(attributes)
        if self.using_class is not None and not self._has_pivot_constraints():
            return self._update_existing_pivot_using_custom_class(id, attributes, touch)
        if self.has_pivot_column(self.updated_at()):
            attributes = self._add_timestamps_to_attachment(attributes, True)
        updated = int(
            self.new_pivot_statement_for_id(self.parse_id(id)).update(
                self._cast_attributes(attributes)
            )
        )
        if touch:
            self.touch_if_touching()
        return updated

    def _update_existing_pivot_using_custom_class(
        self, id: t.Any, attributes: dict[str, t.Any], touch: bool
    ) -> int:
        target = self._key_token(self.parse_id(id))
        pivot = next(
            (
                p
                for p in self.get_currently_attached_pivots()
                if self._key_token(p.get_attribute(self.related_pivot_key)) == target
            ),
            None,
        )
        updated = False
        if pivot is not None:
            pivot.fill(attributes)
            updated = bool(pivot.is_dirty())
            if updated:
                pivot.save()
        if touch:
            self.touch_if_touching()
        return int(updated)

    # -- attach ----------------------------------------------------------------

    def attach(
        self,
        id: t.Any,
        attributes: t.Mapping[str, t.Any] | None = None,
        touch: bool = True,
    ) -> None:
        """Insert pivot rows tying the parent to the given related ids.

        ``attach(1)``, ``attach([1, 2], {'expires': d})``, ``attach(tag)``,
        ``attach({1: {'expires': d}, 2: {}})``.
        Laravel: ``BelongsToMany::attach()``.
        """
        records = self._format_attach_records(
            self.parse_ids(id), dict(attributes or {})
        )
        if self.using_class is not None:
            for record in records:
                self.new_pivot(record, False).save()
        else:
            # One insert per column set: rows with different extra columns cannot share
            # a VALUES list (Laravel sends one insert and the database rejects it).
            shapes: dict[tuple[str, ...], list[dict[str, t.Any]]] = {}
            for record in records:
                shapes.setdefault(tuple(sorted(record)), []).append(record)
            for rows in shapes.values():
                self.new_pivot_statement().insert(rows)
        if touch:
            self.touch_if_touching()

    def _format_attach_records(
        self, ids: list[t.Any] | dict[t.Any, t.Any], attributes: dict[str, t.Any]
    ) -> list[dict[str, t.Any]]:
        timed = self.has_pivot_column(self.created_at()) or self.has_pivot_column(
            self.updated_at()
        )
        items = ids.items() if isinstance(ids, dict) else enumerate(ids)
        records = []
        for key, value in items:
            if isinstance(value, t.Mapping):
                id_, extra = key, {**value, **attributes}
            else:
                id_, extra = value, attributes
            if isinstance(id_, enum.Enum):
                id_ = id_.value
            records.append(
                {**self._base_attach_record(id_, timed), **self._cast_attributes(extra)}
            )
        return records

    def _base_attach_record(self, id: t.Any, timed: bool) -> dict[str, t.Any]:
        record: dict[str, t.Any] = {
            self.related_pivot_key: id,
            self.foreign_pivot_key: self.parent.get_attribute(self.parent_key),
        }
        if timed:
            record = self._add_timestamps_to_attachment(record)
        for value in self.pivot_values:
            record[value["column"]] = value["value"]
        return record

    def _add_timestamps_to_attachment(
        self, record: dict[str, t.Any], exists: bool = False
    ) -> dict[str, t.Any]:
        fresh = self.parent.fresh_timestamp()
        if self.using_class is not None:
            fresh = self.using_class().from_date_time(fresh)
        if not exists and self.has_pivot_column(self.created_at()):
            record[self.created_at()] = fresh
        if self.has_pivot_column(self.updated_at()):
            record[self.updated_at()] = fresh
        return record

    def has_pivot_column(self, column: str) -> bool:
        """Return whether ``column`` is one of the pivot columns the relation selects.

        Laravel: ``BelongsToMany::hasPivotColumn()``.
        """
        return column in self.pivot_columns

    # -- detach ----------------------------------------------------------------

    def detach(self, ids: t.Any = None, touch: bool = True) -> int:
        """Delete the pivot rows of the given related ids (all of them when None).

        Returns the number of rows deleted. Laravel: ``BelongsToMany::detach()``.
        """
        if (
            self.using_class is not None
            and ids is not None
            and not _empty(ids)
            and not self._has_pivot_constraints()
        ):
            results = self._detach_using_custom_class(ids)
        else:
            query = self.new_pivot_query()
            if ids is not None:
                parsed = _values(self.parse_ids(ids))
                if not parsed:
                    return 0
                query.where_in(self.get_qualified_related_pivot_key_name(), parsed)
            results = int(query.delete())
        if touch:
            self.touch_if_touching()
        return results

    def _detach_using_custom_class(self, ids: t.Any) -> int:
        results = 0
        parent_value = self.parent.get_attribute(self.parent_key)
        for id_ in _values(self.parse_ids(ids)):
            pivot = self.new_pivot(
                {self.foreign_pivot_key: parent_value, self.related_pivot_key: id_},
                True,
            )
            results += int(pivot.delete() or 0)
        return results

    def _has_pivot_constraints(self) -> bool:
        return bool(self.pivot_wheres or self.pivot_where_ins or self.pivot_where_nulls)

    # -- pivot models and queries ----------------------------------------------

    def get_currently_attached_pivots(self) -> BaseCollection:
        """Return the pivot rows of the parent as pivot models.

        Laravel: ``BelongsToMany::getCurrentlyAttachedPivots()``.
        """
        pivot_class = self.get_pivot_class()
        pivots = []
        for row in self.new_pivot_query().get():
            pivot = pivot_class.from_raw_attributes(
                self.parent, dict(row), self.get_table(), True, self.related
            )
            pivots.append(
                self._prepare_pivot(
                    pivot.set_pivot_keys(self.foreign_pivot_key, self.related_pivot_key)
                )
            )
        return BaseCollection(pivots)

    def _prepare_pivot(self, pivot: Pivot) -> Pivot:
        """Give a pivot model relation-specific state (MorphToMany sets the morph type)."""
        return pivot

    def new_pivot(
        self, attributes: t.Mapping[str, t.Any] | None = None, exists: bool = False
    ) -> Pivot:
        """Make a pivot model for this relation's table (the ``using`` class if set).

        Laravel: ``BelongsToMany::newPivot()``.
        """
        values = {value["column"]: value["value"] for value in self.pivot_values}
        values.update(attributes or {})
        pivot_class = self.get_pivot_class()
        if self.using_class is not None:
            pivot = pivot_class.from_raw_attributes(
                self.parent, values, self.table, exists, self.related
            )
        else:
            pivot = pivot_class.from_attributes(
                self.parent, values, self.table, exists, self.related
            )
        pivot.set_pivot_keys(self.foreign_pivot_key, self.related_pivot_key)
        return self._prepare_pivot(pivot)

    def new_existing_pivot(
        self, attributes: t.Mapping[str, t.Any] | None = None
    ) -> Pivot:
        """Make a pivot model marked as existing. Laravel: ``BelongsToMany::newExistingPivot()``."""
        return self.new_pivot(attributes, True)

    def new_pivot_statement(self) -> QueryBuilder:
        """Return a plain query builder on the pivot table.

        Laravel: ``BelongsToMany::newPivotStatement()``.
        """
        return t.cast(
            "QueryBuilder", self.query.get_query().new_query().from_(self.table)
        )

    def new_pivot_statement_for_id(self, id: t.Any) -> QueryBuilder:
        """Return a pivot query for the parent's rows of the given related id(s).

        Laravel: ``BelongsToMany::newPivotStatementForId()``.
        """
        return self.new_pivot_query().where_in(
            self.related_pivot_key, _values(self.parse_ids(id))
        )

    def new_pivot_query(self) -> QueryBuilder:
        """Return a pivot query limited to the parent's rows and the pivot constraints.

        Laravel: ``BelongsToMany::newPivotQuery()``.
        """
        query = self.new_pivot_statement()
        for arguments in self.pivot_wheres:
            query.where(*arguments)
        for arguments in self.pivot_where_ins:
            query.where_in(*arguments)
        for arguments in self.pivot_where_nulls:
            query.where_null(*arguments)
        return query.where(
            self.get_qualified_foreign_pivot_key_name(),
            self.parent.get_attribute(self.parent_key),
        )

    def with_pivot(self, *columns: t.Any) -> t.Self:
        """Select extra pivot columns into each model's ``pivot``.

        ``with_pivot('active', 'created_by')`` or ``with_pivot(['active'])``.
        Laravel: ``BelongsToMany::withPivot()``.
        """
        for column in columns:
            if isinstance(column, list | tuple):
                self.pivot_columns.extend(column)
            else:
                self.pivot_columns.append(column)
        return self

    # -- ids -------------------------------------------------------------------

    def parse_ids(self, value: t.Any) -> list[t.Any] | dict[t.Any, t.Any]:
        """Return the related ids in ``value`` (a dict keeps its per-id pivot values).

        Laravel: ``BelongsToMany::parseIds()``.
        """
        from protevus.database.eloquent.model import Model

        if isinstance(value, Model):
            return [value.get_attribute(self.related_key)]
        if isinstance(value, BaseCollection):
            value = value.all()
        if isinstance(value, t.Mapping):
            return {
                key: self.parse_id(item) if isinstance(item, Model) else item
                for key, item in value.items()
            }
        if isinstance(value, list | tuple | set | frozenset):
            return [self.parse_id(item) for item in value]
        return [value]

    def parse_id(self, value: t.Any) -> t.Any:
        """Return the related key of a model, or the value itself.

        Laravel: ``BelongsToMany::parseId()``.
        """
        from protevus.database.eloquent.model import Model

        if isinstance(value, Model):
            return value.get_attribute(self.related_key)
        return value

    def cast_keys(self, keys: t.Iterable[t.Any]) -> list[t.Any]:
        """Cast each key to the related model's key type. Laravel: ``castKeys()``."""
        return [self.cast_key(key) for key in keys]

    def cast_key(self, key: t.Any) -> t.Any:
        """Cast a key to the related model's key type (``int`` keys become ints).

        Laravel: ``BelongsToMany::castKey()``.
        """
        key_type = str(getattr(self.related, "key_type", "int")).lower()
        try:
            if key_type in ("int", "integer"):
                return int(key)
            if key_type in ("real", "float", "double"):
                return float(key)
            if key_type == "string":
                return str(key)
        except (TypeError, ValueError):
            return key
        return key

    def _key_token(self, key: t.Any) -> t.Any:
        """Return a comparable form of a key (PHP compares ``'1'`` and ``1`` equal)."""
        if isinstance(key, enum.Enum):
            key = key.value
        if isinstance(key, bool):
            return str(int(key))
        if isinstance(key, float) and key.is_integer():
            return str(int(key))
        return str(key)

    def _cast_attributes(self, attributes: dict[str, t.Any]) -> dict[str, t.Any]:
        """Run extra pivot values through the ``using`` class's casts, if any."""
        if self.using_class is None:
            return attributes
        pivot = self.new_pivot()
        pivot.fill(attributes)
        return dict(pivot.get_attributes())


def _values(ids: list[t.Any] | dict[t.Any, t.Any]) -> list[t.Any]:
    """Return the ids of a parsed list, or the keys of a parsed ``{id: attributes}`` dict."""
    if isinstance(ids, dict):
        return [
            key if isinstance(value, t.Mapping) else value for key, value in ids.items()
        ]
    return list(ids)


def _empty(ids: t.Any) -> bool:
    if isinstance(ids, BaseCollection):
        return len(ids) == 0
    if isinstance(ids, list | tuple | set | frozenset | dict):
        return len(ids) == 0
    return not ids and ids != 0
