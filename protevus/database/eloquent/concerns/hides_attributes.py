"""Choose which attributes serialize (hidden, visible, appends).

Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HidesAttributes``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import camel_aliases


def _names(values: tuple[t.Any, ...]) -> list[str]:
    out: list[str] = []
    for value in values:
        if isinstance(value, list | tuple | set):
            out.extend(value)
        else:
            out.append(value)
    return out


@camel_aliases
class HidesAttributes:
    """Choose which attributes serialize (hidden, visible, appends).

    Changing them on an instance (``make_visible``, ``set_hidden``...) shadows the
    class lists for that instance only.

    Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HidesAttributes``.
    """

    hidden: t.ClassVar[list[str]] = []
    visible: t.ClassVar[list[str]] = []
    appends: t.ClassVar[list[str]] = []

    if t.TYPE_CHECKING:

        def __getattr__(self, name: str) -> t.Any: ...

    def get_hidden(self) -> list[str]:
        """Get the hidden attribute names. Laravel: ``getHidden()``."""
        return list(self.hidden)

    def set_hidden(self, hidden: list[str]) -> t.Self:
        """Set the hidden attributes of this instance. Laravel: ``setHidden()``."""
        object.__setattr__(self, "hidden", list(hidden))
        return self

    def merge_hidden(self, hidden: list[str]) -> t.Self:
        """Add hidden attributes. Laravel: ``mergeHidden()``."""
        current = self.get_hidden()
        return self.set_hidden(current + [h for h in hidden if h not in current])

    def get_visible(self) -> list[str]:
        """Get the visible attribute names. Laravel: ``getVisible()``."""
        return list(self.visible)

    def set_visible(self, visible: list[str]) -> t.Self:
        """Set the visible attributes of this instance. Laravel: ``setVisible()``."""
        object.__setattr__(self, "visible", list(visible))
        return self

    def merge_visible(self, visible: list[str]) -> t.Self:
        """Add visible attributes. Laravel: ``mergeVisible()``."""
        current = self.get_visible()
        return self.set_visible(current + [v for v in visible if v not in current])

    def make_visible(self, *attributes: t.Any) -> t.Self:
        """Show hidden attributes on this instance. Laravel: ``makeVisible()``."""
        names = _names(attributes)
        self.set_hidden([h for h in self.get_hidden() if h not in names])
        if self.get_visible():
            self.merge_visible(names)
        return self

    def make_visible_if(self, condition: t.Any, *attributes: t.Any) -> t.Self:
        """Show attributes when ``condition`` (a value or a callable on the model) holds.

        Laravel: ``makeVisibleIf()``.
        """
        holds = condition(self) if callable(condition) else condition
        return self.make_visible(*attributes) if holds else self

    def make_hidden(self, *attributes: t.Any) -> t.Self:
        """Hide attributes on this instance. Laravel: ``makeHidden()``."""
        return self.merge_hidden(_names(attributes))

    def make_hidden_if(self, condition: t.Any, *attributes: t.Any) -> t.Self:
        """Hide attributes when ``condition`` holds. Laravel: ``makeHiddenIf()``."""
        holds = condition(self) if callable(condition) else condition
        return self.make_hidden(*attributes) if holds else self

    def get_appends(self) -> list[str]:
        """Get the accessor names appended to the serialized form. Laravel: ``getAppends()``."""
        return list(self.appends)

    def append(self, *attributes: t.Any) -> t.Self:
        """Append accessors to this instance's serialized form. Laravel: ``append()``."""
        current = self.get_appends()
        names = [n for n in _names(attributes) if n not in current]
        object.__setattr__(self, "appends", current + names)
        return self

    def set_appends(self, appends: list[str]) -> t.Self:
        """Set the appended accessors of this instance. Laravel: ``setAppends()``."""
        object.__setattr__(self, "appends", list(appends))
        return self

    def has_appended(self, attribute: str) -> bool:
        """Return whether ``attribute`` is appended. Laravel: ``hasAppended()``."""
        return attribute in self.get_appends()

    def get_arrayable_items(self, values: t.Mapping[str, t.Any]) -> dict[str, t.Any]:
        """Filter a dict by ``visible`` then ``hidden``. Laravel: ``getArrayableItems()``."""
        visible, hidden = self.get_visible(), self.get_hidden()
        items = dict(values)
        if visible:
            items = {k: v for k, v in items.items() if k in visible}
        if hidden:
            items = {k: v for k, v in items.items() if k not in hidden}
        return items

    def get_arrayable_appends(self) -> list[str]:
        """Get the appended names that serialize. Laravel: ``getArrayableAppends()``."""
        appends = self.get_appends()
        if not appends:
            return []
        return list(self.get_arrayable_items({name: name for name in appends}))
