"""Views: Blade templates on Jinja (Laravel: ``Illuminate\\View``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.view.component import Component as Component
    from protevus.view.component import (
        InvokableComponentVariable as InvokableComponentVariable,
    )
    from protevus.view.component_attribute_bag import (
        AppendableAttributeValue as AppendableAttributeValue,
    )
    from protevus.view.component_attribute_bag import (
        ComponentAttributeBag as ComponentAttributeBag,
    )
    from protevus.view.component_slot import ComponentSlot as ComponentSlot
    from protevus.view.exceptions import BladeSyntaxError as BladeSyntaxError
    from protevus.view.exceptions import ViewError as ViewError
    from protevus.view.exceptions import ViewNotFoundError as ViewNotFoundError
    from protevus.view.factory import Factory as Factory
    from protevus.view.file_view_finder import FileViewFinder as FileViewFinder
    from protevus.view.middleware.share_errors_from_session import (
        ShareErrorsFromSession as ShareErrorsFromSession,
    )
    from protevus.view.view import View as View
    from protevus.view.view_service_provider import (
        ViewServiceProvider as ViewServiceProvider,
    )

__getattr__ = lazy_exports(
    __name__,
    {
        "ViewError": "protevus.view.exceptions",
        "BladeSyntaxError": "protevus.view.exceptions",
        "ViewNotFoundError": "protevus.view.exceptions",
        "Factory": "protevus.view.factory",
        "View": "protevus.view.view",
        "FileViewFinder": "protevus.view.file_view_finder",
        "ViewServiceProvider": "protevus.view.view_service_provider",
        "ShareErrorsFromSession": "protevus.view.middleware.share_errors_from_session",
        "Component": "protevus.view.component",
        "InvokableComponentVariable": "protevus.view.component",
        "ComponentAttributeBag": "protevus.view.component_attribute_bag",
        "AppendableAttributeValue": "protevus.view.component_attribute_bag",
        "ComponentSlot": "protevus.view.component_slot",
    },
)
