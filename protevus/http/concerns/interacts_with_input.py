"""Read, check and rewrite request input: query, body, JSON and files.

Laravel: ``Illuminate\\Http\\Concerns\\InteractsWithInput`` and
``Illuminate\\Support\\Traits\\InteractsWithData``.
"""

from __future__ import annotations

import builtins
import enum as _enum
import json
import math
import typing as t

from protevus.http.concerns.php_input import filter_boolean
from protevus.http.concerns.php_input import floatval
from protevus.http.concerns.php_input import intval
from protevus.http.concerns.php_input import parse_pairs
from protevus.http.concerns.php_input import php_string
from protevus.http.concerns.php_input import php_trim
from protevus.http.concerns.php_input import replace_recursive
from protevus.http.exceptions import BadRequestHttpException
from protevus.support.aliases import CamelAliases
from protevus.support.arr import Arr
from protevus.support.arr import data_get
from protevus.support.arr import data_set
from protevus.support.helpers import value

if t.TYPE_CHECKING:
    import flask

    from protevus.support.carbon import Carbon
    from protevus.support.collection import Collection
    from protevus.support.stringable import Stringable

    _Base = flask.Request
else:
    _Base = CamelAliases

_MISSING: t.Any = object()
_Self = t.TypeVar("_Self", bound="InteractsWithInput")


def _keys_of(keys: tuple[t.Any, ...]) -> list[t.Any]:
    """Accept ``has('a', 'b')`` and ``has(['a', 'b'])`` alike, as Laravel does."""
    if len(keys) == 1 and isinstance(keys[0], list | tuple | set):
        return list(keys[0])
    return list(keys)


def _as_input(decoded: t.Any) -> dict[t.Any, t.Any]:
    """Cast a decoded JSON body to an input array, like PHP's ``(array)`` cast."""
    if isinstance(decoded, dict):
        return decoded
    if decoded is None:
        return {}
    if isinstance(decoded, list):
        return dict(enumerate(decoded))
    return {0: decoded}


def _reject_constant(name: str) -> t.NoReturn:
    raise ValueError(f"[{name}] is not a JSON value")


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise ValueError(f"the number [{text[:40]}] is out of range")
    return value


def _decode_json_body(raw: bytes) -> t.Any:
    """Decode a JSON request body; anything that is not strict JSON is a 400.

    Python's decoder takes ``NaN`` and ``Infinity`` (not JSON), reads ``1e999`` as
    infinity, and overflows the stack on deep nesting; all become the same 400 as
    malformed JSON (an infinite number could not be stored, flashed or echoed).
    """
    if not raw.strip():
        return {}
    try:
        return json.loads(
            raw, parse_constant=_reject_constant, parse_float=_finite_float
        )
    except (ValueError, UnicodeDecodeError) as error:
        raise _invalid_json(str(error)) from error
    except RecursionError:
        raise _invalid_json("it is nested too deeply") from None


def _invalid_json(reason: str) -> BadRequestHttpException:
    return BadRequestHttpException(
        f"The request body is not valid JSON: {reason}. Send a valid JSON "
        "document or change the Content-Type header."
    )


