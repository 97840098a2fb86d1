"""Dispatch a request to its route: middleware, action with injection, response.

Laravel: ``Router::dispatch()``, ``runRouteWithinStack()``, ``prepareResponse()``,
``Route::run()`` and ``ControllerDispatcher``. Everything that can be decided once
per route (the middleware stack, how to build the controller, how to fill each
parameter of the action) is decided at the route's first dispatch and cached on
the route, so a request only does the work that depends on it.
"""

from __future__ import annotations

import contextvars
import inspect
import typing as t

from protevus.container._reflection import EMPTY
from protevus.container._reflection import KEYWORD
from protevus.container._reflection import VAR_KEYWORD
from protevus.container._reflection import VAR_POSITIONAL
from protevus.container._reflection import callable_plan
from protevus.container._reflection import defines_call
from protevus.container.exceptions import BindingResolutionError
from protevus.routing import route_action
from protevus.routing import route_matching
from protevus.routing.exceptions import MissingControllerActionError
from protevus.routing.exceptions import RoutingError
from protevus.routing.pipeline import handle_exception
from protevus.routing.route_signature_parameters import scalar_converters
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.routing.route import Route
    from protevus.routing.route_collection import RouteCollection

_Layer = t.Callable[[t.Any], t.Any]
_Invoker = t.Callable[[t.Any, "Route"], t.Any]
# How a parameter of an action is filled when no route parameter has its name.
_PLAIN, _REQUEST, _SERVICE = 0, 1, 2
_MISSING: t.Any = object()


