"""Validate an object as soon as the container resolves it.

Laravel: ``Illuminate\\Contracts\\Validation\\ValidatesWhenResolved`` and
``Illuminate\\Validation\\ValidatesWhenResolvedTrait``. The validation service
provider registers an ``after_resolving`` callback that calls
:meth:`ValidatesWhenResolved.validate_resolved` on every instance, so a form
request type-hinted by a controller action is validated before the action runs.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases
from protevus.validation.exceptions import ValidationError

if t.TYPE_CHECKING:
    from protevus.validation.validator import Validator


class ValidatesWhenResolved(CamelAliases):
    """Run authorization and validation once resolved; subclasses give the validator.

    Laravel: ``Illuminate\\Validation\\ValidatesWhenResolvedTrait``.
    """

    def validate_resolved(self) -> None:
        """Prepare, authorize, then validate; raise on failure.

        Laravel: ``ValidatesWhenResolvedTrait::validateResolved()``.
        """
        self.prepare_for_validation()
        if not self.passes_authorization():
            self.failed_authorization()
        instance = self.get_validator_instance()
        if instance.fails():
            self.failed_validation(instance)
        self.passed_validation()

    def prepare_for_validation(self) -> None:
        """Adjust the data before validation (override). Laravel: ``prepareForValidation()``."""

    def passed_validation(self) -> None:
        """React to a passed validation (override). Laravel: ``passedValidation()``."""

    def get_validator_instance(self) -> Validator:
        """Return the validator to run (override). Laravel: ``getValidatorInstance()``."""
        raise NotImplementedError(
            f"[{type(self).__qualname__}] must define get_validator_instance()."
        )

    def failed_validation(self, validator: Validator) -> t.NoReturn:
        """Raise ``ValidationError`` for ``validator``. Laravel: ``failedValidation()``."""
        raise ValidationError(validator)

    def passes_authorization(self) -> bool:
        """Tell whether the action is authorized (``authorize()`` when defined).

        Laravel: ``ValidatesWhenResolvedTrait::passesAuthorization()``.
        """
        authorize = getattr(self, "authorize", None)
        return bool(authorize()) if callable(authorize) else True

    def failed_authorization(self) -> t.NoReturn:
        """Refuse the request with 403 "This action is unauthorized.".

        Laravel: ``ValidatesWhenResolvedTrait::failedAuthorization()``.
        """
        from protevus.http.exceptions import AccessDeniedHttpException

        raise AccessDeniedHttpException("This action is unauthorized.")