class InteractsWithInput(_Base):
    """Give the request Laravel's input API on top of Werkzeug's parsed data.

    The query and body are parsed once, lazily, into mutable PHP-shaped arrays
    (``tags[]`` → list, ``user[name]`` → nested dict). Input reads the body first
    and falls back to the query string; ``merge``/``replace`` and the input
    middleware rewrite these arrays in place.
    """

    _query_bag: dict[t.Any, t.Any] | None = None
    _request_bag: dict[t.Any, t.Any] | None = None
    _file_bag: dict[t.Any, t.Any] | None = None

    if t.TYPE_CHECKING:

        def real_method(self) -> str: ...

        def route(self, param: str | None = None, default: t.Any = None) -> t.Any: ...

    # -- the parameter bags -----------------------------------------------------------

    def _load_input(self) -> tuple[dict[t.Any, t.Any], dict[t.Any, t.Any]]:
        # Most requests (a plain GET) have no query string and no body: skip
        # Werkzeug's parsing, which would only produce empty dicts.
        environ, cached = self.environ, self.__dict__
        query: dict[t.Any, t.Any] = {}
        body: dict[t.Any, t.Any] = {}
        if "args" in cached or environ.get("QUERY_STRING"):
            query = parse_pairs(self.args.items(multi=True))
        # Kept even when the body below turns out to be malformed JSON.
        self._query_bag = query
        if "form" not in cached and not environ.get("CONTENT_TYPE"):
            pass  # no Content-Type: Werkzeug parses no form and it is not JSON
        elif bool(self.is_json):
            body = _as_input(_decode_json_body(self.get_data(cache=True)))
        else:
            body = parse_pairs(self.form.items(multi=True))
        self._request_bag = body
        return query, body

    def query_bag(self) -> dict[t.Any, t.Any]:
        """Return the mutable parsed query string. Laravel: ``$request->query``."""
        bag = self._query_bag
        return self._load_input()[0] if bag is None else bag

    def request_bag(self) -> dict[t.Any, t.Any]:
        """Return the mutable parsed body (form fields or JSON). Laravel: ``$request->request``."""
        bag = self._request_bag
        return self._load_input()[1] if bag is None else bag

    def input_bags(self) -> list[dict[t.Any, t.Any]]:
        """Return the bags the input middleware clean (query, then body when distinct)."""
        query, body = self._query_bag, self._request_bag
        if query is None or body is None:
            query, body = self.query_bag(), self.request_bag()
        return [query] if body is query else [query, body]

    def get_input_source(self) -> dict[t.Any, t.Any]:
        """Return the bag ``merge``/``replace`` write to. Laravel: ``getInputSource()``."""
        if bool(self.is_json):
            return self.request_bag()
        if self.real_method() in ("GET", "HEAD"):
            return self.query_bag()
        return self.request_bag()

    def set_input_source(self, source: dict[t.Any, t.Any]) -> None:
        """Replace the bag ``get_input_source()`` returns with ``source``."""
        if not bool(self.is_json) and self.real_method() in ("GET", "HEAD"):
            self._query_bag = source
        else:
            self.query_bag()
            self._request_bag = source

    # -- reading input -----------------------------------------------------------------

    def input(self, key: t.Any = None, default: t.Any = None) -> t.Any:
        """Get an input value (body first, then query) with dot and ``*`` paths.

        Laravel: ``Request::input()``.
        """
        source = self.get_input_source()
        query = self.query_bag()
        merged = source
        if source is not query:
            # PHP's ``$body + $query``: body keys first and winning.
            merged = {**source, **{k: v for k, v in query.items() if k not in source}}
        return data_get(merged, key, default)

    def all(self, *keys: t.Any) -> dict[t.Any, t.Any]:
        """Get all input and files, or only the given (dot) keys.

        Laravel: ``Request::all()``.
        """
        data = replace_recursive(self.input(), self.all_files())
        wanted = _keys_of(keys)
        if not wanted:
            return t.cast(dict[t.Any, t.Any], data)
        results: dict[t.Any, t.Any] = {}
        for key in wanted:
            Arr.set(results, key, Arr.get(data, key))
        return results

    def keys(self) -> list[t.Any]:
        """Get the input keys, then the file keys. Laravel: ``Request::keys()``."""
        return [*self.input().keys(), *self.all_files().keys()]

    def only(self, *keys: t.Any) -> dict[t.Any, t.Any]:
        """Get the given (dot) keys that are present. Laravel: ``Request::only()``."""
        data = self.all()
        results: dict[t.Any, t.Any] = {}
        for key in _keys_of(keys):
            found = data_get(data, key, _MISSING)
            if found is not _MISSING:
                Arr.set(results, key, found)
        return results

    def except_(self, *keys: t.Any) -> dict[t.Any, t.Any]:
        """Get all input except the given (dot) keys. Laravel: ``Request::except()``."""
        data = self.all()
        Arr.forget(data, _keys_of(keys))
        return data

    def query(self, key: t.Any = None, default: t.Any = None) -> t.Any:
        """Get a query-string value (no dot paths), or them all. Laravel: ``Request::query()``."""
        bag = self.query_bag()
        if key is None:
            return bag
        found = bag.get(key)
        return default if found is None else found

    def post(self, key: t.Any = None, default: t.Any = None) -> t.Any:
        """Get a body value (no dot paths), or them all. Laravel: ``Request::post()``."""
        bag = self.request_bag()
        if key is None:
            return bag
        found = bag.get(key)
        return default if found is None else found

    def collect(self, key: t.Any = None) -> Collection:
        """Get input (or the given keys) as a Collection. Laravel: ``Request::collect()``."""
        from protevus.support.collection import Collection

        if isinstance(key, list | tuple):
            return Collection(self.only(list(key)))
        return Collection(self.input(key))

    def __getitem__(self, key: t.Any) -> t.Any:
        """Read input, files or a route parameter with ``request['name']``."""
        return data_get(self._with_route_parameters(), key)

    def __contains__(self, key: t.Any) -> bool:
        """Tell whether input, files or route parameters hold ``key``."""
        return Arr.has(self._with_route_parameters(), key)

    def _with_route_parameters(self) -> dict[t.Any, t.Any]:
        data = self.all()
        route = self.route()
        params = getattr(route, "parameters", None) if route is not None else None
        params = params() if callable(params) else params
        return {**dict(params or {}), **data}

    # -- presence ------------------------------------------------------------------------

    def has(self, *keys: t.Any) -> bool:
        """Determine if every given (dot) key is present. Laravel: ``Request::has()``."""
        data = self.all()
        return all(Arr.has(data, key) for key in _keys_of(keys))

    def exists(self, *keys: t.Any) -> bool:
        """Determine if every given key is present. Laravel: ``Request::exists()``."""
        return self.has(*keys)

    def has_any(self, *keys: t.Any) -> bool:
        """Determine if any given (dot) key is present. Laravel: ``Request::hasAny()``."""
        return Arr.has_any(self.all(), _keys_of(keys))

    def missing(self, *keys: t.Any) -> bool:
        """Determine if the given keys are not all present. Laravel: ``Request::missing()``."""
        return not self.has(*keys)

    def _is_empty_string(self, key: t.Any) -> bool:
        found = self.input(key)
        if isinstance(found, bool | list | dict):
            return False
        return php_trim(php_string(found)) == ""

    def filled(self, *keys: t.Any) -> bool:
        """Determine if every key is present and not an empty or blank string.

        Laravel: ``Request::filled()``.
        """
        return all(not self._is_empty_string(key) for key in _keys_of(keys))

    def is_not_filled(self, *keys: t.Any) -> bool:
        """Determine if every key is missing or empty. Laravel: ``Request::isNotFilled()``."""
        return all(self._is_empty_string(key) for key in _keys_of(keys))

    def any_filled(self, *keys: t.Any) -> bool:
        """Determine if at least one key is filled. Laravel: ``Request::anyFilled()``."""
        return any(self.filled(key) for key in _keys_of(keys))

    def when_has(
        self,
        key: t.Any,
        callback: t.Callable[[t.Any], t.Any],
        default: t.Callable[[], t.Any] | None = None,
    ) -> t.Any:
        """Call ``callback(value)`` when ``key`` is present. Laravel: ``Request::whenHas()``."""
        if self.has(key):
            return callback(data_get(self.all(), key)) or self
        return default() if default is not None else self

    def when_filled(
        self,
        key: t.Any,
        callback: t.Callable[[t.Any], t.Any],
        default: t.Callable[[], t.Any] | None = None,
    ) -> t.Any:
        """Call ``callback(value)`` when ``key`` is filled. Laravel: ``Request::whenFilled()``."""
        if self.filled(key):
            return callback(self.input(key)) or self
        return default() if default is not None else self

    def when_missing(
        self,
        key: t.Any,
        callback: t.Callable[[t.Any], t.Any],
        default: t.Callable[[], t.Any] | None = None,
    ) -> t.Any:
        """Call ``callback(value)`` when ``key`` is missing. Laravel: ``Request::whenMissing()``."""
        if self.missing(key):
            return callback(data_get(self.all(), key)) or self
        return default() if default is not None else self

    # -- typed getters ------------------------------------------------------------------

    def boolean(self, key: t.Any = None, default: t.Any = False) -> bool:
        """Get input as a bool: True for 1, "1", true, "true", "on" and "yes".

        Laravel: ``Request::boolean()``.
        """
        return filter_boolean(self.input(key, default))

    def integer(self, key: t.Any, default: t.Any = 0) -> int:
        """Get input as an int, cast like PHP's ``intval``. Laravel: ``Request::integer()``."""
        return intval(self.input(key, default))

    def float(self, key: t.Any, default: t.Any = 0.0) -> builtins.float:
        """Get input as a float, cast like PHP's ``floatval``. Laravel: ``Request::float()``."""
        return floatval(self.input(key, default))

    def string(self, key: t.Any, default: t.Any = None) -> Stringable:
        """Get input as a :class:`Stringable`. Laravel: ``Request::string()``."""
        from protevus.support.stringable import Stringable

        return Stringable(php_string(self.input(key, default)))

    def date(  # type: ignore[override]
        self, key: t.Any, format: builtins.str | None = None, tz: t.Any = None
    ) -> Carbon | None:
        """Get input as a Carbon date, or None when it is not filled.

        A value that is not a date (or does not match ``format``) is the
        client's error: it raises a 400 :class:`BadRequestHttpException` naming
        the field and the format expected.

        Werkzeug's ``Request.date`` (the ``Date`` header) is replaced; read it
        with ``request.header('Date')``.

        Laravel: ``Request::date()``.
        """
        from protevus.support.carbon import Carbon

        if self.is_not_filled(key):
            return None
        raw = builtins.str(self.input(key))
        if tz is not None:
            Carbon.now(tz)  # a bad zone is the caller's error, not the client's
        try:
            if format is None:
                return Carbon.parse(raw, tz)
            return Carbon.create_from_format(format, raw, tz)
        except (ValueError, OverflowError) as error:
            expected = (
                f"in the format [{format}]"
                if format is not None
                else "such as [2026-01-31] or [2026-01-31 14:00:00] (ISO 8601)"
            )
            raise BadRequestHttpException(
                f"The [{key}] field must be a date {expected}; send it in that form."
            ) from error

    def enum(
        self, key: t.Any, enum_class: type[_enum.Enum], default: t.Any = None
    ) -> t.Any:
        """Get input as a member of a value-backed Enum, or ``default``.

        Laravel: ``Request::enum()`` (``tryFrom``).
        """
        if self.is_not_filled(key) or not (
            isinstance(enum_class, type) and issubclass(enum_class, _enum.Enum)
        ):
            return value(default)
        return _try_from(enum_class, self.input(key), default)

    def enums(self, key: t.Any, enum_class: type[_enum.Enum]) -> list[t.Any]:
        """Get a list input as Enum members, dropping unknown values. Laravel: ``Request::enums()``."""
        if self.is_not_filled(key):
            return []
        raw = self.input(key)
        items = raw if isinstance(raw, list) else [raw]
        found = (_try_from(enum_class, item, None) for item in items)
        return [member for member in found if member is not None]

    # -- mutating input -----------------------------------------------------------------

    def merge(self: _Self, data: t.Mapping[t.Any, t.Any]) -> _Self:
        """Merge (dot) keys into the input. Laravel: ``Request::merge()``."""
        source = self.get_input_source()
        for key, val in data.items():
            data_set(source, builtins.str(key), val)
        return self

    def merge_if_missing(self: _Self, data: t.Mapping[t.Any, t.Any]) -> _Self:
        """Merge only the keys that are missing. Laravel: ``Request::mergeIfMissing()``."""
        return self.merge({k: v for k, v in data.items() if self.missing(k)})

    def replace(self: _Self, data: t.Mapping[t.Any, t.Any]) -> _Self:
        """Replace the input with ``data``. Laravel: ``Request::replace()``."""
        self.set_input_source(dict(data))
        return self

    # -- files -------------------------------------------------------------------------

    def all_files(self) -> dict[t.Any, t.Any]:
        """Get the uploaded files as :class:`UploadedFile` (nested like the input).

        File fields left empty in the form are dropped, as PHP does.

        Laravel: ``Request::allFiles()``.
        """
        if self._file_bag is None:
            from protevus.http.uploaded_file import UploadedFile

            self._file_bag = parse_pairs(
                (key, UploadedFile(storage))
                for key, storage in self.files.items(multi=True)
                if storage.filename
            )
        return self._file_bag

    def file(self, key: t.Any = None, default: t.Any = None) -> t.Any:
        """Get an uploaded file (or list of files) by dot key. Laravel: ``Request::file()``."""
        return data_get(self.all_files(), key, default)

    def has_file(self, key: t.Any) -> bool:
        """Determine if a valid file was uploaded under ``key``. Laravel: ``Request::hasFile()``."""
        found = self.file(key)
        items = found if isinstance(found, list) else [found]
        return any(_is_valid_file(item) for item in items)


def _is_valid_file(item: t.Any) -> bool:
    from protevus.http.uploaded_file import UploadedFile

    return isinstance(item, UploadedFile) and item.is_valid()


def _try_from(enum_class: type[_enum.Enum], raw: t.Any, default: t.Any) -> t.Any:
    try:
        return enum_class(raw)
    except ValueError:
        pass
    if isinstance(raw, builtins.str):
        for member in enum_class:
            if builtins.str(member.value) == raw:
                return member
    return value(default)
