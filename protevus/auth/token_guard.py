"""Authenticate requests by a hashed API token in the ``Authorization: Bearer`` header.

Laravel: ``Laravel\\Sanctum\\Guard`` (run through ``Illuminate\\Auth\\RequestGuard``).

Configure it as the ``token`` driver::

    'guards': {'api': {'driver': 'token', 'provider': 'users'}}

Guard config keys: ``provider`` (the tokenable must be an instance of the provider's
model), ``expiration`` (minutes since creation; falls back to ``sanctum.expiration``,
``None`` = tokens live until revoked or their ``expires_at``), ``model`` (the token model,
a class or dotted path; default :class:`PersonalAccessToken`).
"""

from __future__ import annotations

import contextvars
import typing as t
import weakref

from protevus.auth.exceptions import AuthenticationException
from protevus.auth.personal_access_token import PersonalAccessToken
from protevus.auth.personal_access_token import resolve_token_model
from protevus.auth.personal_access_token import token_config
from protevus.exceptions import ProtevusError
from protevus.support.aliases import CamelAliases
from protevus.support.carbon import Carbon

_Slots = weakref.WeakKeyDictionary["TokenGuard", dict[str, t.Any]]
#: where each guard keeps its user on the request object (``request.__dict__``).
_REQUEST_KEY = "_protevus_token_guard_users"
#: the users set outside any request (console, queue): per context, per guard object.
_NO_REQUEST_USERS: contextvars.ContextVar[_Slots | None] = contextvars.ContextVar(
    "protevus_token_guard_users", default=None
)
#: ``last_used_at`` is written at most this often (seconds) per token.
LAST_USED_RESOLUTION = 60


class TokenAuthenticated(CamelAliases):
    """The event dispatched when a request authenticated with a token.

    Laravel: ``Laravel\\Sanctum\\Events\\TokenAuthenticated``.
    """

    def __init__(self, token: PersonalAccessToken) -> None:
        self.token = token


