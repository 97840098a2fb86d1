"""HTTP responses: plain, JSON, redirect, streamed and file responses.

Laravel: ``Illuminate\\Http\\Response``, ``JsonResponse``, ``RedirectResponse``
(with ``ResponseTrait``), Symfony's ``StreamedResponse`` and ``BinaryFileResponse``.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
import mimetypes
import os
import typing as t
from http import HTTPStatus

import flask
from markupsafe import escape

from protevus.exceptions import InvalidArgumentError
from protevus.http.concerns.callable_values import CallableString
from protevus.http.concerns.flashes_session_data import FlashesSessionData
from protevus.http.exceptions import BadRequestHttpException
from protevus.http.exceptions import HttpResponseException
from protevus.http.header_utils import make_disposition
from protevus.support.aliases import CamelAliases
from protevus.support.json_encoding import json_encode
from protevus.support.macroable import Macroable
from protevus.support.str import Str

_R = t.TypeVar("_R", bound="Response")
_WERKZEUG_STATUS: t.Any = flask.Response.status


@dataclasses.dataclass
class Cookie(CamelAliases):
    """Describe a cookie to set on a response (``minutes=0``: until the browser closes).

    Laravel: ``Symfony\\Component\\HttpFoundation\\Cookie`` (made by ``cookie()``).
    """

    name: str
    value: str = ""
    minutes: int | float = 0
    path: str = "/"
    domain: str | None = None
    secure: bool | None = None
    http_only: bool = True
    same_site: str | None = "lax"
    raw: bool = False

    @classmethod
    def forget(cls, name: str, path: str = "/", domain: str | None = None) -> Cookie:
        """Return a cookie that expires ``name`` at once. Laravel: ``CookieJar::forget()``."""
        return cls(name, "", minutes=-2628000, path=path, domain=domain)

    def apply_to(self, response: flask.Response) -> None:
        """Write this cookie as a ``Set-Cookie`` header on ``response``."""
        max_age: int | None = None
        expires: _dt.datetime | None = None
        if self.minutes:
            max_age = max(int(self.minutes * 60), 0)
            expires = _dt.datetime.now(_dt.UTC) + _dt.timedelta(minutes=self.minutes)
        same_site = self.same_site.capitalize() if self.same_site else None
        response.set_cookie(
            self.name,
            self.value,
            max_age=max_age,
            expires=expires,
            path=self.path,
            domain=self.domain,
            secure=_request_is_secure() if self.secure is None else bool(self.secure),
            httponly=self.http_only,
            samesite=same_site,
        )


def _request_is_secure() -> bool:
    """Tell whether the current request came over HTTPS (Symfony's default for ``secure=None``)."""
    return flask.has_request_context() and bool(flask.request.is_secure)


class Response(flask.Response, CamelAliases, Macroable):
    """Build an HTTP response with Laravel's helpers on Flask's response.

    ``Response('Hello', 201, {'X-Header': 'v'})``; a dict (or an object with
    ``to_array()``/``to_json()``) as content becomes JSON, as in Laravel.

    Laravel: ``Illuminate\\Http\\Response``.
    """

    original: t.Any = None
    exception: BaseException | None = None

    def __init__(
        self,
        response: t.Any = None,
        status: int | str | None = None,
        headers: t.Any = None,
        mimetype: str | None = None,
        content_type: str | None = None,
        direct_passthrough: bool = False,
    ) -> None:
        self.original = response
        if _should_be_json(response):
            response = json_encode(response)
            content_type = content_type or "application/json"
        super().__init__(
            response, status, headers, mimetype, content_type, direct_passthrough
        )

    # -- status and content -----------------------------------------------------------

    @property
    def status(self) -> CallableString:
        """Werkzeug's status line (``'200 OK'``); ``response.status()`` is the code.

        Laravel: ``Response::status()``.
        """
        line = _WERKZEUG_STATUS.__get__(self)
        return CallableString(line, self.status_code)

    @status.setter
    def status(self, value: str | int | HTTPStatus) -> None:
        _WERKZEUG_STATUS.__set__(self, value)

    def status_line(self) -> str:
        """Return Werkzeug's status line, such as ``'200 OK'``."""
        return str(_WERKZEUG_STATUS.__get__(self))

    def get_status_code(self) -> int:
        """Return the status code. Laravel: ``getStatusCode()``."""
        return self.status_code

    def set_status_code(self: _R, code: int, text: str | None = None) -> _R:
        """Set the status code (and optional reason phrase). Laravel: ``setStatusCode()``."""
        if not 100 <= code < 600:
            raise InvalidArgumentError(
                f"The HTTP status code [{code}] is not valid; use 100 to 599."
            )
        if text:
            _WERKZEUG_STATUS.__set__(self, f"{code} {text}")
        else:
            self.status_code = code
        return self

    def status_text(self) -> str:
        """Return the reason phrase (``'OK'``). Laravel: ``Response::statusText()``."""
        return self.status_line().partition(" ")[2]

    def content(self) -> str:
        """Return the body as text. Laravel: ``Response::content()``."""
        return self.get_data(as_text=True)

    def get_content(self) -> str:
        """Return the body as text. Laravel: ``getContent()``."""
        return self.get_data(as_text=True)

    def set_content(self: _R, content: t.Any) -> _R:
        """Set the body; dicts and Arrayable/Jsonable objects become JSON.

        Laravel: ``Response::setContent()``.
        """
        self.original = content
        if _should_be_json(content):
            self.headers["Content-Type"] = "application/json"
            content = json_encode(content)
        self.set_data("" if content is None else content)
        return self

    def get_original_content(self) -> t.Any:
        """Return the content as given, before conversion. Laravel: ``getOriginalContent()``."""
        return self.original

    # -- headers and cookies -------------------------------------------------------------

    def header(self: _R, key: str, values: t.Any, replace: bool = True) -> _R:
        """Set a header (or add another value with ``replace=False``). Laravel: ``header()``."""
        items = values if isinstance(values, list | tuple) else [values]
        if replace:
            self.headers.pop(key, None)
        for item in items:
            self.headers.add(key, str(item))
        return self

    def with_headers(self: _R, headers: t.Mapping[str, t.Any]) -> _R:
        """Set several headers. Laravel: ``withHeaders()``."""
        for key, val in headers.items():
            self.header(key, val)
        return self

    def cookie(
        self: _R,
        cookie: Cookie | str,
        value: str = "",
        minutes: int | float = 0,
        path: str | None = None,
        domain: str | None = None,
        secure: bool | None = None,
        http_only: bool = True,
        same_site: str | None = None,
        raw: bool = False,
    ) -> _R:
        """Add a cookie (a :class:`Cookie` or its fields). Laravel: ``Response::cookie()``.

        Fields not given take the cookie jar's defaults (the session's path,
        domain, ``secure`` flag and SameSite) when the ``'cookie'`` service is
        bound, as Laravel's ``cookie()`` helper does; else ``/`` and ``lax``.
        """
        if isinstance(cookie, Cookie):
            made = cookie
        else:
            jar = _cookie_jar()
            if jar is not None:
                made = jar.make(
                    cookie,
                    value,
                    minutes,
                    path,
                    domain,
                    secure,
                    http_only,
                    raw,
                    same_site,
                )
            else:
                made = Cookie(
                    cookie,
                    value,
                    minutes,
                    path or "/",
                    domain,
                    secure,
                    http_only,
                    same_site or "lax",
                    raw,
                )
        made.apply_to(self)
        return self

    def with_cookie(
        self: _R, cookie: Cookie | str, *args: t.Any, **kwargs: t.Any
    ) -> _R:
        """Add a cookie. Laravel: ``Response::withCookie()``."""
        return self.cookie(cookie, *args, **kwargs)

    def without_cookie(
        self: _R,
        cookie: Cookie | str,
        path: str | None = None,
        domain: str | None = None,
    ) -> _R:
        """Expire a cookie in the browser. Laravel: ``Response::withoutCookie()``."""
        name = cookie.name if isinstance(cookie, Cookie) else cookie
        jar = _cookie_jar()
        if jar is not None:
            jar.forget(name, path, domain).apply_to(self)
        else:
            Cookie.forget(name, path or "/", domain).apply_to(self)
        return self

    # -- state checks ---------------------------------------------------------------------

    def is_invalid(self) -> bool:
        """Tell whether the status is outside 100-599. Laravel: ``isInvalid()``."""
        return not 100 <= self.status_code < 600

    def is_informational(self) -> bool:
        """Tell whether the status is 1xx. Laravel: ``isInformational()``."""
        return 100 <= self.status_code < 200

    def is_successful(self) -> bool:
        """Tell whether the status is 2xx. Laravel: ``isSuccessful()``."""
        return 200 <= self.status_code < 300

    def is_redirection(self) -> bool:
        """Tell whether the status is 3xx. Laravel: ``isRedirection()``."""
        return 300 <= self.status_code < 400

    def is_client_error(self) -> bool:
        """Tell whether the status is 4xx. Laravel: ``isClientError()``."""
        return 400 <= self.status_code < 500

    def is_server_error(self) -> bool:
        """Tell whether the status is 5xx. Laravel: ``isServerError()``."""
        return 500 <= self.status_code < 600

    def is_ok(self) -> bool:
        """Tell whether the status is 200. Laravel: ``isOk()``."""
        return self.status_code == 200

    def is_forbidden(self) -> bool:
        """Tell whether the status is 403. Laravel: ``isForbidden()``."""
        return self.status_code == 403

    def is_not_found(self) -> bool:
        """Tell whether the status is 404. Laravel: ``isNotFound()``."""
        return self.status_code == 404

    def is_empty(self) -> bool:
        """Tell whether the status is 204 or 304. Laravel: ``isEmpty()``."""
        return self.status_code in (204, 304)

    def is_redirect(self, location: str | None = None) -> bool:
        """Tell whether this redirects (to ``location``, when given). Laravel: ``isRedirect()``."""
        return self.status_code in (201, 301, 302, 303, 307, 308) and (
            location is None or location == self.headers.get("Location")
        )

    # -- exceptions -------------------------------------------------------------------------

    def with_exception(self: _R, exception: BaseException) -> _R:
        """Remember the exception this response renders. Laravel: ``withException()``."""
        self.exception = exception
        return self

    def throw_response(self) -> t.NoReturn:
        """Stop the request and send this response. Laravel: ``throwResponse()``."""
        raise HttpResponseException(self)


def _cookie_jar() -> t.Any:
    """Return the application's cookie jar (``'cookie'``), or ``None`` when not bound."""
    from protevus.container.container import Container

    container = Container.get_instance()
    return container.make("cookie") if container.bound("cookie") else None


def _should_be_json(content: t.Any) -> bool:
    if content is None or isinstance(content, str | bytes):
        return False
    if isinstance(content, dict):
        return True
    return any(
        callable(getattr(content, name, None))
        for name in ("to_array", "to_json", "json_serialize")
    ) and not isinstance(content, str | bytes)


class JsonResponse(Response):
    """Send data as compact JSON, encoded like PHP's ``json_encode``.

    ``JsonResponse({'ok': True}, 201)``. ``response.data`` is the decoded Python
    value; Werkzeug's ``get_data()`` keeps returning the bytes Flask extensions
    expect. ``options`` takes the ``JSON_*`` flags of
    :mod:`protevus.support.json_encoding`.

    Laravel: ``Illuminate\\Http\\JsonResponse``.
    """

    def __init__(
        self,
        data: t.Any = None,
        status: int | str | None = 200,
        headers: t.Any = None,
        options: int = 0,
        json: bool = False,
    ) -> None:
        self.encoding_options = options
        super().__init__(None, status, headers, mimetype="application/json")
        if json:
            self.set_json(data)
        else:
            self.set_data(data if data is not None else {})

    def set_data(self, value: t.Any = None) -> None:
        """Encode ``value`` as the JSON body (bytes are taken as ready JSON).

        Laravel: ``JsonResponse::setData()``.
        """
        if isinstance(value, bytes | bytearray):
            flask.Response.set_data(self, bytes(value))
            return
        self.original = value
        flask.Response.set_data(self, json_encode(value, self.encoding_options))

    def set_json(self, text: str) -> JsonResponse:
        """Use ``text`` (already JSON) as the body. Laravel: ``JsonResponse::setJson()``."""
        json.loads(text)
        flask.Response.set_data(self, text)
        return self

    def get_data_value(self) -> t.Any:
        """Return the body decoded to Python. Laravel: ``JsonResponse::getData(true)``."""
        return json.loads(self.get_data(as_text=True) or "null")

    @property
    def data(self) -> t.Any:
        """The decoded body as Python (set it to re-encode). Laravel: ``getData()``/``setData()``."""
        return self.get_data_value()

    @data.setter
    def data(self, value: t.Any) -> None:
        self.set_data(value)

    def set_encoding_options(self, options: int) -> JsonResponse:
        """Re-encode the data with other ``JSON_*`` flags. Laravel: ``setEncodingOptions()``."""
        value = self.get_data_value()
        self.encoding_options = options
        self.set_data(value)
        return self

    def with_callback(self, callback: str | None = None) -> JsonResponse:
        """Wrap the JSON in a JSONP callback. Laravel: ``JsonResponse::withCallback()``."""
        if callback is None:
            return self
        if not all(part.isidentifier() for part in callback.split(".")):
            raise InvalidArgumentError(
                f"The callback name [{callback}] is not valid; use a JavaScript identifier."
            )
        body = self.get_data(as_text=True)
        flask.Response.set_data(self, f"/**/{callback}({body});")
        self.headers["Content-Type"] = "text/javascript"
        return self


class RedirectResponse(FlashesSessionData, Response):
    """Redirect the client, flashing data to the session on the way.

    ``RedirectResponse('/home').with_('status', 'Saved!')``. Flashing needs the
    session: the Redirector sets ``session`` from the request (``set_session``).

    Laravel: ``Illuminate\\Http\\RedirectResponse``.
    """

    def __init__(self, url: str, status: int = 302, headers: t.Any = None) -> None:
        super().__init__("", status, headers, mimetype="text/html")
        if not self.is_redirect():
            raise InvalidArgumentError(
                f"The HTTP status code [{status}] is not a redirect; use 301, 302, 303, "
                "307 or 308."
            )
        self.session: t.Any = None
        self.request: t.Any = None
        self.set_target_url(url)

    # -- target ----------------------------------------------------------------------------

    def get_target_url(self) -> str:
        """Return the URL redirected to. Laravel: ``getTargetUrl()``."""
        return self._target_url

    def set_target_url(self, url: str) -> RedirectResponse:
        """Redirect to ``url``. Laravel: ``setTargetUrl()``.

        A URL holding a line break or NUL (a header-injection attempt, usually
        from request data) raises a 400 :class:`BadRequestHttpException`.
        """
        if not url:
            raise InvalidArgumentError("Cannot redirect to an empty URL.")
        target = str(url)
        if "\r" in target or "\n" in target or "\0" in target:
            raise BadRequestHttpException(
                f"Cannot redirect to [{target!r}]: the URL holds a line break or "
                "NUL; encode or remove it before redirecting."
            )
        self._target_url = target
        safe = escape(self._target_url)
        self.set_data(
            '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="UTF-8" />\n'
            f'<meta http-equiv="refresh" content="0;url=\'{safe}\'" />\n'
            f"<title>Redirecting to {safe}</title>\n</head>\n"
            f'<body>Redirecting to <a href="{safe}">{safe}</a>.</body>\n</html>'
        )
        self.headers["Location"] = self._target_url
        return self

    @property
    def target_url(self) -> str:
        """The URL redirected to."""
        return self._target_url

    @target_url.setter
    def target_url(self, url: str) -> None:
        self.set_target_url(url)

    def with_fragment(self, fragment: str) -> RedirectResponse:
        """Add a ``#fragment`` to the target. Laravel: ``withFragment()``."""
        self.without_fragment()
        return self.set_target_url(self._target_url + "#" + Str.after(fragment, "#"))

    def without_fragment(self) -> RedirectResponse:
        """Drop the target's ``#fragment``. Laravel: ``withoutFragment()``."""
        return self.set_target_url(Str.before(self._target_url, "#"))

    # -- session and request ------------------------------------------------------------------

    def set_session(self, session: t.Any) -> RedirectResponse:
        """Set the session store flashed data goes to. Laravel: ``setSession()``."""
        self.session = session
        return self

    def get_session(self) -> t.Any:
        """Return the session store, or None. Laravel: ``getSession()``."""
        return self.session

    def set_request(self, request: t.Any) -> RedirectResponse:
        """Set the request whose input ``with_input()`` flashes. Laravel: ``setRequest()``."""
        self.request = request
        return self

    def get_request(self) -> t.Any:
        """Return the request, or the current Flask request. Laravel: ``getRequest()``."""
        if self.request is None and flask.has_request_context():
            return flask.request._get_current_object()  # type: ignore[attr-defined]
        return self.request


class StreamedResponse(Response):
    """Send a body produced while it is sent: ``callback()`` returns an iterable.

    Laravel: ``Symfony\\Component\\HttpFoundation\\StreamedResponse``.
    """

    def __init__(
        self,
        callback: t.Callable[[], t.Iterable[t.Any]] | None = None,
        status: int = 200,
        headers: t.Any = None,
    ) -> None:
        super().__init__(None, status, headers)
        self.callback = callback
        self.response = _Lazy(self)

    def set_callback(
        self, callback: t.Callable[[], t.Iterable[t.Any]]
    ) -> StreamedResponse:
        """Set the producer. Laravel: ``StreamedResponse::setCallback()``."""
        self.callback = callback
        return self


class _Lazy:
    """Call the stream callback only when the server iterates the body."""

    def __init__(self, owner: StreamedResponse) -> None:
        self.owner = owner

    def __iter__(self) -> t.Iterator[bytes]:
        callback = self.owner.callback
        if callback is None:
            return
        produced = callback()
        for chunk in produced or ():
            yield chunk.encode() if isinstance(chunk, str) else chunk


class BinaryFileResponse(Response):
    """Send a file from disk, read in chunks only while it is sent.

    Laravel: ``Symfony\\Component\\HttpFoundation\\BinaryFileResponse``.
    """

    chunk_size = 64 * 1024

    def __init__(
        self,
        file: str | os.PathLike[str],
        status: int = 200,
        headers: t.Any = None,
        content_disposition: str | None = None,
    ) -> None:
        self.file = os.fspath(file)
        if not os.path.isfile(self.file):
            raise InvalidArgumentError(
                f"File [{self.file}] does not exist or is not readable; check the path."
            )
        mime = mimetypes.guess_type(self.file)[0] or "application/octet-stream"
        super().__init__(None, status, headers, content_type=None, mimetype=mime)
        self.response = _FileChunks(self)
        self.content_length = os.path.getsize(self.file)
        self.last_modified = _dt.datetime.fromtimestamp(
            os.path.getmtime(self.file), _dt.UTC
        )
        self.delete_after_send = False
        if content_disposition:
            self.set_content_disposition(content_disposition)

    def set_content_disposition(
        self, disposition: str, filename: str = "", filename_fallback: str = ""
    ) -> BinaryFileResponse:
        """Set ``Content-Disposition`` (``attachment`` or ``inline``) for the file.

        ``filename`` defaults to the file's own name; the header carries an ASCII
        fallback plus ``filename*`` for other names (see
        :func:`~protevus.http.header_utils.make_disposition`, which also rejects
        names holding ``/``, ``\\`` or control characters).

        Laravel: ``BinaryFileResponse::setContentDisposition()``.
        """
        name = filename or os.path.basename(self.file)
        self.headers["Content-Disposition"] = make_disposition(
            disposition, name, filename_fallback
        )
        return self

    def delete_file_after_send(self, should_delete: bool = True) -> BinaryFileResponse:
        """Delete the file once it was sent. Laravel: ``deleteFileAfterSend()``."""
        self.delete_after_send = should_delete
        return self


class _FileChunks:
    """Open the file only when iterated, and always close it."""

    def __init__(self, owner: BinaryFileResponse) -> None:
        self.owner = owner

    def __iter__(self) -> t.Iterator[bytes]:
        owner = self.owner
        try:
            with open(owner.file, "rb") as handle:
                while chunk := handle.read(owner.chunk_size):
                    yield chunk
        finally:
            if owner.delete_after_send and os.path.exists(owner.file):
                os.unlink(owner.file)
