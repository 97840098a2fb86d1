"""The ``attributes`` bag of a Blade component: the HTML attributes that are not props.

Laravel: ``Illuminate\\View\\ComponentAttributeBag``. Values are plain Python values;
the bag escapes them when it is printed (``{{ attributes }}``), except values that are
already :class:`markupsafe.Markup`. ``True`` prints the bare attribute name, ``False``
and ``None`` leave the attribute out.
"""

from __future__ import annotations

import re
import typing as t
from collections.abc import Mapping

from markupsafe import Markup
from markupsafe import escape

from protevus.support.aliases import CamelAliases
from protevus.support.macroable import Macroable
from protevus.view.blade.loop import blade_classes
from protevus.view.blade.loop import blade_styles

#: Attributes whose values ``merge()`` appends to the defaults instead of replacing them.
_APPENDABLE = ("class", "style")


class AppendableAttributeValue:
    """Mark a ``merge()`` default that goes before the given value instead of being replaced by it.

    Laravel: ``Illuminate\\View\\AppendableAttributeValue`` (``$attributes->prepends()``).
    """

    __slots__ = ("value",)

    def __init__(self, value: t.Any) -> None:
        self.value = value

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:
        return f"AppendableAttributeValue({self.value!r})"


def _keys(keys: t.Any) -> list[str]:
    if isinstance(keys, str):
        return [keys]
    return [str(key) for key in keys]


def _join(parts: t.Sequence[t.Any]) -> t.Any:
    """Join attribute values with spaces, dropping empty and repeated ones (Laravel: ``implode(' ', array_unique(array_filter(...)))``)."""
    seen: list[t.Any] = []
    for part in parts:
        if part in (None, False, "") or part in seen:
            continue
        seen.append(part)
    if any(isinstance(part, Markup) for part in seen):
        return Markup(" ").join(seen)
    return " ".join(str(part) for part in seen)


class AuthoredValue(str):
    """Attribute text written in the template itself (``<x-link title="Tom &amp; Jerry">``).

    The bag prints it as written (only ``"`` is escaped), as Laravel does for static
    attributes; ``{{ title }}`` inside the component still escapes it like any string.
    Values from expressions (``:title="user.name"``) are plain strings and are escaped.
    """

    __slots__ = ()


def blade_authored(*parts: t.Any) -> AuthoredValue:
    """Join a static attribute's parts: written text as is, ``{{ }}`` parts already escaped."""
    return AuthoredValue("".join(str(part) for part in parts))


def _value_html(value: t.Any) -> str:
    if isinstance(value, AuthoredValue):
        return str.strip(value).replace('"', "&quot;")
    if isinstance(value, Markup) or hasattr(value, "__html__"):
        return str(value.__html__()).strip().replace('"', "&quot;")
    return str(escape(str(value).strip()))


