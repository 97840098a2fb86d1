"""Resource routes: the seven (or five API) conventional controller actions.

Laravel: ``Illuminate\\Routing\\ResourceRegistrar`` and
``Illuminate\\Routing\\PendingResourceRegistration``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.routing.route import Route
    from protevus.routing.router import Router

#: Laravel's resource actions, in registration order.
RESOURCE_DEFAULTS = ["index", "create", "store", "show", "edit", "update", "destroy"]


class ResourceRegistrar(CamelAliases):
    """Register the routes of a resource controller.

    ``photos`` gives ``GET photos`` (index), ``GET photos/create``, ``POST photos``,
    ``GET photos/{photo}``, ``GET photos/{photo}/edit``, ``PUT|PATCH photos/{photo}``
    and ``DELETE photos/{photo}``, named ``photos.index``... Nested ``photos.comments``
    gives ``photos/{photo}/comments/{comment}``.

    Laravel: ``Illuminate\\Routing\\ResourceRegistrar``.
    """

    #: The URI words of the create and edit actions (Laravel: ``resourceVerbs()``).
    verbs: t.ClassVar[dict[str, str]] = {"create": "create", "edit": "edit"}

    def __init__(self, router: Router) -> None:
        self.router = router
        self._parameters: t.Any = None

    def register(
        self, name: str, controller: t.Any, options: t.Mapping[str, t.Any] | None = None
    ) -> list[Route]:
        """Register the routes and return them.

        Laravel: ``ResourceRegistrar::register()``.
        """
        options = dict(options or {})
        if options.get("parameters") is not None and self._parameters is None:
            self._parameters = options["parameters"]
        if "/" in name:
            segments = name.strip("/").split("/")
            with self.router.group({"prefix": "/".join(segments[:-1])}):
                return self.register(segments[-1], controller, options)
        base = self.get_resource_wildcard(name.split(".")[-1])
        routes = []
        for method in self.get_resource_methods(options):
            route = getattr(self, f"_add_{method}")(name, base, controller, options)
            fields = options.get("binding_fields") or {}
            for parameter, field in fields.items():
                route.binding_fields[parameter] = field
            routes.append(route)
        return routes

    @classmethod
    def resource_verbs(cls, verbs: t.Mapping[str, str] | None = None) -> dict[str, str]:
        """Get or set the URI words of ``create`` and ``edit`` (``{'create': 'crear'}``).

        Laravel: ``ResourceRegistrar::verbs()``.
        """
        if verbs is not None:
            cls.verbs = {**cls.verbs, **verbs}
        return dict(cls.verbs)

    def get_resource_methods(self, options: t.Mapping[str, t.Any]) -> list[str]:
        """Get the actions to register after ``only`` and ``except``.

        Laravel: ``ResourceRegistrar::getResourceMethods()``.
        """
        methods = list(RESOURCE_DEFAULTS)
        if options.get("only") is not None:
            only = _as_list(options["only"])
            methods = [m for m in methods if m in only]
        excluded = options.get("except")
        if excluded is not None:
            methods = [m for m in methods if m not in _as_list(excluded)]
        return methods

    def get_resource_wildcard(self, value: str) -> str:
        """Get the parameter name of a resource (``photos`` → ``photo``).

        Laravel: ``ResourceRegistrar::getResourceWildcard()``.
        """
        from protevus.support.str import Str

        if isinstance(self._parameters, t.Mapping) and value in self._parameters:
            value = self._parameters[value]
        else:
            value = Str.singular(value)
        return value.replace("-", "_")

    def get_resource_uri(self, resource: str) -> str:
        """Get the base URI of a (possibly nested) resource.

        Laravel: ``ResourceRegistrar::getResourceUri()``.
        """
        if "." not in resource:
            return resource
        segments = resource.split(".")
        nested = "/".join(f"{s}/{{{self.get_resource_wildcard(s)}}}" for s in segments)
        return nested.replace(f"/{{{self.get_resource_wildcard(segments[-1])}}}", "")

    def get_resource_route_name(
        self, resource: str, method: str, options: t.Mapping[str, t.Any]
    ) -> str:
        """Get the route name of one action (``photos.index``; ``names`` overrides).

        Laravel: ``ResourceRegistrar::getResourceRouteName()``.
        """
        name = resource
        names = options.get("names")
        if isinstance(names, str):
            name = names
        elif isinstance(names, t.Mapping) and method in names:
            return str(names[method])
        prefix = f"{options['as']}." if options.get("as") else ""
        return f"{prefix}{name}.{method}".strip(".")

    # -- the seven actions -----------------------------------------------------

    def _add_index(
        self, name: str, base: str, controller: t.Any, options: t.Any
    ) -> Route:
        return self.router.get(
            self.get_resource_uri(name),
            self._action(name, controller, "index", options),
        )

    def _add_create(
        self, name: str, base: str, controller: t.Any, options: t.Any
    ) -> Route:
        uri = f"{self.get_resource_uri(name)}/{self.verbs['create']}"
        return self.router.get(uri, self._action(name, controller, "create", options))

    def _add_store(
        self, name: str, base: str, controller: t.Any, options: t.Any
    ) -> Route:
        return self.router.post(
            self.get_resource_uri(name),
            self._action(name, controller, "store", options),
        )

    def _add_show(
        self, name: str, base: str, controller: t.Any, options: t.Any
    ) -> Route:
        name = _shallow(name, options)
        uri = f"{self.get_resource_uri(name)}/{{{base}}}"
        return self.router.get(uri, self._action(name, controller, "show", options))

    def _add_edit(
        self, name: str, base: str, controller: t.Any, options: t.Any
    ) -> Route:
        name = _shallow(name, options)
        uri = f"{self.get_resource_uri(name)}/{{{base}}}/{self.verbs['edit']}"
        return self.router.get(uri, self._action(name, controller, "edit", options))

    def _add_update(
        self, name: str, base: str, controller: t.Any, options: t.Any
    ) -> Route:
        name = _shallow(name, options)
        uri = f"{self.get_resource_uri(name)}/{{{base}}}"
        return self.router.match(
            ["PUT", "PATCH"], uri, self._action(name, controller, "update", options)
        )

    def _add_destroy(
        self, name: str, base: str, controller: t.Any, options: t.Any
    ) -> Route:
        name = _shallow(name, options)
        uri = f"{self.get_resource_uri(name)}/{{{base}}}"
        return self.router.delete(
            uri, self._action(name, controller, "destroy", options)
        )

    def _action(
        self,
        resource: str,
        controller: t.Any,
        method: str,
        options: t.Mapping[str, t.Any],
    ) -> dict[str, t.Any]:
        action: dict[str, t.Any] = {
            "as": self.get_resource_route_name(resource, method, options),
            "uses": [controller, method],
        }
        for key in ("middleware", "excluded_middleware", "where", "missing"):
            if options.get(key):
                action[key] = options[key]
        return action


class PendingResourceRegistration(CamelAliases):
    """A resource registration still open to options: ``.only([...]).names({...})``.

    The routes exist as soon as ``Route.resource()`` returns; each option
    re-registers them in the group they were declared in (Laravel registers in the
    object's destructor, which Python does not run at a predictable time).

    Laravel: ``Illuminate\\Routing\\PendingResourceRegistration``.
    """

    def __init__(
        self, router: Router, name: str, controller: t.Any, options: dict[str, t.Any]
    ) -> None:
        self._router = router
        self.name_ = name
        self.controller = controller
        self.options = dict(options)
        if "except_" in self.options:
            self.options["except"] = self.options.pop("except_")
        self._groups = [dict(group) for group in router.get_group_stack()]
        self._routes: list[Route] = []
        self._register()

    def routes(self) -> list[Route]:
        """Get the registered routes."""
        return list(self._routes)

    def only(self, *methods: str | t.Iterable[str]) -> PendingResourceRegistration:
        """Register only these actions.

        Laravel: ``PendingResourceRegistration::only()``.
        """
        return self._set("only", _flat(methods))

    def except_(self, *methods: str | t.Iterable[str]) -> PendingResourceRegistration:
        """Register every action but these.

        Laravel: ``PendingResourceRegistration::except()``.
        """
        return self._set("except", _flat(methods))

    def names(self, names: str | t.Mapping[str, str]) -> PendingResourceRegistration:
        """Rename routes (``{'create': 'photos.build'}``) or replace the base name.

        Laravel: ``PendingResourceRegistration::names()``.
        """
        return self._set("names", names if isinstance(names, str) else dict(names))

    def name(self, method: str, name: str) -> PendingResourceRegistration:
        """Rename the route of one action.

        Laravel: ``PendingResourceRegistration::name()``.
        """
        current = self.options.get("names")
        names = dict(current) if isinstance(current, t.Mapping) else {}
        names[method] = name
        return self._set("names", names)

    def parameters(
        self, parameters: t.Mapping[str, str]
    ) -> PendingResourceRegistration:
        """Rename route parameters (``{'photos': 'pic'}`` → ``{pic}``).

        Laravel: ``PendingResourceRegistration::parameters()``.
        """
        return self._set("parameters", dict(parameters))

    def parameter(self, previous: str, new: str) -> PendingResourceRegistration:
        """Rename one route parameter.

        Laravel: ``PendingResourceRegistration::parameter()``.
        """
        return self._set(
            "parameters", {**(self.options.get("parameters") or {}), previous: new}
        )

    def middleware(self, *middleware: t.Any) -> PendingResourceRegistration:
        """Add middleware to every route of the resource.

        Laravel: ``PendingResourceRegistration::middleware()``.
        """
        return self._set(
            "middleware", [*(self.options.get("middleware") or []), *_flat(middleware)]
        )

    def without_middleware(self, *middleware: t.Any) -> PendingResourceRegistration:
        """Exclude group middleware from every route of the resource.

        Laravel: ``PendingResourceRegistration::withoutMiddleware()``.
        """
        merged = [*(self.options.get("excluded_middleware") or []), *_flat(middleware)]
        return self._set("excluded_middleware", merged)

    def where(self, wheres: t.Mapping[str, str]) -> PendingResourceRegistration:
        """Constrain the resource's parameters.

        Laravel: ``PendingResourceRegistration::where()``.
        """
        return self._set("where", {**(self.options.get("where") or {}), **wheres})

    def shallow(self, shallow: bool = True) -> PendingResourceRegistration:
        """Drop the parent segments from nested member routes (``comments/{comment}``).

        Laravel: ``PendingResourceRegistration::shallow()``.
        """
        return self._set("shallow", shallow)

    def scoped(
        self, fields: t.Mapping[str, str] | None = None
    ) -> PendingResourceRegistration:
        """Bind nested parameters by field (``{'comment': 'slug'}``).

        Laravel: ``PendingResourceRegistration::scoped()``.
        """
        return self._set("binding_fields", dict(fields or {}))

    def missing(self, callback: t.Callable[..., t.Any]) -> PendingResourceRegistration:
        """Set what answers when a bound model is missing (used by model binding).

        Laravel: ``PendingResourceRegistration::missing()``.
        """
        return self._set("missing", callback)

    def _set(self, key: str, value: t.Any) -> PendingResourceRegistration:
        self.options[key] = value
        for route in self._routes:
            self._router.routes.remove(route)
        self._register()
        return self

    def _register(self) -> None:
        router = self._router
        saved = router._group_stack
        router._group_stack = [dict(group) for group in self._groups]
        try:
            self._routes = ResourceRegistrar(router).register(
                self.name_, self.controller, self.options
            )
        finally:
            router._group_stack = saved


def _shallow(name: str, options: t.Mapping[str, t.Any]) -> str:
    return name.split(".")[-1] if options.get("shallow") else name


def _as_list(value: t.Any) -> list[t.Any]:
    return [value] if isinstance(value, str) else list(value)


def _flat(items: t.Iterable[t.Any]) -> list[t.Any]:
    out: list[t.Any] = []
    for item in items:
        if isinstance(item, list | tuple):
            out.extend(item)
        else:
            out.append(item)
    return out
