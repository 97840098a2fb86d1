"""Authorization: the gate, policies and responses (Laravel: ``Illuminate\\Auth\\Access``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.auth.access.access_service_provider import (
        AccessServiceProvider as AccessServiceProvider,
    )
    from protevus.auth.access.authorizable import Authorizable as Authorizable
    from protevus.auth.access.authorizes_requests import (
        AuthorizesRequests as AuthorizesRequests,
    )
    from protevus.auth.access.events import GateEvaluated as GateEvaluated
    from protevus.auth.access.exceptions import (
        AuthorizationException as AuthorizationException,
    )
    from protevus.auth.access.gate import Gate as Gate
    from protevus.auth.access.handles_authorization import (
        HandlesAuthorization as HandlesAuthorization,
    )
    from protevus.auth.access.policy import Policy as Policy
    from protevus.auth.access.response import Response as Response

__getattr__ = lazy_exports(
    __name__,
    {
        "AccessServiceProvider": "protevus.auth.access.access_service_provider",
        "Authorizable": "protevus.auth.access.authorizable",
        "AuthorizesRequests": "protevus.auth.access.authorizes_requests",
        "AuthorizationException": "protevus.auth.access.exceptions",
        "Gate": "protevus.auth.access.gate",
        "GateEvaluated": "protevus.auth.access.events",
        "HandlesAuthorization": "protevus.auth.access.handles_authorization",
        "Policy": "protevus.auth.access.policy",
        "Response": "protevus.auth.access.response",
    },
)
