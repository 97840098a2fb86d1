"""The object ``with_middleware(callback)`` receives: global stack, groups, aliases, priority.

Laravel: ``Illuminate\\Foundation\\Configuration\\Middleware``.
"""

from __future__ import annotations

import importlib
import typing as t

from protevus.support.aliases import CamelAliases

_Callback = t.Callable[..., t.Any]
#: A middleware entry: a class, an alias or group name (``'auth'``,
#: ``'throttle:api'``), or an object with ``handle``.
MiddlewareLike = t.Any
#: one entry or a list of them.
_Many = t.Any

# Dotted paths, so the registrar stays cheap to import (``artisan --help`` never
# loads Flask). A path whose module does not exist yet is skipped: later issues
# make the cookie, session, CSRF and auth middleware appear by creating them.

#: Laravel's global stack, in Laravel's order.
DEFAULT_GLOBAL: tuple[str, ...] = (
    "protevus.http.middleware.trust_proxies.TrustProxies",
    "protevus.http.middleware.handle_cors.HandleCors",
    "protevus.foundation.http.middleware.prevent_requests_during_maintenance.PreventRequestsDuringMaintenance",
    "protevus.http.middleware.validate_post_size.ValidatePostSize",
    "protevus.http.middleware.trim_strings.TrimStrings",
    "protevus.http.middleware.convert_empty_strings_to_null.ConvertEmptyStringsToNull",
)
TRUST_HOSTS = "protevus.http.middleware.trust_hosts.TrustHosts"
SUBSTITUTE_BINDINGS = (
    "protevus.routing.middleware.substitute_bindings.SubstituteBindings"
)

#: Laravel's ``web`` group.
DEFAULT_WEB: tuple[str, ...] = (
    # first, so error responses from the layers below (a 419) get the headers too
    "protevus.http.middleware.set_security_headers.SetSecurityHeaders",
    "protevus.cookie.middleware.encrypt_cookies.EncryptCookies",
    "protevus.cookie.middleware.add_queued_cookies_to_response.AddQueuedCookiesToResponse",
    "protevus.session.middleware.start_session.StartSession",
    "protevus.view.middleware.share_errors_from_session.ShareErrorsFromSession",
    "protevus.foundation.http.middleware.validate_csrf_token.ValidateCsrfToken",
    SUBSTITUTE_BINDINGS,
)

#: Laravel's default aliases.
DEFAULT_ALIASES: dict[str, str] = {
    "abilities": "protevus.auth.middleware.check_abilities.CheckAbilities",
    "ability": "protevus.auth.middleware.check_for_any_ability.CheckForAnyAbility",
    "auth": "protevus.auth.middleware.authenticate.Authenticate",
    "auth.basic": "protevus.auth.middleware.authenticate_with_basic_auth.AuthenticateWithBasicAuth",
    "auth.session": "protevus.auth.middleware.authenticate_session.AuthenticateSession",
    "cache.headers": "protevus.http.middleware.set_cache_headers.SetCacheHeaders",
    "can": "protevus.auth.middleware.authorize.Authorize",
    "guest": "protevus.auth.middleware.redirect_if_authenticated.RedirectIfAuthenticated",
    "password.confirm": "protevus.auth.middleware.require_password.RequirePassword",
    "signed": "protevus.routing.middleware.validate_signature.ValidateSignature",
    "throttle": "protevus.routing.middleware.throttle_requests.ThrottleRequests",
    "verified": "protevus.auth.middleware.ensure_email_is_verified.EnsureEmailIsVerified",
}

#: Laravel's ``$middlewarePriority``: these always run in this order.
DEFAULT_PRIORITY: tuple[str, ...] = (
    "protevus.foundation.http.middleware.handle_precognitive_requests.HandlePrecognitiveRequests",
    "protevus.cookie.middleware.encrypt_cookies.EncryptCookies",
    "protevus.cookie.middleware.add_queued_cookies_to_response.AddQueuedCookiesToResponse",
    "protevus.session.middleware.start_session.StartSession",
    "protevus.view.middleware.share_errors_from_session.ShareErrorsFromSession",
    "protevus.auth.middleware.authenticate.Authenticate",
    "protevus.routing.middleware.throttle_requests.ThrottleRequests",
    "protevus.auth.middleware.authenticate_session.AuthenticateSession",
    SUBSTITUTE_BINDINGS,
    "protevus.auth.middleware.authorize.Authorize",
)


