"""Compile routes to Werkzeug rules.

Laravel: ``Illuminate\\Routing\\RouteCompiler`` (Laravel compiles to Symfony routes;
Protevus compiles to the Werkzeug rules Flask matches). An optional trailing
``{param?}`` becomes one extra rule per optional segment, with the parameter
defaulting to ``None``; ``where`` constraints become regex converters.
"""

from __future__ import annotations

import itertools
import typing as t

from protevus.routing.route import PARAMETER

if t.TYPE_CHECKING:
    from werkzeug.routing import Map
    from werkzeug.routing import Rule

    from protevus.routing.route import Route

#: Endpoint prefix of every rule the router adds to the map (no dots: Flask reads
#: dotted endpoints as blueprint names).
ENDPOINT_PREFIX = "protevus_route_"

#: Characters in a constraint that may let it match a ``/``.
_SLASHY = (".", "/", "[^", "\\D", "\\W", "\\S")

_serial = itertools.count()


class RouteCompiler:
    """Turn one route into the Werkzeug rules that match it.

    Laravel: ``Illuminate\\Routing\\RouteCompiler``.
    """

    def __init__(self, url_map: Map) -> None:
        self.url_map = url_map
        self._converters: dict[str, str] = {}

    def compile(self, route: Route, patterns: t.Mapping[str, str]) -> list[Rule]:
        """Build the rules of ``route``; ``patterns`` are the router's global ones.

        Laravel: ``RouteCompiler::compile()``.
        """
        from werkzeug.routing import Rule

        uri = route.uri()
        segments = [] if uri == "/" else uri.split("/")
        optional = 0
        for segment in reversed(segments):
            found = PARAMETER.fullmatch(segment)
            if found is None or not found.group(3):
                break
            optional += 1
        if route.is_fallback and segments and optional == 0:
            optional = len(segments)
        wheres = {**patterns, **route.wheres}
        serial = next(_serial)
        rules: list[Rule] = []
        names = [m.group(1) for m in PARAMETER.finditer(uri)]
        for index, count in enumerate(
            range(len(segments) - optional, len(segments) + 1)
        ):
            kept = segments[:count]
            path = "/" + "/".join(self._segment(s, wheres) for s in kept)
            present = {m.group(1) for s in kept for m in PARAMETER.finditer(s)}
            defaults = {
                n: route.default_values.get(n) for n in names if n not in present
            }
            for key, value in route.default_values.items():
                if key not in present:
                    defaults[key] = value
            rule = Rule(
                path,
                methods=route.methods(),
                endpoint=f"{ENDPOINT_PREFIX}{serial}_{index}",
                defaults=defaults or None,
                strict_slashes=False,
            )
            rule._protevus_route = route  # type: ignore[attr-defined]
            rules.append(rule)
        return rules

    def _segment(self, segment: str, wheres: t.Mapping[str, str]) -> str:
        def convert(match: t.Any) -> str:
            name = match.group(1)
            pattern = wheres.get(name)
            if pattern is None:
                return f"<{name}>"
            return f"<{self._converter(pattern)}:{name}>"

        return PARAMETER.sub(convert, segment.replace("<", "%3C").replace(">", "%3E"))

    def _converter(self, pattern: str) -> str:
        """Register (once) a converter class matching ``pattern`` and return its name."""
        name = self._converters.get(pattern)
        if name is not None:
            return name
        from werkzeug.routing import BaseConverter

        name = f"protevus{len(self._converters)}_{id(self) % 10_000}"
        converter = type(
            "WhereConverter",
            (BaseConverter,),
            {
                "regex": f"(?:{pattern})",
                "part_isolating": not any(token in pattern for token in _SLASHY),
                "weight": 100,
            },
        )
        self.url_map.converters[name] = converter
        self._converters[pattern] = name
        return name
