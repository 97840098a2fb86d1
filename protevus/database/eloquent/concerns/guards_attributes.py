"""Guard attributes against mass assignment (fillable, guarded, unguard).

Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\GuardsAttributes``.
"""

from __future__ import annotations

import contextvars
import typing as t

from protevus.support.aliases import camel_aliases

_T = t.TypeVar("_T")


#: whether mass assignment is unguarded, per thread and async task: one request's
#: force_fill() or Model.unguarded() never unguards another request's fill().
_UNGUARDED: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "protevus.eloquent.unguarded", default=False
)


@camel_aliases
class GuardsAttributes:
    """Guard attributes against mass assignment (fillable, guarded, unguard).

    ``fillable`` lists what ``fill``/``create`` may set; otherwise ``guarded`` lists
    what they may not (``['*']``, the default, guards everything).

    Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\GuardsAttributes``.
    """

    fillable: t.ClassVar[list[str]] = []
    guarded: t.ClassVar[list[str]] = ["*"]
    #: columns of each model's table, read once to check ``guarded`` names.
    _guardable_columns: t.ClassVar[dict[type, list[str]]] = {}

    if t.TYPE_CHECKING:

        def __getattr__(self, name: str) -> t.Any: ...

    def get_fillable(self) -> list[str]:
        """Get the fillable attribute names. Laravel: ``getFillable()``."""
        return list(self.fillable)

    def merge_fillable(self, fillable: list[str]) -> t.Self:
        """Add fillable attributes to this instance. Laravel: ``mergeFillable()``."""
        current = self.get_fillable()
        object.__setattr__(
            self, "fillable", current + [f for f in fillable if f not in current]
        )
        return self

    def get_guarded(self) -> list[str]:
        """Get the guarded attribute names (``[]`` when ``guarded`` is falsy). Laravel: ``getGuarded()``."""
        return list(self.guarded) if self.guarded else []

    def guard(self, guarded: list[str]) -> t.Self:
        """Set the guarded attributes of this instance. Laravel: ``guard()``."""
        object.__setattr__(self, "guarded", list(guarded))
        return self

    def merge_guarded(self, guarded: list[str]) -> t.Self:
        """Add guarded attributes to this instance. Laravel: ``mergeGuarded()``."""
        current = self.get_guarded()
        object.__setattr__(
            self, "guarded", current + [g for g in guarded if g not in current]
        )
        return self

    @classmethod
    def unguard(cls, state: bool = True) -> None:
        """Turn mass-assignment protection off for every model, in this thread/task.

        Laravel: ``Model::unguard()``.
        """
        _UNGUARDED.set(state)

    @classmethod
    def reguard(cls) -> None:
        """Turn mass-assignment protection back on. Laravel: ``Model::reguard()``."""
        _UNGUARDED.set(False)

    @classmethod
    def is_unguarded(cls) -> bool:
        """Return whether protection is off. Laravel: ``Model::isUnguarded()``."""
        return _UNGUARDED.get()

    @classmethod
    def unguarded(cls, callback: t.Callable[[], _T]) -> _T:
        """Run ``callback`` with protection off, restoring it afterwards. Laravel: ``Model::unguarded()``."""
        if _UNGUARDED.get():
            return callback()
        token = _UNGUARDED.set(True)
        try:
            return callback()
        finally:
            _UNGUARDED.reset(token)

    def is_fillable(self, key: str) -> bool:
        """Return whether ``key`` may be mass assigned. Laravel: ``isFillable()``."""
        if _UNGUARDED.get():
            return True
        fillable = self.get_fillable()
        if key in fillable:
            return True
        if self.is_guarded(key):
            return False
        return not fillable and "." not in key and not key.startswith("_")

    def is_guarded(self, key: str) -> bool:
        """Return whether ``key`` is guarded. Laravel: ``isGuarded()``."""
        guarded = self.get_guarded()
        if not guarded:
            return False
        lowered = key.lower()
        return (
            guarded == ["*"]
            or any(g.lower() == lowered for g in guarded)
            or not self.is_guardable_column(key)
        )

    def is_guardable_column(self, key: str) -> bool:
        """Return whether ``key`` is a real column (guarded lists only guard columns).

        Laravel: ``isGuardableColumn()``.
        """
        # A JSON path (``is_admin->x``) is no column: a guarded list guards it, as in
        # Laravel, so it cannot write a guarded column through its path.
        cls = type(self)
        if cls not in GuardsAttributes._guardable_columns:
            builder = self.get_connection().get_schema_builder()
            columns = list(builder.get_column_listing(self.get_table()))
            if not columns:
                return True
            GuardsAttributes._guardable_columns[cls] = columns
        return key in GuardsAttributes._guardable_columns[cls]

    def totally_guarded(self) -> bool:
        """Return whether nothing is fillable and everything guarded. Laravel: ``totallyGuarded()``."""
        return not self.get_fillable() and self.get_guarded() == ["*"]

    def fillable_from_array(self, attributes: dict[str, t.Any]) -> dict[str, t.Any]:
        """Keep only the fillable keys when ``fillable`` is set. Laravel: ``fillableFromArray()``."""
        fillable = self.get_fillable()
        if fillable and not _UNGUARDED.get():
            return {k: v for k, v in attributes.items() if k in fillable}
        return attributes
