"""Authentication middleware (Laravel: ``Illuminate\\Auth\\Middleware``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.auth.middleware.authenticate import Authenticate as Authenticate
    from protevus.auth.middleware.authenticate_session import (
        AuthenticateSession as AuthenticateSession,
    )
    from protevus.auth.middleware.authenticate_with_basic_auth import (
        AuthenticateWithBasicAuth as AuthenticateWithBasicAuth,
    )
    from protevus.auth.middleware.authorize import Authorize as Authorize
    from protevus.auth.middleware.check_abilities import (
        CheckAbilities as CheckAbilities,
    )
    from protevus.auth.middleware.check_for_any_ability import (
        CheckForAnyAbility as CheckForAnyAbility,
    )
    from protevus.auth.middleware.ensure_email_is_verified import (
        EnsureEmailIsVerified as EnsureEmailIsVerified,
    )
    from protevus.auth.middleware.redirect_if_authenticated import (
        RedirectIfAuthenticated as RedirectIfAuthenticated,
    )
    from protevus.auth.middleware.require_password import (
        RequirePassword as RequirePassword,
    )

__getattr__ = lazy_exports(
    __name__,
    {
        "Authenticate": "protevus.auth.middleware.authenticate",
        "AuthenticateSession": "protevus.auth.middleware.authenticate_session",
        "AuthenticateWithBasicAuth": "protevus.auth.middleware.authenticate_with_basic_auth",
        "Authorize": "protevus.auth.middleware.authorize",
        "CheckAbilities": "protevus.auth.middleware.check_abilities",
        "CheckForAnyAbility": "protevus.auth.middleware.check_for_any_ability",
        "EnsureEmailIsVerified": "protevus.auth.middleware.ensure_email_is_verified",
        "RedirectIfAuthenticated": "protevus.auth.middleware.redirect_if_authenticated",
        "RequirePassword": "protevus.auth.middleware.require_password",
    },
)
