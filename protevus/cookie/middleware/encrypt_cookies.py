"""Decrypt the request's cookies and encrypt the response's, in Laravel's format.

Laravel: ``Illuminate\\Cookie\\Middleware\\EncryptCookies``. An outgoing value
becomes ``encrypt(CookieValuePrefix.create(name, key) + value, serialize=False)``
(percent-encoded in the ``Set-Cookie`` header, as Symfony writes it), so an
application sharing ``APP_KEY`` with a Laravel one reads the same cookies.
"""

from __future__ import annotations

import typing as t
import urllib.parse

from protevus.cookie.cookie_value_prefix import CookieValuePrefix
from protevus.encryption.encrypter import Encrypter
from protevus.encryption.exceptions import DecryptError
from protevus.support.aliases import CamelAliases
from protevus.support.except_list import ExceptList

_Next = t.Callable[[t.Any], t.Any]


class EncryptCookies(CamelAliases):
    """Decrypt incoming cookies and encrypt outgoing ones (every ``Set-Cookie`` header).

    A cookie that does not decrypt, or whose name prefix does not match (a
    payload copied from another cookie), is dropped: the application sees it as
    missing. Leave cookies in plain text by listing them in ``except_`` (in a
    subclass), with ``EncryptCookies.except_(['name'])``, or with
    ``with_middleware(lambda m: m.encrypt_cookies(except_=['name']))``.

    Laravel: ``Illuminate\\Cookie\\Middleware\\EncryptCookies``.
    """

    #: names of cookies left unencrypted (Laravel: ``$except`` and ``except()``).
    except_: t.ClassVar[list[str]] = ExceptList()
    #: whether values are PHP-serialized before encryption (Laravel: ``$serialize``).
    serialize: t.ClassVar[bool] = False

    def __init__(self, encrypter: Encrypter) -> None:
        self.encrypter = encrypter

    def handle(self, request: t.Any, next: _Next) -> t.Any:
        """Decrypt the request's cookies, run the request, encrypt the response's.

        Laravel: ``EncryptCookies::handle()``.
        """
        response = next(self.decrypt(request))
        return self.encrypt(response)

    # -- incoming ----------------------------------------------------------------------

    def decrypt(self, request: t.Any) -> t.Any:
        """Replace the request's cookies with their decrypted values.

        Laravel: ``EncryptCookies::decrypt()``.
        """
        cookies = getattr(request, "cookies", None)
        if not cookies:
            return request
        from werkzeug.datastructures import ImmutableMultiDict

        plain: list[tuple[str, str]] = []
        for name, value in cookies.items(multi=True):
            if self.is_disabled(name):
                plain.append((name, value))
                continue
            decrypted = self.decrypt_cookie(name, value)
            if decrypted is not None:
                plain.append((name, decrypted))
        # Werkzeug caches the parsed cookies on the request; replacing the cached
        # value makes request.cookie(), flask.request.cookies and everything later
        # see the plain values.
        request.cookies = ImmutableMultiDict(plain)
        return request

    def decrypt_cookie(self, name: str, value: str) -> str | None:
        """Return the plain value of cookie ``name``, or ``None`` when it is not genuine.

        Laravel: ``EncryptCookies::decryptCookie()`` + ``validateValue()``.
        """
        if "%" in value:
            # Symfony (and this middleware) percent-encode the payload; base64
            # never contains "%", so decoding cannot corrupt a raw payload.
            value = urllib.parse.unquote(value)
        try:
            decrypted = self.encrypter.decrypt(value, self.serialized(name))
        except DecryptError:
            return None
        if not isinstance(decrypted, str):
            return None
        return CookieValuePrefix.validate(
            name, decrypted, self.encrypter.get_all_keys()
        )

    # -- outgoing ----------------------------------------------------------------------

    def encrypt(self, response: t.Any) -> t.Any:
        """Encrypt the value of every cookie the response sets, except the disabled ones.

        Laravel: ``EncryptCookies::encrypt()``.
        """
        headers = getattr(response, "headers", None)
        if headers is None:
            return response
        values = headers.getlist("Set-Cookie")
        if not values:
            return response
        rewritten = [self._encrypt_header(value) for value in values]
        if rewritten != values:
            headers.remove("Set-Cookie")
            for value in rewritten:
                headers.add("Set-Cookie", value)
        return response

    def encrypt_value(self, name: str, value: str) -> str:
        """Return the encrypted payload for cookie ``name`` holding ``value``.

        Laravel: the ``encrypt()`` call inside ``EncryptCookies::encrypt()``.
        """
        prefix = CookieValuePrefix.create(name, self.encrypter.get_key())
        return self.encrypter.encrypt(prefix + value, self.serialized(name))

    def _encrypt_header(self, header: str) -> str:
        from werkzeug.http import parse_cookie

        pair, separator, attributes = header.partition(";")
        name, equals, _ = pair.partition("=")
        name = name.strip()
        if not equals or not name or self.is_disabled(name):
            return header
        value = parse_cookie(pair.strip()).get(name, "")
        if value == "" and _is_deletion(attributes):
            return header
        payload = urllib.parse.quote(self.encrypt_value(name, value), safe="")
        return f"{name}={payload}{separator}{attributes}"

    # -- settings ----------------------------------------------------------------------

    def disable_for(self, name: str | t.Iterable[str]) -> None:
        """Leave these cookies unencrypted for this instance.

        Laravel: ``EncryptCookies::disableFor()``.
        """
        names = [name] if isinstance(name, str) else list(name)
        setattr(self, "except_", [*self.except_, *names])  # noqa: B010 - this instance only

    def is_disabled(self, name: str) -> bool:
        """Tell whether cookie ``name`` is left unencrypted.

        It is when this class (or a subclass) lists it in ``except_``, when
        ``EncryptCookies.except_([...])`` registered it, or when the
        application's middleware settings do (``m.encrypt_cookies(except_=)``).

        Laravel: ``EncryptCookies::isDisabled()``.
        """
        return (
            name in self.except_
            or name in EncryptCookies.except_
            or name in _registrar_except()
        )

    @classmethod
    def serialized(cls, name: str) -> bool:
        """Tell whether cookie ``name`` is PHP-serialized before encryption (no, by default).

        Laravel: ``EncryptCookies::serialized()``.
        """
        return cls.serialize

    @classmethod
    def flush_state(cls) -> None:
        """Forget the names added with ``EncryptCookies.except_([...])``.

        Laravel: ``EncryptCookies::flushState()``.
        """
        EncryptCookies.except_ = ExceptList()


def _registrar_except() -> list[str]:
    """Get the names from ``with_middleware(lambda m: m.encrypt_cookies(except_=[...]))``.

    The registrar is read through the HTTP kernel (``'http.kernel'``), which
    keeps it as ``config``: the cookie layer sits below foundation.
    """
    from protevus.container.container import Container

    container = Container.get_instance()
    if not container.bound("http.kernel"):
        return []
    registrar = getattr(container.make("http.kernel"), "config", None)
    return list(getattr(registrar, "encrypt_cookies_except", None) or ())


def _is_deletion(attributes: str) -> bool:
    """Tell whether the cookie's attributes expire it at once (``Max-Age=0``)."""
    return "max-age=0" in attributes.replace(" ", "").lower().split(";")
