"""Fluent JSON assertions (``assert_json(lambda json: json.where('id', 1).etc())``)."""

from .assertable_json import AssertableJson as AssertableJson
