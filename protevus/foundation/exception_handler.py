"""Report exceptions to the log, honouring the app's ``with_exceptions`` rules.

Laravel: ``Illuminate\\Foundation\\Exceptions\\Handler`` (reporting half; rendering
arrives with the HTTP kernel).
"""

from __future__ import annotations

import functools
import inspect
import typing as t

from protevus.support.aliases import CamelAliases

_Callback = t.Callable[..., t.Any]


@functools.cache
def _handled_type(callback: _Callback) -> type[BaseException]:
    """Get the exception class a callback's first parameter is annotated with."""
    try:
        hints = t.get_type_hints(callback)
        params = list(inspect.signature(callback).parameters.values())
    except (TypeError, ValueError, NameError):
        return BaseException
    if not params:
        return BaseException
    hint = hints.get(params[0].name)
    if isinstance(hint, type) and issubclass(hint, BaseException):
        return hint
    return BaseException


class ReportableHandler(CamelAliases):
    """Wrap a report callback; ``stop()`` keeps the default logging from running.

    Laravel: ``Illuminate\\Foundation\\Exceptions\\ReportableHandler``.
    """

    def __init__(self, callback: _Callback) -> None:
        self.callback = callback
        self.should_stop = False
        self.handles = _handled_type(callback)

    def stop(self) -> ReportableHandler:
        """Stop the default logging after this callback runs."""
        self.should_stop = True
        return self

    def __call__(self, exc: BaseException) -> bool:
        """Run the callback; return False when reporting must stop here."""
        rv = self.callback(exc)
        return not (rv is False or self.should_stop)


class ExceptionHandler(CamelAliases):
    """Decide whether an exception is reported and log it.

    Laravel: ``Illuminate\\Foundation\\Exceptions\\Handler::report()``.
    """

    #: exceptions that are never reported (the HTTP and validation ones join later).
    internal_dont_report: t.ClassVar[list[type[BaseException]]] = []

    def __init__(self, app: t.Any) -> None:
        self.app = app
        self.reportables: list[ReportableHandler] = []
        self.renderables: list[_Callback] = []
        self.dont_report: list[type[BaseException]] = []
        self.levels: dict[type[BaseException], str] = {}
        self.context_callbacks: list[_Callback] = []

    def should_report(self, exc: BaseException) -> bool:
        """Determine if ``exc`` should be reported.

        Laravel: ``Handler::shouldReport()``.
        """
        if getattr(exc, "_protevus_reported", False):
            return False
        ignored = (*self.internal_dont_report, *self.dont_report)
        return not isinstance(exc, ignored)

    def report(self, exc: BaseException) -> None:
        """Report ``exc``: its own ``report()``, the registered callbacks, then the log.

        Laravel: ``Handler::report()``.
        """
        if not self.should_report(exc):
            return
        own = getattr(exc, "report", None)
        if callable(own) and own() is not None:
            return
        for handler in self.reportables:
            if isinstance(exc, handler.handles) and not handler(exc):
                return
        level = next(
            (lvl for cls, lvl in self.levels.items() if isinstance(exc, cls)), "error"
        )
        context: dict[str, t.Any] = {"exception": exc}
        for callback in self.context_callbacks:
            context.update(callback(exc) or {})
        exc_context = getattr(exc, "context", None)
        if callable(exc_context):
            context.update(exc_context() or {})
        if self.app.bound("log"):
            self.app.make("log").log(level, str(exc) or type(exc).__name__, context)
        try:
            exc._protevus_reported = True  # type: ignore[attr-defined]
        except AttributeError:  # pragma: no cover - exceptions with __slots__
            pass
