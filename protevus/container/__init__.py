"""The service container (Laravel's ``Illuminate\\Container``)."""

from protevus.container.bound_method import BoundMethod as BoundMethod
from protevus.container.container import Container as Container
from protevus.container.container import TaggedServices as TaggedServices
from protevus.container.contextual_binding_builder import (
    ContextualBindingBuilder as ContextualBindingBuilder,
)
from protevus.container.exceptions import (
    BindingResolutionError as BindingResolutionError,
)
from protevus.container.exceptions import (
    CircularDependencyError as CircularDependencyError,
)
from protevus.container.exceptions import ContainerError as ContainerError
from protevus.container.exceptions import EntryNotFoundError as EntryNotFoundError
