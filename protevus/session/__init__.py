"""Sessions: the manager, the store and its drivers (Laravel: ``Illuminate\\Session``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.session.array_session_handler import (
        ArraySessionHandler as ArraySessionHandler,
    )
    from protevus.session.cookie_session_handler import (
        CookieSessionHandler as CookieSessionHandler,
    )
    from protevus.session.database_session_handler import (
        DatabaseSessionHandler as DatabaseSessionHandler,
    )
    from protevus.session.encrypted_store import EncryptedStore as EncryptedStore
    from protevus.session.exceptions import SessionError as SessionError
    from protevus.session.exceptions import (
        SessionSerializationError as SessionSerializationError,
    )
    from protevus.session.exceptions import (
        SessionTableMissingError as SessionTableMissingError,
    )
    from protevus.session.file_session_handler import (
        FileSessionHandler as FileSessionHandler,
    )
    from protevus.session.middleware.start_session import StartSession as StartSession
    from protevus.session.null_session_handler import (
        NullSessionHandler as NullSessionHandler,
    )
    from protevus.session.redis_session_handler import (
        RedisSessionHandler as RedisSessionHandler,
    )
    from protevus.session.session_handler import SessionHandler as SessionHandler
    from protevus.session.session_manager import SessionManager as SessionManager
    from protevus.session.session_service_provider import (
        SessionServiceProvider as SessionServiceProvider,
    )
    from protevus.session.store import Store as Store
    from protevus.session.token_mismatch_exception import (
        TokenMismatchException as TokenMismatchException,
    )

__getattr__ = lazy_exports(
    __name__,
    {
        "TokenMismatchException": "protevus.session.token_mismatch_exception",
        "Store": "protevus.session.store",
        "EncryptedStore": "protevus.session.encrypted_store",
        "SessionManager": "protevus.session.session_manager",
        "SessionServiceProvider": "protevus.session.session_service_provider",
        "StartSession": "protevus.session.middleware.start_session",
        "SessionHandler": "protevus.session.session_handler",
        "ArraySessionHandler": "protevus.session.array_session_handler",
        "NullSessionHandler": "protevus.session.null_session_handler",
        "FileSessionHandler": "protevus.session.file_session_handler",
        "DatabaseSessionHandler": "protevus.session.database_session_handler",
        "RedisSessionHandler": "protevus.session.redis_session_handler",
        "CookieSessionHandler": "protevus.session.cookie_session_handler",
        "SessionError": "protevus.session.exceptions",
        "SessionSerializationError": "protevus.session.exceptions",
        "SessionTableMissingError": "protevus.session.exceptions",
    },
)