class DispatchesRoutes(CamelAliases):
    """Find the route of a request and run it.

    Laravel: the dispatching half of ``Illuminate\\Routing\\Router``.
    """

    app: t.Any
    routes: RouteCollection
    _generation: int
    _current: contextvars.ContextVar[Route | None]

    if t.TYPE_CHECKING:

        def gather_route_middleware(
            self, route: Route
        ) -> list[tuple[t.Any, tuple[str, ...]]]: ...

    def dispatch(self, request: t.Any) -> t.Any:
        """Dispatch ``request`` to its route and return the response.

        Reads the match Flask made (``request.url_rule`` / ``view_args`` /
        ``routing_exception``), or matches the request itself outside Flask.

        Laravel: ``Router::dispatch()``.
        """
        # A thread serves many requests: never show the last one's route.
        self._current.set(None)
        return self.run_route(request, self.find_route(request))

    def dispatch_to_route(self, request: t.Any) -> t.Any:
        """Dispatch ``request`` to its route (alias of :meth:`dispatch`).

        Laravel: ``Router::dispatchToRoute()``.
        """
        return self.dispatch(request)

    def find_route(self, request: t.Any) -> Route:
        """Get the route matching ``request``, bound to its parameters.

        Raises Laravel's 404 and 405 exceptions; an ``OPTIONS`` request for a path
        that exists gets a route answering 200 with ``Allow``.

        Laravel: ``Router::findRoute()``.
        """
        rule = getattr(request, "url_rule", _MISSING)
        if rule is _MISSING:
            return self.routes.match(request)
        error = request.routing_exception
        if error is not None:
            response = route_matching.translate(request, error)
            return route_matching.options_route(request, response)
        if rule is None:
            return self.routes.match(request)
        route = getattr(rule, "_protevus_route", None)
        if route is None:
            return self._flask_view_route(request, rule)
        matched = route_matching.bind(route, request.view_args or {}, request)
        if matched is None:
            raise route_matching.not_found(request)
        return matched

    def forget_current_route(self) -> None:
        """Forget the route of the last request, before handling the next one.

        A worker thread serves request after request; without this the global
        middleware, error pages and ``Route.current()`` would see the previous
        request's route until the new one is matched.

        Laravel: none (each PHP request starts with a fresh router; Octane resets it).
        """
        self._current.set(None)

    def run_route(self, request: t.Any, route: Route) -> t.Any:
        """Run a matched route through its middleware and action.

        Laravel: ``Router::runRoute()``.
        """
        resolver = getattr(request, "set_route_resolver", None)
        if resolver is not None:
            resolver(lambda: route)
        self._current.set(route)
        source = route.__dict__.get("_source", route)
        runner = source._runner
        if runner is None or source._runner_generation != self._generation:
            runner = self._build_runner(source)
        return runner(request)

    # -- responses -------------------------------------------------------------

    def to_response(self, request: t.Any, response: t.Any) -> t.Any:
        """Turn what an action returned into a response.

        ``str`` → HTML, ``dict``/``list`` → JSON, ``None`` → empty 200, objects with
        ``to_response(request)`` (Responsable), ``to_array()``/``to_dict()``
        (Arrayable) or ``to_json()`` (Jsonable), Flask-style ``(body, status[,
        headers])`` tuples; responses pass through.

        Laravel: ``Router::toResponse()``.
        """
        http = _http()
        if isinstance(response, http.base):
            return response
        if isinstance(response, str):
            return http.response(response)
        if response is None:
            return http.response("")
        if isinstance(response, dict | list):
            return http.json(response)
        responsable = getattr(response, "to_response", None)
        if responsable is not None and callable(responsable):
            return self.to_response(request, responsable(request))
        if isinstance(response, tuple):
            return self._tuple_response(request, response)
        for method in ("to_array", "to_dict"):
            converter = getattr(response, method, None)
            if callable(converter):
                return http.json(converter())
        to_json = getattr(response, "to_json", None)
        if callable(to_json):
            return http.response(to_json(), content_type="application/json")
        if isinstance(response, bytes):
            return http.response(response)
        if isinstance(response, bool):
            return http.response("1" if response else "")
        if isinstance(response, int | float):
            return http.response(str(response))
        raise RoutingError(
            f"The route action returned [{type(response).__qualname__}], which cannot "
            "be turned into a response: return a str, dict, list, Response, or an "
            "object with to_response(request) or to_array()."
        )

    def prepare_response(self, request: t.Any, response: t.Any) -> t.Any:
        """Turn a return value into a response (alias of :meth:`to_response`).

        Laravel: ``Router::prepareResponse()``.
        """
        return self.to_response(request, response)

    def _tuple_response(self, request: t.Any, value: tuple[t.Any, ...]) -> t.Any:
        if 2 <= len(value) <= 3 and isinstance(value[1], int | dict):
            response = self.to_response(request, value[0])
            rest = list(value[1:])
            if isinstance(rest[0], int):
                response.status_code = rest.pop(0)
            for headers in rest:
                for key, header in dict(headers).items():
                    response.headers[key] = header
            return response
        return _http().json(list(value))

    # -- building a route's runner (once) --------------------------------------

    def _build_runner(self, route: Route) -> _Layer:
        invoke = self._invoker(route)
        app, to_response = self.app, self.to_response
        current = self._current

        def destination(request: t.Any) -> t.Any:
            # Laravel's prepareDestination(): the innermost middleware gets the
            # rendered error, not the exception.
            try:
                return to_response(
                    request, invoke(request, t.cast("Route", current.get()))
                )
            except Exception as exc:
                return handle_exception(app, request, exc)

        stack: _Layer = destination
        for target, params in reversed(self.gather_route_middleware(route)):
            stack = self._layer(target, params, stack)
        route._runner = stack
        route._runner_generation = self._generation
        return stack

    def _layer(self, target: t.Any, params: tuple[str, ...], next_: _Layer) -> _Layer:
        """Wrap one middleware around ``next_``; what it raises comes back rendered.

        Laravel: ``Pipeline::carry()`` with ``handleException()``.
        """
        app, to_response = self.app, self.to_response
        if isinstance(target, type | str):
            if isinstance(target, type) and not (
                hasattr(target, "handle") or defines_call(target)
            ):
                raise RoutingError(
                    f"Middleware [{target.__module__}.{target.__qualname__}] has no "
                    "handle(request, next) method; define it."
                )

            def by_class(request: t.Any) -> t.Any:
                try:
                    instance = app.make(target)
                    handle = getattr(instance, "handle", instance)
                    return to_response(request, handle(request, next_, *params))
                except Exception as exc:
                    return handle_exception(app, request, exc)

            return by_class
        handle = getattr(target, "handle", None)
        if handle is None:
            if not callable(target):
                raise RoutingError(
                    f"Middleware [{target!r}] is not callable and has no handle() method."
                )
            handle = target

        def by_callable(request: t.Any) -> t.Any:
            try:
                return to_response(request, handle(request, next_, *params))
            except Exception as exc:
                return handle_exception(app, request, exc)

        return by_callable

    def _invoker(self, route: Route) -> _Invoker:
        uses = route.action.get("uses")
        target = route_action.controller_target(uses)
        if target is None:
            fn = route_action.function_for(uses)
            return self._closure_invoker(fn, _plan(fn, skip_first=False))
        controller, method = target
        if not isinstance(controller, type):
            bound = getattr(controller, method, None)
            if bound is None:
                raise _missing_method(type(controller), method)
            return self._closure_invoker(bound, _plan(bound, skip_first=False))
        function = inspect.getattr_static(controller, method, None)
        if function is None:
            raise _missing_method(controller, method)
        static = isinstance(function, staticmethod | classmethod)
        plan = _plan(getattr(controller, method), skip_first=not static)
        build = self._argument_builder(plan)
        app = self.app
        call_action = getattr(controller, "call_action", None)
        if call_action is not None:

            def via_call_action(request: t.Any, matched: Route) -> t.Any:
                instance = app.make(controller)
                args, kwargs = build(request, matched)
                return instance.call_action(method, args, kwargs)

            return via_call_action

        def direct(request: t.Any, matched: Route) -> t.Any:
            instance = app.make(controller)
            args, kwargs = build(request, matched)
            return getattr(instance, method)(*args, **kwargs)

        return direct

    def _closure_invoker(
        self, fn: t.Callable[..., t.Any], plan: list[t.Any]
    ) -> _Invoker:
        if not plan:
            return lambda request, matched: fn()
        build = self._argument_builder(plan)

        def invoke(request: t.Any, matched: Route) -> t.Any:
            args, kwargs = build(request, matched)
            return fn(*args, **kwargs)

        return invoke

    def _argument_builder(
        self, plan: list[t.Any]
    ) -> t.Callable[[t.Any, Route], tuple[list[t.Any], dict[str, t.Any]]]:
        app = self.app
        names = frozenset(row[0] for row in plan)

        def build(
            request: t.Any, matched: Route
        ) -> tuple[list[t.Any], dict[str, t.Any]]:
            params = matched._parameters or {}
            args: list[t.Any] = []
            kwargs: dict[str, t.Any] = {}
            leftovers: list[t.Any] | None = None
            for name, kind, mode, cls, default, nullable, label, convert in plan:
                if kind == VAR_KEYWORD:
                    for key, val in params.items():
                        if key not in names and val is not None:
                            kwargs.setdefault(key, val)
                    continue
                if kind == VAR_POSITIONAL:
                    if leftovers is None:
                        leftovers = [
                            v
                            for k, v in params.items()
                            if k not in names and v is not None
                        ]
                    args.extend(leftovers)
                    leftovers = []
                    continue
                value = params.get(name)
                if value is None:
                    if mode == _REQUEST and isinstance(request, cls):
                        value = request
                    elif mode == _PLAIN and name == "request" and name not in params:
                        value = request
                    elif mode != _PLAIN:
                        value = _service(app, cls, default, nullable)
                    else:
                        if leftovers is None:
                            leftovers = [
                                v
                                for k, v in params.items()
                                if k not in names and v is not None
                            ]
                        if leftovers:
                            value = leftovers.pop(0)
                            if convert is not None and isinstance(value, str):
                                value = convert(value)
                        elif default is not EMPTY:
                            value = default
                        elif not (nullable or name in params):
                            raise RoutingError(
                                f"Unable to resolve parameter [{label}] of the action of "
                                f"route [{matched.uri()}]: the route has no {{{name}}} "
                                "parameter. Rename the parameter, or give it a default."
                            )
                elif convert is not None and isinstance(value, str):
                    # PHP's scalar coercion of typed parameters; 404 when impossible.
                    value = convert(value)
                if kind == KEYWORD:
                    kwargs[name] = value
                else:
                    args.append(value)
            return args, kwargs

        return build

    def _flask_view_route(self, request: t.Any, rule: t.Any) -> Route:
        """Wrap a rule registered directly on Flask (a blueprint, an extension)."""
        import flask

        from protevus.routing.route import Route

        view = flask.current_app.view_functions[rule.endpoint]
        arguments = dict(request.view_args or {})
        return Route(
            sorted(rule.methods or ["GET"]),
            rule.rule,
            {"uses": lambda: view(**arguments)},
        ).matched({})


