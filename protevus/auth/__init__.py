"""Authentication: guards, user providers, the User base model (Laravel: ``Illuminate\\Auth``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.auth.access.authorizable import Authorizable as Authorizable
    from protevus.auth.access.authorizes_requests import (
        AuthorizesRequests as AuthorizesRequests,
    )
    from protevus.auth.access.exceptions import (
        AuthorizationException as AuthorizationException,
    )
    from protevus.auth.access.gate import Gate as Gate
    from protevus.auth.access.handles_authorization import (
        HandlesAuthorization as HandlesAuthorization,
    )
    from protevus.auth.access.policy import Policy as Policy
    from protevus.auth.access.response import Response as Response
    from protevus.auth.auth_manager import AuthManager as AuthManager
    from protevus.auth.auth_service_provider import (
        AuthServiceProvider as AuthServiceProvider,
    )
    from protevus.auth.authenticatable import Authenticatable as Authenticatable
    from protevus.auth.creates_user_providers import (
        CreatesUserProviders as CreatesUserProviders,
    )
    from protevus.auth.database_user_provider import (
        DatabaseUserProvider as DatabaseUserProvider,
    )
    from protevus.auth.eloquent_user_provider import (
        EloquentUserProvider as EloquentUserProvider,
    )
    from protevus.auth.events import Attempting as Attempting
    from protevus.auth.events import Authenticated as Authenticated
    from protevus.auth.events import CurrentDeviceLogout as CurrentDeviceLogout
    from protevus.auth.events import Failed as Failed
    from protevus.auth.events import Lockout as Lockout
    from protevus.auth.events import Login as Login
    from protevus.auth.events import Logout as Logout
    from protevus.auth.events import OtherDeviceLogout as OtherDeviceLogout
    from protevus.auth.events import PasswordReset as PasswordReset
    from protevus.auth.events import PasswordResetLinkSent as PasswordResetLinkSent
    from protevus.auth.events import Registered as Registered
    from protevus.auth.events import Validated as Validated
    from protevus.auth.events import Verified as Verified
    from protevus.auth.exceptions import (
        AuthenticationException as AuthenticationException,
    )
    from protevus.auth.exceptions import AuthError as AuthError
    from protevus.auth.generic_user import GenericUser as GenericUser
    from protevus.auth.guard_helpers import GuardHelpers as GuardHelpers
    from protevus.auth.has_api_tokens import HasApiTokens as HasApiTokens
    from protevus.auth.missing_ability_exception import (
        MissingAbilityException as MissingAbilityException,
    )
    from protevus.auth.must_verify_email import MustVerifyEmail as MustVerifyEmail
    from protevus.auth.new_access_token import NewAccessToken as NewAccessToken
    from protevus.auth.passwords.can_reset_password import (
        CanResetPassword as CanResetPassword,
    )
    from protevus.auth.passwords.password_broker import PasswordBroker as PasswordBroker
    from protevus.auth.personal_access_token import (
        PersonalAccessToken as PersonalAccessToken,
    )
    from protevus.auth.recaller import Recaller as Recaller
    from protevus.auth.request_guard import RequestGuard as RequestGuard
    from protevus.auth.session_guard import SessionGuard as SessionGuard
    from protevus.auth.timebox import Timebox as Timebox
    from protevus.auth.token_guard import TokenAuthenticated as TokenAuthenticated
    from protevus.auth.token_guard import TokenGuard as TokenGuard
    from protevus.auth.transient_token import TransientToken as TransientToken
    from protevus.auth.user import User as User

__getattr__ = lazy_exports(
    __name__,
    {
        "Policy": "protevus.auth.access.policy",
        "Gate": "protevus.auth.access.gate",
        "Response": "protevus.auth.access.response",
        "AuthorizationException": "protevus.auth.access.exceptions",
        "Authorizable": "protevus.auth.access.authorizable",
        "AuthorizesRequests": "protevus.auth.access.authorizes_requests",
        "HandlesAuthorization": "protevus.auth.access.handles_authorization",
        "CanResetPassword": "protevus.auth.passwords.can_reset_password",
        "PasswordBroker": "protevus.auth.passwords.password_broker",
        "AuthManager": "protevus.auth.auth_manager",
        "AuthServiceProvider": "protevus.auth.auth_service_provider",
        "Authenticatable": "protevus.auth.authenticatable",
        "CreatesUserProviders": "protevus.auth.creates_user_providers",
        "DatabaseUserProvider": "protevus.auth.database_user_provider",
        "EloquentUserProvider": "protevus.auth.eloquent_user_provider",
        "Attempting": "protevus.auth.events",
        "Authenticated": "protevus.auth.events",
        "CurrentDeviceLogout": "protevus.auth.events",
        "Failed": "protevus.auth.events",
        "Lockout": "protevus.auth.events",
        "Login": "protevus.auth.events",
        "Logout": "protevus.auth.events",
        "OtherDeviceLogout": "protevus.auth.events",
        "PasswordReset": "protevus.auth.events",
        "PasswordResetLinkSent": "protevus.auth.events",
        "Registered": "protevus.auth.events",
        "Validated": "protevus.auth.events",
        "Verified": "protevus.auth.events",
        "AuthError": "protevus.auth.exceptions",
        "AuthenticationException": "protevus.auth.exceptions",
        "GenericUser": "protevus.auth.generic_user",
        "GuardHelpers": "protevus.auth.guard_helpers",
        "HasApiTokens": "protevus.auth.has_api_tokens",
        "MissingAbilityException": "protevus.auth.missing_ability_exception",
        "MustVerifyEmail": "protevus.auth.must_verify_email",
        "NewAccessToken": "protevus.auth.new_access_token",
        "PersonalAccessToken": "protevus.auth.personal_access_token",
        "Recaller": "protevus.auth.recaller",
        "RequestGuard": "protevus.auth.request_guard",
        "SessionGuard": "protevus.auth.session_guard",
        "Timebox": "protevus.auth.timebox",
        "TokenAuthenticated": "protevus.auth.token_guard",
        "TokenGuard": "protevus.auth.token_guard",
        "TransientToken": "protevus.auth.transient_token",
        "User": "protevus.auth.user",
    },
)
