"""Keep the logged-in user's id in the session, with an optional remember-me cookie.

Laravel: ``Illuminate\\Auth\\SessionGuard``.
"""

from __future__ import annotations

import hashlib
import secrets
import string
import typing as t

from protevus.auth import events as auth_events
from protevus.auth.guard_helpers import GuardHelpers
from protevus.auth.recaller import Recaller
from protevus.auth.recaller import hash_password_for_cookie
from protevus.auth.recaller import same_secret
from protevus.auth.timebox import Timebox
from protevus.support.macroable import Macroable

_Credentials = t.Mapping[str, t.Any]
_ALPHABET = string.ascii_letters + string.digits
#: Laravel's ``$rememberDuration``: 576000 minutes (400 days).
REMEMBER_MINUTES = 576000
#: Laravel's ``$timeboxDuration``: 200 ms, in microseconds.
TIMEBOX_MICROSECONDS = 200_000


def _random(length: int) -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


class SessionGuard(GuardHelpers, Macroable):
    """Authenticate users by the session, logging them in and out.

    The session key is ``login_<guard>_<sha1>`` and the remember-me cookie
    ``remember_<guard>_<sha1>`` (``id|token|password_hash``, 400 days), where
    ``<sha1>`` is the SHA-1 of :attr:`laravel_class`, so the keys are Laravel's own.

    One guard serves one request: the :class:`~protevus.auth.auth_manager.AuthManager`
    keeps guards on the request being handled, so a user never leaks to another
    request. The session and request are looked up when used, so a guard made
    before the session started still sees it.

    Laravel: ``Illuminate\\Auth\\SessionGuard``.
    """

    #: the class name hashed into the session key and cookie name (Laravel's).
    laravel_class: t.ClassVar[str] = "Illuminate\\Auth\\SessionGuard"

    def __init__(
        self,
        name: str,
        provider: t.Any,
        session: t.Any = None,
        request: t.Any = None,
        *,
        rehash_on_login: bool = True,
        timebox: Timebox | None = None,
        timebox_duration: int = TIMEBOX_MICROSECONDS,
    ) -> None:
        self.name = name
        self.provider = provider
        self._session_source = session
        self._request_source = request
        self.rehash_on_login = rehash_on_login
        self.timebox = timebox or Timebox()
        self.timebox_duration = timebox_duration
        self.events: t.Any = None
        self.cookie: t.Any = None
        self.remember_duration: int | float = REMEMBER_MINUTES
        self._user: t.Any = None
        self.last_attempted: t.Any = None
        self.via_remember_ = False
        self.logged_out = False
        self.recall_attempted = False

    # -- the current user ----------------------------------------------------------

    def user(self) -> t.Any:
        """Get the user: the one found already, the session's, or the remember-me cookie's.

        Laravel: ``SessionGuard::user()``.
        """
        if self.logged_out:
            return None
        if self._user is not None:
            return self._user
        id = self.get_session().get(self.get_name())
        if id is not None:
            self._user = self.provider.retrieve_by_id(id)
            if self._user is not None:
                self._fire(auth_events.Authenticated(self.name, self._user))
        if self._user is None:
            recaller = self.recaller()
            if recaller is not None:
                self._user = self.user_from_recaller(recaller)
                if self._user is not None:
                    self.update_session(self._user.get_auth_identifier())
                    self._fire(auth_events.Login(self.name, self._user, True))
        return self._user

    def user_from_recaller(self, recaller: Recaller) -> t.Any:
        """Get the user of a remember-me cookie (tried once per request).

        Laravel: ``SessionGuard::userFromRecaller()``.
        """
        if not recaller.valid() or self.recall_attempted:
            return None
        self.recall_attempted = True
        user = self.provider.retrieve_by_token(recaller.id(), recaller.token())
        # Stricter than Laravel (which leaves this to AuthenticateSession): a
        # cookie made before the password changed no longer logs anyone in.
        if user is not None and not same_secret(
            recaller.hash(), hash_password_for_cookie(user.get_auth_password())
        ):
            user = None
        self.via_remember_ = user is not None
        return user

    def recaller(self) -> Recaller | None:
        """Get the request's remember-me cookie, or None. Laravel: ``SessionGuard::recaller()``."""
        request = self.get_request()
        if request is None:
            return None
        value = request.cookies.get(self.get_recaller_name())
        return Recaller(value) if value else None

    def id(self) -> t.Any:
        """Get the user's id (the session's when the user cannot be loaded).

        Laravel: ``SessionGuard::id()``.
        """
        if self.logged_out:
            return None
        user = self.user()
        if user is not None:
            return user.get_auth_identifier()
        return self.get_session().get(self.get_name())

    def set_user(self, user: t.Any) -> SessionGuard:
        """Use ``user`` for this request (no session change). Laravel: ``SessionGuard::setUser()``."""
        self._user = user
        self.logged_out = False
        self._fire(auth_events.Authenticated(self.name, user))
        return self

    def get_user(self) -> t.Any:
        """Get the user found so far, without looking one up. Laravel: ``SessionGuard::getUser()``."""
        return self._user

    def via_remember(self) -> bool:
        """Tell whether the user came from the remember-me cookie. Laravel: ``viaRemember()``."""
        return self.via_remember_

    # -- checking credentials ------------------------------------------------------

    def validate(self, credentials: _Credentials | None = None) -> bool:
        """Tell whether the credentials match a user, without logging in.

        Laravel: ``SessionGuard::validate()``.
        """
        credentials = dict(credentials or {})
        self.last_attempted = user = self.provider.retrieve_by_credentials(credentials)
        return self.has_valid_credentials(user, credentials)

    def has_valid_credentials(self, user: t.Any, credentials: _Credentials) -> bool:
        """Check the credentials in a timebox; dispatch ``Validated`` when they match.

        A failure always takes :attr:`timebox_duration`, so the response time does not
        tell an unknown email from a wrong password.

        Laravel: ``SessionGuard::hasValidCredentials()``.
        """

        def check(timebox: Timebox) -> bool:
            valid = user is not None and bool(
                self.provider.validate_credentials(user, credentials)
            )
            if valid:
                timebox.return_early()
                self._fire(auth_events.Validated(self.name, user))
            return valid

        return self.timebox.call(check, self.timebox_duration)

    def attempt(
        self, credentials: _Credentials | None = None, remember: bool = False
    ) -> bool:
        """Log in the user the credentials match; True on success.

        Dispatches ``Attempting``, then ``Validated`` + ``Login`` or ``Failed``.

        Laravel: ``SessionGuard::attempt()``.
        """
        return self.attempt_when(credentials, None, remember)

    def attempt_when(
        self,
        credentials: _Credentials | None = None,
        callbacks: t.Any = None,
        remember: bool = False,
    ) -> bool:
        """Like :meth:`attempt`, but every ``callback(user)`` must also return true.

        ``Auth.attempt_when(creds, lambda user: user.is_active)``.

        Laravel: ``SessionGuard::attemptWhen()``.
        """
        credentials = dict(credentials or {})
        self._fire(auth_events.Attempting(self.name, credentials, remember))
        self.last_attempted = user = self.provider.retrieve_by_credentials(credentials)
        if self.has_valid_credentials(user, credentials) and self.should_login(
            callbacks, user
        ):
            self.rehash_password_if_required(user, credentials)
            self.login(user, remember)
            return True
        self._fire(auth_events.Failed(self.name, user, credentials))
        return False

    def should_login(self, callbacks: t.Any, user: t.Any) -> bool:
        """Tell whether every callback accepts ``user``. Laravel: ``SessionGuard::shouldLogin()``."""
        if callbacks is None:
            return True
        if callable(callbacks):
            callbacks = [callbacks]
        return all(callback(user) for callback in callbacks)

    def rehash_password_if_required(
        self, user: t.Any, credentials: _Credentials
    ) -> None:
        """Rehash the password when the hashing options changed (``hashing.rehash_on_login``).

        Laravel: ``SessionGuard::rehashPasswordIfRequired()``.
        """
        if self.rehash_on_login:
            self.provider.rehash_password_if_required(user, credentials)

    def once(self, credentials: _Credentials | None = None) -> bool:
        """Authenticate for this request only: no session, no cookie.

        Laravel: ``SessionGuard::once()``.
        """
        credentials = dict(credentials or {})
        self._fire(auth_events.Attempting(self.name, credentials, False))
        if self.validate(credentials):
            self.set_user(self.last_attempted)
            return True
        return False

    def once_using_id(self, id: t.Any) -> t.Any:
        """Authenticate user ``id`` for this request only; the user, or False.

        Laravel: ``SessionGuard::onceUsingId()``.
        """
        user = self.provider.retrieve_by_id(id)
        if user is None:
            return False
        self.set_user(user)
        return user

    # -- HTTP basic ----------------------------------------------------------------

    def basic(
        self, field: str = "email", extra_conditions: _Credentials | None = None
    ) -> None:
        """Log in with the request's HTTP basic credentials, or raise a 401 challenge.

        Laravel: ``SessionGuard::basic()``.
        """
        if self.check():
            return None
        if self.attempt_basic(self.get_request(), field, extra_conditions):
            return None
        self.failed_basic_response()
        return None

    def once_basic(
        self, field: str = "email", extra_conditions: _Credentials | None = None
    ) -> None:
        """Authenticate this request only with HTTP basic credentials, or raise 401.

        Laravel: ``SessionGuard::onceBasic()``.
        """
        credentials = self.basic_credentials(self.get_request(), field)
        if not self.once({**credentials, **dict(extra_conditions or {})}):
            self.failed_basic_response()

    def attempt_basic(
        self, request: t.Any, field: str, extra_conditions: _Credentials | None = None
    ) -> bool:
        """Attempt a login with the basic credentials. Laravel: ``attemptBasic()``."""
        credentials = self.basic_credentials(request, field)
        if not credentials[field]:
            return False
        return self.attempt({**credentials, **dict(extra_conditions or {})})

    @staticmethod
    def basic_credentials(request: t.Any, field: str) -> dict[str, t.Any]:
        """Get ``{field: username, 'password': password}`` from the Basic header.

        Laravel: ``SessionGuard::basicCredentials()``.
        """
        auth = getattr(request, "authorization", None) if request is not None else None
        if auth is None or str(getattr(auth, "type", "")).lower() != "basic":
            return {field: None, "password": None}
        return {field: auth.username, "password": auth.password}

    @staticmethod
    def failed_basic_response() -> None:
        """Raise the 401 ``WWW-Authenticate: Basic`` challenge. Laravel: ``failedBasicResponse()``."""
        from protevus.http.exceptions import UnauthorizedHttpException

        raise UnauthorizedHttpException("Basic", "Invalid credentials.")

    # -- logging in ----------------------------------------------------------------

    def login_using_id(self, id: t.Any, remember: bool = False) -> t.Any:
        """Log in user ``id``; the user, or False. Laravel: ``SessionGuard::loginUsingId()``."""
        user = self.provider.retrieve_by_id(id)
        if user is None:
            return False
        self.login(user, remember)
        return user

    def login(self, user: t.Any, remember: bool = False) -> None:
        """Log ``user`` in: store the id, give the session a new id, maybe set the cookie.

        The session id changes (the old session is destroyed) against session
        fixation. ``remember`` queues the remember-me cookie, making a remember
        token first when the user has none.

        Laravel: ``SessionGuard::login()``.
        """
        self.update_session(user.get_auth_identifier())
        if remember:
            self.ensure_remember_token_is_set(user)
            self.queue_recaller_cookie(user)
        self._fire(auth_events.Login(self.name, user, remember))
        self.set_user(user)

    def update_session(self, id: t.Any) -> None:
        """Store the user id and migrate the session to a new id. Laravel: ``updateSession()``."""
        session = self.get_session()
        session.put(self.get_name(), id)
        session.migrate(True)

    def ensure_remember_token_is_set(self, user: t.Any) -> None:
        """Give the user a remember token when it has none. Laravel: ``ensureRememberTokenIsSet()``."""
        if not user.get_remember_token():
            self.cycle_remember_token(user)

    def queue_recaller_cookie(self, user: t.Any) -> None:
        """Queue the ``id|token|password MAC`` cookie. Laravel: ``queueRecallerCookie()``."""
        value = "|".join(
            str(part if part is not None else "")
            for part in (
                user.get_auth_identifier(),
                user.get_remember_token(),
                hash_password_for_cookie(user.get_auth_password()),
            )
        )
        self.get_cookie_jar().queue(self.create_recaller(value))

    def create_recaller(self, value: str) -> t.Any:
        """Make the remember-me cookie. Laravel: ``SessionGuard::createRecaller()``."""
        return self.get_cookie_jar().make(
            self.get_recaller_name(), value, self.remember_duration
        )

    def cycle_remember_token(self, user: t.Any) -> None:
        """Give the user a new random 60-character remember token (saved by the provider).

        Laravel: ``SessionGuard::cycleRememberToken()``.
        """
        token = _random(60)
        user.set_remember_token(token)
        self.provider.update_remember_token(user, token)

    # -- logging out ---------------------------------------------------------------

    def logout(self) -> None:
        """Log the user out: forget the session key and cookie, rotate the remember token.

        Invalidate the session and regenerate the CSRF token in the controller::

            Auth.logout()
            request.session().invalidate()
            request.session().regenerate_token()

        Laravel: ``SessionGuard::logout()``.
        """
        user = self.user()
        self.clear_user_data_from_storage()
        if self._user is not None and user.get_remember_token():
            self.cycle_remember_token(user)
        self._fire(auth_events.Logout(self.name, user))
        self._user = None
        self.logged_out = True

    def logout_current_device(self) -> None:
        """Log out here only: other devices' remember cookies keep working.

        Laravel: ``SessionGuard::logoutCurrentDevice()``.
        """
        user = self.user()
        self.clear_user_data_from_storage()
        self._fire(auth_events.CurrentDeviceLogout(self.name, user))
        self._user = None
        self.logged_out = True

    def clear_user_data_from_storage(self) -> None:
        """Forget the session key and expire the remember-me cookie.

        Laravel: ``SessionGuard::clearUserDataFromStorage()``.
        """
        self.get_session().remove(self.get_name())
        jar = self.cookie
        if jar is not None:
            jar.unqueue(self.get_recaller_name())
        if self.recaller() is not None:
            jar = self.get_cookie_jar()
            jar.queue(jar.forget(self.get_recaller_name()))

    def logout_other_devices(self, password: str) -> t.Any:
        """Rehash the password, so sessions elsewhere end (with ``auth.session``).

        Raises :class:`~protevus.exceptions.InvalidArgumentError` when ``password`` is not the current password. The
        session's ``password_hash_<guard>`` and the remember-me cookie get the new
        hash, so this device stays logged in.

        Laravel: ``SessionGuard::logoutOtherDevices()``.
        """
        user = self.user()
        if user is None:
            return None
        result = self.rehash_user_password_for_device_logout(password)
        self.get_session().put(
            f"password_hash_{self.name}",
            hash_password_for_cookie(user.get_auth_password()),
        )
        jar = self.cookie
        if self.recaller() is not None or (
            jar is not None and jar.has_queued(self.get_recaller_name())
        ):
            self.queue_recaller_cookie(user)
        self._fire(auth_events.OtherDeviceLogout(self.name, user))
        return result

    def rehash_user_password_for_device_logout(self, password: str) -> t.Any:
        """Check ``password`` and store a fresh hash of it.

        Laravel: ``SessionGuard::rehashUserPasswordForDeviceLogout()``.
        """
        user = self.user()
        hasher = _hasher()
        if not hasher.check(password, user.get_auth_password()):
            from protevus.exceptions import InvalidArgumentError

            raise InvalidArgumentError(
                "The given password does not match the current password; pass the "
                "password the user typed to logout_other_devices()."
            )
        user.force_fill({user.get_auth_password_name(): hasher.make(password)})
        return user.save()

    # -- events --------------------------------------------------------------------

    def attempting(self, callback: t.Callable[..., t.Any]) -> None:
        """Listen for ``Attempting`` events. Laravel: ``SessionGuard::attempting()``."""
        if self.events is not None:
            self.events.listen(auth_events.Attempting, callback)

    def _fire(self, event: t.Any) -> None:
        if self.events is not None:
            self.events.dispatch(event)

    # -- names, collaborators ------------------------------------------------------

    def get_name(self) -> str:
        """Get the session key holding the user id. Laravel: ``SessionGuard::getName()``."""
        return f"login_{self.name}_{self._class_hash()}"

    def get_recaller_name(self) -> str:
        """Get the remember-me cookie's name. Laravel: ``SessionGuard::getRecallerName()``."""
        return f"remember_{self.name}_{self._class_hash()}"

    def _class_hash(self) -> str:
        return hashlib.sha1(type(self).laravel_class.encode()).hexdigest()

    def get_last_attempted(self) -> t.Any:
        """Get the user the last credentials matched. Laravel: ``getLastAttempted()``."""
        return self.last_attempted

    def get_remember_duration(self) -> int | float:
        """Get the cookie's lifetime in minutes. Laravel: ``getRememberDuration()``."""
        return self.remember_duration

    def set_remember_duration(self, minutes: int | float) -> SessionGuard:
        """Set the cookie's lifetime in minutes. Laravel: ``setRememberDuration()``."""
        self.remember_duration = minutes
        return self

    def get_cookie_jar(self) -> t.Any:
        """Get the cookie jar; raise when there is none. Laravel: ``getCookieJar()``."""
        if self.cookie is None:
            from protevus.auth.exceptions import AuthError

            raise AuthError(
                f"Cookie jar has not been set on guard [{self.name}]; register the "
                "CookieServiceProvider or call set_cookie_jar()."
            )
        return self.cookie

    def set_cookie_jar(self, cookie: t.Any) -> None:
        """Set the cookie jar. Laravel: ``SessionGuard::setCookieJar()``."""
        self.cookie = cookie

    def get_dispatcher(self) -> t.Any:
        """Get the event dispatcher. Laravel: ``SessionGuard::getDispatcher()``."""
        return self.events

    def set_dispatcher(self, events: t.Any) -> None:
        """Set the event dispatcher. Laravel: ``SessionGuard::setDispatcher()``."""
        self.events = events

    def get_session(self) -> t.Any:
        """Get the session: the request's, else the one given (or its resolver's).

        Laravel: ``SessionGuard::getSession()``.
        """
        request = self.get_request()
        has_session = getattr(request, "has_session", None)
        if callable(has_session) and has_session():
            return request.session()
        source = self._session_source
        if callable(source) and not hasattr(source, "get"):
            return source()
        if source is None:
            from protevus.auth.exceptions import AuthError

            raise AuthError(
                f"Guard [{self.name}] has no session; run the route through the 'web' "
                "middleware group (StartSession) or pass a session store."
            )
        return source

    def get_request(self) -> t.Any:
        """Get the request (None outside one). Laravel: ``SessionGuard::getRequest()``."""
        source = self._request_source
        if callable(source) and not hasattr(source, "cookies"):
            return source()
        return source

    def set_request(self, request: t.Any) -> SessionGuard:
        """Set the request. Laravel: ``SessionGuard::setRequest()``."""
        self._request_source = request
        return self

    def get_timebox(self) -> Timebox:
        """Get the timebox of credential checks. Laravel: ``SessionGuard::getTimebox()``."""
        return self.timebox


def _hasher() -> t.Any:
    from protevus.container.container import Container

    return Container.get_instance().make("hash")
