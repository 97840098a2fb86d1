"""Typing Protocols that components depend on instead of each other (Laravel's ``Contracts``)."""

from protevus.contracts.container import Container as Container
from protevus.contracts.container import (
    ContextualBindingBuilder as ContextualBindingBuilder,
)
from protevus.contracts.support import Arrayable as Arrayable
from protevus.contracts.support import Jsonable as Jsonable
