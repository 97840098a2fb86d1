"""Turn a Werkzeug match (or its failure) into a bound route or Laravel's HTTP errors.

Laravel: ``RouteCollection::match()``, ``handleMatchedRoute()``,
``requestMethodNotAllowed()`` and ``getRouteForMethods()``.
"""

from __future__ import annotations

import re
import typing as t

from protevus.routing.route import PARAMETER

if t.TYPE_CHECKING:
    from protevus.routing.route import Route
    from protevus.routing.route_collection import RouteCollection

VERB_ORDER = {
    verb: i
    for i, verb in enumerate(
        ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
    )
}


def request_path(request: t.Any) -> str:
    """Get the path Laravel prints in routing errors: no leading slash, ``/`` for the root."""
    path = str(getattr(request, "path", "/"))
    return path.strip("/") or "/"


def not_found(request: t.Any) -> Exception:
    """Build Laravel's 404 for a path no route matches."""
    from protevus.http.exceptions import NotFoundHttpException

    return NotFoundHttpException(
        f"The route {request_path(request)} could not be found."
    )


def sorted_methods(methods: t.Iterable[str]) -> list[str]:
    """Sort methods in Laravel's verb order (GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS)."""
    return sorted(
        {m.upper() for m in methods}, key=lambda m: (VERB_ORDER.get(m, 99), m)
    )


def method_not_allowed(request: t.Any, valid: t.Iterable[str]) -> t.Any:
    """Answer ``OPTIONS`` with 200 and ``Allow``; raise Laravel's 405 otherwise.

    Laravel: ``RouteCollection::requestMethodNotAllowed()`` / ``getRouteForMethods()``.
    """
    method = str(request.method).upper()
    others = [m for m in sorted_methods(valid) if m != method]
    if method == "OPTIONS":
        from protevus.http.response import Response

        return Response("", 200, {"Allow": ", ".join(others)})
    from protevus.http.exceptions import MethodNotAllowedHttpException

    raise MethodNotAllowedHttpException(
        others,
        f"The {method} method is not supported for route {request_path(request)}. "
        f"Supported methods: {', '.join(others)}.",
    )


def translate(request: t.Any, error: BaseException) -> t.Any:
    """Re-raise a Werkzeug routing error as Laravel's, or return the OPTIONS answer."""
    from werkzeug.exceptions import MethodNotAllowed
    from werkzeug.exceptions import NotFound

    if isinstance(error, MethodNotAllowed):
        return method_not_allowed(request, error.valid_methods or [])
    if isinstance(error, NotFound) and not hasattr(error, "status_code"):
        raise not_found(request) from None
    raise error


def bind(route: Route, arguments: dict[str, t.Any], request: t.Any) -> Route | None:
    """Bind a matched route to the request; ``None`` when its domain does not match."""
    domain = route.get_domain()
    if domain is not None:
        found = _domain_pattern(route, domain).fullmatch(
            str(request.host).split(":")[0]
        )
        if found is None:
            return None
        arguments = {**found.groupdict(), **arguments}
    return route.matched(arguments)


def options_route(request: t.Any, response: t.Any) -> Route:
    """Build the route that answers an ``OPTIONS`` request with ``response``.

    Laravel: ``RouteCollection::getRouteForMethods()``.
    """
    from protevus.routing.route import Route

    return Route(
        ["OPTIONS"], request_path(request), {"uses": lambda: response}
    ).matched({})


def match_request(collection: RouteCollection, request: t.Any) -> Route:
    """Match ``request`` against the collection's map (outside Flask's own matching)."""
    from werkzeug.exceptions import HTTPException

    adapter = collection.get_url_map().bind_to_environ(request.environ)
    try:
        rule, arguments = adapter.match(return_rule=True)
    except HTTPException as error:
        response = translate(request, error)
        return options_route(request, response)
    route = getattr(rule, "_protevus_route", None)
    matched = bind(route, dict(arguments), request) if route is not None else None
    if matched is None:
        raise not_found(request)
    return matched


def _domain_pattern(route: Route, domain: str) -> re.Pattern[str]:
    cached = route.__dict__.get("_domain_regex")
    if cached is not None and cached[0] == domain:
        return t.cast(re.Pattern[str], cached[1])
    parts: list[str] = []
    position = 0
    for found in PARAMETER.finditer(domain):
        parts.append(re.escape(domain[position : found.start()]))
        pattern = route.wheres.get(found.group(1), "[^.]+")
        parts.append(f"(?P<{found.group(1)}>{pattern})")
        position = found.end()
    parts.append(re.escape(domain[position:]))
    compiled = re.compile("".join(parts), re.IGNORECASE)
    route.__dict__["_domain_regex"] = (domain, compiled)
    return compiled
