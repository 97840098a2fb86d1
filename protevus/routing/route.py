"""One route: its methods, URI, action, name, middleware and constraints.

Laravel: ``Illuminate\\Routing\\Route``.
"""

from __future__ import annotations

import re
import typing as t

from protevus.routing.concerns.creates_regular_expression_route_constraints import (
    CreatesRegularExpressionRouteConstraints,
)
from protevus.support.macroable import Macroable

if t.TYPE_CHECKING:
    from protevus.routing.router import Router

#: ``{name}``, ``{name?}`` and ``{name:field}`` placeholders of a route URI.
PARAMETER = re.compile(r"\{(\w+)(?::(\w+))?(\?)?\}")


class Route(CreatesRegularExpressionRouteConstraints, Macroable):
    """Describe one route and, once matched, the parameters of the request.

    Build routes with the router (``Route.get('/users/{id}', show)``); the chain
    methods (``name``, ``where``, ``middleware``...) return the route::

        Route.get('/users/{id}/{name?}', show).name('users.show').where_number('id')

    Laravel: ``Illuminate\\Routing\\Route``.
    """

    def __init__(
        self,
        methods: str | t.Iterable[str],
        uri: str,
        action: t.Mapping[str, t.Any],
        router: Router | None = None,
    ) -> None:
        names = [methods] if isinstance(methods, str) else list(methods)
        upper = [method.upper() for method in names]
        if "GET" in upper and "HEAD" not in upper:
            upper.append("HEAD")
        self._methods = upper
        self._uri = uri.strip("/") or "/"
        self.action: dict[str, t.Any] = dict(action)
        self.wheres: dict[str, str] = {}
        self.default_values: dict[str, t.Any] = {}
        self.binding_fields: dict[str, str] = {}
        self.is_fallback = False
        self._router = router
        self._parameters: dict[str, t.Any] | None = None
        # Per-route caches filled at first dispatch (see Router._runner_for).
        self._runner: t.Any = None
        self._runner_generation = -1
        self._parse_binding_fields()

    # -- identity --------------------------------------------------------------

    def uri(self) -> str:
        """Get the URI of the route, without leading slash (``'/'`` for the root).

        Laravel: ``Route::uri()``.
        """
        return self._uri

    def set_uri(self, uri: str) -> Route:
        """Set the URI of the route.

        Laravel: ``Route::setUri()``.
        """
        self._uri = uri.strip("/") or "/"
        self._parse_binding_fields()
        return self._changed(rules=True)

    def methods(self) -> list[str]:
        """Get the HTTP methods the route answers (``GET`` implies ``HEAD``).

        Laravel: ``Route::methods()``.
        """
        return list(self._methods)

    def prefix(self, prefix: str) -> Route:
        """Add a prefix to the route URI.

        Laravel: ``Route::prefix()``.
        """
        joined = prefix.strip("/") + "/" + self._uri.strip("/")
        return self.set_uri(joined.strip("/"))

    def get_prefix(self) -> str | None:
        """Get the prefix the route's group gave it.

        Laravel: ``Route::getPrefix()``.
        """
        return self.action.get("prefix")

    def name(self, name: str) -> Route:
        """Name the route, appending to the name prefix of its group.

        Laravel: ``Route::name()``.
        """
        self.action["as"] = (self.action.get("as") or "") + name
        return self._changed(names=True)

    def as_(self, name: str) -> Route:
        """Name the route (same as :meth:`name`).

        Laravel: ``Route::as()``.
        """
        return self.name(name)

    def get_name(self) -> str | None:
        """Get the name of the route, or ``None``.

        Laravel: ``Route::getName()``.
        """
        return self.action.get("as") or None

    def named(self, *patterns: str | t.Iterable[str]) -> bool:
        """Determine if the route name matches one of the patterns (``*`` wildcards).

        Laravel: ``Route::named()``.
        """
        name = self.get_name()
        if name is None:
            return False
        for pattern in _flatten(patterns):
            if pattern == name or _wildcard(pattern).fullmatch(name):
                return True
        return False

    def domain(self, domain: str | None = None) -> t.Any:
        """Set the domain of the route, or get it when called without argument.

        Laravel: ``Route::domain()``.
        """
        if domain is None:
            return self.get_domain()
        parsed = re.sub(r"^https?://", "", domain).rstrip("/")
        self.action["domain"] = parsed
        return self._changed(rules=True)

    def get_domain(self) -> str | None:
        """Get the domain of the route, without scheme.

        Laravel: ``Route::getDomain()``.
        """
        domain = self.action.get("domain")
        return re.sub(r"^https?://", "", domain).rstrip("/") if domain else None

    # -- actions ---------------------------------------------------------------

    def get_action(self, key: str | None = None) -> t.Any:
        """Get the action dictionary, or one of its keys.

        Laravel: ``Route::getAction()``.
        """
        return dict(self.action) if key is None else self.action.get(key)

    def set_action(self, action: t.Mapping[str, t.Any]) -> Route:
        """Replace the action dictionary.

        Laravel: ``Route::setAction()``.
        """
        self.action = dict(action)
        return self._changed(runner=True, names=True)

    def uses(self, action: t.Any) -> Route:
        """Set the handler of the route.

        Laravel: ``Route::uses()``.
        """
        self.action["uses"] = action
        self.action["controller"] = _action_label(action)
        return self._changed(runner=True, names=True)

    def get_action_name(self) -> str:
        """Get a printable name of the action (``'Closure'`` for functions).

        Laravel: ``Route::getActionName()``.
        """
        return str(self.action.get("controller") or "Closure")

    def get_action_method(self) -> str:
        """Get the method name of a controller action (``'Closure'`` for functions).

        Laravel: ``Route::getActionMethod()``.
        """
        return self.get_action_name().rpartition("@")[2]

    def get_controller_class(self) -> type | None:
        """Get the controller class of the action, or ``None`` for a function.

        Laravel: ``Route::getControllerClass()``.
        """
        from protevus.routing.route_action import controller_target

        target = controller_target(self.action.get("uses"))
        return target[0] if target else None

    # -- middleware ------------------------------------------------------------

    def middleware(self, *middleware: t.Any) -> t.Any:
        """Add middleware to the route, or get its middleware without argument.

        Laravel: ``Route::middleware()``.
        """
        if not middleware:
            return list(self.action.get("middleware", []))
        current = self.action.setdefault("middleware", [])
        current.extend(_flatten(middleware))
        return self._changed(runner=True)

    def without_middleware(self, *middleware: t.Any) -> Route:
        """Exclude middleware the route would otherwise get from its group.

        Laravel: ``Route::withoutMiddleware()``.
        """
        excluded = self.action.setdefault("excluded_middleware", [])
        excluded.extend(_flatten(middleware))
        return self._changed(runner=True)

    def excluded_middleware(self) -> list[t.Any]:
        """Get the middleware excluded from the route.

        Laravel: ``Route::excludedMiddleware()``.
        """
        return list(self.action.get("excluded_middleware", []))

    def controller_middleware(self) -> list[t.Any]:
        """Get the middleware the controller declares for this action.

        Laravel: ``Route::controllerMiddleware()``.
        """
        from protevus.routing.controller import controller_middleware
        from protevus.routing.route_action import controller_target

        target = controller_target(self.action.get("uses"))
        if target is None:
            return []
        return controller_middleware(*target)

    def gather_middleware(self) -> list[t.Any]:
        """Get the route middleware followed by the controller middleware.

        Laravel: ``Route::gatherMiddleware()``.
        """
        gathered: list[t.Any] = []
        for item in [*self.middleware(), *self.controller_middleware()]:
            if item not in gathered:
                gathered.append(item)
        return gathered

    # -- constraints and defaults -----------------------------------------------

    def where(self, name: str | t.Mapping[str, str], expression: str = "") -> Route:
        """Constrain parameters with regular expressions.

        ``where('id', '[0-9]+')`` or ``where({'id': '[0-9]+', 'name': '[a-z]+'})``.

        Laravel: ``Route::where()``.
        """
        pairs = dict(name) if isinstance(name, t.Mapping) else {name: expression}
        for key, value in pairs.items():
            self.wheres[key] = value
        return self._changed(rules=True)

    def set_wheres(self, wheres: t.Mapping[str, str]) -> Route:
        """Merge constraints that apply unless the route sets its own.

        Laravel: ``Route::setWheres()``.
        """
        for key, value in wheres.items():
            self.wheres.setdefault(key, value)
        return self._changed(rules=True)

    def defaults(self, key: str, value: t.Any) -> Route:
        """Give a parameter a default value.

        Laravel: ``Route::defaults()``.
        """
        self.default_values[key] = value
        return self._changed(rules=True)

    def set_defaults(self, defaults: t.Mapping[str, t.Any]) -> Route:
        """Replace the default parameter values.

        Laravel: ``Route::setDefaults()``.
        """
        self.default_values = dict(defaults)
        return self._changed(rules=True)

    def fallback(self) -> Route:
        """Mark the route as the fallback (matched when nothing else is).

        Laravel: ``Route::fallback()``.
        """
        self.is_fallback = True
        return self._changed(rules=True)

    # -- parameters ------------------------------------------------------------

    def parameter_names(self) -> list[str]:
        """Get the names of the URI (and domain) parameters.

        Laravel: ``Route::parameterNames()``.
        """
        source = (self.get_domain() or "") + "/" + self._uri
        return [match.group(1) for match in PARAMETER.finditer(source)]

    def optional_parameter_names(self) -> list[str]:
        """Get the names of the optional parameters (``{name?}``)."""
        return [m.group(1) for m in PARAMETER.finditer(self._uri) if m.group(3)]

    def binding_field_for(self, parameter: str) -> str | None:
        """Get the model field a parameter binds by (``{post:slug}`` → ``slug``).

        Laravel: ``Route::bindingFieldFor()``.
        """
        return self.binding_fields.get(parameter)

    def parent_of_parameter(self, parameter: str) -> t.Any:
        """Get the value of the parameter before ``parameter`` in the URI (its parent).

        ``/users/{user}/posts/{post}``: the parent of ``post`` is the bound user.

        Laravel: ``Route::parentOfParameter()``.
        """
        present = [
            name for name in self.parameter_names() if name in (self._parameters or {})
        ]
        if parameter not in present:
            return None
        index = present.index(parameter)
        return (
            None if index == 0 else t.cast(dict, self._parameters)[present[index - 1]]
        )

    # -- model binding ---------------------------------------------------------

    def scope_bindings(self) -> Route:
        """Resolve every child model through its parent's relation (``user.posts``).

        Laravel: ``Route::scopeBindings()``.
        """
        self.action["scope_bindings"] = True
        return self

    def without_scoped_bindings(self) -> Route:
        """Resolve child models on their own, even with ``{post:slug}`` fields.

        Laravel: ``Route::withoutScopedBindings()``.
        """
        self.action["scope_bindings"] = False
        return self

    def enforces_scoped_bindings(self) -> bool:
        """Determine if child models are always resolved through their parent.

        Laravel: ``Route::enforcesScopedBindings()``.
        """
        return self.action.get("scope_bindings") is True

    def prevents_scoped_bindings(self) -> bool:
        """Determine if child models are never resolved through their parent.

        Laravel: ``Route::preventsScopedBindings()``.
        """
        return self.action.get("scope_bindings") is False

    def with_trashed(self, with_trashed: bool = True) -> Route:
        """Let implicit bindings find soft-deleted models.

        Laravel: ``Route::withTrashed()``.
        """
        self.action["with_trashed"] = bool(with_trashed)
        return self

    def allows_trashed_bindings(self) -> bool:
        """Determine if implicit bindings may find soft-deleted models.

        Laravel: ``Route::allowsTrashedBindings()``.
        """
        return bool(self.action.get("with_trashed", False))

    def missing(self, missing: t.Callable[..., t.Any]) -> Route:
        """Answer a missing bound model with ``missing(request, error)`` instead of a 404.

        Laravel: ``Route::missing()``.
        """
        self.action["missing"] = missing
        return self

    def get_missing(self) -> t.Callable[..., t.Any] | None:
        """Get the callback answering a missing bound model.

        Laravel: ``Route::getMissing()``.
        """
        return self.action.get("missing")

    def has_parameters(self) -> bool:
        """Determine if the matched route has parameters.

        Laravel: ``Route::hasParameters()``.
        """
        return bool(self._parameters)

    def has_parameter(self, name: str) -> bool:
        """Determine if the matched route has the parameter ``name``.

        Laravel: ``Route::hasParameter()``.
        """
        return bool(self._parameters) and name in t.cast(dict, self._parameters)

    def parameters(self) -> dict[str, t.Any]:
        """Get the parameters of the matched request.

        Laravel: ``Route::parameters()``.
        """
        if self._parameters is None:
            from protevus.routing.exceptions import RoutingError

            raise RoutingError(
                f"Route [{self._uri}] is not bound to a request: read parameters "
                "from the matched route (request.route() or Route.current())."
            )
        return self._parameters

    def parameters_without_nulls(self) -> dict[str, t.Any]:
        """Get the parameters whose value is not ``None``.

        Laravel: ``Route::parametersWithoutNulls()``.
        """
        return {k: v for k, v in self.parameters().items() if v is not None}

    def parameter(self, name: str, default: t.Any = None) -> t.Any:
        """Get one parameter of the matched request.

        Laravel: ``Route::parameter()``.
        """
        return (self._parameters or {}).get(name, default)

    def original_parameter(self, name: str, default: t.Any = None) -> t.Any:
        """Get a parameter as the URL gave it (before model binding).

        Laravel: ``Route::originalParameter()``.
        """
        original = self.__dict__.get("_original_parameters") or {}
        return original.get(name, default)

    def set_parameter(self, name: str, value: t.Any) -> None:
        """Set a parameter of the matched request (model binding uses it).

        Laravel: ``Route::setParameter()``.
        """
        self.parameters()[name] = value

    def forget_parameter(self, name: str) -> None:
        """Remove a parameter of the matched request.

        Laravel: ``Route::forgetParameter()``.
        """
        self.parameters().pop(name, None)

    def matched(self, parameters: dict[str, t.Any]) -> Route:
        """Return a copy of the route bound to one request's parameters.

        Routes are shared between threads, so each request gets its own copy
        (Laravel binds the shared route; PHP has one request per process).
        """
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__)
        copy._parameters = parameters
        copy.__dict__["_original_parameters"] = dict(parameters)
        copy.__dict__["_source"] = self.__dict__.get("_source", self)
        return copy

    # -- internals -------------------------------------------------------------

    def _parse_binding_fields(self) -> None:
        self.binding_fields = {
            m.group(1): m.group(2) for m in PARAMETER.finditer(self._uri) if m.group(2)
        }

    def _changed(
        self, rules: bool = False, names: bool = False, runner: bool = False
    ) -> Route:
        self._runner = None
        if self._router is not None:
            self._router.get_routes().route_changed(self, rules=rules, names=names)
        return self

    def __repr__(self) -> str:
        return f"<Route {'|'.join(self._methods)} /{self._uri.lstrip('/')}>"


def _flatten(items: t.Iterable[t.Any]) -> list[t.Any]:
    out: list[t.Any] = []
    for item in items:
        if isinstance(item, list | tuple):
            out.extend(_flatten(item))
        else:
            out.append(item)
    return out


_WILDCARDS: dict[str, re.Pattern[str]] = {}


def _wildcard(pattern: str) -> re.Pattern[str]:
    compiled = _WILDCARDS.get(pattern)
    if compiled is None:
        compiled = re.compile(".*".join(re.escape(part) for part in pattern.split("*")))
        _WILDCARDS[pattern] = compiled
    return compiled


def _action_label(action: t.Any) -> str | None:
    from protevus.routing.route_action import action_label

    return action_label(action)
