"""The HTTP kernel: global middleware, then the router; errors become responses.

Laravel: ``Illuminate\\Foundation\\Http\\Kernel``.
"""

from __future__ import annotations

import typing as t

from protevus.container._reflection import defines_call
from protevus.foundation import exception_pages
from protevus.routing.pipeline import report_once
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.foundation.configuration.middleware import Middleware

_Handler = t.Callable[[t.Any], t.Any]


class Kernel(CamelAliases):
    """Send each request through the global middleware to the router.

    The chain of calls is composed once, on the first request. Protevus's own
    global middleware (``TrimStrings``, ``ValidatePostSize``...) keep no state, so
    each is built a single time; the application's are built by the container for
    every request, and again for ``terminate()``, as Laravel does (bind one as a
    singleton to share an instance). Like Laravel's routing pipeline, an
    exception raised inside the chain is reported and rendered where it happens,
    so the middleware around it still see (and may change) the error response.

    Group, alias and priority settings are shared with the router, which runs the
    route middleware.

    Laravel: ``Illuminate\\Foundation\\Http\\Kernel``.
    """

    def __init__(self, app: t.Any, router: t.Any) -> None:
        self.app = app
        self.router = router
        self.middleware: list[t.Any] = []
        self.middleware_groups: dict[str, list[t.Any]] = {}
        self.middleware_aliases: dict[str, t.Any] = {}
        self.middleware_priority: list[t.Any] = []
        #: the registrar whose settings configured this kernel (None when built bare).
        self.config: Middleware | None = None
        self._stack: _Handler | None = None
        #: terminable global middleware: instances, or the classes / container
        #: keys built again for each terminate() call.
        self._terminables: list[t.Any] = []
        self._not_terminable: set[t.Any] = set()
        self._forget_route: t.Callable[[], None] = _nothing
        self._route_terminables: dict[int, tuple[t.Any, list[t.Any]]] = {}

    # -- configuration --------------------------------------------------------------

    def configure(self, middleware: Middleware) -> Kernel:
        """Take the global stack, groups, aliases and priority from a registrar.

        Laravel: the ``afterResolving(HttpKernel)`` hook of ``withMiddleware()``.
        """
        self.config = middleware
        self.middleware = middleware.get_global_middleware()
        self.middleware_groups = middleware.get_middleware_groups()
        self.middleware_aliases = middleware.get_middleware_aliases()
        self.middleware_priority = middleware.get_middleware_priority()
        self._stack = None
        self.sync_middleware_to_router()
        return self

    def sync_middleware_to_router(self) -> None:
        """Give the router the groups, aliases and priority.

        Laravel: ``Kernel::syncMiddlewareToRouter()``.
        """
        _sync(
            self.router,
            self.middleware_groups,
            self.middleware_aliases,
            self.middleware_priority,
        )

    def has_middleware(self, middleware: t.Any) -> bool:
        """Determine if ``middleware`` is in the global stack.

        Laravel: ``Kernel::hasMiddleware()``.
        """
        return middleware in self.middleware

    def prepend_middleware(self, middleware: t.Any) -> Kernel:
        """Put middleware in front of the global stack.

        Laravel: ``Kernel::prependMiddleware()``.
        """
        if middleware not in self.middleware:
            self.middleware.insert(0, middleware)
            self._stack = None
        return self

    def push_middleware(self, middleware: t.Any) -> Kernel:
        """Add middleware at the end of the global stack.

        Laravel: ``Kernel::pushMiddleware()``.
        """
        if middleware not in self.middleware:
            self.middleware.append(middleware)
            self._stack = None
        return self

    def prepend_middleware_to_group(self, group: str, middleware: t.Any) -> Kernel:
        """Put middleware in front of a group.

        Laravel: ``Kernel::prependMiddlewareToGroup()``.
        """
        items = self.middleware_groups.setdefault(group, [])
        if middleware not in items:
            items.insert(0, middleware)
            self.router.middleware_group(group, list(items))
            self._route_terminables.clear()
        return self

    def append_middleware_to_group(self, group: str, middleware: t.Any) -> Kernel:
        """Add middleware at the end of a group.

        Laravel: ``Kernel::appendMiddlewareToGroup()``.
        """
        items = self.middleware_groups.setdefault(group, [])
        if middleware not in items:
            items.append(middleware)
            self.router.middleware_group(group, list(items))
            self._route_terminables.clear()
        return self

    def get_global_middleware(self) -> list[t.Any]:
        """Get the global middleware. Laravel: ``Kernel::getGlobalMiddleware()``."""
        return list(self.middleware)

    def set_global_middleware(self, middleware: t.Iterable[t.Any]) -> Kernel:
        """Replace the global middleware. Laravel: ``Kernel::setGlobalMiddleware()``."""
        self.middleware = list(middleware)
        self._stack = None
        return self

    def get_middleware_groups(self) -> dict[str, list[t.Any]]:
        """Get the middleware groups. Laravel: ``Kernel::getMiddlewareGroups()``."""
        return {name: list(items) for name, items in self.middleware_groups.items()}

    def get_middleware_aliases(self) -> dict[str, t.Any]:
        """Get the middleware aliases. Laravel: ``Kernel::getMiddlewareAliases()``."""
        return dict(self.middleware_aliases)

    def get_middleware_priority(self) -> list[t.Any]:
        """Get the priority list. Laravel: ``Kernel::getMiddlewarePriority()``."""
        return list(self.middleware_priority)

    def get_application(self) -> t.Any:
        """Get the application. Laravel: ``Kernel::getApplication()``."""
        return self.app

    # -- handling ---------------------------------------------------------------------

    def handle(self, request: t.Any) -> t.Any:
        """Send ``request`` through the global middleware and the router; return the response.

        Any exception is reported and rendered (an error page or JSON).

        Laravel: ``Kernel::handle()``.
        """
        stack = self._stack or self._build_stack()
        self._forget_route()
        try:
            return stack(request)
        except Exception as exc:
            return self.render_exception(request, exc)

    def render_exception(self, request: t.Any, exc: BaseException) -> t.Any:
        """Report ``exc`` and render it; never fail (a broken handler gives a bare 500 page).

        Laravel: ``Kernel::reportException()`` + ``Kernel::renderException()``.
        """
        try:
            handler = self.app.make("exceptions")
            # A route middleware layer may have reported it already.
            report_once(handler, exc)
            return handler.render(request, exc)
        except Exception as failure:
            return self._last_resort(failure)

    def _last_resort(self, failure: BaseException) -> t.Any:
        try:
            self.app.make("exceptions").report(failure)
        except Exception:  # the handler is what failed; the page below still answers
            pass
        from protevus.http.response import Response

        page = exception_pages.render_status_page(500)
        return Response(page, 500, content_type="text/html; charset=utf-8")

    def _build_stack(self) -> _Handler:
        dispatch = self.router.dispatch
        render = self.render_exception

        def to_router(request: t.Any) -> t.Any:
            # Laravel's prepareDestination(): the innermost middleware gets the
            # rendered error, not the exception.
            try:
                return dispatch(request)
            except Exception as exc:
                return render(request, exc)

        handler: _Handler = to_router
        terminables: list[t.Any] = []
        for entry in reversed(self.middleware):
            target, params = self._parse_middleware(entry)
            instance = target
            if isinstance(target, str | type):
                # Protevus's own are stateless: one instance serves every request
                # (unless the container was told to build an application class).
                instance = self.app.make(target) if _is_framework(target) else None
                if instance is None or not _is_framework(type(instance)):
                    handler = self._per_request_layer(target, params, handler)
                    if not isinstance(target, type) or callable(
                        getattr(target, "terminate", None)
                    ):
                        terminables.append(target)
                    continue
            self._apply_settings(instance)
            handler = self._layer(instance, params, handler)
            if callable(getattr(instance, "terminate", None)):
                terminables.append(instance)
        self._terminables = terminables[::-1]
        self._not_terminable = set()
        self._forget_route = getattr(self.router, "forget_current_route", _nothing)
        self._stack = handler
        return handler

    def _apply_settings(self, instance: t.Any) -> None:
        """Give the registrar's per-middleware settings to this app's instances.

        Set on the instance (not the class, as Laravel's static setters do) so two
        applications in one process keep their own settings.
        """
        config = self.config
        if config is None or getattr(instance, "_protevus_configured", False):
            return
        from protevus.http.middleware.convert_empty_strings_to_null import (
            ConvertEmptyStringsToNull,
        )
        from protevus.http.middleware.trim_strings import TrimStrings

        skip: list[t.Callable[[t.Any], t.Any]] = []
        if isinstance(instance, TrimStrings):
            if config.trim_strings_except:
                extra = [*instance.except_, *config.trim_strings_except]
                setattr(instance, "except_", extra)  # noqa: B010 - the instance, not the class
            skip = config.trim_strings_skip_when
        elif isinstance(instance, ConvertEmptyStringsToNull):
            skip = config.convert_empty_strings_skip_when
        if skip:
            instance.handle = _skipping(instance.handle, list(skip))
        # A singleton application middleware comes back each request: set up once.
        try:
            instance._protevus_configured = True
        except AttributeError:  # pragma: no cover - middleware with __slots__
            pass

    def _has_settings(self) -> bool:
        config = self.config
        return config is not None and bool(
            config.trim_strings_except
            or config.trim_strings_skip_when
            or config.convert_empty_strings_skip_when
        )

    def _parse_middleware(self, entry: t.Any) -> tuple[t.Any, list[str]]:
        """Split ``'name:a,b'`` into the aliased middleware and its parameters."""
        params: list[str] = []
        if isinstance(entry, str):
            name, _, raw = entry.partition(":")
            params = raw.split(",") if raw else []
            entry = self.middleware_aliases.get(name, name)
        return entry, params

    def _per_request_layer(
        self, target: str | type, params: list[str], next_: _Handler
    ) -> _Handler:
        """Build the application's middleware anew for each request, then call it.

        Laravel: ``Pipeline::carry()`` resolving the middleware from the container.
        """
        if isinstance(target, type) and not (
            callable(getattr(target, "handle", None)) or defines_call(target)
        ):
            raise TypeError(
                f"Middleware [{target.__module__}.{target.__qualname__}] has no "
                "handle() method; define handle(self, request, next)."
            )
        make, render = self.app.make, self.render_exception
        settings = self._apply_settings if self._has_settings() else None

        def per_request(request: t.Any) -> t.Any:
            try:
                instance = make(target)
                if settings is not None:
                    settings(instance)
                handle = getattr(instance, "handle", instance)
                return handle(request, next_, *params)
            except Exception as exc:
                return render(request, exc)

        return per_request

    def _layer(self, instance: t.Any, params: list[str], next_: _Handler) -> _Handler:
        handle = getattr(instance, "handle", None)
        if not callable(handle):
            if not callable(instance):
                raise TypeError(
                    f"Middleware [{instance!r}] has no handle() method; define "
                    "handle(self, request, next) or pass a callable."
                )
            handle = instance
        render = self.render_exception

        if params:

            def layer_with_params(request: t.Any) -> t.Any:
                try:
                    return handle(request, next_, *params)
                except Exception as exc:
                    return render(request, exc)

            return layer_with_params

        def layer(request: t.Any) -> t.Any:
            try:
                return handle(request, next_)
            except Exception as exc:
                return render(request, exc)

        return layer

    # -- terminating --------------------------------------------------------------------

    def terminate(self, request: t.Any, response: t.Any) -> None:
        """Run terminable middleware, the app's terminating callbacks, then drop scoped instances.

        Called after the response is sent. Route middleware come first (built
        again by the container, as Laravel does), then the global ones. A failure
        is reported and the remaining steps still run.

        Laravel: ``Kernel::terminate()``.
        """
        for middleware in self._route_terminable_middleware(request):
            self._run_step(middleware.terminate, request, response)
        for middleware in self._terminables:
            if isinstance(middleware, str | type):
                self._run_step(self._terminate_fresh, middleware, request, response)
            else:
                self._run_step(middleware.terminate, request, response)
        self._run_step(self.app.terminate)
        self.app.forget_scoped_instances()

    def _terminate_fresh(
        self, target: str | type, request: t.Any, response: t.Any
    ) -> None:
        """Build the application's global middleware again and call its ``terminate``.

        Laravel: ``Kernel::terminateMiddleware()``.
        """
        if target in self._not_terminable:
            return
        terminate = getattr(self.app.make(target), "terminate", None)
        if callable(terminate):
            terminate(request, response)
        else:
            # A container key whose middleware cannot terminate: not built again.
            self._not_terminable.add(target)

    def _run_step(self, step: t.Callable[..., t.Any], *args: t.Any) -> None:
        try:
            step(*args)
        except Exception as exc:
            self.app.make("exceptions").report(exc)

    def _route_terminable_middleware(self, request: t.Any) -> list[t.Any]:
        resolver = getattr(request, "route", None)
        gather = getattr(self.router, "gather_route_middleware", None)
        if resolver is None or gather is None:
            return []
        try:
            route = resolver()
        except Exception:  # no route matched (404) or no resolver set
            return []
        if route is None:
            return []
        # The router hands each request a copy of the shared route; cache by the
        # shared one so the list is gathered once per route.
        route = getattr(route, "_source", route)
        cached = self._route_terminables.get(id(route))
        if cached is None or cached[0] is not route:
            found = []
            for entry in gather(route):
                # The router gives (middleware, params) pairs, already resolved.
                target = entry[0] if isinstance(entry, tuple) else entry
                if callable(getattr(target, "terminate", None)):
                    found.append(target)
            cached = self._route_terminables[id(route)] = (route, found)
        return [
            self.app.make(target) if isinstance(target, str | type) else target
            for target in cached[1]
        ]


