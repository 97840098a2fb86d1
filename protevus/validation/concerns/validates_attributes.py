"""The built-in rules, as ``validate_<rule>`` methods of a validator mixin.

Each method answers whether ``value`` passes; ``params`` are the strings after the
colon (``'between:1,10'`` gives ``['1', '10']``).

Laravel: ``Illuminate\\Validation\\Concerns\\ValidatesAttributes``.
"""

from __future__ import annotations

import json
import re
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases

MISSING: t.Any = type("Missing", (), {"__repr__": lambda self: "MISSING"})()

_NUMERIC = re.compile(r"\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*")
_INTEGER = re.compile(r"[+-]?(0|[1-9]\d*)")
_ACCEPTED = ("yes", "on", "1", 1, True, "true")
_DECLINED = ("no", "off", "0", 0, False, "false")

NUMERIC_RULES = ("numeric", "integer", "decimal")
SIZE_RULES = ("size", "between", "min", "max", "gt", "lt", "gte", "lte")


def is_numeric(value: t.Any) -> bool:
    """Tell whether ``value`` is a number or a numeric string, as PHP's is_numeric."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and _NUMERIC.fullmatch(value) is not None


def to_number(value: t.Any) -> float:
    """Return a numeric value as a float."""
    return float(value.strip()) if isinstance(value, str) else float(value)


def php_string(value: t.Any) -> str:
    """Return ``value`` cast to a string as PHP does (``True`` is ``'1'``)."""
    if isinstance(value, bool):
        return "1" if value else ""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(getattr(value, "value", value))


def is_empty(value: t.Any) -> bool:
    """Tell whether ``value`` fails ``required``: None, blank string, empty list."""
    if value is None or value is MISSING:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    if isinstance(value, list | tuple | dict | set):
        return len(value) == 0
    return False


class ValidatesAttributes(CamelAliases):
    """Give a validator its ``validate_<rule>`` methods.

    Laravel: ``Illuminate\\Validation\\Concerns\\ValidatesAttributes``.
    """

    data: dict[str, t.Any]

    if t.TYPE_CHECKING:

        def get_value(self, attribute: str) -> t.Any: ...

        def has_attribute(self, attribute: str) -> bool: ...

        def has_rule(self, attribute: str, rules: t.Iterable[str]) -> bool: ...

        def rule_parameters(self, attribute: str, rule: str) -> list[str] | None: ...

        def get_size(self, attribute: str, value: t.Any) -> float: ...

        def sibling_values(self, attribute: str) -> list[t.Any]: ...

    # --- presence ------------------------------------------------------------------

    def validate_required(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass a value that is not None, blank, or an empty list or dict.

        Laravel: ``validateRequired()``.
        """
        return not is_empty(value)

    def validate_present(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass when the key exists in the data, even holding None.

        Laravel: ``validatePresent()``.
        """
        return self.has_attribute(attribute)

    def validate_filled(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a missing key, or a present one that is not empty.

        Laravel: ``validateFilled()``.
        """
        return not self.has_attribute(attribute) or not is_empty(value)

    def validate_nullable(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Mark the attribute as accepting None; always passes.

        Laravel: ``validateNullable()``.
        """
        return True

    validate_sometimes = validate_nullable
    validate_bail = validate_nullable

    def _other_matches(self, params: list[str], rule: str = "required_if") -> bool:
        self._need(params, 2, rule)
        other = self.get_value(params[0])
        values = params[1:]
        if isinstance(other, bool):
            values = [
                {"true": "1", "false": ""}.get(each.lower(), each) for each in values
            ]
        if other is None or other is MISSING:
            return "null" in values or (other is None and "" in values)
        return php_string(other) in values

    def validate_required_if(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Require the value when another field equals one of the values.

        Laravel: ``validateRequiredIf()``.
        """
        return not self._other_matches(params) or not is_empty(value)

    def validate_required_unless(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Require the value unless another field equals one of the values.

        Laravel: ``validateRequiredUnless()``.
        """
        return self._other_matches(params, "required_unless") or not is_empty(value)

    def _filled(self, params: list[str]) -> list[bool]:
        return [not is_empty(self.get_value(each)) for each in params]

    def validate_required_with(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Require the value when any of the other fields is filled.

        Laravel: ``validateRequiredWith()``.
        """
        return not any(self._filled(params)) or not is_empty(value)

    def validate_required_with_all(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Require the value when all of the other fields are filled.

        Laravel: ``validateRequiredWithAll()``.
        """
        return not all(self._filled(params)) or not is_empty(value)

    def validate_required_without(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Require the value when any of the other fields is empty.

        Laravel: ``validateRequiredWithout()``.
        """
        return all(self._filled(params)) or not is_empty(value)

    def validate_required_without_all(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Require the value when all of the other fields are empty.

        Laravel: ``validateRequiredWithoutAll()``.
        """
        return any(self._filled(params)) or not is_empty(value)

    def validate_accepted(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass ``'yes'``, ``'on'``, ``'1'``, ``1``, ``True`` or ``'true'``.

        Laravel: ``validateAccepted()``.
        """
        return not is_empty(value) and _in_strict(value, _ACCEPTED)

    def validate_declined(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass ``'no'``, ``'off'``, ``'0'``, ``0``, ``False`` or ``'false'``.

        Laravel: ``validateDeclined()``.
        """
        return not is_empty(value) and _in_strict(value, _DECLINED)

    # --- types ---------------------------------------------------------------------

    def validate_array(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a list or dict; ``array:a,b`` limits the allowed keys.

        Laravel: ``validateArray()``.
        """
        if not isinstance(value, list | tuple | dict):
            return False
        if not params:
            return True
        keys = value.keys() if isinstance(value, dict) else range(len(value))
        return all(php_string(key) in params for key in keys)

    def validate_boolean(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass ``True``, ``False``, ``0``, ``1``, ``'0'`` or ``'1'``.

        Laravel: ``validateBoolean()``.
        """
        return (
            value in (True, False)
            and not isinstance(value, float)
            or value
            in (
                "0",
                "1",
            )
        )

    def validate_integer(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass an int or an integer string (not a bool).

        Laravel: ``validateInteger()``.
        """
        if isinstance(value, bool):
            return False
        if isinstance(value, int):
            return True
        if isinstance(value, float):
            return value.is_integer()
        return isinstance(value, str) and _INTEGER.fullmatch(value.strip()) is not None

    def validate_numeric(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a number or a numeric string, as PHP's ``is_numeric``.

        Laravel: ``validateNumeric()``.
        """
        return is_numeric(value)

    def validate_string(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a str.

        Laravel: ``validateString()``.
        """
        return isinstance(value, str)

    def validate_json(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a string holding valid JSON.

        Laravel: ``validateJson()``.
        """
        if not isinstance(value, str):
            return False
        try:
            json.loads(value)
        except (ValueError, RecursionError):  # too deep is not valid either
            return False
        return True

    # --- sizes ---------------------------------------------------------------------

    def validate_size(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a value whose size equals the parameter.

        Laravel: ``validateSize()``.
        """
        self._need(params, 1, "size")
        return self.get_size(attribute, value) == _float(params[0], "size")

    def validate_between(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a value whose size lies between the two parameters.

        Laravel: ``validateBetween()``.
        """
        self._need(params, 2, "between")
        size = self.get_size(attribute, value)
        return _float(params[0], "between") <= size <= _float(params[1], "between")

    def validate_min(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a value whose size is at least the parameter.

        Laravel: ``validateMin()``.
        """
        self._need(params, 1, "min")
        return self.get_size(attribute, value) >= _float(params[0], "min")

    def validate_max(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a value whose size is at most the parameter.

        Laravel: ``validateMax()``.
        """
        self._need(params, 1, "max")
        return self.get_size(attribute, value) <= _float(params[0], "max")

    def _compare(
        self, attribute: str, value: t.Any, params: list[str], rule: str
    ) -> tuple[float, float] | None:
        self._need(params, 1, rule)
        other = self.get_value(params[0])
        if other is MISSING or other is None:
            if is_numeric(params[0]) and (
                is_numeric(value) or not self.has_rule(attribute, NUMERIC_RULES)
            ):
                return self.get_size(attribute, value), to_number(params[0])
            return None
        if is_numeric(params[0]):
            return None
        if is_numeric(value) and is_numeric(other):
            return to_number(value), to_number(other)
        if type(value) is not type(other):
            return None
        return self.get_size(attribute, value), self.get_size(attribute, other)

    def validate_gt(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a value greater than another field, or than a number.

        Laravel: ``validateGt()``.
        """
        pair = self._compare(attribute, value, params, "gt")
        return pair is not None and pair[0] > pair[1]

    def validate_gte(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a value greater than or equal to another field, or a number.

        Laravel: ``validateGte()``.
        """
        pair = self._compare(attribute, value, params, "gte")
        return pair is not None and pair[0] >= pair[1]

    def validate_lt(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a value less than another field, or than a number.

        Laravel: ``validateLt()``.
        """
        pair = self._compare(attribute, value, params, "lt")
        return pair is not None and pair[0] < pair[1]

    def validate_lte(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a value less than or equal to another field, or a number.

        Laravel: ``validateLte()``.
        """
        pair = self._compare(attribute, value, params, "lte")
        return pair is not None and pair[0] <= pair[1]

    def validate_digits(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass exactly the given number of digits.

        Laravel: ``validateDigits()``.
        """
        self._need(params, 1, "digits")
        text = php_string(value)
        return text.isdigit() and text.isascii() and len(text) == int(params[0])

    def validate_digits_between(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass a count of digits between the two parameters.

        Laravel: ``validateDigitsBetween()``.
        """
        self._need(params, 2, "digits_between")
        text = php_string(value)
        return (
            text.isdigit()
            and text.isascii()
            and int(params[0]) <= len(text) <= int(params[1])
        )

    # --- lists and other fields ----------------------------------------------------

    def validate_in(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a value in the list; a list value under ``array`` needs every item in.

        Laravel: ``validateIn()``.
        """
        if isinstance(value, list | tuple) and self.has_rule(attribute, ["array"]):
            return all(php_string(item) in params for item in value)
        if isinstance(value, list | tuple | dict):
            return False
        return php_string(value) in params

    def validate_not_in(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a value not in the list.

        Laravel: ``validateNotIn()``.
        """
        if isinstance(value, list | tuple) and self.has_rule(attribute, ["array"]):
            return not any(php_string(item) in params for item in value)
        return php_string(value) not in params

    def validate_confirmed(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass when ``<attribute>_confirmation`` holds the same value.

        Laravel: ``validateConfirmed()``.
        """
        other = self.get_value(params[0] if params else f"{attribute}_confirmation")
        return type(other) is type(value) and other == value

    def validate_same(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass when another field holds the same value (strictly).

        Laravel: ``validateSame()``.
        """
        self._need(params, 1, "same")
        other = self.get_value(params[0])
        return other is not MISSING and type(other) is type(value) and other == value

    def validate_different(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass when no other field holds the same value.

        Laravel: ``validateDifferent()``.
        """
        self._need(params, 1, "different")
        for each in params:
            other = self.get_value(each)
            if other is not MISSING and type(other) is type(value) and other == value:
                return False
        return True

    def validate_distinct(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass when no sibling ``*`` value equals this one.

        Laravel: ``validateDistinct()``.
        """
        others = self.sibling_values(attribute)

        def key(item: t.Any) -> t.Any:
            if "strict" in params:
                return (type(item), item)
            text = php_string(item)
            return text.lower() if "ignore_case" in params else text

        return key(value) not in {key(each) for each in others}

    # --- helpers -------------------------------------------------------------------

    @staticmethod
    def _need(params: list[str], count: int, rule: str) -> None:
        if len(params) < count:
            raise InvalidArgumentError(
                f"Validation rule [{rule}] requires at least {count} "
                f"parameter{'s' if count > 1 else ''}; write it as '{rule}:"
                + ",".join(["value"] * count)
                + "'."
            )


def _float(text: str, rule: str) -> float:
    if not is_numeric(text):
        raise InvalidArgumentError(
            f"Validation rule [{rule}] needs a number, got [{text}]."
        )
    return to_number(text)


def _in_strict(value: t.Any, choices: t.Iterable[t.Any]) -> bool:
    return any(type(value) is type(each) and value == each for each in choices)
