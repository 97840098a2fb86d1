"""Base for middleware that rewrite every input value of the request.

Laravel: ``Illuminate\\Foundation\\Http\\Middleware\\TransformsRequest``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.http.request import Request


class TransformsRequest(CamelAliases):
    """Run :meth:`transform` over the query and body input before the route sees it.

    Nested keys reach ``transform`` dotted (``user.name``). Files are left alone.

    Laravel: ``TransformsRequest``.
    """

    def handle(self, request: Request, next: t.Callable[[Request], t.Any]) -> t.Any:
        """Clean the request's input, then pass it on. Laravel: ``handle()``."""
        self.clean(request)
        return next(request)

    def clean(self, request: Request) -> None:
        """Transform the query bag, and the body (form or JSON) bag when distinct."""
        for bag in request.input_bags():
            if bag:
                self._clean_dict(bag, "")

    def _clean_dict(self, data: dict[t.Any, t.Any], prefix: str) -> None:
        for key in list(data):
            data[key] = self._clean_value(f"{prefix}{key}", data[key])

    def _clean_value(self, key: str, value: t.Any) -> t.Any:
        if isinstance(value, dict):
            self._clean_dict(value, f"{key}.")
            return value
        if isinstance(value, list):
            for index, item in enumerate(value):
                value[index] = self._clean_value(f"{key}.{index}", item)
            return value
        return self.transform(key, value)

    def transform(self, key: str, value: t.Any) -> t.Any:
        """Return the new value of input ``key``. Laravel: ``transform()``."""
        return value
