"""The base class of class-based Blade components (``app/view/components/alert.py``).

Laravel: ``Illuminate\\View\\Component``. A component's constructor receives the
tag's attributes that match its parameters (``message-type`` → ``message_type``);
the other attributes land in ``self.attributes``. ``render()`` returns a view name
(``'components.alert'``), an inline Blade template, a Jinja template or a callable;
the view sees the component's public attributes and public methods.
"""

from __future__ import annotations

import inspect
import typing as t

from protevus.support.aliases import CamelAliases
from protevus.support.aliases import camel_name
from protevus.view.component_attribute_bag import ComponentAttributeBag


class InvokableComponentVariable(CamelAliases):
    """Expose a component method without parameters so ``{{ label }}`` and ``{{ label() }}`` both work.

    Laravel: ``Illuminate\\View\\InvokableComponentVariable``.
    """

    __slots__ = ("callback",)

    def __init__(self, callback: t.Callable[[], t.Any]) -> None:
        self.callback = callback

    def resolve_displayable_value(self) -> t.Any:
        """Call the method and return its result. Laravel: ``resolveDisplayableValue()``."""
        return self.callback()

    def __call__(self, *args: t.Any, **kwargs: t.Any) -> t.Any:
        return self.callback(*args, **kwargs)

    def __str__(self) -> str:
        return str(self.callback())

    def __bool__(self) -> bool:
        return bool(self.callback())

    def __iter__(self) -> t.Iterator[t.Any]:
        return iter(self.callback())

    def __eq__(self, other: object) -> bool:
        return bool(self.callback() == other)

    __hash__ = None  # type: ignore[assignment]

    def __getattr__(self, name: str) -> t.Any:
        return getattr(self.callback(), name)


class Component(CamelAliases):
    """Subclass this for a class-based component and define ``render()``.

    ::

        class Alert(Component):
            def __init__(self, type: str = 'info', message: str = '') -> None:
                self.type = type
                self.message = message

            def is_error(self) -> bool:
                return self.type == 'error'

            def render(self) -> str:
                return 'components.alert'

    Laravel: ``Illuminate\\View\\Component``.
    """

    #: The tag's attributes that are not constructor arguments.
    attributes: ComponentAttributeBag | None = None
    #: The name the component was used with (``'forms.input'``).
    component_name: str | None = None
    #: Public attributes and methods not to pass to the view (Laravel: ``$except``).
    except_: t.ClassVar[t.Sequence[str]] = ()

    def render(self) -> t.Any:
        """Return the view that renders the component: a view name, a template string, a Jinja template or a callable.

        A callable receives ``{'component_name', 'attributes', 'slot'}`` and returns a
        view name or a template string. Laravel: ``Component::render()``.
        """
        raise NotImplementedError(
            f"The component [{type(self).__module__}.{type(self).__qualname__}] must "
            "define render(), returning a view name such as 'components.alert'."
        )

    def should_render(self) -> bool:
        """Tell whether the component renders at all. Laravel: ``Component::shouldRender()``."""
        return True

    def resolve_view(self) -> t.Any:
        """Return what ``render()`` returns. Laravel: ``Component::resolveView()``."""
        return self.render()

    def with_name(self, name: str) -> Component:
        """Set the name the component was used with. Laravel: ``Component::withName()``."""
        self.component_name = name
        return self

    def with_attributes(self, attributes: t.Mapping[str, t.Any]) -> Component:
        """Set the extra attributes (merging a passed ``attributes`` bag). Laravel: ``Component::withAttributes()``."""
        if self.attributes is None:
            self.attributes = ComponentAttributeBag()
        self.attributes.set_attributes(attributes)
        return self

    def data(self) -> dict[str, t.Any]:
        """Return the variables of the component's view: public attributes, public methods and ``attributes``.

        Laravel: ``Component::data()``.
        """
        hidden = _hidden_names(type(self))
        data = {
            key: value
            for key, value in vars(self).items()
            if not key.startswith("_") and key not in hidden
        }
        members, methods = _public_members(type(self))
        for name in members:
            data[name] = getattr(self, name)
        for name, takes_args in methods:
            method = getattr(self, name)
            data[name] = method if takes_args else InvokableComponentVariable(method)
        data["attributes"] = (
            self.attributes if self.attributes is not None else ComponentAttributeBag()
        )
        return data

    @classmethod
    def ignored_parameter_names(cls) -> list[str]:
        """Return the constructor's parameter names (never treated as HTML attributes).

        Laravel: ``Component::ignoredParameterNames()``.
        """
        return [name for name, _ in constructor_parameters(cls)[0]]


_BASE_NAMES = frozenset(
    name for name in dir(Component) if not name.startswith("_")
) | frozenset({"attributes", "component_name", "except_"})

_MEMBERS: dict[type, tuple[list[str], list[tuple[str, bool]]]] = {}
_HIDDEN: dict[type, frozenset[str]] = {}
_PARAMETERS: dict[type, tuple[list[tuple[str, bool]], bool]] = {}


def _hidden_names(cls: type[Component]) -> frozenset[str]:
    hidden = _HIDDEN.get(cls)
    if hidden is None:
        hidden = _HIDDEN[cls] = _BASE_NAMES | frozenset(cls.except_)
    return hidden


def _public_members(
    cls: type[Component],
) -> tuple[list[str], list[tuple[str, bool]]]:
    """Return (public class attributes and properties, public methods with whether they take arguments), once per class."""
    cached = _MEMBERS.get(cls)
    if cached is not None:
        return cached
    hidden = _hidden_names(cls)
    members: list[str] = []
    methods: list[tuple[str, bool]] = []
    seen: set[str] = set()
    for klass in cls.__mro__:
        if klass is Component or not issubclass(klass, Component):
            continue
        own = vars(klass)
        aliases = {camel_name(name) for name in own} - {None}
        for name, attr in own.items():
            if name.startswith("_") or name in hidden or name in seen:
                continue
            if name in aliases:
                continue
            seen.add(name)
            if isinstance(attr, (staticmethod, classmethod)):
                attr = attr.__func__
            if isinstance(attr, property):
                members.append(name)
            elif inspect.isfunction(attr):
                parameters = list(inspect.signature(attr).parameters.values())
                methods.append((name, len(parameters) > 1))
            elif not isinstance(attr, type):
                members.append(name)
    _MEMBERS[cls] = (members, methods)
    return members, methods


def constructor_parameters(cls: type) -> tuple[list[tuple[str, bool]], bool]:
    """Return ``([(name, required)], accepts_kwargs)`` for the constructor of ``cls``, once per class."""
    cached = _PARAMETERS.get(cls)
    if cached is not None:
        return cached
    init = cls.__init__  # type: ignore[misc]
    names: list[tuple[str, bool]] = []
    accepts_kwargs = False
    if init is not object.__init__:
        for index, parameter in enumerate(inspect.signature(init).parameters.values()):
            if index == 0:
                continue
            if parameter.kind is inspect.Parameter.VAR_KEYWORD:
                accepts_kwargs = True
            elif parameter.kind in (
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
                inspect.Parameter.KEYWORD_ONLY,
            ):
                names.append(
                    (parameter.name, parameter.default is inspect.Parameter.empty)
                )
    _PARAMETERS[cls] = (names, accepts_kwargs)
    return names, accepts_kwargs
