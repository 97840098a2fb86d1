"""The run-time half of components: the Jinja globals compiled component tags call.

Laravel: ``Illuminate\\View\\Concerns\\ManagesComponents`` plus the class/view lookup of
``ComponentTagCompiler``. ``install_component_runtime`` puts a :class:`ComponentRuntime`
on the environment (``environment.blade_components``) and the globals
``blade_component``, ``blade_props`` and ``blade_aware``. A component name is
resolved once (class, then anonymous view) and cached; each render builds an isolated
context: the component's variables plus the environment globals, never the calling
template's variables.
"""

from __future__ import annotations

import importlib
import os
import re
import typing as t

import jinja2
from markupsafe import Markup

from protevus.support.aliases import CamelAliases
from protevus.view.component import Component
from protevus.view.component import constructor_parameters
from protevus.view.component_attribute_bag import AuthoredValue
from protevus.view.component_attribute_bag import ComponentAttributeBag
from protevus.view.component_attribute_bag import blade_authored
from protevus.view.component_attribute_bag import prop_spellings
from protevus.view.component_attribute_bag import snake_attribute
from protevus.view.component_slot import ComponentSlot
from protevus.view.exceptions import ViewError

#: Where ``<x-forms.input>`` looks for ``Input``, unless the environment says otherwise.
DEFAULT_NAMESPACE = "app.view.components"
#: The template folder of anonymous components.
DEFAULT_DIRECTORY = "components"

_VALID_NAME = re.compile(
    r"^(?:[A-Za-z_][\w\-]*::)?[A-Za-z_][\w\-]*(?:\.[A-Za-z_][\w\-]*)*$"
)
_VIEW_NAME = re.compile(r"^[\w\-./:]+$")
_EMPTY_SLOT = ComponentSlot()
_VARIABLES: dict[str, str | None] = {}


def _variable(key: str) -> str | None:
    """Return the variable an attribute is also given as (``message-type`` → ``message_type``), cached."""
    try:
        return _VARIABLES[key]
    except KeyError:
        snake = snake_attribute(key)
        _VARIABLES[key] = variable = snake if snake.isidentifier() else None
        return variable


