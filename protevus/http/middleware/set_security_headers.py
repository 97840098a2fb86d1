"""Add defensive headers (framing, MIME sniffing, referrer) to every web response.

Laravel: none in the framework (apps add such a middleware themselves); the
defaults follow the OWASP secure-headers recommendations.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases

_Next = t.Callable[[t.Any], t.Any]

#: the headers added when the response does not set them already.
DEFAULT_HEADERS: dict[str, str] = {
    "X-Frame-Options": "SAMEORIGIN",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


class SetSecurityHeaders(CamelAliases):
    """Set ``X-Frame-Options``, ``X-Content-Type-Options`` and ``Referrer-Policy``.

    A header the response already carries is left alone, so a route may send
    ``X-Frame-Options: DENY`` or its own ``Referrer-Policy``. Change the set in a
    subclass (``headers = {...}``; a ``None`` value drops a header) or for
    every application with ``SetSecurityHeaders.using({'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=()'})``.

    Laravel: none (a Protevus default of the ``web`` group).
    """

    #: header name → value (``None`` leaves the header out).
    headers: t.ClassVar[dict[str, str | None]] = dict(DEFAULT_HEADERS)
    _overrides: t.ClassVar[dict[str, str | None]] = {}

    def handle(self, request: t.Any, next: _Next) -> t.Any:
        """Run the request, then add the missing security headers to the response."""
        response = next(request)
        target = getattr(response, "headers", None)
        if target is None:
            return response
        for name, value in self.get_headers().items():
            if value is not None and name not in target:
                target[name] = value
        return response

    def get_headers(self) -> dict[str, str | None]:
        """Get the headers to add: the class's, then those given to :meth:`using`."""
        return {**self.headers, **SetSecurityHeaders._overrides}

    @classmethod
    def using(cls, headers: t.Mapping[str, str | None]) -> None:
        """Change or add headers (``None`` removes one) for every request."""
        SetSecurityHeaders._overrides = {**SetSecurityHeaders._overrides, **headers}

    @classmethod
    def flush_state(cls) -> None:
        """Forget the headers given to :meth:`using`."""
        SetSecurityHeaders._overrides = {}
