"""Flash data to the session from a redirect: messages, old input and errors.

Laravel: the flashing half of ``Illuminate\\Http\\RedirectResponse``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases
from protevus.support.message_bag import MessageBag
from protevus.support.view_error_bag import ViewErrorBag

if t.TYPE_CHECKING:
    from protevus.http.response import Cookie

_Redirect = t.TypeVar("_Redirect", bound="FlashesSessionData")

_NO_SESSION = (
    "Flashing data needs the session middleware: add StartSession to the route "
    "(the web group has it)."
)


class FlashesSessionData(CamelAliases):
    """Give a redirect ``with_``, ``with_input``, ``with_errors`` and ``with_<key>()``."""

    session: t.Any
    request: t.Any

    if t.TYPE_CHECKING:

        def get_request(self) -> t.Any: ...

        def cookie(
            self, cookie: Cookie | str, *args: t.Any, **kwargs: t.Any
        ) -> t.Any: ...

    def _store(self) -> t.Any:
        if self.session is None:
            raise RuntimeError(_NO_SESSION)
        return self.session

    def with_(
        self: _Redirect, key: str | t.Mapping[str, t.Any], value: t.Any = None
    ) -> _Redirect:
        """Flash ``key`` (or each item of a dict) to the session. Laravel: ``with()``."""
        store = self._store()
        items = key.items() if isinstance(key, t.Mapping) else [(key, value)]
        for name, val in items:
            store.flash(name, val)
        return self

    def with_cookies(self: _Redirect, cookies: t.Iterable[Cookie]) -> _Redirect:
        """Add several cookies. Laravel: ``withCookies()``."""
        for cookie in cookies:
            self.cookie(cookie)
        return self

    def with_input(
        self: _Redirect, input: t.Mapping[str, t.Any] | None = None
    ) -> _Redirect:
        """Flash the request input (files removed) for ``old()``. Laravel: ``withInput()``."""
        store = self._store()
        if input is None:
            request = self.get_request()
            if request is None:
                raise RuntimeError(
                    "with_input() without data needs the request; call set_request() "
                    "or pass the input to flash."
                )
            input = request.input()
        data = _without_files(dict(input or {}))
        flash_input = getattr(store, "flash_input", None)
        if callable(flash_input):
            flash_input(data)
        else:
            store.flash("_old_input", data)
        return self

    def only_input(self: _Redirect, *keys: t.Any) -> _Redirect:
        """Flash only the given input keys. Laravel: ``onlyInput()``."""
        return self.with_input(self.get_request().only(*keys))

    def except_input(self: _Redirect, *keys: t.Any) -> _Redirect:
        """Flash all input but the given keys. Laravel: ``exceptInput()``."""
        return self.with_input(self.get_request().except_(*keys))

    def with_errors(
        self: _Redirect, provider: t.Any, key: str = "default"
    ) -> _Redirect:
        """Flash validation errors into the ``key`` error bag. Laravel: ``withErrors()``."""
        store = self._store()
        if isinstance(provider, MessageBag):
            bag = provider
        elif callable(getattr(provider, "get_message_bag", None)):
            bag = provider.get_message_bag()
        elif isinstance(provider, t.Mapping):
            bag = MessageBag(dict(provider))
        else:
            items = provider if isinstance(provider, list | tuple) else [provider]
            bag = MessageBag({"0": list(items)} if items else {})
        errors = store.get("errors")
        if not isinstance(errors, ViewErrorBag):
            errors = ViewErrorBag()
        store.flash("errors", errors.put(key, bag))
        return self

    def __getattr__(self, name: str) -> t.Any:
        """Answer ``with_status('Saved')`` as ``with_('status', 'Saved')``. Laravel: ``__call``."""
        if name.startswith("with_") and len(name) > 5:
            key = name[5:]
            return lambda value=True: self.with_(key, value)
        if name.startswith("with") and len(name) > 4 and name[4].isupper():
            key = name[4].lower() + name[5:]
            return lambda value=True: self.with_(key, value)
        raise AttributeError(
            f"Method [{name}] does not exist on [{type(self).__name__}]."
        )


def _without_files(data: t.Any) -> t.Any:
    from protevus.http.uploaded_file import UploadedFile

    if isinstance(data, dict):
        return {
            k: _without_files(v)
            for k, v in data.items()
            if not isinstance(v, UploadedFile)
        }
    if isinstance(data, list):
        return [_without_files(v) for v in data if not isinstance(v, UploadedFile)]
    return data
