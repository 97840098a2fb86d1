"""The application, its providers and bootstrapping (Laravel's ``Illuminate\\Foundation``)."""

import typing as _t

from protevus.foundation.application import Application as Application
from protevus.foundation.configuration.application_builder import (
    ApplicationBuilder as ApplicationBuilder,
)
from protevus.support.lazy import lazy_exports as _lazy_exports
from protevus.support.service_provider import DeferrableProvider as DeferrableProvider
from protevus.support.service_provider import ServiceProvider as ServiceProvider

if _t.TYPE_CHECKING:
    from protevus.foundation.http.form_request import FormRequest as FormRequest

# FormRequest pulls in the HTTP layer (Flask), so it loads on first use only.
__getattr__ = _lazy_exports(
    __name__, {"FormRequest": "protevus.foundation.http.form_request"}
)
