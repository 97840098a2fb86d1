"""The application, its providers and bootstrapping (Laravel's ``Illuminate\\Foundation``)."""

from protevus.foundation.application import Application as Application
from protevus.foundation.configuration.application_builder import (
    ApplicationBuilder as ApplicationBuilder,
)
from protevus.support.service_provider import DeferrableProvider as DeferrableProvider
from protevus.support.service_provider import ServiceProvider as ServiceProvider
