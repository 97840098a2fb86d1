"""Sessions: the manager, the store and its drivers (Laravel: ``Illuminate\\Session``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.session.token_mismatch_exception import (
        TokenMismatchException as TokenMismatchException,
    )

__getattr__ = lazy_exports(
    __name__,
    {
        "TokenMismatchException": "protevus.session.token_mismatch_exception",
    },
)