class ComponentAttributeBag(Mapping[str, t.Any], Macroable, CamelAliases):
    """Hold a component's HTML attributes and print them as ``key="value"`` pairs.

    Laravel: ``Illuminate\\View\\ComponentAttributeBag`` (``merge()``, ``class()``,
    ``only()``, ``except()``, ``filter()``, ``whereStartsWith()``, ``has()``, ``get()``,
    ``prepends()``). It is a read-only mapping: methods return new bags.
    """

    def __init__(self, attributes: t.Mapping[str, t.Any] | None = None) -> None:
        self.attributes: dict[str, t.Any] = dict(attributes or {})

    # -- mapping ------------------------------------------------------------------

    def __getitem__(self, key: str) -> t.Any:
        return self.attributes[key]

    def __iter__(self) -> t.Iterator[str]:
        return iter(self.attributes)

    def __len__(self) -> int:
        return len(self.attributes)

    def __contains__(self, key: object) -> bool:
        return key in self.attributes

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ComponentAttributeBag):
            return self.attributes == other.attributes
        if isinstance(other, Mapping):
            return self.attributes == dict(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    # -- reading --------------------------------------------------------------------

    def get(self, key: str, default: t.Any = None) -> t.Any:
        """Get an attribute's value, or ``default``. Laravel: ``ComponentAttributeBag::get()``."""
        return self.attributes.get(key, default)

    def first(self, default: t.Any = None) -> t.Any:
        """Get the first attribute's value, or ``default``. Laravel: ``ComponentAttributeBag::first()``."""
        return next(iter(self.attributes.values()), default)

    def has(self, key: str | t.Iterable[str]) -> bool:
        """Tell whether every given attribute is present. Laravel: ``ComponentAttributeBag::has()``."""
        return all(name in self.attributes for name in _keys(key))

    def has_any(self, key: str | t.Iterable[str]) -> bool:
        """Tell whether any given attribute is present. Laravel: ``ComponentAttributeBag::hasAny()``."""
        return any(name in self.attributes for name in _keys(key))

    def missing(self, key: str) -> bool:
        """Tell whether an attribute is absent. Laravel: ``ComponentAttributeBag::missing()``."""
        return key not in self.attributes

    def is_empty(self) -> bool:
        """Tell whether the bag holds no attribute. Laravel: ``ComponentAttributeBag::isEmpty()``."""
        return not self.attributes

    def is_not_empty(self) -> bool:
        """Tell whether the bag holds an attribute. Laravel: ``ComponentAttributeBag::isNotEmpty()``."""
        return bool(self.attributes)

    def get_attributes(self) -> dict[str, t.Any]:
        """Return a copy of the attributes. Laravel: ``ComponentAttributeBag::getAttributes()``."""
        return dict(self.attributes)

    def all(self) -> dict[str, t.Any]:
        """Return a copy of the attributes. Laravel: ``ComponentAttributeBag::all()``."""
        return dict(self.attributes)

    # -- narrowing ----------------------------------------------------------------------

    def only(self, keys: str | t.Iterable[str]) -> ComponentAttributeBag:
        """Keep only the given attributes. Laravel: ``ComponentAttributeBag::only()``."""
        wanted = set(_keys(keys))
        return self._new({k: v for k, v in self.attributes.items() if k in wanted})

    def except_(self, keys: str | t.Iterable[str]) -> ComponentAttributeBag:
        """Drop the given attributes. Laravel: ``ComponentAttributeBag::except()``."""
        unwanted = set(_keys(keys))
        return self._new(
            {k: v for k, v in self.attributes.items() if k not in unwanted}
        )

    def filter(
        self, callback: t.Callable[[t.Any, str], t.Any]
    ) -> ComponentAttributeBag:
        """Keep the attributes for which ``callback(value, key)`` is truthy. Laravel: ``ComponentAttributeBag::filter()``."""
        return self._new({k: v for k, v in self.attributes.items() if callback(v, k)})

    def where_starts_with(
        self, needles: str | t.Iterable[str]
    ) -> ComponentAttributeBag:
        """Keep the attributes whose name starts with a needle. Laravel: ``ComponentAttributeBag::whereStartsWith()``."""
        prefixes = tuple(_keys(needles))
        return self.filter(lambda value, key: key.startswith(prefixes))

    def where_doesnt_start_with(
        self, needles: str | t.Iterable[str]
    ) -> ComponentAttributeBag:
        """Drop the attributes whose name starts with a needle. Laravel: ``ComponentAttributeBag::whereDoesntStartWith()``."""
        prefixes = tuple(_keys(needles))
        return self.filter(lambda value, key: not key.startswith(prefixes))

    def that_start_with(self, needles: str | t.Iterable[str]) -> ComponentAttributeBag:
        """Keep the attributes whose name starts with a needle. Laravel: ``ComponentAttributeBag::thatStartWith()``."""
        return self.where_starts_with(needles)

    def only_props(self, keys: t.Iterable[str]) -> ComponentAttributeBag:
        """Keep the attributes that are the given props, in any spelling (``message_type``, ``message-type``, ``messageType``).

        Laravel: ``ComponentAttributeBag::onlyProps()``.
        """
        return self.only(prop_spellings(keys))

    def except_props(self, keys: t.Iterable[str]) -> ComponentAttributeBag:
        """Drop the attributes that are the given props, in any spelling. Laravel: ``ComponentAttributeBag::exceptProps()``."""
        return self.except_(prop_spellings(keys))

    # -- merging --------------------------------------------------------------------------

    def merge(
        self, defaults: t.Mapping[str, t.Any] | None = None, escape: bool = True
    ) -> ComponentAttributeBag:
        """Return the attributes over ``defaults``: ``class`` and ``style`` append to the default, others replace it.

        ``attributes.merge({'class': 'alert', 'type': 'button'})``. A default made with
        :meth:`prepends` is put before the given value. ``escape`` is accepted for
        Laravel parity; this bag escapes every value when it is printed.
        Laravel: ``ComponentAttributeBag::merge()``.
        """
        defaults = dict(defaults or {})
        appendable: dict[str, t.Any] = {}
        others: dict[str, t.Any] = {}
        for key, value in self.attributes.items():
            if key in _APPENDABLE or isinstance(
                defaults.get(key), AppendableAttributeValue
            ):
                appendable[key] = value
            else:
                others[key] = value
        merged: dict[str, t.Any] = {}
        for key, value in appendable.items():
            default = defaults.get(key, "")
            if isinstance(default, AppendableAttributeValue):
                default = default.value
            if key == "style" and value and not str(value).rstrip().endswith(";"):
                value = value + ";" if isinstance(value, str) else f"{value};"
            merged[key] = _join([default, value])
        for key, default in defaults.items():
            if isinstance(default, AppendableAttributeValue):
                defaults[key] = default.value
        return self._new({**defaults, **merged, **others})

    def __call__(
        self, defaults: t.Mapping[str, t.Any] | None = None
    ) -> ComponentAttributeBag:
        """Merge ``defaults``, as ``attributes({'class': 'x'})`` does in Laravel."""
        return self.merge(defaults)

    def class_(self, classes: t.Any) -> ComponentAttributeBag:
        """Merge the CSS classes whose condition holds into ``class``.

        ``attributes.class_(['p-4', {'bg-red': has_error}])`` or
        ``attributes.class_({'p-4': True, 'bg-red': has_error})``.
        Laravel: ``ComponentAttributeBag::class()``.
        """
        return self.merge({"class": blade_classes(classes)})

    def style(self, styles: t.Any) -> ComponentAttributeBag:
        """Merge the CSS declarations whose condition holds into ``style``. Laravel: ``ComponentAttributeBag::style()``."""
        return self.merge({"style": blade_styles(styles)})

    def prepends(self, value: t.Any) -> AppendableAttributeValue:
        """Mark a ``merge()`` default that goes before the given value. Laravel: ``ComponentAttributeBag::prepends()``."""
        return AppendableAttributeValue(value)

    def set_attributes(self, attributes: t.Mapping[str, t.Any]) -> None:
        """Replace the attributes; an ``attributes`` entry holding a bag is merged in first.

        Laravel: ``ComponentAttributeBag::setAttributes()``.
        """
        attributes = dict(attributes)
        parent = attributes.pop("attributes", None)
        if isinstance(parent, ComponentAttributeBag):
            attributes = parent.merge(attributes).attributes
        self.attributes = attributes

    # -- printing ---------------------------------------------------------------------------

    def to_html(self) -> str:
        """Return the attributes as HTML. Laravel: ``ComponentAttributeBag::toHtml()``."""
        return str(self)

    def __str__(self) -> str:
        parts: list[str] = []
        for key, value in self.attributes.items():
            if value is None or value is False:
                continue
            if value is True:
                parts.append(str(escape(key)))
                continue
            parts.append(f'{escape(key)}="{_value_html(value)}"')
        return " ".join(parts)

    def __html__(self) -> str:
        return str(self)

    def __repr__(self) -> str:
        return f"ComponentAttributeBag({self.attributes!r})"

    def _new(self, attributes: dict[str, t.Any]) -> ComponentAttributeBag:
        return type(self)(attributes)


_CAMEL = re.compile(r"(?<=[a-z0-9])([A-Z])")


def snake_attribute(name: str) -> str:
    """Return the snake_case variable name for an attribute (``message-type``/``messageType`` → ``message_type``)."""
    return _CAMEL.sub(r"_\1", name).replace("-", "_").lower()


def prop_spellings(names: t.Iterable[str]) -> list[str]:
    """Return every attribute spelling of the given prop names (snake, kebab and camel)."""
    spellings: list[str] = []
    for name in names:
        snake = snake_attribute(name)
        head, *rest = snake.split("_")
        camel = head + "".join(part[:1].upper() + part[1:] for part in rest)
        spellings.extend(dict.fromkeys((name, snake, snake.replace("_", "-"), camel)))
    return spellings
