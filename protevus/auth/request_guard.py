"""A guard whose user comes from a callback given the request.

Laravel: ``Illuminate\\Auth\\RequestGuard`` (``Auth::viaRequest()``)::

    Auth.via_request('api-key', lambda request, provider:
        User.where('api_key', request.header('X-Api-Key')).first())
"""

from __future__ import annotations

import typing as t

from protevus.auth.guard_helpers import GuardHelpers
from protevus.support.macroable import Macroable

_Callback = t.Callable[..., t.Any]


class RequestGuard(GuardHelpers, Macroable):
    """Find the user with ``callback(request, provider)`` once per request.

    Laravel: ``Illuminate\\Auth\\RequestGuard``.
    """

    def __init__(
        self, callback: _Callback, request: t.Any, provider: t.Any = None
    ) -> None:
        self.callback = callback
        self._request_source = request
        self.provider = provider
        self._user: t.Any = None

    def user(self) -> t.Any:
        """Get the callback's user for the request (asked once). Laravel: ``RequestGuard::user()``."""
        if self._user is not None:
            return self._user
        self._user = self.callback(self.get_request(), self.provider)
        return self._user

    def validate(self, credentials: t.Mapping[str, t.Any] | None = None) -> bool:
        """Tell whether ``credentials['request']`` would authenticate.

        Laravel: ``RequestGuard::validate()``.
        """
        request = dict(credentials or {}).get("request")
        return type(self)(self.callback, request, self.provider).user() is not None

    def get_request(self) -> t.Any:
        """Get the request (resolved when the guard was given a resolver)."""
        source = self._request_source
        if callable(source) and not hasattr(source, "cookies"):
            return source()
        return source

    def set_request(self, request: t.Any) -> RequestGuard:
        """Use ``request``. Laravel: ``RequestGuard::setRequest()``."""
        self._request_source = request
        return self