def import_middleware(path: str) -> type | None:
    """Import the class at dotted ``path``, or None when its module does not exist."""
    module_name, _, name = path.rpartition(".")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            return None
        raise
    return t.cast(type, getattr(module, name))


def _existing(paths: t.Iterable[str]) -> list[t.Any]:
    return [cls for cls in map(import_middleware, paths) if cls is not None]


def _as_list(middleware: _Many) -> list[MiddlewareLike]:
    if isinstance(middleware, list | tuple | set):
        return list(middleware)
    return [middleware]


def _unique(items: t.Iterable[MiddlewareLike]) -> list[MiddlewareLike]:
    seen: list[MiddlewareLike] = []
    for item in items:
        if item is not None and item not in seen:
            seen.append(item)
    return seen


class Middleware(CamelAliases):
    """Configure the HTTP kernel's middleware from ``bootstrap/app.py``::

        def middleware(m: Middleware) -> None:
            m.append(EnsureTokenIsValid)
            m.web(append=[HandleInertiaRequests])
            m.alias({'role': EnsureUserHasRole})
            m.trim_strings(except_=['secret'])

        Application.configure(...).with_middleware(middleware).create()

    Laravel: ``Illuminate\\Foundation\\Configuration\\Middleware``.
    """

    def __init__(self) -> None:
        self.global_: list[MiddlewareLike] | None = None
        self.prepends: list[MiddlewareLike] = []
        self.appends: list[MiddlewareLike] = []
        self.removals: list[MiddlewareLike] = []
        self.replacements: dict[MiddlewareLike, MiddlewareLike] = {}
        self.groups: dict[str, list[MiddlewareLike]] = {}
        self.group_prepends: dict[str, list[MiddlewareLike]] = {}
        self.group_appends: dict[str, list[MiddlewareLike]] = {}
        self.group_removals: dict[str, list[MiddlewareLike]] = {}
        self.group_replacements: dict[str, dict[MiddlewareLike, MiddlewareLike]] = {}
        self.custom_aliases: dict[str, MiddlewareLike] = {}
        self.priority_: list[MiddlewareLike] = []
        self.priority_appends: list[tuple[MiddlewareLike, MiddlewareLike]] = []
        self.priority_prepends: list[tuple[MiddlewareLike, MiddlewareLike]] = []
        #: settings read by the middleware that later issues add.
        self.redirect_guests: str | _Callback | None = None
        self.redirect_users: str | _Callback | None = None
        self.csrf_except: list[str] = []
        self.encrypt_cookies_except: list[str] = []
        self.trim_strings_except: list[str] = []
        self.trim_strings_skip_when: list[_Callback] = []
        self.convert_empty_strings_skip_when: list[_Callback] = []
        self.maintenance_except: list[str] = []
        self.trusted_proxies: dict[str, t.Any] | None = None
        self.trusted_hosts: dict[str, t.Any] | None = None
        self.api_limiter: str | None = None
        self.throttle_with_redis_: bool = False
        self.stateful_api_: bool = False
        self.authenticated_sessions: bool = False

    # -- the global stack ------------------------------------------------------

    def prepend(self, middleware: _Many) -> Middleware:
        """Put middleware in front of the global stack.

        Laravel: ``Middleware::prepend()``.
        """
        self.prepends = _unique([*_as_list(middleware), *self.prepends])
        return self

    def append(self, middleware: _Many) -> Middleware:
        """Add middleware at the end of the global stack.

        Laravel: ``Middleware::append()``.
        """
        self.appends = _unique([*self.appends, *_as_list(middleware)])
        return self

    def remove(self, middleware: _Many) -> Middleware:
        """Take middleware out of the global stack.

        Laravel: ``Middleware::remove()``.
        """
        self.removals = _unique([*self.removals, *_as_list(middleware)])
        return self

    def replace(self, search: MiddlewareLike, replace: MiddlewareLike) -> Middleware:
        """Use ``replace`` wherever the global stack has ``search``.

        Laravel: ``Middleware::replace()``.
        """
        self.replacements[search] = replace
        return self

    def use(self, middleware: t.Iterable[MiddlewareLike]) -> Middleware:
        """Define the whole global stack, replacing the framework's default one.

        Laravel: ``Middleware::use()``.
        """
        self.global_ = list(middleware)
        return self

    # -- groups ----------------------------------------------------------------

    def group(self, name: str, middleware: t.Iterable[MiddlewareLike]) -> Middleware:
        """Define (or redefine) the middleware group ``name``.

        Laravel: ``Middleware::group()``.
        """
        self.groups[name] = list(middleware)
        return self

    def prepend_to_group(self, group: str, middleware: _Many) -> Middleware:
        """Put middleware in front of group ``group``.

        Laravel: ``Middleware::prependToGroup()``.
        """
        current = self.group_prepends.get(group, [])
        self.group_prepends[group] = _unique([*_as_list(middleware), *current])
        return self

    def append_to_group(self, group: str, middleware: _Many) -> Middleware:
        """Add middleware at the end of group ``group``.

        Laravel: ``Middleware::appendToGroup()``.
        """
        current = self.group_appends.get(group, [])
        self.group_appends[group] = _unique([*current, *_as_list(middleware)])
        return self

    def remove_from_group(self, group: str, middleware: _Many) -> Middleware:
        """Take middleware out of group ``group``.

        Laravel: ``Middleware::removeFromGroup()``.
        """
        current = self.group_removals.get(group, [])
        self.group_removals[group] = _unique([*current, *_as_list(middleware)])
        return self

    def replace_in_group(
        self, group: str, search: MiddlewareLike, replace: MiddlewareLike
    ) -> Middleware:
        """Use ``replace`` wherever group ``group`` has ``search``.

        Laravel: ``Middleware::replaceInGroup()``.
        """
        self.group_replacements.setdefault(group, {})[search] = replace
        return self

    def web(
        self,
        append: _Many = (),
        prepend: _Many = (),
        remove: _Many = (),
        replace: t.Mapping[MiddlewareLike, MiddlewareLike] | None = None,
    ) -> Middleware:
        """Change the ``web`` group.

        Laravel: ``Middleware::web(append: ..., prepend: ..., remove: ..., replace: ...)``.
        """
        return self._modify_group("web", append, prepend, remove, replace)

    def api(
        self,
        append: _Many = (),
        prepend: _Many = (),
        remove: _Many = (),
        replace: t.Mapping[MiddlewareLike, MiddlewareLike] | None = None,
    ) -> Middleware:
        """Change the ``api`` group.

        Laravel: ``Middleware::api(append: ..., prepend: ..., remove: ..., replace: ...)``.
        """
        return self._modify_group("api", append, prepend, remove, replace)

    def _modify_group(
        self,
        group: str,
        append: _Many,
        prepend: _Many,
        remove: _Many,
        replace: t.Mapping[MiddlewareLike, MiddlewareLike] | None,
    ) -> Middleware:
        if remove:
            self.remove_from_group(group, remove)
        for search, replacement in (replace or {}).items():
            self.replace_in_group(group, search, replacement)
        if append:
            self.append_to_group(group, append)
        if prepend:
            self.prepend_to_group(group, prepend)
        return self

    # -- aliases and priority ----------------------------------------------------

    def alias(self, aliases: t.Mapping[str, MiddlewareLike]) -> Middleware:
        """Register short names for middleware: ``m.alias({'role': EnsureRole})``.

        Laravel: ``Middleware::alias()``.
        """
        self.custom_aliases.update(aliases)
        return self

    def priority(self, priority: t.Iterable[MiddlewareLike]) -> Middleware:
        """Replace the priority list (middleware that always run in this order).

        Laravel: ``Middleware::priority()``.
        """
        self.priority_ = list(priority)
        return self

    def prepend_to_priority_list(
        self, before: MiddlewareLike, prepend: MiddlewareLike
    ) -> Middleware:
        """Put ``prepend`` just before ``before`` in the priority list.

        Laravel: ``Middleware::prependToPriorityList()``.
        """
        self.priority_prepends.append((before, prepend))
        return self

    def append_to_priority_list(
        self, after: MiddlewareLike, append: MiddlewareLike
    ) -> Middleware:
        """Put ``append`` just after ``after`` in the priority list.

        Laravel: ``Middleware::appendToPriorityList()``.
        """
        self.priority_appends.append((after, append))
        return self

    # -- settings of individual middleware -----------------------------------------

    def redirect_guests_to(self, redirect: str | _Callback) -> Middleware:
        """Set where unauthenticated users are sent (a path or ``fn(request)``).

        Laravel: ``Middleware::redirectGuestsTo()``.
        """
        self.redirect_guests = redirect
        # Laravel sets these statically too; the test reset clears them.
        from protevus.auth.exceptions import AuthenticationException
        from protevus.auth.middleware.authenticate import Authenticate

        Authenticate.redirect_using(redirect)
        AuthenticationException.redirect_using(redirect)
        return self

    def redirect_users_to(self, redirect: str | _Callback) -> Middleware:
        """Set where authenticated users visiting guest pages are sent.

        Laravel: ``Middleware::redirectUsersTo()``.
        """
        self.redirect_users = redirect
        from protevus.auth.middleware.redirect_if_authenticated import (
            RedirectIfAuthenticated,
        )

        RedirectIfAuthenticated.redirect_using(redirect)
        return self

    def redirect_to(
        self,
        guests: str | _Callback | None = None,
        users: str | _Callback | None = None,
    ) -> Middleware:
        """Set both redirects at once.

        Laravel: ``Middleware::redirectTo(guests: ..., users: ...)``.
        """
        if guests is not None:
            self.redirect_guests_to(guests)
        if users is not None:
            self.redirect_users_to(users)
        return self

    def validate_csrf_tokens(self, except_: t.Iterable[str] = ()) -> Middleware:
        """Exclude paths (``'stripe/*'``) from CSRF verification.

        Laravel: ``Middleware::validateCsrfTokens(except: [...])``.
        """
        self.csrf_except = _unique([*self.csrf_except, *except_])
        return self

    def encrypt_cookies(self, except_: t.Iterable[str] = ()) -> Middleware:
        """Leave these cookies unencrypted.

        Laravel: ``Middleware::encryptCookies(except: [...])``.
        """
        self.encrypt_cookies_except = _unique([*self.encrypt_cookies_except, *except_])
        return self

    def trim_strings(self, except_: t.Iterable[str | _Callback] = ()) -> Middleware:
        """Leave these input keys untrimmed; callables skip trimming for requests they accept.

        Laravel: ``Middleware::trimStrings(except: [...])``.
        """
        for item in except_:
            if callable(item):
                self.trim_strings_skip_when.append(item)
            elif item not in self.trim_strings_except:
                self.trim_strings_except.append(item)
        return self

    def convert_empty_strings_to_null(
        self, except_: t.Iterable[_Callback] = ()
    ) -> Middleware:
        """Skip the conversion for requests a callback accepts: ``fn(request) -> bool``.

        Laravel: ``Middleware::convertEmptyStringsToNull(except: [...])``.
        """
        self.convert_empty_strings_skip_when.extend(except_)
        return self

    def prevent_requests_during_maintenance(
        self, except_: t.Iterable[str] = ()
    ) -> Middleware:
        """Keep these paths reachable while the application is down.

        Laravel: ``Middleware::preventRequestsDuringMaintenance(except: [...])``.
        """
        self.maintenance_except = _unique([*self.maintenance_except, *except_])
        return self

    def trust_proxies(
        self, at: str | list[str] | None = None, headers: int | None = None
    ) -> Middleware:
        """Trust these proxies (``'*'`` for all) for the client IP and scheme.

        Laravel: ``Middleware::trustProxies(at: ..., headers: ...)``.
        """
        self.trusted_proxies = {"at": at, "headers": headers}
        return self

    def trust_hosts(
        self, at: list[str] | _Callback | None = None, subdomains: bool = True
    ) -> Middleware:
        """Only answer requests for these hosts (adds TrustHosts to the global stack).

        Laravel: ``Middleware::trustHosts(at: ..., subdomains: ...)``.
        """
        self.trusted_hosts = {"at": at, "subdomains": subdomains}
        return self

    def throttle_api(self, limiter: str = "api", redis: bool = False) -> Middleware:
        """Add ``throttle:<limiter>`` to the ``api`` group.

        Laravel: ``Middleware::throttleApi()``.
        """
        self.api_limiter = limiter
        self.throttle_with_redis_ = redis
        return self

    def throttle_with_redis(self) -> Middleware:
        """Throttle through Redis (the rate-limiting issue reads this).

        Laravel: ``Middleware::throttleWithRedis()``.
        """
        self.throttle_with_redis_ = True
        return self

    def stateful_api(self) -> Middleware:
        """Mark the API as stateful for first-party SPAs (read by a later issue).

        Laravel: ``Middleware::statefulApi()``.
        """
        self.stateful_api_ = True
        return self

    def authenticate_sessions(self) -> Middleware:
        """Add ``auth.session`` to the ``web`` group.

        Laravel: ``Middleware::authenticateSessions()``.
        """
        self.authenticated_sessions = True
        return self

    # -- the result ----------------------------------------------------------------

    def get_global_middleware(self) -> list[MiddlewareLike]:
        """Get the global stack: the default (or ``use()``), replaced, prepended, appended, removed.

        Laravel: ``Middleware::getGlobalMiddleware()``.
        """
        if self.global_ is not None:
            middleware = list(self.global_)
        else:
            paths = list(DEFAULT_GLOBAL)
            if self.trusted_hosts is not None:
                paths.insert(0, TRUST_HOSTS)
            middleware = _existing(paths)
        middleware = [self.replacements.get(m, m) for m in middleware]
        merged = _unique([*self.prepends, *middleware, *self.appends])
        return [m for m in merged if m not in self.removals]

    def get_middleware_groups(self) -> dict[str, list[MiddlewareLike]]:
        """Get every group (``web``, ``api`` and the custom ones) after the changes.

        Laravel: ``Middleware::getMiddlewareGroups()``.
        """
        web = _existing(DEFAULT_WEB)
        if self.authenticated_sessions:
            web.append("auth.session")
        api: list[MiddlewareLike] = []
        if self.api_limiter:
            api.append(f"throttle:{self.api_limiter}")
        api.extend(_existing([SUBSTITUTE_BINDINGS]))
        groups: dict[str, list[MiddlewareLike]] = {"web": web, "api": api}
        groups.update({name: list(items) for name, items in self.groups.items()})
        for group, replacements in self.group_replacements.items():
            groups[group] = [replacements.get(m, m) for m in groups.get(group, [])]
        for group, removals in self.group_removals.items():
            groups[group] = [m for m in groups.get(group, []) if m not in removals]
        for group, prepends in self.group_prepends.items():
            groups[group] = _unique([*prepends, *groups.get(group, [])])
        for group, appends in self.group_appends.items():
            groups[group] = _unique([*groups.get(group, []), *appends])
        return groups

    def get_middleware_aliases(self) -> dict[str, MiddlewareLike]:
        """Get the aliases: Laravel's defaults that exist so far, then the custom ones.

        Laravel: ``Middleware::getMiddlewareAliases()``.
        """
        aliases: dict[str, MiddlewareLike] = {}
        for name, path in DEFAULT_ALIASES.items():
            cls = import_middleware(path)
            if cls is not None:
                aliases[name] = cls
        aliases.update(self.custom_aliases)
        return aliases

    def get_middleware_priority(self) -> list[MiddlewareLike]:
        """Get the priority list: the default (or ``priority()``) with the insertions applied.

        Laravel: ``Middleware::getMiddlewarePriority()`` plus the kernel's
        ``addToMiddlewarePriorityBefore/After()``.
        """
        priority = list(self.priority_) or _existing(DEFAULT_PRIORITY)
        for before, middleware in self.priority_prepends:
            if middleware in priority:
                continue
            index = priority.index(before) if before in priority else 0
            priority.insert(index, middleware)
        for after, middleware in self.priority_appends:
            if middleware in priority:
                continue
            index = priority.index(after) + 1 if after in priority else len(priority)
            priority.insert(index, middleware)
        return priority
