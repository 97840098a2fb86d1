"""Make a call take at least a minimum time, so its duration tells nothing.

Laravel: ``Illuminate\\Support\\Timebox``. The session guard runs credential checks
in a timebox: a login for an unknown email takes as long as a wrong password, so
response times cannot be used to find which emails have accounts.
"""

from __future__ import annotations

import time
import typing as t

from protevus.support.aliases import CamelAliases

_T = t.TypeVar("_T")


class Timebox(CamelAliases):
    """Run a callback, then sleep until ``microseconds`` have passed (unless told to return early).

    Laravel: ``Illuminate\\Support\\Timebox``.
    """

    def __init__(self) -> None:
        self.early_return = False

    def call(self, callback: t.Callable[[Timebox], _T], microseconds: int) -> _T:
        """Call ``callback(timebox)``; pad the call to ``microseconds`` unless it returned early.

        An exception is raised only after the padding, so it is no faster either.

        Laravel: ``Timebox::call()``.
        """
        self.early_return = False
        start = time.perf_counter()
        try:
            result = callback(self)
        finally:
            remainder = microseconds / 1_000_000 - (time.perf_counter() - start)
            if not self.early_return and remainder > 0:
                time.sleep(remainder)
        return result

    def return_early(self) -> Timebox:
        """Skip the padding for this call (a successful login). Laravel: ``Timebox::returnEarly()``."""
        self.early_return = True
        return self

    def dont_return_early(self) -> Timebox:
        """Pad this call after all. Laravel: ``Timebox::dontReturnEarly()``."""
        self.early_return = False
        return self