def _studly(segment: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[-_]", segment))


class ComponentDefinition:
    """What a component name resolved to: a class or an anonymous view."""

    __slots__ = ("name", "cls", "view", "parameters", "accepts_kwargs")

    def __init__(
        self, name: str, cls: type[Component] | None = None, view: str | None = None
    ) -> None:
        self.name = name
        self.cls = cls
        self.view = view
        self.parameters: list[tuple[str, bool]] = []
        self.accepts_kwargs = False
        if cls is not None:
            self.parameters, self.accepts_kwargs = constructor_parameters(cls)

    def instantiate(self, attributes: dict[str, t.Any]) -> Component:
        """Build the component: matching attributes become constructor arguments, the rest its ``attributes``."""
        assert self.cls is not None
        wanted = {name for name, _ in self.parameters}
        arguments: dict[str, t.Any] = {}
        rest: dict[str, t.Any] = {}
        for key, value in attributes.items():
            variable = _variable(key)
            if variable is not None and variable in wanted:
                arguments[variable] = value
            else:
                rest[key] = value
        missing = [
            name
            for name, required in self.parameters
            if required and name not in arguments
        ]
        if missing:
            raise ViewError(
                f"The component [{self.name}] needs the attribute "
                + ", ".join(f"[{name.replace('_', '-')}]" for name in missing)
                + f" (a required argument of {self.cls.__module__}.{self.cls.__qualname__}); "
                "pass it on the tag or give the argument a default."
            )
        instance = self.cls(**arguments)
        instance.with_name(self.name)
        instance.with_attributes(rest)
        return instance


class ComponentCall(CamelAliases):
    """One use of a component tag: its attributes, the slots filled so far, the enclosing tag.

    Compiled templates create it with ``blade_component(name, attributes)``, fill named
    slots with ``slot()`` and print ``render(default_slot)``.
    Laravel: ``ManagesComponents::startComponent()``/``slot()``/``renderComponent()``.
    """

    __slots__ = ("runtime", "definition", "attributes", "slots", "parent", "instance")

    def __init__(
        self,
        runtime: ComponentRuntime,
        definition: ComponentDefinition,
        attributes: dict[str, t.Any],
        parent: ComponentCall | None = None,
    ) -> None:
        bag = attributes.get("attributes")
        if isinstance(bag, ComponentAttributeBag):
            merged = ComponentAttributeBag()
            merged.set_attributes(attributes)
            attributes = merged.attributes
        self.runtime = runtime
        self.definition = definition
        self.attributes = attributes
        self.slots: dict[str, ComponentSlot] = {}
        self.parent = parent
        self.instance = (
            definition.instantiate(attributes) if definition.cls is not None else None
        )

    def slot(
        self,
        name: str,
        contents: t.Any = "",
        attributes: t.Mapping[str, t.Any] | None = None,
    ) -> str:
        """Store a named slot (trimmed, as Laravel does) and return nothing to print. Laravel: ``endSlot()``."""
        self.slots[name] = ComponentSlot(str(contents).strip(), attributes)
        return ""

    def consumable_data(self) -> dict[str, t.Any]:
        """Return what ``@aware`` in a child component can read. Laravel: ``getConsumableComponentData()``."""
        data = {}
        for key, value in self.attributes.items():
            variable = _variable(key)
            if variable is not None:
                data[variable] = value
        if self.instance is not None:
            data.update(self.instance.data())
        return data

    def render(self, contents: t.Any = None) -> Markup:
        """Render the component with ``contents`` as its default slot. Laravel: ``renderComponent()``."""
        slot = _EMPTY_SLOT if contents is None else ComponentSlot(str(contents).strip())
        definition = self.definition
        instance = self.instance
        environment = self.runtime.environment
        if instance is None:
            data: dict[str, t.Any] = {}
            for key, value in self.attributes.items():
                variable = _variable(key)
                if variable is not None:
                    data[variable] = value
            data["attributes"] = ComponentAttributeBag(self.attributes)
        else:
            if not instance.should_render():
                return Markup("")
            data = instance.data()
            data["component"] = instance
        data.update(self.slots)
        data["slot"] = slot
        data["component_name"] = definition.name
        data["__blade_call"] = self
        if instance is None:
            template = environment.get_template(t.cast(str, definition.view))
        else:
            view = self.runtime.view_for(instance, data, slot)
            if not isinstance(view, jinja2.Template):
                return Markup(view)
            template = view
        return render_isolated(template, data)


def render_isolated(template: jinja2.Template, data: dict[str, t.Any]) -> Markup:
    """Render ``template`` with ``data`` plus the globals only (none of the caller's variables).

    What ``Template.render(data)`` does, without copying the globals' ``ChainMap`` key by
    key on every call; the enclosing render handles errors and the ``@stack`` store.
    """
    parent = dict(template.environment.globals)
    maps = getattr(template.globals, "maps", None)
    if maps is None:
        parent.update(template.globals)
    elif maps[0]:
        parent.update(maps[0])
    parent.update(data)
    context = template.new_context(parent, shared=True)
    return Markup(template.environment.concat(template.root_render_func(context)))


class ComponentRuntime(CamelAliases):
    """Resolve component names for one Jinja environment and hold registered components.

    ``environment.blade_components.component('alert', Alert)`` registers a class (or a
    view name) under a tag name; ``anonymous_component_path(path, prefix)`` adds a
    folder of anonymous components; ``component_namespace(module, prefix)`` maps
    ``<x-prefix::name>`` to a module. Laravel: ``Blade::component()``,
    ``Blade::anonymousComponentPath()``, ``Blade::componentNamespace()``.
    """

    def __init__(self, environment: jinja2.Environment) -> None:
        self.environment = environment
        self.aliases: dict[str, t.Any] = {}
        self.namespaces: dict[str, str] = {}
        self.anonymous_paths: list[tuple[str, str | None]] = []
        self._definitions: dict[str, ComponentDefinition] = {}
        self._views: dict[str, jinja2.Template | str] = {}
        self._loaders = 0

    # -- registering -------------------------------------------------------------------

    def component(self, name: t.Any, component: t.Any = None, prefix: str = "") -> None:
        """Register a component class (or dotted class path, or view name) under a tag name.

        ``component('alert', Alert)``; Laravel's order ``component(Alert, 'alert')``
        works too, and ``component(Alert)`` names it after the class (``Alert`` →
        ``alert``). Laravel: ``BladeCompiler::component()``.
        """
        if not isinstance(name, str):
            name, component = component, name
        if component is None:
            raise ValueError(
                f"The component [{name}] needs a class, a dotted class path or a view name: "
                "call component('alert', Alert)."
            )
        if name is None:
            if not isinstance(component, type):
                raise ValueError(
                    f"The component [{component!r}] needs a tag name: call component('alert', Alert)."
                )
            name = re.sub(r"(?<=[a-z0-9])([A-Z])", r"-\1", component.__name__).lower()
        if prefix:
            name = f"{prefix}-{name}"
        self.aliases[str(name)] = component
        self._definitions.pop(str(name), None)

    def components(self, components: t.Mapping[str, t.Any], prefix: str = "") -> None:
        """Register several components at once. Laravel: ``BladeCompiler::components()``."""
        for name, component in components.items():
            self.component(name, component, prefix)

    def component_namespace(self, namespace: str, prefix: str) -> None:
        """Look up ``<x-prefix::name>`` classes under the module ``namespace``. Laravel: ``Blade::componentNamespace()``."""
        self.namespaces[prefix] = namespace
        self._definitions.clear()

    def anonymous_component_path(self, path: str, prefix: str | None = None) -> None:
        """Add a folder of anonymous components (``<x-prefix::panel>`` when ``prefix`` is given).

        ``path`` is a folder of the template loader (``'vendor/ui'``) or an absolute
        directory, which is added to the environment's loader.
        Laravel: ``Blade::anonymousComponentPath()``.
        """
        folder = path.strip("/")
        if os.path.isabs(path):
            self._loaders += 1
            folder = f"__blade_components_{self._loaders}"
            loaders: list[jinja2.BaseLoader] = [
                jinja2.PrefixLoader({folder: jinja2.FileSystemLoader(path)})
            ]
            if self.environment.loader is not None:
                loaders.insert(0, self.environment.loader)
            self.environment.loader = jinja2.ChoiceLoader(loaders)
        self.anonymous_paths.append((folder, prefix))
        self._definitions.clear()

    def flush(self) -> None:
        """Forget every resolved name (after registering or creating components). Laravel: ``Component::flushCache()``."""
        self._definitions.clear()
        self._views.clear()

    # -- resolving ------------------------------------------------------------------------

    @property
    def namespace(self) -> str:
        """Return the module class-based components live under (``environment.blade_component_namespace``)."""
        return str(
            getattr(self.environment, "blade_component_namespace", DEFAULT_NAMESPACE)
        )

    def resolve(self, name: str) -> ComponentDefinition:
        """Return the class or view for a component name, cached. Laravel: ``ComponentTagCompiler::componentClass()``."""
        try:
            return self._definitions[name]
        except KeyError:
            pass
        if not isinstance(name, str) or not _VALID_NAME.match(name):
            raise ViewError(
                f"The component name [{name}] is not valid; use letters, digits, dashes "
                "and dots (as in [forms.input])."
            )
        definition = self._lookup(name)
        self._definitions[name] = definition
        return definition

    def _lookup(self, name: str) -> ComponentDefinition:
        alias = self.aliases.get(name)
        if alias is not None:
            return self._from_alias(name, alias)
        prefix, _, local = name.rpartition("::")
        segments = local.split(".")
        namespace = self.namespaces.get(prefix) if prefix else self.namespace
        looked: list[str] = []
        if namespace is not None:
            module_name = (
                namespace + "." + ".".join(snake_attribute(s) for s in segments)
            )
            class_name = _studly(segments[-1])
            looked.append(f"the class [{module_name}.{class_name}]")
            cls = self._import_class(name, module_name, class_name)
            if cls is not None:
                return ComponentDefinition(name, cls=cls)
        folders = [folder for folder, p in self.anonymous_paths if (p or "") == prefix]
        if not prefix:
            folders.insert(0, DEFAULT_DIRECTORY)
        views: list[str] = []
        path = "/".join(segments)
        for folder in folders:
            base = f"{folder}/{path}" if folder else path
            views.extend(
                (
                    f"{base}.blade.html",
                    f"{base}/index.blade.html",
                    f"{base}/{segments[-1]}.blade.html",
                )
            )
        for view in views:
            try:
                self.environment.get_template(view)
            except jinja2.TemplateNotFound:
                continue
            return ComponentDefinition(name, view=view)
        if views:
            looked.append("the views [" + ", ".join(views) + "]")
        raise ViewError(
            f"Unable to locate a class or view for component [{name}]. Looked for "
            + " and ".join(looked)
            + "."
        )

    def _from_alias(self, name: str, alias: t.Any) -> ComponentDefinition:
        if isinstance(alias, type):
            return ComponentDefinition(name, cls=self._check_class(name, alias))
        text = str(alias)
        module_name, _, class_name = text.rpartition(".")
        if module_name and class_name[:1].isupper():
            cls = self._import_class(name, module_name, class_name)
            if cls is None:
                raise ViewError(
                    f"The component [{name}] is registered as [{text}], which cannot be imported; "
                    "fix the dotted class path."
                )
            return ComponentDefinition(name, cls=cls)
        view = self._template_name(text)
        try:
            self.environment.get_template(view)
        except jinja2.TemplateNotFound:
            raise ViewError(
                f"The component [{name}] is registered as the view [{text}], which was not found ([{view}])."
            ) from None
        return ComponentDefinition(name, view=view)

    def _import_class(
        self, name: str, module_name: str, class_name: str
    ) -> type[Component] | None:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            missing = exc.name or ""
            if module_name == missing or module_name.startswith(missing + "."):
                return None
            raise
        cls = getattr(module, class_name, None)
        if cls is None:
            return None
        return self._check_class(name, cls)

    @staticmethod
    def _check_class(name: str, cls: t.Any) -> type[Component]:
        if not isinstance(cls, type) or not issubclass(cls, Component):
            raise ViewError(
                f"The class [{getattr(cls, '__module__', '?')}.{getattr(cls, '__qualname__', cls)}] "
                f"of component [{name}] must extend protevus.view.component.Component."
            )
        return cls

    @staticmethod
    def _template_name(view: str) -> str:
        if view.endswith((".html", ".jinja")):
            return view
        return view.replace(".", "/") + ".blade.html"

    # -- views of class components ------------------------------------------------------

    def view_for(
        self, instance: Component, data: dict[str, t.Any], slot: ComponentSlot
    ) -> jinja2.Template | str:
        """Return the template for what ``render()`` returned (or the HTML a view object rendered).

        Laravel: ``Component::resolveView()`` and ``extractBladeViewFromString()``.
        """
        view = instance.resolve_view()
        if (
            callable(view)
            and not isinstance(view, (str, jinja2.Template))
            and not hasattr(view, "render")
        ):
            view = view(
                {
                    "component_name": instance.component_name,
                    "attributes": data["attributes"],
                    "slot": slot,
                }
            )
        if isinstance(view, jinja2.Template):
            return view
        if isinstance(view, str):
            return self._string_view(instance, view)
        if hasattr(view, "with_") and hasattr(view, "render"):
            return str(view.with_(data).render())
        if hasattr(view, "render"):
            return str(view.render(data))
        raise ViewError(
            f"The component [{instance.component_name}] returned [{view!r}] from render(); "
            "return a view name, a template string, a Jinja template or a callable."
        )

    def _string_view(self, instance: Component, view: str) -> jinja2.Template:
        cached = self._views.get(view)
        if isinstance(cached, str):
            return self.environment.get_template(cached)
        if cached is not None:
            return cached
        if _VIEW_NAME.match(view):
            name = self._template_name(view)
            try:
                template = self.environment.get_template(name)
            except jinja2.TemplateNotFound:
                raise ViewError(
                    f"The view [{view}] returned by the render() of component "
                    f"[{instance.component_name}] was not found ([{name}])."
                ) from None
            self._views[view] = name
            return template
        compiler = t.cast(t.Any, self.environment).blade_compiler
        source = compiler.compile_string(view, f"{instance.component_name}.inline")
        template = self.environment.from_string(source)
        self._views[view] = template
        return template

    # -- globals ---------------------------------------------------------------------------

    def call(
        self,
        name: str,
        attributes: dict[str, t.Any],
        parent: ComponentCall | None = None,
        authored: tuple[str, ...] = (),
    ) -> ComponentCall:
        """Start a component tag. The ``blade_component`` global.

        ``authored`` names the attributes whose values were written in the
        template (printed as written, see :class:`AuthoredValue`).
        """
        for key in authored:
            attributes[key] = AuthoredValue(attributes[key])
        return ComponentCall(self, self.resolve(name), attributes, parent)

    def render_tag(
        self,
        name: str,
        attributes: dict[str, t.Any],
        parent: ComponentCall | None = None,
        authored: tuple[str, ...] = (),
    ) -> Markup:
        """Build and render a self-closing tag in one call. The ``blade_render_component`` global."""
        return self.call(name, attributes, parent, authored).render()


@jinja2.pass_context
def blade_props(
    context: jinja2.runtime.Context,
    names: t.Sequence[str],
    defaults: t.Mapping[str, t.Any],
) -> tuple[t.Any, ...]:
    """Return ``(attributes without the props, *prop values)`` for ``@props``.

    A prop takes, in order: the named slot of that name, the attribute in any spelling
    (``message_type``, ``message-type``, ``messageType``), the default; otherwise it is
    undefined. Laravel: the code ``@props`` compiles to (``onlyProps``/``exceptProps``).
    """
    bag = context.get("attributes")
    if not isinstance(bag, ComponentAttributeBag):
        bag = ComponentAttributeBag(bag if isinstance(bag, t.Mapping) else None)
    call = context.get("__blade_call")
    slots = call.slots if isinstance(call, ComponentCall) else {}
    attributes = bag.attributes
    spellings = _PROP_SPELLINGS.get(names)
    if spellings is None:
        spellings = _PROP_SPELLINGS[names] = [
            (name, tuple(prop_spellings((name,)))) for name in names
        ]
    values: list[t.Any] = []
    used: set[str] = set()
    for name, keys in spellings:
        used.update(keys)
        if name in slots:
            values.append(slots[name])
            continue
        for key in keys:
            if key in attributes:
                values.append(attributes[key])
                break
        else:
            if name in defaults:
                values.append(defaults[name])
            else:
                values.append(context.environment.undefined(name=name))
    rest = ComponentAttributeBag({k: v for k, v in attributes.items() if k not in used})
    return (rest, *values)


_PROP_SPELLINGS: dict[t.Sequence[str], list[tuple[str, tuple[str, ...]]]] = {}


_NO_DEFAULT: t.Any = object()


@jinja2.pass_context
def blade_aware(
    context: jinja2.runtime.Context, name: str, default: t.Any = _NO_DEFAULT
) -> t.Any:
    """Return a value given to an enclosing component tag, for ``@aware``. Laravel: ``getConsumableComponentData()``."""
    call = context.get("__blade_call")
    parent = call.parent if isinstance(call, ComponentCall) else None
    while parent is not None:
        data = parent.consumable_data()
        if name in data:
            return data[name]
        parent = parent.parent
    if default is _NO_DEFAULT:
        return context.environment.undefined(name=name)
    return default


def install_component_runtime(environment: jinja2.Environment) -> None:
    """Add the component globals to ``environment`` and its :class:`ComponentRuntime` as ``environment.blade_components``."""
    runtime = ComponentRuntime(environment)
    environment.extend(blade_components=runtime)
    if not hasattr(environment, "blade_component_namespace"):
        environment.extend(blade_component_namespace=DEFAULT_NAMESPACE)
    environment.globals.update(
        blade_component=runtime.call,
        blade_render_component=runtime.render_tag,
        blade_props=blade_props,
        blade_aware=blade_aware,
        blade_authored=blade_authored,
    )
