"""Fill the rule-specific placeholders of validation messages.

Laravel: ``Illuminate\\Validation\\Concerns\\ReplacesAttributes``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases
from protevus.validation.concerns.validates_attributes import MISSING
from protevus.validation.concerns.validates_attributes import php_string
from protevus.validation.concerns.validates_dates import parse_date

_DATE_RULES = ("after", "after_or_equal", "before", "before_or_equal", "date_equals")
#: Rules whose ``:values`` lists other fields: ``name / email``.
_FIELD_LIST_RULES = (
    "required_with",
    "required_with_all",
    "required_without",
    "required_without_all",
    "missing_with",
    "missing_with_all",
    "present_with",
    "present_with_all",
)
#: Rules whose ``:values`` lists the parameters as given.
_VALUE_LIST_RULES = (
    "in",
    "not_in",
    "starts_with",
    "ends_with",
    "doesnt_start_with",
    "doesnt_end_with",
    "mimes",
    "mimetypes",
    "extensions",
    "required_array_keys",
)
#: Rules shown as ``:other is :value``.
_OTHER_VALUE_RULES = (
    "required_if",
    "accepted_if",
    "declined_if",
    "prohibited_if",
    "missing_if",
    "present_if",
)
#: Rules shown as ``:other is in :values``.
_OTHER_VALUES_RULES = ("required_unless", "prohibited_unless")


class ReplacesAttributes(CamelAliases):
    """Give a validator the placeholder values of each rule's message.

    Laravel: ``Illuminate\\Validation\\Concerns\\ReplacesAttributes``.
    """

    if t.TYPE_CHECKING:

        def get_value(self, attribute: str) -> t.Any: ...

        def get_size(self, attribute: str, value: t.Any) -> float: ...

        def display_attribute(self, attribute: str) -> str: ...

        def display_value(self, attribute: str, value: t.Any) -> str: ...

    def _rule_replacements(
        self, attribute: str, rule: str, params: list[str]
    ) -> dict[str, str]:
        first = params[0] if params else ""
        if rule in ("between", "digits_between"):
            return {"min": first, "max": params[1] if len(params) > 1 else ""}
        if rule in ("min", "max", "size", "digits"):
            return {rule: first}
        if rule in ("min_digits", "max_digits"):
            return {rule[:3]: first}
        if rule in ("gt", "gte", "lt", "lte"):
            other = self.get_value(first)
            if other is MISSING or other is None:
                return {"value": first}
            size = self.get_size(attribute, other)
            return {"value": php_string(size)}
        if rule == "multiple_of":
            return {"value": first}
        if rule == "decimal":
            return {"decimal": "-".join(params[:2])}
        if rule in _VALUE_LIST_RULES:
            shown = [self.display_value(attribute, each) for each in params]
            return {"values": ", ".join(shown)}
        if rule in _FIELD_LIST_RULES:
            return {"values": " / ".join(self.display_attribute(p) for p in params)}
        if rule in _OTHER_VALUE_RULES:
            return {
                "other": self.display_attribute(first),
                "value": self.display_value(first, self.get_value(first)),
            }
        if rule in ("missing_unless", "present_unless"):
            shown_value = params[1] if len(params) > 1 else ""
            return {
                "other": self.display_attribute(first),
                "value": self.display_value(first, shown_value),
            }
        if rule in _OTHER_VALUES_RULES:
            shown = [self.display_value(first, each) for each in params[1:]]
            return {
                "other": self.display_attribute(first),
                "values": ", ".join(shown),
            }
        if rule in ("required_if_accepted", "required_if_declined", "in_array"):
            return {"other": self.display_attribute(first)}
        if rule == "prohibits":
            return {"other": " / ".join(self.display_attribute(p) for p in params)}
        if rule in ("same", "different"):
            return {"other": self.display_attribute(first)}
        if rule in _DATE_RULES:
            if parse_date(first, None) is None:
                return {"date": self.display_attribute(first)}
            return {"date": self.display_value(attribute, first)}
        if rule == "date_format":
            return {"format": first}
        return {}
