"""Turn an exception raised inside a middleware stack into a response, where it happens.

Laravel: ``Illuminate\\Routing\\Pipeline::handleException()``. Each route middleware
layer (and the route's action) catches what it raises and hands back the rendered
error, so every middleware around it still runs its "after" half on a response. An
exception is reported once, by the first layer that catches it, even if a layer
further out sees it again.
"""

from __future__ import annotations

import typing as t

#: Set on an exception once a pipeline layer has reported it.
_REPORTED = "_protevus_pipeline_reported"


def handle_exception(app: t.Any, request: t.Any, exc: Exception) -> t.Any:
    """Report ``exc`` (once) and render it for ``request`` with the exception handler.

    Without an application or a bound ``'exceptions'`` handler, ``exc`` is raised
    again, as Laravel does without an ``ExceptionHandler``.

    Laravel: ``Illuminate\\Routing\\Pipeline::handleException()``.
    """
    if app is None or not app.bound("exceptions"):
        raise exc
    handler = app.make("exceptions")
    report_once(handler, exc)
    return handler.render(request, exc)


def report_once(handler: t.Any, exc: BaseException) -> None:
    """Report ``exc`` through ``handler`` unless a pipeline layer already did.

    Laravel: the ``report()`` half of ``Pipeline::handleException()``.
    """
    if getattr(exc, _REPORTED, False):
        return
    try:
        setattr(exc, _REPORTED, True)
    except AttributeError:  # pragma: no cover - exceptions with __slots__
        pass
    handler.report(exc)
