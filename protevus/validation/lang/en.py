"""English validation messages.

Rules that measure size (``min``, ``max``, ``between``, ``size``, ``gt``...) hold one
message per attribute type: ``array``, ``file``, ``numeric`` and ``string``.

Laravel: ``lang/en/validation.php`` (Laravel 11 wording).
"""

from __future__ import annotations

import typing as t


def _sized(array: str, file: str, numeric: str, string: str) -> dict[str, str]:
    return {"array": array, "file": file, "numeric": numeric, "string": string}


MESSAGES: dict[str, t.Any] = {
    "accepted": "The :attribute field must be accepted.",
    "accepted_if": "The :attribute field must be accepted when :other is :value.",
    "after": "The :attribute field must be a date after :date.",
    "after_or_equal": "The :attribute field must be a date after or equal to :date.",
    "alpha": "The :attribute field must only contain letters.",
    "alpha_dash": (
        "The :attribute field must only contain letters, numbers, dashes, "
        "and underscores."
    ),
    "alpha_num": "The :attribute field must only contain letters and numbers.",
    "array": "The :attribute field must be an array.",
    "before": "The :attribute field must be a date before :date.",
    "before_or_equal": "The :attribute field must be a date before or equal to :date.",
    "between": _sized(
        "The :attribute field must have between :min and :max items.",
        "The :attribute field must be between :min and :max kilobytes.",
        "The :attribute field must be between :min and :max.",
        "The :attribute field must be between :min and :max characters.",
    ),
    "boolean": "The :attribute field must be true or false.",
    "confirmed": "The :attribute field confirmation does not match.",
    "date": "The :attribute field must be a valid date.",
    "date_equals": "The :attribute field must be a date equal to :date.",
    "date_format": "The :attribute field must match the format :format.",
    "declined": "The :attribute field must be declined.",
    "declined_if": "The :attribute field must be declined when :other is :value.",
    "different": "The :attribute field and :other must be different.",
    "digits": "The :attribute field must be :digits digits.",
    "digits_between": "The :attribute field must be between :min and :max digits.",
    "distinct": "The :attribute field has a duplicate value.",
    "email": "The :attribute field must be a valid email address.",
    "ends_with": "The :attribute field must end with one of the following: :values.",
    "filled": "The :attribute field must have a value.",
    "gt": _sized(
        "The :attribute field must have more than :value items.",
        "The :attribute field must be greater than :value kilobytes.",
        "The :attribute field must be greater than :value.",
        "The :attribute field must be greater than :value characters.",
    ),
    "gte": _sized(
        "The :attribute field must have :value items or more.",
        "The :attribute field must be greater than or equal to :value kilobytes.",
        "The :attribute field must be greater than or equal to :value.",
        "The :attribute field must be greater than or equal to :value characters.",
    ),
    "in": "The selected :attribute is invalid.",
    "integer": "The :attribute field must be an integer.",
    "ip": "The :attribute field must be a valid IP address.",
    "ipv4": "The :attribute field must be a valid IPv4 address.",
    "ipv6": "The :attribute field must be a valid IPv6 address.",
    "json": "The :attribute field must be a valid JSON string.",
    "lowercase": "The :attribute field must be lowercase.",
    "lt": _sized(
        "The :attribute field must have less than :value items.",
        "The :attribute field must be less than :value kilobytes.",
        "The :attribute field must be less than :value.",
        "The :attribute field must be less than :value characters.",
    ),
    "lte": _sized(
        "The :attribute field must not have more than :value items.",
        "The :attribute field must be less than or equal to :value kilobytes.",
        "The :attribute field must be less than or equal to :value.",
        "The :attribute field must be less than or equal to :value characters.",
    ),
    "max": _sized(
        "The :attribute field must not have more than :max items.",
        "The :attribute field must not be greater than :max kilobytes.",
        "The :attribute field must not be greater than :max.",
        "The :attribute field must not be greater than :max characters.",
    ),
    "min": _sized(
        "The :attribute field must have at least :min items.",
        "The :attribute field must be at least :min kilobytes.",
        "The :attribute field must be at least :min.",
        "The :attribute field must be at least :min characters.",
    ),
    "not_in": "The selected :attribute is invalid.",
    "not_regex": "The :attribute field format is invalid.",
    "numeric": "The :attribute field must be a number.",
    "present": "The :attribute field must be present.",
    "regex": "The :attribute field format is invalid.",
    "required": "The :attribute field is required.",
    "required_if": "The :attribute field is required when :other is :value.",
    "required_unless": "The :attribute field is required unless :other is in :values.",
    "required_with": "The :attribute field is required when :values is present.",
    "required_with_all": "The :attribute field is required when :values are present.",
    "required_without": "The :attribute field is required when :values is not present.",
    "required_without_all": (
        "The :attribute field is required when none of :values are present."
    ),
    "same": "The :attribute field must match :other.",
    "size": _sized(
        "The :attribute field must contain :size items.",
        "The :attribute field must be :size kilobytes.",
        "The :attribute field must be :size.",
        "The :attribute field must be :size characters.",
    ),
    "starts_with": "The :attribute field must start with one of the following: :values.",
    "string": "The :attribute field must be a string.",
    "timezone": "The :attribute field must be a valid timezone.",
    "uppercase": "The :attribute field must be uppercase.",
    "url": "The :attribute field must be a valid URL.",
    "ulid": "The :attribute field must be a valid ULID.",
    "uuid": "The :attribute field must be a valid UUID.",
}

# Custom display names for attributes (``{'email': 'email address'}``).
ATTRIBUTES: dict[str, str] = {}