def sync_middleware_to_router(router: t.Any, middleware: Middleware) -> None:
    """Give the router a registrar's groups, aliases and priority (no kernel needed)."""
    _sync(
        router,
        middleware.get_middleware_groups(),
        middleware.get_middleware_aliases(),
        middleware.get_middleware_priority(),
    )


def _sync(
    router: t.Any,
    groups: dict[str, list[t.Any]],
    aliases: dict[str, t.Any],
    priority: list[t.Any],
) -> None:
    router.middleware_priority = list(priority)
    for name, items in groups.items():
        router.middleware_group(name, list(items))
    for alias, middleware in aliases.items():
        router.alias_middleware(alias, middleware)


def _nothing() -> None:
    """Do nothing (a router without a current route to forget)."""


def _is_framework(target: str | type) -> bool:
    """Determine if ``target`` is one of Protevus's own (stateless) middleware."""
    name = target if isinstance(target, str) else target.__module__
    return name.startswith("protevus.")


def _skipping(
    handle: t.Callable[..., t.Any], callbacks: list[t.Callable[[t.Any], t.Any]]
) -> t.Callable[..., t.Any]:
    """Wrap ``handle`` so the middleware is skipped when a callback accepts the request."""

    def skippable(request: t.Any, next_: _Handler, *params: t.Any) -> t.Any:
        for callback in callbacks:
            if callback(request):
                return next_(request)
        return handle(request, next_, *params)

    return skippable