def _plan(fn: t.Callable[..., t.Any], skip_first: bool) -> list[t.Any]:
    from werkzeug.wrappers import Request as BaseRequest

    rows = list(callable_plan(fn))
    if skip_first and rows:
        rows = rows[1:]
    converters = scalar_converters(fn) if rows else {}
    plan: list[t.Any] = []
    for row in rows:
        mode = _PLAIN
        if row.cls is not None:
            mode = _REQUEST if issubclass(row.cls, BaseRequest) else _SERVICE
        plan.append(
            (
                row.name,
                row.kind,
                mode,
                row.cls,
                row.default,
                row.nullable,
                row.label,
                converters.get(row.name),
            )
        )
    return plan


def _service(app: t.Any, cls: type, default: t.Any, nullable: bool) -> t.Any:
    if default is EMPTY and not nullable:
        return app.make(cls)
    try:
        return app.make(cls)
    except BindingResolutionError:
        return None if default is EMPTY else default


def _missing_method(controller: type, method: str) -> MissingControllerActionError:
    return MissingControllerActionError(
        f"Method [{controller.__module__}.{controller.__qualname__}.{method}] does not "
        "exist; define it on the controller or fix the route action."
    )


class _Http(t.NamedTuple):
    base: type
    response: t.Callable[..., t.Any]
    json: t.Callable[..., t.Any]


_HTTP: list[_Http] = []


def _http() -> _Http:
    """Import the response classes once, at the first dispatch (Flask is heavy)."""
    if not _HTTP:
        from werkzeug.wrappers import Response as BaseResponse

        from protevus.http.response import JsonResponse
        from protevus.http.response import Response

        _HTTP.append(_Http(BaseResponse, Response, JsonResponse))
    return _HTTP[0]
