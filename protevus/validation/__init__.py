"""Validation: the validator, its rules and messages (Laravel: ``Illuminate\\Validation``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.validation.exceptions import ValidationError as ValidationError
    from protevus.validation.rule import In as In
    from protevus.validation.rule import NotIn as NotIn
    from protevus.validation.rule import Rule as Rule
    from protevus.validation.validated_input import ValidatedInput as ValidatedInput
    from protevus.validation.validator import Validator as Validator

__getattr__ = lazy_exports(
    __name__,
    {
        "Validator": "protevus.validation.validator",
        "ValidationError": "protevus.validation.exceptions",
        "Rule": "protevus.validation.rule",
        "In": "protevus.validation.rule",
        "NotIn": "protevus.validation.rule",
        "ValidatedInput": "protevus.validation.validated_input",
    },
)
