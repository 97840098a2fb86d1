"""The events the guards and the password/verification flows dispatch.

Laravel: ``Illuminate\\Auth\\Events``. Listen by class::

    Event.listen(Login, lambda event: audit(event.user, event.guard))

Each event is a plain object; its attributes mirror Laravel's public properties.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases


class Attempting(CamelAliases):
    """Announce that credentials are about to be checked. Laravel: ``Events\\Attempting``."""

    def __init__(
        self, guard: str, credentials: t.Mapping[str, t.Any], remember: bool = False
    ) -> None:
        self.guard = guard
        self.credentials = dict(credentials)
        self.remember = remember


class Validated(CamelAliases):
    """Announce that credentials matched a user. Laravel: ``Events\\Validated``."""

    def __init__(self, guard: str, user: t.Any) -> None:
        self.guard = guard
        self.user = user


class Failed(CamelAliases):
    """Announce that credentials did not match (``user`` is None when nobody was found).

    Laravel: ``Events\\Failed``.
    """

    def __init__(
        self, guard: str, user: t.Any, credentials: t.Mapping[str, t.Any]
    ) -> None:
        self.guard = guard
        self.user = user
        self.credentials = dict(credentials)


class Authenticated(CamelAliases):
    """Announce that a guard found (or was given) its user. Laravel: ``Events\\Authenticated``."""

    def __init__(self, guard: str, user: t.Any) -> None:
        self.guard = guard
        self.user = user


class Login(CamelAliases):
    """Announce that a user logged in (``remember`` also for a remember-me cookie).

    Laravel: ``Events\\Login``.
    """

    def __init__(self, guard: str, user: t.Any, remember: bool = False) -> None:
        self.guard = guard
        self.user = user
        self.remember = remember


class Logout(CamelAliases):
    """Announce that a user logged out. Laravel: ``Events\\Logout``."""

    def __init__(self, guard: str, user: t.Any) -> None:
        self.guard = guard
        self.user = user


class CurrentDeviceLogout(CamelAliases):
    """Announce a ``logout_current_device()``. Laravel: ``Events\\CurrentDeviceLogout``."""

    def __init__(self, guard: str, user: t.Any) -> None:
        self.guard = guard
        self.user = user


class OtherDeviceLogout(CamelAliases):
    """Announce a ``logout_other_devices()``. Laravel: ``Events\\OtherDeviceLogout``."""

    def __init__(self, guard: str, user: t.Any) -> None:
        self.guard = guard
        self.user = user


class Lockout(CamelAliases):
    """Announce that a login was throttled. Laravel: ``Events\\Lockout``."""

    def __init__(self, request: t.Any) -> None:
        self.request = request


class Registered(CamelAliases):
    """Announce that the application registered a user. Laravel: ``Events\\Registered``."""

    def __init__(self, user: t.Any) -> None:
        self.user = user


class PasswordReset(CamelAliases):
    """Announce that a password was reset. Laravel: ``Events\\PasswordReset``."""

    def __init__(self, user: t.Any) -> None:
        self.user = user


class PasswordResetLinkSent(CamelAliases):
    """Announce that a reset link was sent. Laravel: ``Events\\PasswordResetLinkSent``."""

    def __init__(self, user: t.Any) -> None:
        self.user = user


class Verified(CamelAliases):
    """Announce that a user verified their email address. Laravel: ``Events\\Verified``."""

    def __init__(self, user: t.Any) -> None:
        self.user = user