class TokenGuard(CamelAliases):
    """Find the user of the request's bearer token; keep it on the request.

    The guard holds no user itself: the user is cached on the current request (so two
    threads serving two requests never share one), and set through ``set_user`` outside
    a request it lives in a context variable.

    Laravel: ``Laravel\\Sanctum\\Guard`` with ``RequestGuard``'s ``GuardHelpers``.
    """

    def __init__(
        self, name: str, provider: t.Any, config: t.Mapping[str, t.Any] | None = None
    ) -> None:
        self.name = name
        self.provider = provider
        self.config: dict[str, t.Any] = dict(config or {})

    # -- the Guard contract ------------------------------------------------------------

    def user(self) -> t.Any:
        """Get the user of the request's token, or None. Laravel: ``RequestGuard::user()``."""
        slot, request = self._slot()
        if "user" in slot:
            return slot["user"]
        user = self._user_from_request(request) if request is not None else None
        slot["user"] = user
        return user

    def check(self) -> bool:
        """Determine if the request carries a valid token. Laravel: ``GuardHelpers::check()``."""
        return self.user() is not None

    def guest(self) -> bool:
        """Determine if the request has no valid token. Laravel: ``GuardHelpers::guest()``."""
        return not self.check()

    def id(self) -> t.Any:
        """Get the user's identifier, or None. Laravel: ``GuardHelpers::id()``."""
        user = self.user()
        if user is None:
            return None
        identifier = getattr(user, "get_auth_identifier", None)
        return identifier() if callable(identifier) else user.get_key()

    def validate(self, credentials: t.Mapping[str, t.Any] | None = None) -> bool:
        """Determine if ``{'token': plain_text}`` (or ``{'request': request}``) is valid.

        Nothing is cached and ``last_used_at`` is not touched. Laravel: ``RequestGuard::validate()``.
        """
        credentials = credentials or {}
        token = credentials.get("token")
        if token is None and credentials.get("request") is not None:
            token = credentials["request"].bearer_token()
        return self._user_from_token(token, touch=False) is not None

    def has_user(self) -> bool:
        """Determine if a user is already resolved or set. Laravel: ``GuardHelpers::hasUser()``."""
        return self._slot()[0].get("user") is not None

    def set_user(self, user: t.Any) -> TokenGuard:
        """Use ``user`` for the rest of the request. Laravel: ``GuardHelpers::setUser()``."""
        self._slot()[0]["user"] = user
        return self

    def forget_user(self) -> TokenGuard:
        """Forget the resolved user; the next call reads the token again. Laravel: ``forgetUser()``."""
        self._slot()[0].pop("user", None)
        return self

    def authenticate(self) -> t.Any:
        """Return the user or raise ``AuthenticationException``. Laravel: ``GuardHelpers::authenticate()``."""
        user = self.user()
        if user is None:
            raise AuthenticationException("Unauthenticated.", [self.name])
        return user

    def get_provider(self) -> t.Any:
        """Get the user provider. Laravel: ``GuardHelpers::getProvider()``."""
        return self.provider

    def set_provider(self, provider: t.Any) -> None:
        """Set the user provider. Laravel: ``GuardHelpers::setProvider()``."""
        self.provider = provider

    def get_name(self) -> str:
        """Get the guard's name (``'api'``)."""
        return self.name

    # -- resolving a token --------------------------------------------------------------

    def _user_from_request(self, request: t.Any) -> t.Any:
        bearer = getattr(request, "bearer_token", None)
        token = bearer() if callable(bearer) else None
        return self._user_from_token(token, touch=True)

    def _user_from_token(self, token: t.Any, touch: bool) -> t.Any:
        if not self.is_valid_bearer_token(token):
            return None
        access_token = self.token_model().find_token(token)
        if access_token is None or not self.is_valid_access_token(access_token):
            return None
        tokenable = t.cast(t.Any, access_token).tokenable
        if tokenable is None or not callable(
            getattr(tokenable, "with_access_token", None)
        ):
            return None
        if not self._has_valid_provider(tokenable):
            return None
        tokenable.with_access_token(access_token)
        if touch:
            _dispatch(TokenAuthenticated(access_token))
            self._update_last_used_at(access_token)
        return tokenable

    def token_model(self) -> type[PersonalAccessToken]:
        """Return the token model class (guard config ``model``, default PersonalAccessToken)."""
        return resolve_token_model(self.config.get("model") or PersonalAccessToken)

    def is_valid_bearer_token(self, token: t.Any) -> bool:
        """Determine if ``token`` is worth a query. Laravel: ``Guard::isValidBearerToken()``."""
        if not isinstance(token, str) or token == "" or len(token) > 1000:
            return False
        if "|" in token and self.token_model().key_type == "int":
            identifier, secret = token.split("|", 1)
            return identifier.isascii() and identifier.isdigit() and secret != ""
        return True

    def expiration(self) -> float | None:
        """Return the token lifetime in minutes, or None (guard ``expiration``, else ``sanctum.expiration``)."""
        value = (
            self.config["expiration"]
            if "expiration" in self.config
            else token_config("expiration")
        )
        if value is None or value == "":
            return None
        return float(value)

    def is_valid_access_token(self, access_token: PersonalAccessToken) -> bool:
        """Reject tokens past ``expires_at`` or older than the expiration.

        Laravel: ``Guard::isValidAccessToken()``.
        """
        expiration = self.expiration()
        if expiration is not None:
            created = access_token.get_attribute("created_at")
            if created is None or not Carbon.instance(created).gt(
                Carbon.now().sub_seconds(int(expiration * 60))
            ):
                return False
        expires_at = access_token.get_attribute("expires_at")
        return expires_at is None or not Carbon.instance(expires_at).is_past()

    def _has_valid_provider(self, tokenable: t.Any) -> bool:
        # Laravel Sanctum: Guard::hasValidProvider(): the tokenable must be the
        # provider's model, so a token of another kind of model never logs in here.
        get_model = getattr(self.provider, "get_model", None)
        if not callable(get_model):
            return True
        model = get_model()
        if model is None:
            return True
        if isinstance(model, type):
            return isinstance(tokenable, model)
        return any(
            f"{klass.__module__}.{klass.__qualname__}" == str(model)
            for klass in type(tokenable).__mro__
        )

    def _update_last_used_at(self, access_token: PersonalAccessToken) -> None:
        # One write per token a minute at most: a busy API would otherwise write on
        # every request. Laravel Sanctum writes on every request.
        last_used = access_token.get_attribute("last_used_at")
        now = Carbon.now()
        if last_used is not None and Carbon.instance(last_used).gt(
            now.sub_seconds(LAST_USED_RESOLUTION)
        ):
            return
        access_token.force_fill({"last_used_at": now}).save()

    # -- where the user lives -------------------------------------------------------------

    def _slot(self) -> tuple[dict[str, t.Any], t.Any]:
        """Return this guard's state for the current request (or context) and the request."""
        request = _current_request()
        if request is not None:
            state = request.__dict__
            slots = state.get(_REQUEST_KEY)
            if slots is None:
                slots = state[_REQUEST_KEY] = weakref.WeakKeyDictionary()
            return slots.setdefault(self, {}), request
        slots = _NO_REQUEST_USERS.get()
        if slots is None:
            slots = weakref.WeakKeyDictionary()
            _NO_REQUEST_USERS.set(slots)
        return slots.setdefault(self, {}), None


def _current_request() -> t.Any:
    """Return the request being handled, or None outside a request."""
    from protevus.container.container import Container

    container = Container.get_instance()
    if not container.bound("request"):
        return None
    try:
        return container.make("request")
    except ProtevusError:
        return None


def _dispatch(event: t.Any) -> None:
    from protevus.container.container import Container

    container = Container.get_instance()
    if container.bound("events"):
        container.make("events").dispatch(event)
