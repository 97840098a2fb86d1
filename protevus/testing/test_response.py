"""The response a test request returns, with Laravel's assertions.

Laravel: ``Illuminate\\Testing\\TestResponse``.
"""

from __future__ import annotations

import html
import json
import re
import traceback
import typing as t
from urllib.parse import urljoin
from urllib.parse import urlsplit

from protevus.support.macroable import Macroable
from protevus.testing.assertable_json_string import AssertableJsonString
from protevus.testing.assertable_json_string import encode
from protevus.testing.concerns.assertions_headers import AssertsHeaders
from protevus.testing.concerns.assertions_json import AssertsJson
from protevus.testing.concerns.assertions_status import AssertsStatus
from protevus.testing.cookies import ResponseCookie
from protevus.testing.cookies import parse_set_cookie

if t.TYPE_CHECKING:
    from protevus.testing.fluent.assertable_json import AssertableJson

#: how much of the body a failure message shows.
SNIPPET_LENGTH = 600
#: how much of a recorded exception's traceback a failure message shows.
TRACE_LENGTH = 3000

_REDIRECT_CODES = frozenset({201, 301, 302, 303, 307, 308})
_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
_INVISIBLE = re.compile(r"<(script|style|head)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)


class _Status(int):
    """The status code: an ``int`` (``response.status == 200``) that is also callable (Laravel's ``status()``)."""

    def __call__(self) -> int:
        return int(self)


class _Content(bytes):
    """The body: ``bytes`` (``response.content``) that is also callable (Laravel's ``content()`` → str)."""

    charset: str = "utf-8"

    def __call__(self) -> str:
        return self.decode(self.charset, errors="replace")


class TestResponse(AssertsStatus, AssertsHeaders, AssertsJson, Macroable):
    """Wrap the response of a test request; every ``assert_*`` returns ``self``.

    ``client.get('/').assert_ok().assert_see('Welcome')``. Anything else is read
    from the wrapped response (``response.location``, ``response.mimetype``...).

    Laravel: ``Illuminate\\Testing\\TestResponse``.
    """

    __test__ = False  # not a pytest test class

    def __init__(
        self, response: t.Any, app: t.Any = None, original: t.Any = None
    ) -> None:
        self.base_response = response
        self.app = app
        #: the response object the application returned (before the WSGI round trip).
        self.original_response = original
        self._decoded: t.Any = None
        self._decoded_ready = False

    @classmethod
    def from_base_response(cls, response: t.Any, app: t.Any = None) -> TestResponse:
        """Wrap a Flask/Werkzeug response.

        Laravel: ``TestResponse::fromBaseResponse()``.
        """
        return cls(response, app)

    def __getattr__(self, name: str) -> t.Any:
        if name == "base_response":  # not set yet (during unpickling, copies)
            raise AttributeError(name)
        try:
            return getattr(self.base_response, name)
        except AttributeError:
            raise AttributeError(
                f"[TestResponse] has no attribute [{name}], nor has the "
                f"[{type(self.base_response).__name__}] it wraps."
            ) from None

    def __repr__(self) -> str:
        return f"<TestResponse [{self.status_code}] {self._content_type()!r}>"

    # -- reading -------------------------------------------------------------

    @property
    def status_code(self) -> int:
        """Get the HTTP status code."""
        return int(self.base_response.status_code)

    @property
    def status(self) -> _Status:
        """Get the HTTP status code (``response.status`` or ``response.status()``).

        Laravel: ``TestResponse::status()``.
        """
        return _Status(self.status_code)

    def get_status_code(self) -> int:
        """Get the HTTP status code.

        Laravel: ``Response::getStatusCode()``.
        """
        return self.status_code

    @property
    def headers(self) -> t.Any:
        """Get the response headers (a Werkzeug ``Headers``: case-insensitive)."""
        return self.base_response.headers

    @property
    def content(self) -> _Content:
        """Get the body: bytes, or ``response.content()`` for the text (Laravel).

        Laravel: ``TestResponse::content()``.
        """
        body = _Content(self.base_response.get_data())
        body.charset = getattr(self.base_response, "charset", None) or "utf-8"
        return body

    def get_content(self) -> str:
        """Get the body as text.

        Laravel: ``Response::getContent()``.
        """
        return self.content()

    @property
    def text(self) -> str:
        """Get the body as text."""
        return self.content()

    def json(self, key: str | None = None, default: t.Any = None) -> t.Any:
        """Get the decoded JSON body, or the value at a dot path (``data.0.id``).

        Fails the test when the body is not JSON.

        Laravel: ``TestResponse::json()``.
        """
        __tracebackhide__ = True
        return self.decode_response_json().json(key, default)

    def cookie(self, name: str) -> ResponseCookie | None:
        """Get a cookie the response sets (with its value, expiry, path...), or ``None``.

        Laravel: ``TestResponse::getCookie()``.
        """
        found = None
        for header in self.headers.getlist("Set-Cookie"):
            parsed = parse_set_cookie(header)
            if parsed is not None and parsed.name == name:
                found = parsed
        return found

    def get_cookie(self, name: str) -> ResponseCookie | None:
        """Get a cookie the response sets, or ``None``.

        Laravel: ``TestResponse::getCookie()``.
        """
        return self.cookie(name)

    def _content_type(self) -> str | None:
        """Get the response's ``Content-Type`` header, if any."""
        return t.cast("str | None", self.headers.get("Content-Type"))

    @property
    def exception(self) -> BaseException | None:
        """Get the exception the request raised, when the kernel recorded one.

        Laravel: ``TestResponse::$exception``.
        """
        for source in (self.original_response, self.base_response):
            exception = getattr(source, "exception", None)
            if isinstance(exception, BaseException):
                return exception
        return None

    def dump(self, key: str | None = None) -> TestResponse:
        """Print the body (or the JSON at ``key``) and return the response.

        Laravel: ``TestResponse::dump()``.
        """
        if key is not None or self._looks_like_json():
            print(encode(self.json(key), pretty=True))
        else:
            print(self.text)
        return self

    def dump_headers(self) -> TestResponse:
        """Print the headers and return the response.

        Laravel: ``TestResponse::dumpHeaders()``.
        """
        for name, value in self.headers.items():
            print(f"{name}: {value}")
        return self

    # -- failure messages ----------------------------------------------------

    def _looks_like_json(self) -> bool:
        kind = (self._content_type() or "").split(";")[0].strip().lower()
        return kind == "application/json" or kind.endswith("+json")

    def describe(self) -> str:
        """Describe the response for a failure message: status, type, a body snippet, the exception.

        A long HTML body is shown as its text (no tags, styles or scripts).
        """
        kind = self._content_type() or "no Content-Type"
        body = self.text
        length = len(body)
        label = "Body"
        if length > SNIPPET_LENGTH and "html" in kind.lower():
            body, label = _html_text(body), "Body text"
        snippet = (
            body if len(body) <= SNIPPET_LENGTH else body[:SNIPPET_LENGTH] + " [...]"
        )
        lines = [
            f"Response: status {self.status_code}, {kind}, {length} characters.",
            f"{label}: {snippet}" if body else "Body: (empty)",
        ]
        location = self.headers.get("Location")
        if location:
            lines.insert(1, f"Location: {location}")
        exception = self.exception
        if exception is not None:
            trace = "".join(traceback.format_exception(exception)).rstrip()
            if len(trace) > TRACE_LENGTH:
                trace = "[...] " + trace[-TRACE_LENGTH:]
            lines.append(
                f"The following exception occurred during the last request:\n\n{trace}"
            )
        return "\n".join(lines)

    def fail(self, message: str) -> t.NoReturn:
        """Fail the test with ``message`` followed by the response's description."""
        __tracebackhide__ = True
        raise AssertionError(f"{message}\n\n{self.describe()}")

    # -- redirects -----------------------------------------------------------

    def is_redirect(self) -> bool:
        """Tell whether the response redirects (201/301/302/303/307/308 with a Location).

        Laravel: Symfony's ``Response::isRedirect()``.
        """
        return self.status_code in _REDIRECT_CODES and bool(
            self.headers.get("Location")
        )

    def assert_redirect(self, uri: str | None = None) -> TestResponse:
        """Assert the response redirects, to ``uri`` when given.

        Laravel: ``TestResponse::assertRedirect()``.
        """
        __tracebackhide__ = True
        if not self.is_redirect():
            self.fail(
                f"Response status code [{self.status_code}] is not a redirect status code."
            )
        if uri is not None:
            self.assert_location(uri)
        return self

    def assert_redirect_contains(self, uri: str) -> TestResponse:
        """Assert the response redirects to a URL containing ``uri``.

        Laravel: ``TestResponse::assertRedirectContains()``.
        """
        __tracebackhide__ = True
        self.assert_redirect()
        location = self.headers.get("Location", "")
        if uri not in location:
            self.fail(f"Redirect location [{location}] does not contain [{uri}].")
        return self

    def assert_redirect_to_route(
        self, name: str, parameters: t.Any = None
    ) -> TestResponse:
        """Assert the response redirects to the URL of the route ``name``.

        Laravel: ``TestResponse::assertRedirectToRoute()``.
        """
        __tracebackhide__ = True
        url = self._url_generator().route(name, parameters or {})
        self.assert_redirect()
        return self.assert_location(url)

    def assert_location(self, uri: str) -> TestResponse:
        """Assert the ``Location`` header points to ``uri`` (relative URIs resolved on the request's host).

        Laravel: ``TestResponse::assertLocation()``.
        """
        __tracebackhide__ = True
        location = self.headers.get("Location")
        if location is None:
            self.fail(
                f"Expected a redirect to [{uri}], but the response has no Location header."
            )
        if self._absolute(uri) != self._absolute(location):
            self.fail(
                f"Expected the response to redirect to [{self._absolute(uri)}], "
                f"but it redirects to [{self._absolute(location)}]."
            )
        return self

    def _absolute(self, uri: str) -> str:
        request = getattr(self.base_response, "request", None)
        base = getattr(request, "host_url", None) or "http://localhost/"
        parts = urlsplit(urljoin(base, uri))
        path = parts.path.rstrip("/")
        out = f"{parts.scheme}://{parts.netloc}{path}"
        if parts.query:
            out += f"?{parts.query}"
        if parts.fragment:
            out += f"#{parts.fragment}"
        return out

    def _url_generator(self) -> t.Any:
        app = self.app
        if app is None:
            from protevus.container.container import Container

            app = Container.get_instance()
        return app.make("url")

    # -- body ----------------------------------------------------------------

    def assert_content(self, value: str) -> TestResponse:
        """Assert the body is exactly ``value``.

        Laravel: ``TestResponse::assertContent()``.
        """
        __tracebackhide__ = True
        if self.text != value:
            self.fail(f"Failed asserting that the response content is [{value}].")
        return self

    def assert_see(self, value: t.Any, escape: bool = True) -> TestResponse:
        """Assert the body contains ``value`` (a string or a list; HTML-escaped unless ``escape=False``).

        Laravel: ``TestResponse::assertSee()``.
        """
        __tracebackhide__ = True
        content = self.text
        for each in _wrap(value):
            if _find(content, str(each), escape, 0) < 0:
                self.fail(f"Failed asserting that the response contains [{each}].")
        return self

    def assert_see_in_order(
        self, values: t.Sequence[t.Any], escape: bool = True
    ) -> TestResponse:
        """Assert the body contains each of ``values``, in that order.

        Laravel: ``TestResponse::assertSeeInOrder()``.
        """
        __tracebackhide__ = True
        self._see_in_order(self.text, values, escape, "response")
        return self

    def assert_see_text(self, value: t.Any, escape: bool = True) -> TestResponse:
        """Assert the body's text (HTML tags stripped) contains ``value``.

        Laravel: ``TestResponse::assertSeeText()``.
        """
        __tracebackhide__ = True
        content = _strip_tags(self.text)
        for each in _wrap(value):
            if _find(content, str(each), escape, 0) < 0:
                self.fail(f"Failed asserting that the response text contains [{each}].")
        return self

    def assert_see_text_in_order(
        self, values: t.Sequence[t.Any], escape: bool = True
    ) -> TestResponse:
        """Assert the body's text contains each of ``values``, in that order.

        Laravel: ``TestResponse::assertSeeTextInOrder()``.
        """
        __tracebackhide__ = True
        self._see_in_order(_strip_tags(self.text), values, escape, "response text")
        return self

    def assert_dont_see(self, value: t.Any, escape: bool = True) -> TestResponse:
        """Assert the body does not contain ``value`` (a string or a list).

        Laravel: ``TestResponse::assertDontSee()``.
        """
        __tracebackhide__ = True
        content = self.text
        for each in _wrap(value):
            if _find(content, str(each), escape, 0) >= 0:
                self.fail(
                    f"Failed asserting that the response does not contain [{each}]."
                )
        return self

    def assert_dont_see_text(self, value: t.Any, escape: bool = True) -> TestResponse:
        """Assert the body's text (HTML tags stripped) does not contain ``value``.

        Laravel: ``TestResponse::assertDontSeeText()``.
        """
        __tracebackhide__ = True
        content = _strip_tags(self.text)
        for each in _wrap(value):
            if _find(content, str(each), escape, 0) >= 0:
                self.fail(
                    f"Failed asserting that the response text does not contain [{each}]."
                )
        return self

    def _see_in_order(
        self, content: str, values: t.Sequence[t.Any], escape: bool, what: str
    ) -> None:
        __tracebackhide__ = True
        position = 0
        previous: t.Any = None
        for each in _wrap(values):
            found = _find(content, str(each), escape, position)
            if found < 0:
                after = f" after [{previous}]" if previous is not None else ""
                wanted = ", ".join(f"[{v}]" for v in _wrap(values))
                self.fail(
                    f"Failed asserting that the {what} contains {wanted} in that order: "
                    f"[{each}] was not found{after}."
                )
            position = found + 1
            previous = each

    def assert_download(self, filename: str | None = None) -> TestResponse:
        """Assert the response offers a file download (named ``filename`` when given).

        Laravel: ``TestResponse::assertDownload()``.
        """
        __tracebackhide__ = True
        disposition = self.headers.get("Content-Disposition", "")
        if not disposition.lower().startswith("attachment"):
            self.fail("Response does not offer a file download.")
        if filename is not None:
            names = re.findall(r"filename\*?=(?:UTF-8'')?\"?([^\";]+)\"?", disposition)
            from urllib.parse import unquote

            if filename not in {unquote(name) for name in names}:
                self.fail(
                    f"Expected file [{filename}] is not present in Content-Disposition "
                    f"header [{disposition}]."
                )
        return self

    # -- JSON ----------------------------------------------------------------

    def decode_response_json(self) -> AssertableJsonString:
        """Decode the body as JSON once, failing the test when it is not JSON.

        Laravel: ``TestResponse::decodeResponseJson()``.
        """
        __tracebackhide__ = True
        if not self._decoded_ready:
            body = self.base_response.get_data()
            try:
                self._decoded = json.loads(body) if body else None
            except ValueError:
                self.fail("Invalid JSON was returned from the route.")
            if not body:
                self.fail(
                    "Invalid JSON was returned from the route: the body is empty."
                )
            self._decoded_ready = True
        return AssertableJsonString(self._decoded, self.describe())

    def _fluent(self, callback: t.Callable[[AssertableJson], t.Any]) -> None:
        __tracebackhide__ = True
        from protevus.testing.fluent.assertable_json import AssertableJson

        assert_ = AssertableJson.from_data(self.json(), context=self.describe())
        callback(assert_)
        assert_.interacted()


def _wrap(value: t.Any) -> list[t.Any]:
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def _escape_variants(value: str) -> list[str]:
    """Spell ``value`` as the HTML escapers in use would: Jinja/markupsafe, stdlib, PHP."""
    markupsafe = (
        value.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )
    php = html.escape(value, quote=True).replace("&#x27;", "&#039;")
    return list(dict.fromkeys([markupsafe, html.escape(value, quote=True), php]))


def _find(content: str, value: str, escape: bool, start: int) -> int:
    """Find ``value`` (or its escaped spellings) in ``content`` from ``start``; -1 if absent."""
    candidates = _escape_variants(value) if escape else [value]
    found = [i for i in (content.find(c, start) for c in candidates) if i >= 0]
    return min(found) if found else -1


def _strip_tags(content: str) -> str:
    """Remove HTML tags and comments (PHP's ``strip_tags()``)."""
    return _TAG.sub("", content)


def _html_text(content: str) -> str:
    """Get the visible text of an HTML page, whitespace collapsed (for failure messages)."""
    text = _TAG.sub(" ", _INVISIBLE.sub(" ", content))
    return " ".join(html.unescape(text).split())
