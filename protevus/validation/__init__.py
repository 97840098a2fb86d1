"""Validation: the validator, its rules and messages (Laravel: ``Illuminate\\Validation``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.validation.database_presence_verifier import (
        DatabasePresenceVerifier as DatabasePresenceVerifier,
    )
    from protevus.validation.exceptions import ValidationError as ValidationError
    from protevus.validation.exceptions import (
        ValidationServiceError as ValidationServiceError,
    )
    from protevus.validation.factory import Factory as Factory
    from protevus.validation.rule import In as In
    from protevus.validation.rule import NotIn as NotIn
    from protevus.validation.rule import Rule as Rule
    from protevus.validation.rules.conditional import ExcludeIf as ExcludeIf
    from protevus.validation.rules.conditional import ProhibitedIf as ProhibitedIf
    from protevus.validation.rules.conditional import RequiredIf as RequiredIf
    from protevus.validation.rules.dimensions import Dimensions as Dimensions
    from protevus.validation.rules.enum import Enum as Enum
    from protevus.validation.rules.exists import Exists as Exists
    from protevus.validation.rules.file import File as File
    from protevus.validation.rules.file import ImageFile as ImageFile
    from protevus.validation.rules.password import Password as Password
    from protevus.validation.rules.unique import Unique as Unique
    from protevus.validation.validated_input import ValidatedInput as ValidatedInput
    from protevus.validation.validates_when_resolved import (
        ValidatesWhenResolved as ValidatesWhenResolved,
    )
    from protevus.validation.validation_service_provider import (
        ValidationServiceProvider as ValidationServiceProvider,
    )
    from protevus.validation.validator import Validator as Validator

__getattr__ = lazy_exports(
    __name__,
    {
        "Factory": "protevus.validation.factory",
        "ValidatesWhenResolved": "protevus.validation.validates_when_resolved",
        "ValidationServiceProvider": "protevus.validation.validation_service_provider",
        "Validator": "protevus.validation.validator",
        "ValidationError": "protevus.validation.exceptions",
        "ValidationServiceError": "protevus.validation.exceptions",
        "Rule": "protevus.validation.rule",
        "In": "protevus.validation.rule",
        "NotIn": "protevus.validation.rule",
        "ValidatedInput": "protevus.validation.validated_input",
        "DatabasePresenceVerifier": "protevus.validation.database_presence_verifier",
        "Password": "protevus.validation.rules.password",
        "File": "protevus.validation.rules.file",
        "ImageFile": "protevus.validation.rules.file",
        "Unique": "protevus.validation.rules.unique",
        "Exists": "protevus.validation.rules.exists",
        "Enum": "protevus.validation.rules.enum",
        "Dimensions": "protevus.validation.rules.dimensions",
        "RequiredIf": "protevus.validation.rules.conditional",
        "ProhibitedIf": "protevus.validation.rules.conditional",
        "ExcludeIf": "protevus.validation.rules.conditional",
    },
)
