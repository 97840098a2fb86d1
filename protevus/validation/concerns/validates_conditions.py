"""The conditional rules: exclude*, prohibited*, missing*, present_*, *_if_accepted.

A failing ``exclude*`` rule drops the attribute from the validated data instead
of adding an error (the validator handles that).

Laravel: ``Illuminate\\Validation\\Concerns\\ValidatesAttributes`` (conditional rules).
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases
from protevus.validation.concerns.validates_attributes import _ACCEPTED
from protevus.validation.concerns.validates_attributes import _DECLINED
from protevus.validation.concerns.validates_attributes import MISSING
from protevus.validation.concerns.validates_attributes import ValidatesAttributes
from protevus.validation.concerns.validates_attributes import _in_strict
from protevus.validation.concerns.validates_attributes import is_empty


class ValidatesConditions(CamelAliases):
    """Give a validator the rules that depend on other fields' presence or value.

    Laravel: ``Illuminate\\Validation\\Concerns\\ValidatesAttributes``.
    """

    if t.TYPE_CHECKING:

        def get_value(self, attribute: str) -> t.Any: ...

        def has_attribute(self, attribute: str) -> bool: ...

        def _other_matches(self, params: list[str], rule: str = ...) -> bool: ...

        def validate_accepted(
            self, attribute: str, value: t.Any, params: list[str]
        ) -> bool: ...

        def validate_declined(
            self, attribute: str, value: t.Any, params: list[str]
        ) -> bool: ...

    _need = staticmethod(ValidatesAttributes._need)

    def _has_any(self, params: list[str]) -> bool:
        return any(self.has_attribute(each) for each in params)

    def _has_all(self, params: list[str]) -> bool:
        return all(self.has_attribute(each) for each in params)

    def _is(self, other: str, choices: tuple[t.Any, ...]) -> bool:
        value = self.get_value(other)
        return value is not MISSING and _in_strict(value, choices)

    # --- accepted / declined when -------------------------------------------------

    def validate_accepted_if(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Require an accepted value when another field equals one of the values.

        Laravel: ``validateAcceptedIf()``.
        """
        if self._other_matches(params, "accepted_if"):
            return self.validate_accepted(attribute, value, [])
        return True

    def validate_declined_if(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Require a declined value when another field equals one of the values.

        Laravel: ``validateDeclinedIf()``.
        """
        if self._other_matches(params, "declined_if"):
            return self.validate_declined(attribute, value, [])
        return True

    def validate_required_if_accepted(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Require the value when another field is accepted (``yes``, ``1``...).

        Laravel: ``validateRequiredIfAccepted()``.
        """
        self._need(params, 1, "required_if_accepted")
        return not self._is(params[0], _ACCEPTED) or not is_empty(value)

    def validate_required_if_declined(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Require the value when another field is declined (``no``, ``0``...).

        Laravel: ``validateRequiredIfDeclined()``.
        """
        self._need(params, 1, "required_if_declined")
        return not self._is(params[0], _DECLINED) or not is_empty(value)

    def validate_required_array_keys(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass a dict holding every key named (a list: every index).

        Laravel: ``validateRequiredArrayKeys()``.
        """
        if isinstance(value, dict):
            return all(each in value for each in params)
        if isinstance(value, list | tuple):
            return all(each.isdigit() and int(each) < len(value) for each in params)
        return False

    # --- exclude ------------------------------------------------------------------

    def validate_exclude(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Always drop the attribute from the validated data.

        Laravel: ``validateExclude()``.
        """
        return False

    def validate_exclude_if(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Drop the attribute when another field equals one of the values.

        Laravel: ``validateExcludeIf()``.
        """
        return not self._other_matches(params, "exclude_if")

    def validate_exclude_unless(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Drop the attribute unless another field equals one of the values.

        Laravel: ``validateExcludeUnless()``.
        """
        return self._other_matches(params, "exclude_unless")

    def validate_exclude_with(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Drop the attribute when another field is present.

        Laravel: ``validateExcludeWith()``.
        """
        self._need(params, 1, "exclude_with")
        return not self.has_attribute(params[0])

    def validate_exclude_without(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Drop the attribute when another field is missing.

        Laravel: ``validateExcludeWithout()``.
        """
        self._need(params, 1, "exclude_without")
        return self.has_attribute(params[0])

    # --- prohibited ---------------------------------------------------------------

    def validate_prohibited(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass a missing or empty value only.

        Laravel: ``validateProhibited()``.
        """
        return is_empty(value)

    def validate_prohibited_if(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Forbid a value when another field equals one of the values.

        Laravel: ``validateProhibitedIf()``.
        """
        return not self._other_matches(params, "prohibited_if") or is_empty(value)

    def validate_prohibited_unless(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Forbid a value unless another field equals one of the values.

        Laravel: ``validateProhibitedUnless()``.
        """
        return self._other_matches(params, "prohibited_unless") or is_empty(value)

    def validate_prohibits(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Forbid the other fields when this one holds a value.

        Laravel: ``validateProhibits()``.
        """
        if is_empty(value):
            return True
        return all(is_empty(self.get_value(each)) for each in params)

    # --- missing ------------------------------------------------------------------

    def validate_missing(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass only when the key is absent from the data.

        Laravel: ``validateMissing()``.
        """
        return not self.has_attribute(attribute)

    def validate_missing_if(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Require the key absent when another field equals one of the values.

        Laravel: ``validateMissingIf()``.
        """
        if self._other_matches(params, "missing_if"):
            return not self.has_attribute(attribute)
        return True

    def validate_missing_unless(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Require the key absent unless another field equals one of the values.

        Laravel: ``validateMissingUnless()``.
        """
        if self._other_matches(params, "missing_unless"):
            return True
        return not self.has_attribute(attribute)

    def validate_missing_with(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Require the key absent when any of the other fields is present.

        Laravel: ``validateMissingWith()``.
        """
        self._need(params, 1, "missing_with")
        return not self._has_any(params) or not self.has_attribute(attribute)

    def validate_missing_with_all(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Require the key absent when all of the other fields are present.

        Laravel: ``validateMissingWithAll()``.
        """
        self._need(params, 1, "missing_with_all")
        return not self._has_all(params) or not self.has_attribute(attribute)

    # --- present when -------------------------------------------------------------

    def validate_present_if(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Require the key present when another field equals one of the values.

        Laravel: ``validatePresentIf()``.
        """
        if self._other_matches(params, "present_if"):
            return self.has_attribute(attribute)
        return True

    def validate_present_unless(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Require the key present unless another field equals one of the values.

        Laravel: ``validatePresentUnless()``.
        """
        if self._other_matches(params, "present_unless"):
            return True
        return self.has_attribute(attribute)

    def validate_present_with(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Require the key present when any of the other fields is present.

        Laravel: ``validatePresentWith()``.
        """
        self._need(params, 1, "present_with")
        return not self._has_any(params) or self.has_attribute(attribute)

    def validate_present_with_all(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Require the key present when all of the other fields are present.

        Laravel: ``validatePresentWithAll()``.
        """
        self._need(params, 1, "present_with_all")
        return not self._has_all(params) or self.has_attribute(attribute)
