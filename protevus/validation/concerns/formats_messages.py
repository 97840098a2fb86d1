"""Build error messages: custom lookups, size variants and placeholders.

Laravel: ``Illuminate\\Validation\\Concerns\\FormatsMessages`` and
``ReplacesAttributes``.
"""

from __future__ import annotations

import functools
import re
import typing as t

from protevus.support.aliases import CamelAliases
from protevus.validation.concerns.validates_dates import parse_date
from protevus.validation.lang import en
from protevus.validation.rules import MISSING
from protevus.validation.rules import NUMERIC_RULES
from protevus.validation.rules import php_string

_PLACEHOLDER = re.compile(r":([A-Za-z_]+)")
_DATE_RULES = ("after", "after_or_equal", "before", "before_or_equal", "date_equals")
_WITH_RULES = (
    "required_with",
    "required_with_all",
    "required_without",
    "required_without_all",
)


@functools.lru_cache(maxsize=256)
def _pattern(key: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in key.split("*")), re.S)


def _snake(name: str) -> str:
    if name.islower() or not any(char.isupper() for char in name):
        return name
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


class FormatsMessages(CamelAliases):
    """Give a validator its message building.

    Laravel: ``Illuminate\\Validation\\Concerns\\FormatsMessages``.
    """

    custom_messages: dict[str, t.Any]
    custom_attributes: dict[str, str]
    custom_values: dict[str, dict[str, str]]
    catalogue: t.Any = en

    if t.TYPE_CHECKING:
        _primary: dict[str, str]
        _keys: dict[str, list[str]]

        def get_value(self, attribute: str) -> t.Any: ...

        def has_rule(self, attribute: str, rules: t.Iterable[str]) -> bool: ...

        def get_size(self, attribute: str, value: t.Any) -> float: ...

    def make_message(self, attribute: str, rule: str, params: list[str]) -> str:
        """Return the replaced message for a failed rule.

        Laravel: ``FormatsMessages::getMessage()`` and ``makeReplacements()``.
        """
        message = self._custom_message(attribute, rule)
        if message is None:
            message = self.catalogue.MESSAGES.get(rule)
        if isinstance(message, dict):
            message = message.get(self.attribute_type(attribute))
        if message is None:
            message = f"validation.{rule}"
        return self.replace_placeholders(str(message), attribute, rule, params)

    def _custom_message(self, attribute: str, rule: str) -> t.Any:
        for wanted in (f"{attribute}.{rule}", rule, attribute):
            if wanted in self.custom_messages:
                return self.custom_messages[wanted]
            for key, message in self.custom_messages.items():
                if "*" in key and _pattern(key).fullmatch(wanted):
                    return message
        return None

    def attribute_type(self, attribute: str) -> str:
        """Return ``numeric``, ``array`` or ``string`` to pick a size message.

        Laravel: ``FormatsMessages::getAttributeType()``.
        """
        if self.has_rule(attribute, NUMERIC_RULES):
            return "numeric"
        if self.has_rule(attribute, ("array", "list")):
            return "array"
        if isinstance(self.get_value(attribute), list | tuple | dict):
            return "array"
        return "string"

    def display_attribute(self, attribute: str) -> str:
        """Return the name shown for an attribute in messages.

        Custom names win, then the catalogue's ``ATTRIBUTES``; an attribute expanded
        from a ``*`` rule shows as is (``items.0.name``); others read
        ``first_name`` as ``first name``.

        Laravel: ``FormatsMessages::getDisplayableAttribute()``.
        """
        primary = self._primary.get(attribute, attribute)
        names = [attribute] if primary == attribute else [attribute, primary]
        for name in names:
            if name in self.custom_attributes:
                return self._replace_index(self.custom_attributes[name], attribute)
            known = getattr(self.catalogue, "ATTRIBUTES", {})
            if name in known:
                return str(known[name])
        if primary != attribute:
            return attribute
        return _snake(attribute).replace("_", " ")

    def display_value(self, attribute: str, value: t.Any) -> str:
        """Return how a value shows in messages (``true``, ``empty``...).

        Laravel: ``FormatsMessages::getDisplayableValue()``.
        """
        text = php_string(value)
        custom = self.custom_values.get(attribute, {})
        if text in custom:
            return custom[text]
        if isinstance(value, bool):
            return "true" if value else "false"
        if value is None or value is MISSING:
            return "empty"
        return text

    def _replace_index(self, message: str, attribute: str) -> str:
        keys = self._keys.get(attribute)
        if not keys or ":index" not in message and ":position" not in message:
            return message
        first = keys[0]
        position = str(int(first) + 1) if first.isdigit() else first
        return message.replace(":index", first).replace(":position", position)

    def replace_placeholders(
        self, message: str, attribute: str, rule: str, params: list[str]
    ) -> str:
        """Replace ``:attribute``, ``:input`` and the rule's own placeholders.

        Laravel: ``FormatsMessages::makeReplacements()``.
        """
        name = self.display_attribute(attribute)
        value = self.get_value(attribute)
        replace: dict[str, str] = {
            "attribute": name,
            "Attribute": name[:1].upper() + name[1:],
            "ATTRIBUTE": name.upper(),
        }
        if not isinstance(value, list | tuple | dict) and value is not MISSING:
            replace["input"] = php_string(value)
        replace.update(self._rule_replacements(attribute, rule, params))
        message = self._replace_index(message, attribute)
        return _PLACEHOLDER.sub(
            lambda match: replace.get(match.group(1), match.group(0)), message
        )

    def _rule_replacements(
        self, attribute: str, rule: str, params: list[str]
    ) -> dict[str, str]:
        first = params[0] if params else ""
        if rule in ("between", "digits_between"):
            return {"min": first, "max": params[1] if len(params) > 1 else ""}
        if rule in ("min", "max", "size", "digits"):
            return {rule: first}
        if rule in ("gt", "gte", "lt", "lte"):
            other = self.get_value(first)
            if other is MISSING or other is None:
                return {"value": first}
            size = self.get_size(attribute, other)
            return {"value": php_string(size)}
        if rule in ("in", "not_in", "starts_with", "ends_with"):
            shown = [self.display_value(attribute, each) for each in params]
            return {"values": ", ".join(shown)}
        if rule in _WITH_RULES:
            return {"values": " / ".join(self.display_attribute(p) for p in params)}
        if rule == "required_if":
            return {
                "other": self.display_attribute(first),
                "value": self.display_value(first, self.get_value(first)),
            }
        if rule == "required_unless":
            shown = [self.display_value(first, each) for each in params[1:]]
            return {
                "other": self.display_attribute(first),
                "values": ", ".join(shown),
            }
        if rule in ("same", "different"):
            return {"other": self.display_attribute(first)}
        if rule in _DATE_RULES:
            if parse_date(first, None) is None:
                return {"date": self.display_attribute(first)}
            return {"date": self.display_value(attribute, first)}
        if rule == "date_format":
            return {"format": first}
        return {}
