"""Cookies: the queued-cookie jar and the encrypting middleware (Laravel: ``Illuminate\\Cookie``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.cookie.cookie_jar import CookieJar as CookieJar
    from protevus.cookie.cookie_service_provider import (
        CookieServiceProvider as CookieServiceProvider,
    )
    from protevus.cookie.cookie_value_prefix import (
        CookieValuePrefix as CookieValuePrefix,
    )
    from protevus.cookie.middleware.add_queued_cookies_to_response import (
        AddQueuedCookiesToResponse as AddQueuedCookiesToResponse,
    )
    from protevus.cookie.middleware.encrypt_cookies import (
        EncryptCookies as EncryptCookies,
    )

__getattr__ = lazy_exports(
    __name__,
    {
        "CookieJar": "protevus.cookie.cookie_jar",
        "CookieValuePrefix": "protevus.cookie.cookie_value_prefix",
        "CookieServiceProvider": "protevus.cookie.cookie_service_provider",
        "EncryptCookies": "protevus.cookie.middleware.encrypt_cookies",
        "AddQueuedCookiesToResponse": "protevus.cookie.middleware.add_queued_cookies_to_response",
    },
)
