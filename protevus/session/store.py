"""The session of one request: its id, attributes, flash data and CSRF token.

Laravel: ``Illuminate\\Session\\Store``.
"""

from __future__ import annotations

import secrets
import string
import time
import typing as t

from protevus.session import serializer
from protevus.session.session_handler import SessionHandler
from protevus.support.aliases import CamelAliases
from protevus.support.arr import Arr
from protevus.support.macroable import Macroable

_ALPHABET = string.ascii_letters + string.digits
_MISSING: t.Any = object()


def generate_session_id() -> str:
    """Return a new random id: 40 letters and digits. Laravel: ``Store::generateSessionId()``."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(40))


def _keys(key: t.Any, more: tuple[t.Any, ...]) -> list[t.Any]:
    if isinstance(key, list | tuple | set):
        return [*key, *more]
    return [key, *more]


class Store(CamelAliases, Macroable):
    """Hold one session's attributes between ``start()`` and ``save()``.

    Keys use dot notation (``put('user.name', 'Taylor')``). Reserved keys match
    Laravel's: ``_token`` (CSRF token), ``_flash`` (``{'old': [...], 'new':
    [...]}``), ``_old_input``, ``_previous`` (``{'url': ...}``) and ``errors``.

    A store belongs to one request: the session middleware builds a fresh one for
    each request, so threads never share one.

    Laravel: ``Illuminate\\Session\\Store``.
    """

    def __init__(
        self,
        name: str,
        handler: SessionHandler,
        id: str | None = None,
    ) -> None:
        self._name = name
        self._handler = handler
        self._attributes: dict[str, t.Any] = {}
        self._started = False
        self._id = ""
        self.set_id(id)

    # -- lifecycle ---------------------------------------------------------------

    def start(self) -> bool:
        """Load the session from its handler and make sure it has a CSRF token.

        Laravel: ``Store::start()``.
        """
        self._load_session()
        if not self.has("_token"):
            self.regenerate_token()
        self._started = True
        return True

    def _load_session(self) -> None:
        self._attributes.update(self._read_from_handler())

    def _read_from_handler(self) -> dict[str, t.Any]:
        data = self._handler.read(self.get_id())
        if not data:
            return {}
        try:
            return serializer.unserialize(self._prepare_for_unserialize(data))
        except serializer.PayloadError:
            # A payload we did not write (tampered, or another app's): start empty.
            return {}

    def _prepare_for_unserialize(self, data: str) -> str:
        """Turn the handler's payload into JSON text (the encrypted store decrypts)."""
        return data

    def _prepare_for_storage(self, data: str) -> str:
        """Turn JSON text into the handler's payload (the encrypted store encrypts)."""
        return data

    def save(self) -> None:
        """Age the flash data and write the session through its handler.

        Raises :class:`~protevus.session.exceptions.SessionSerializationError`
        naming the key of a value a session cannot hold.

        Laravel: ``Store::save()``.
        """
        self.age_flash_data()
        payload = serializer.serialize(self._attributes)
        self._handler.write(self.get_id(), self._prepare_for_storage(payload))
        self._started = False

    def age_flash_data(self) -> None:
        """Forget last request's flash data; make this request's the old one.

        Laravel: ``Store::ageFlashData()``.
        """
        self.forget(list(self.get("_flash.old", [])))
        self.put("_flash.old", list(self.get("_flash.new", [])))
        self.put("_flash.new", [])

    def is_started(self) -> bool:
        """Tell whether the session has been started. Laravel: ``Store::isStarted()``."""
        return self._started

    # -- reading -----------------------------------------------------------------

    def all(self) -> dict[str, t.Any]:
        """Return every attribute. Laravel: ``Store::all()``."""
        return self._attributes

    def only(self, keys: t.Any, *more: t.Any) -> dict[str, t.Any]:
        """Return the attributes with the given keys. Laravel: ``Store::only()``."""
        return t.cast(dict[str, t.Any], Arr.only(self._attributes, _keys(keys, more)))

    def except_(self, keys: t.Any, *more: t.Any) -> dict[str, t.Any]:
        """Return the attributes without the given keys. Laravel: ``Store::except()``."""
        return t.cast(
            dict[str, t.Any], Arr.except_(self._attributes, _keys(keys, more))
        )

    def exists(self, key: t.Any, *more: t.Any) -> bool:
        """Tell whether every key is present, even holding None. Laravel: ``Store::exists()``."""
        return all(
            Arr.get(self._attributes, k, _MISSING) is not _MISSING
            for k in _keys(key, more)
        )

    def missing(self, key: t.Any, *more: t.Any) -> bool:
        """Tell whether the keys are absent. Laravel: ``Store::missing()``."""
        return not self.exists(key, *more)

    def has(self, key: t.Any, *more: t.Any) -> bool:
        """Tell whether every key is present and not None. Laravel: ``Store::has()``."""
        return all(self.get(k) is not None for k in _keys(key, more))

    def has_any(self, key: t.Any, *more: t.Any) -> bool:
        """Tell whether any key is present and not None. Laravel: ``Store::hasAny()``."""
        return any(self.get(k) is not None for k in _keys(key, more))

    def get(self, key: t.Any, default: t.Any = None) -> t.Any:
        """Get an attribute (dot notation); a callable default is called. Laravel: ``Store::get()``."""
        return Arr.get(self._attributes, key, default)

    def pull(self, key: str, default: t.Any = None) -> t.Any:
        """Get an attribute and forget it. Laravel: ``Store::pull()``."""
        return Arr.pull(self._attributes, key, default)

    def has_old_input(self, key: str | None = None) -> bool:
        """Tell whether old input (of one key) was flashed. Laravel: ``Store::hasOldInput()``."""
        old = self.get_old_input(key)
        if key is None:
            return bool(old)
        return old is not None

    def get_old_input(self, key: str | None = None, default: t.Any = None) -> t.Any:
        """Get input flashed by the previous request. Laravel: ``Store::getOldInput()``."""
        return Arr.get(self.get("_old_input", {}), key, default)

    # -- writing -----------------------------------------------------------------

    def replace(self, attributes: t.Mapping[str, t.Any]) -> None:
        """Put every item of ``attributes``. Laravel: ``Store::replace()``."""
        self.put(attributes)

    def put(self, key: str | t.Mapping[str, t.Any], value: t.Any = None) -> None:
        """Put a value (or each item of a dict) in the session. Laravel: ``Store::put()``."""
        items = key.items() if isinstance(key, t.Mapping) else [(key, value)]
        for name, val in items:
            Arr.set(self._attributes, name, val)

    def remember(self, key: str, callback: t.Callable[[], t.Any]) -> t.Any:
        """Get a value, or store and return what ``callback()`` gives. Laravel: ``Store::remember()``."""
        found = self.get(key)
        if found is not None:
            return found
        found = callback()
        self.put(key, found)
        return found

    def push(self, key: str, value: t.Any) -> None:
        """Append a value to a list attribute. Laravel: ``Store::push()``."""
        items = self.get(key, [])
        items = list(items) if not isinstance(items, list) else items
        items.append(value)
        self.put(key, items)

    def increment(self, key: str, amount: int | float = 1) -> t.Any:
        """Add ``amount`` to a number attribute; return the new value. Laravel: ``Store::increment()``."""
        new = self.get(key, 0) + amount
        self.put(key, new)
        return new

    def decrement(self, key: str, amount: int | float = 1) -> t.Any:
        """Subtract ``amount``; return the new value. Laravel: ``Store::decrement()``."""
        return self.increment(key, -amount)

    def remove(self, key: str) -> t.Any:
        """Forget an attribute and return its value. Laravel: ``Store::remove()``."""
        return Arr.pull(self._attributes, key)

    def forget(self, keys: t.Any, *more: t.Any) -> None:
        """Forget one or more attributes (dot notation). Laravel: ``Store::forget()``."""
        Arr.forget(self._attributes, _keys(keys, more))

    def flush(self) -> None:
        """Forget every attribute. Laravel: ``Store::flush()``."""
        self._attributes = {}

    # -- flash data --------------------------------------------------------------

    def flash(self, key: str, value: t.Any = True) -> None:
        """Put a value for this request and the next one only. Laravel: ``Store::flash()``."""
        self.put(key, value)
        self.push("_flash.new", key)
        self._remove_from_old_flash_data([key])

    def now(self, key: str, value: t.Any) -> None:
        """Put a value for this request only. Laravel: ``Store::now()``."""
        self.put(key, value)
        self.push("_flash.old", key)

    def reflash(self) -> None:
        """Keep every flashed value for one more request. Laravel: ``Store::reflash()``."""
        self._merge_new_flashes(list(self.get("_flash.old", [])))
        self.put("_flash.old", [])

    def keep(self, keys: t.Any = None, *more: t.Any) -> None:
        """Keep the given flashed values for one more request. Laravel: ``Store::keep()``."""
        names = [] if keys is None else _keys(keys, more)
        self._merge_new_flashes(names)
        self._remove_from_old_flash_data(names)

    def _merge_new_flashes(self, keys: list[t.Any]) -> None:
        merged = list(dict.fromkeys([*self.get("_flash.new", []), *keys]))
        self.put("_flash.new", merged)

    def _remove_from_old_flash_data(self, keys: list[t.Any]) -> None:
        self.put("_flash.old", [k for k in self.get("_flash.old", []) if k not in keys])

    def flash_input(self, value: t.Mapping[str, t.Any]) -> None:
        """Flash the input for ``old()`` on the next request. Laravel: ``Store::flashInput()``."""
        self.flash("_old_input", dict(value))

    # -- id, migration, token ----------------------------------------------------

    def invalidate(self) -> bool:
        """Flush the session and give it a new id, destroying the old one.

        Laravel: ``Store::invalidate()``.
        """
        self.flush()
        return self.migrate(True)

    def regenerate(self, destroy: bool = False) -> bool:
        """Give the session a new id and a new CSRF token (do it at login).

        Laravel: ``Store::regenerate()``.
        """
        migrated = self.migrate(destroy)
        self.regenerate_token()
        return migrated

    def migrate(self, destroy: bool = False) -> bool:
        """Give the session a new id, keeping its data; ``destroy`` removes the old one.

        Laravel: ``Store::migrate()``.
        """
        if destroy:
            self._handler.destroy(self.get_id())
        self._set_exists(False)
        self.set_id(generate_session_id())
        return True

    def _set_exists(self, exists: bool) -> None:
        setter = getattr(self._handler, "set_exists", None)
        if callable(setter):
            setter(exists)

    def get_name(self) -> str:
        """Return the session's (cookie) name. Laravel: ``Store::getName()``."""
        return self._name

    def set_name(self, name: str) -> None:
        """Set the session's (cookie) name. Laravel: ``Store::setName()``."""
        self._name = name

    def get_id(self) -> str:
        """Return the session id. Laravel: ``Store::getId()``."""
        return self._id

    def id(self) -> str:
        """Return the session id. Laravel: ``Store::id()``."""
        return self._id

    def set_id(self, id: t.Any) -> None:
        """Use ``id``, or a new one when it is not 40 letters and digits.

        Laravel: ``Store::setId()``.
        """
        self._id = id if self.is_valid_id(id) else generate_session_id()

    @staticmethod
    def is_valid_id(id: t.Any) -> bool:
        """Tell whether ``id`` is 40 letters and digits. Laravel: ``Store::isValidId()``."""
        return isinstance(id, str) and len(id) == 40 and id.isascii() and id.isalnum()

    def token(self) -> str | None:
        """Return the CSRF token. Laravel: ``Store::token()``."""
        return t.cast("str | None", self.get("_token"))

    def regenerate_token(self) -> None:
        """Set a new random 40-character CSRF token. Laravel: ``Store::regenerateToken()``."""
        self.put("_token", generate_session_id())

    # -- previous URL, password confirmation ---------------------------------------

    def previous_url(self) -> str | None:
        """Return the URL of the previous GET page. Laravel: ``Store::previousUrl()``."""
        return t.cast("str | None", self.get("_previous.url"))

    def set_previous_url(self, url: str) -> None:
        """Remember the current page's URL. Laravel: ``Store::setPreviousUrl()``."""
        self.put("_previous.url", url)

    def previous_route(self) -> str | None:
        """Return the name of the previous page's route. Laravel: ``Store::previousRoute()``."""
        return t.cast("str | None", self.get("_previous.route"))

    def set_previous_route(self, route: str | None) -> None:
        """Remember the current route's name. Laravel: ``Store::setPreviousRoute()``."""
        self.put("_previous.route", route)

    def password_confirmed(self) -> None:
        """Record that the user just confirmed their password. Laravel: ``Store::passwordConfirmed()``."""
        self.put("auth.password_confirmed_at", int(time.time()))

    # -- handler -----------------------------------------------------------------

    def get_handler(self) -> SessionHandler:
        """Return the driver's handler. Laravel: ``Store::getHandler()``."""
        return self._handler

    def set_handler(self, handler: SessionHandler) -> SessionHandler:
        """Replace the handler. Laravel: ``Store::setHandler()``."""
        self._handler = handler
        return handler

    def handler_needs_request(self) -> bool:
        """Tell whether the handler reads the request (cookie, database). Laravel: ``handlerNeedsRequest()``."""
        return callable(getattr(self._handler, "set_request", None))

    def set_request_on_handler(self, request: t.Any) -> None:
        """Give the request to a handler that needs it. Laravel: ``Store::setRequestOnHandler()``."""
        setter = getattr(self._handler, "set_request", None)
        if callable(setter):
            setter(request)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._name}={self._id[:6]}… started={self._started}>"
