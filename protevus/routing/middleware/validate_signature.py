"""Let a request through only when its URL carries a valid, unexpired signature.

Laravel: ``Illuminate\\Routing\\Middleware\\ValidateSignature`` and
``Illuminate\\Routing\\Exceptions\\InvalidSignatureException``.
"""

from __future__ import annotations

import typing as t

from protevus.container.container import Container
from protevus.http.exceptions import HttpException
from protevus.support.aliases import CamelAliases
from protevus.support.except_list import ExceptList

_Next = t.Callable[[t.Any], t.Any]


class InvalidSignatureException(HttpException):
    """Answer 403 "Invalid signature." for a tampered, foreign or expired signed URL.

    Laravel: ``Illuminate\\Routing\\Exceptions\\InvalidSignatureException``.
    """

    def __init__(self, message: str = "Invalid signature.") -> None:
        super().__init__(403, message)


class ValidateSignature(CamelAliases):
    """Check the ``signature`` (and ``expires``) query parameters of signed routes.

    Used as the ``signed`` alias: ``Route.get(...).middleware('signed')`` checks
    the full URL, ``'signed:relative'`` only the path and query (the host may
    differ). Names after it are query parameters left out of the check
    (``'signed:relative,utm_source'``), as are those in ``except_`` (a
    subclass's list, or ``ValidateSignature.except_(['utm_source'])`` for every
    route). A bad or expired signature raises :class:`InvalidSignatureException`
    (403); nothing a visitor sends can make it fail with a 500.

    Laravel: ``ValidateSignature`` (``$except``, ``except()``).
    """

    #: query parameters ignored when checking the signature (``utm_*`` trackers...).
    except_: t.ClassVar[list[str]] = ExceptList()

    def __init__(self, app: Container) -> None:
        self.app = app

    def handle(self, request: t.Any, next: _Next, *args: str) -> t.Any:
        """Pass a correctly signed, unexpired request on; raise 403 otherwise.

        Laravel: ``ValidateSignature::handle()``.
        """
        relative, ignore = self.parse_arguments(args)
        url = self.app.make("url")
        if url.has_valid_signature(request, not relative, ignore):
            return next(request)
        raise InvalidSignatureException()

    def parse_arguments(self, args: t.Sequence[str]) -> tuple[bool, list[str]]:
        """Split the middleware arguments into "relative?" and the ignored parameters.

        Laravel: ``ValidateSignature::parseArguments()``.
        """
        names = [str(arg).strip() for arg in args if str(arg).strip()]
        relative = bool(names) and names[0] == "relative"
        if relative:
            names = names[1:]
        if names and names[0] == "absolute":
            names = names[1:]
        ignore = [*self.except_, *ValidateSignature.except_, *names]
        return relative, list(dict.fromkeys(ignore))

    @classmethod
    def relative(cls, ignore: t.Iterable[str] = ()) -> str:
        """Get the middleware string checking only path and query: ``'signed:relative,...'``.

        Laravel: ``ValidateSignature::relative()``.
        """
        return "signed:" + ",".join(["relative", *ignore])

    @classmethod
    def absolute(cls, ignore: t.Iterable[str] = ()) -> str:
        """Get the middleware string checking the full URL: ``'signed'`` or ``'signed:absolute,...'``.

        Laravel: ``ValidateSignature::absolute()``.
        """
        names = list(ignore)
        return "signed:" + ",".join(["absolute", *names]) if names else "signed"

    @classmethod
    def flush_state(cls) -> None:
        """Forget the parameters added with ``except_()``. Laravel: ``flushState()``."""
        ValidateSignature.except_ = ExceptList()
