"""Errors raised by the view layer.

Laravel: ``Illuminate\\View\\ViewException`` and the compiler's ``InvalidArgumentException``.
"""

from __future__ import annotations

from jinja2 import TemplateSyntaxError

from protevus.exceptions import InvalidArgumentError
from protevus.exceptions import ProtevusError


class ViewError(ProtevusError):
    """Signal an error while finding, compiling or rendering a view.

    Laravel: ``Illuminate\\View\\ViewException``.
    """


class BladeSyntaxError(ViewError, TemplateSyntaxError):
    """Signal a malformed Blade directive, naming the template and the line.

    It is also a :class:`jinja2.TemplateSyntaxError`, so Jinja attaches the
    template source to the traceback and code catching Jinja errors catches it.
    """

    def __init__(self, message: str, lineno: int, name: str | None = None) -> None:
        TemplateSyntaxError.__init__(self, message, lineno, name, name)


class ViewNotFoundError(ViewError, InvalidArgumentError):
    """Signal a view name that matches no template file.

    Laravel: the ``InvalidArgumentException`` of ``FileViewFinder::findInPaths()``
    (``View [posts.shwo] not found.``).
    """
