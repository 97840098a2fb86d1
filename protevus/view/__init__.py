"""Views: Blade templates on Jinja (Laravel: ``Illuminate\\View``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.view.exceptions import BladeSyntaxError as BladeSyntaxError
    from protevus.view.exceptions import ViewError as ViewError

__getattr__ = lazy_exports(
    __name__,
    {
        "ViewError": "protevus.view.exceptions",
        "BladeSyntaxError": "protevus.view.exceptions",
    },
)
