"""Send requests to the application in-process and get :class:`TestResponse` back.

Laravel: ``Illuminate\\Foundation\\Testing\\Concerns\\MakesHttpRequests``.
"""

from __future__ import annotations

import json as jsonlib
import typing as t
import urllib.parse

from protevus.support.aliases import CamelAliases
from protevus.support.macroable import Macroable
from protevus.testing.test_response import TestResponse

_Data = t.Mapping[str, t.Any] | t.Sequence[t.Any] | str | bytes | None


class TestClient(CamelAliases, Macroable):
    """Make HTTP requests against an application without a server.

    ``TestClient(app)`` takes a Protevus application (its ``app.flask``), a Flask
    app or any WSGI callable. Headers, cookies and the Referer set with
    ``with_*`` apply to every later request of this client, as in a Laravel test::

        client.with_headers({'X-Team': '1'}).get('/').assert_ok()
        client.post_json('/api/posts', {'title': 'Hi'}).assert_created()

    Cookies the application sets are kept and sent back, like a browser does
    (encrypted ones stay encrypted, as a browser keeps them).

    Laravel: ``MakesHttpRequests`` (``$this->get()``, ``$this->postJson()``...).
    """

    __test__ = False  # not a pytest test class

    def __init__(self, app: t.Any) -> None:
        self.app = app
        self._default_headers: dict[str, str] = {}
        self._default_cookies: dict[str, str] = {}
        self._unencrypted_cookies: dict[str, str] = {}
        self._encrypt_cookies = True
        self._server_variables: dict[str, t.Any] = {}
        self._follow_redirects = False
        self._werkzeug_client: t.Any = None
        if not (_is_flask(app) or hasattr(type(app), "flask") or callable(app)):
            raise TypeError(
                f"Cannot make requests to [{type(app).__name__}]: pass a Protevus "
                "application, a Flask app or a WSGI callable to TestClient()."
            )

    @staticmethod
    def _make_client(app: t.Any) -> t.Any:
        target = getattr(app, "flask", None) if not _is_flask(app) else app
        if target is None:
            target = app
        if _is_flask(target):
            return target.test_client()
        if callable(target):
            from werkzeug.test import Client

            return Client(target)
        raise TypeError(
            f"Cannot make requests to [{type(app).__name__}]: pass a Protevus "
            "application, a Flask app or a WSGI callable to TestClient()."
        )

    @property
    def werkzeug_client(self) -> t.Any:
        """Get the underlying Flask/Werkzeug test client (made on first use: ``app.flask`` is built lazily)."""
        if self._werkzeug_client is None:
            self._werkzeug_client = self._make_client(self.app)
        return self._werkzeug_client

    # -- request state -------------------------------------------------------

    def with_headers(self, headers: t.Mapping[str, t.Any]) -> TestClient:
        """Send these headers with every later request.

        Laravel: ``MakesHttpRequests::withHeaders()``.
        """
        for name, value in headers.items():
            self._default_headers[name] = str(value)
        return self

    def with_header(self, name: str, value: t.Any) -> TestClient:
        """Send this header with every later request.

        Laravel: ``MakesHttpRequests::withHeader()``.
        """
        self._default_headers[name] = str(value)
        return self

    def with_token(self, token: str, type: str = "Bearer") -> TestClient:
        """Send an ``Authorization: Bearer <token>`` header.

        Laravel: ``MakesHttpRequests::withToken()``.
        """
        return self.with_header("Authorization", f"{type} {token}")

    def with_basic_auth(self, username: str, password: str) -> TestClient:
        """Send HTTP basic credentials.

        Laravel: ``MakesHttpRequests::withBasicAuth()``.
        """
        import base64

        pair = base64.b64encode(f"{username}:{password}".encode()).decode()
        return self.with_token(pair, "Basic")

    def without_token(self) -> TestClient:
        """Stop sending the ``Authorization`` header.

        Laravel: ``MakesHttpRequests::withoutToken()``.
        """
        return self.without_header("Authorization")

    def without_header(self, name: str) -> TestClient:
        """Stop sending a header set with :meth:`with_header`.

        Laravel: ``MakesHttpRequests::withoutHeader()``.
        """
        for key in [k for k in self._default_headers if k.lower() == name.lower()]:
            del self._default_headers[key]
        return self

    def flush_headers(self) -> TestClient:
        """Forget every header set with :meth:`with_headers`.

        Laravel: ``MakesHttpRequests::flushHeaders()``.
        """
        self._default_headers.clear()
        return self

    def with_server_variables(self, server: t.Mapping[str, t.Any]) -> TestClient:
        """Set WSGI environ values (``REMOTE_ADDR``...) for every later request.

        Laravel: ``MakesHttpRequests::withServerVariables()``.
        """
        self._server_variables.update(server)
        return self

    def with_cookies(self, cookies: t.Mapping[str, t.Any]) -> TestClient:
        """Send these cookies with every later request, encrypted as ``EncryptCookies`` expects.

        With a Protevus application that has an encrypter (an ``APP_KEY``), each
        value is sent as ``encrypt(CookieValuePrefix.create(name, key) + value,
        serialize=False)``, so the application reads the plain value through the
        ``EncryptCookies`` middleware; a Flask app or WSGI callable gets the
        values as they are. Use :meth:`with_unencrypted_cookies` for cookies the
        middleware leaves alone (its ``except_`` list) or for routes without it.

        Laravel: ``MakesHttpRequests::withCookies()``.
        """
        for name, value in cookies.items():
            self._default_cookies[name] = str(value)
        return self

    def with_cookie(self, name: str, value: t.Any) -> TestClient:
        """Send this cookie, encrypted, with every later request.

        Laravel: ``MakesHttpRequests::withCookie()``.
        """
        return self.with_cookies({name: value})

    def with_unencrypted_cookies(self, cookies: t.Mapping[str, t.Any]) -> TestClient:
        """Send these cookies as they are, never encrypted.

        Laravel: ``MakesHttpRequests::withUnencryptedCookies()``.
        """
        for name, value in cookies.items():
            self._unencrypted_cookies[name] = str(value)
        return self

    def with_unencrypted_cookie(self, name: str, value: t.Any) -> TestClient:
        """Send this cookie as it is, never encrypted.

        Laravel: ``MakesHttpRequests::withUnencryptedCookie()``.
        """
        return self.with_unencrypted_cookies({name: value})

    def disable_cookie_encryption(self) -> TestClient:
        """Send the cookies of :meth:`with_cookies` unencrypted too.

        Laravel: ``MakesHttpRequests::disableCookieEncryption()``.
        """
        self._encrypt_cookies = False
        return self

    def enable_cookie_encryption(self) -> TestClient:
        """Encrypt the cookies of :meth:`with_cookies` again (the default).

        Laravel: ``MakesHttpRequests::enableCookieEncryption()``.
        """
        self._encrypt_cookies = True
        return self

    def _prepare_cookies_for_request(self) -> dict[str, str]:
        """Get the cookies to send: encrypted defaults, then the unencrypted ones.

        Laravel: ``MakesHttpRequests::prepareCookiesForRequest()``.
        """
        encrypter = self._cookie_encrypter() if self._default_cookies else None
        if encrypter is None:
            return {**self._default_cookies, **self._unencrypted_cookies}
        from protevus.cookie.cookie_value_prefix import CookieValuePrefix

        key = encrypter.get_key()
        encrypted = {
            name: encrypter.encrypt(
                CookieValuePrefix.create(name, key) + value, serialize=False
            )
            for name, value in self._default_cookies.items()
        }
        return {**encrypted, **self._unencrypted_cookies}

    def _cookie_encrypter(self) -> t.Any:
        """Get the application's encrypter, or ``None`` (no Protevus app, no ``APP_KEY``)."""
        app = self._protevus_app()
        if not self._encrypt_cookies or app is None or not app.bound("encrypter"):
            return None
        from protevus.encryption.exceptions import MissingAppKeyError

        try:
            return app.make("encrypter")
        except MissingAppKeyError:
            return None

    def follow_redirects(self) -> TestClient:
        """Follow redirects on later requests; the response is the last one.

        Laravel: ``MakesHttpRequests::followingRedirects()``.
        """
        self._follow_redirects = True
        return self

    def following_redirects(self) -> TestClient:
        """Follow redirects on later requests.

        Laravel: ``MakesHttpRequests::followingRedirects()``.
        """
        return self.follow_redirects()

    def from_(self, url: str) -> TestClient:
        """Send ``url`` as the ``Referer`` (where ``back()`` goes).

        Laravel: ``MakesHttpRequests::from()``.
        """
        return self.with_header("Referer", url)

    # -- requests ------------------------------------------------------------

    def get(
        self, uri: str, data: _Data = None, headers: t.Mapping[str, t.Any] | None = None
    ) -> TestResponse:
        """Send a GET request (``data`` becomes the query string).

        Laravel: ``MakesHttpRequests::get()``.
        """
        return self.call("GET", uri, data, headers)

    def head(
        self, uri: str, data: _Data = None, headers: t.Mapping[str, t.Any] | None = None
    ) -> TestResponse:
        """Send a HEAD request (``data`` becomes the query string)."""
        return self.call("HEAD", uri, data, headers)

    def options(
        self, uri: str, data: _Data = None, headers: t.Mapping[str, t.Any] | None = None
    ) -> TestResponse:
        """Send an OPTIONS request.

        Laravel: ``MakesHttpRequests::options()``.
        """
        return self.call("OPTIONS", uri, data, headers)

    def post(
        self, uri: str, data: _Data = None, headers: t.Mapping[str, t.Any] | None = None
    ) -> TestResponse:
        """Send a POST request with ``data`` as form fields (files make it multipart).

        Laravel: ``MakesHttpRequests::post()``.
        """
        return self.call("POST", uri, data, headers)

    def put(
        self, uri: str, data: _Data = None, headers: t.Mapping[str, t.Any] | None = None
    ) -> TestResponse:
        """Send a PUT request with ``data`` as form fields.

        Laravel: ``MakesHttpRequests::put()``.
        """
        return self.call("PUT", uri, data, headers)

    def patch(
        self, uri: str, data: _Data = None, headers: t.Mapping[str, t.Any] | None = None
    ) -> TestResponse:
        """Send a PATCH request with ``data`` as form fields.

        Laravel: ``MakesHttpRequests::patch()``.
        """
        return self.call("PATCH", uri, data, headers)

    def delete(
        self, uri: str, data: _Data = None, headers: t.Mapping[str, t.Any] | None = None
    ) -> TestResponse:
        """Send a DELETE request with ``data`` as form fields.

        Laravel: ``MakesHttpRequests::delete()``.
        """
        return self.call("DELETE", uri, data, headers)

    def json(
        self,
        method: str,
        uri: str,
        data: t.Any = None,
        headers: t.Mapping[str, t.Any] | None = None,
    ) -> TestResponse:
        """Send ``data`` as a JSON body with ``Accept: application/json``.

        For GET and HEAD the data goes into the query string instead (Laravel
        sends a JSON body even then; browsers and HTTP clients do not).

        Laravel: ``MakesHttpRequests::json()``.
        """
        body = jsonlib.dumps(data if data is not None else {}, default=_json_default)
        merged = {
            "Content-Type": "application/json",
            "Accept": "application/json",
            **dict(headers or {}),
        }
        if method.upper() in ("GET", "HEAD"):
            # Laravel sends GET JSON data as the query string, with no body.
            return self.call(method, uri, data, merged, json_body=None)
        return self.call(method, uri, None, merged, json_body=body)

    def get_json(
        self, uri: str, headers: t.Mapping[str, t.Any] | None = None
    ) -> TestResponse:
        """Send a GET request expecting JSON. Laravel: ``getJson()``."""
        return self.json("GET", uri, None, headers)

    def post_json(
        self, uri: str, data: t.Any = None, headers: t.Mapping[str, t.Any] | None = None
    ) -> TestResponse:
        """Send a POST request with a JSON body. Laravel: ``postJson()``."""
        return self.json("POST", uri, data, headers)

    def put_json(
        self, uri: str, data: t.Any = None, headers: t.Mapping[str, t.Any] | None = None
    ) -> TestResponse:
        """Send a PUT request with a JSON body. Laravel: ``putJson()``."""
        return self.json("PUT", uri, data, headers)

    def patch_json(
        self, uri: str, data: t.Any = None, headers: t.Mapping[str, t.Any] | None = None
    ) -> TestResponse:
        """Send a PATCH request with a JSON body. Laravel: ``patchJson()``."""
        return self.json("PATCH", uri, data, headers)

    def delete_json(
        self, uri: str, data: t.Any = None, headers: t.Mapping[str, t.Any] | None = None
    ) -> TestResponse:
        """Send a DELETE request with a JSON body. Laravel: ``deleteJson()``."""
        return self.json("DELETE", uri, data, headers)

    def options_json(
        self, uri: str, data: t.Any = None, headers: t.Mapping[str, t.Any] | None = None
    ) -> TestResponse:
        """Send an OPTIONS request with a JSON body. Laravel: ``optionsJson()``."""
        return self.json("OPTIONS", uri, data, headers)

    def call(
        self,
        method: str,
        uri: str,
        data: _Data = None,
        headers: t.Mapping[str, t.Any] | None = None,
        json_body: str | None = None,
    ) -> TestResponse:
        """Send a request and wrap the response.

        GET/HEAD ``data`` becomes the query string; other methods send it as form
        fields (``multipart/form-data`` when a value is a file), or raw when it is
        ``str``/``bytes``.

        Laravel: ``MakesHttpRequests::call()``.
        """
        method = method.upper()
        merged = {
            **self._default_headers,
            **{k: str(v) for k, v in (headers or {}).items()},
        }
        options: dict[str, t.Any] = {
            "method": method,
            "headers": merged,
            "follow_redirects": self._follow_redirects,
            "buffered": True,
        }
        if self._server_variables:
            options["environ_overrides"] = dict(self._server_variables)
        if json_body is not None:
            options["data"] = json_body
        elif data is not None:
            if method in ("GET", "HEAD"):
                options["query_string"] = data
            else:
                options["data"] = data
        base_url = self._base_url()
        host = "localhost"
        if base_url is not None and "://" not in uri:
            # Laravel's prepareUrlForRequest: relative URIs go to config('app.url'),
            # so URLs the app builds outside a request match the requests made here.
            options["base_url"] = base_url
            host = urllib.parse.urlsplit(base_url).hostname or host
        for name, value in self._prepare_cookies_for_request().items():
            self.werkzeug_client.set_cookie(name, value, domain=host)
        response, original = self._open(uri, options)
        return TestResponse(response, self._protevus_app(), original)

    def _open(self, uri: str, options: dict[str, t.Any]) -> tuple[t.Any, t.Any]:
        """Send the request; also catch the application's own response object.

        The test client rebuilds the response from the WSGI output, which loses
        attributes such as ``exception``; Flask's ``request_finished`` signal
        hands over the original.
        """
        flask_app = self.app if _is_flask(self.app) else None
        if flask_app is None and hasattr(type(self.app), "flask"):
            flask_app = self.app.flask
        if flask_app is None:
            return self.werkzeug_client.open(uri, **options), None
        from flask.signals import request_finished

        seen: list[t.Any] = []

        def remember(sender: t.Any, response: t.Any = None, **extra: t.Any) -> None:
            seen.append(response)

        with request_finished.connected_to(remember, flask_app):
            response = self.werkzeug_client.open(uri, **options)
        return response, (seen[-1] if seen else None)

    def _base_url(self) -> str | None:
        app = self._protevus_app()
        if app is None or not app.bound("config"):
            return None
        url = app.make("config").get("app.url")
        return str(url).rstrip("/") if url else None

    def _protevus_app(self) -> t.Any:
        return (
            None if _is_flask(self.app) or not hasattr(self.app, "make") else self.app
        )


def _is_flask(app: t.Any) -> bool:
    return hasattr(app, "test_client") and hasattr(app, "url_map")


def _json_default(value: t.Any) -> t.Any:
    for method in ("to_array", "to_dict", "isoformat"):
        fn = getattr(value, method, None)
        if callable(fn):
            return fn()
    raise TypeError(
        f"Object of type [{type(value).__name__}] is not JSON serializable: pass plain "
        "dicts, lists, strings and numbers to the JSON request helpers."
    )
