"""Build error messages: custom lookups, size variants and placeholders.

Laravel: ``Illuminate\\Validation\\Concerns\\FormatsMessages`` and
``ReplacesAttributes``.
"""

from __future__ import annotations

import functools
import re
import typing as t

from protevus.support.aliases import CamelAliases
from protevus.validation.concerns.replaces_attributes import ReplacesAttributes
from protevus.validation.concerns.validates_attributes import MISSING
from protevus.validation.concerns.validates_attributes import NUMERIC_RULES
from protevus.validation.concerns.validates_attributes import php_string
from protevus.validation.lang import en

_PLACEHOLDER = re.compile(r":([A-Za-z_]+)")
_SIZE_RULES = ("between", "gt", "gte", "lt", "lte", "max", "min", "size")


@functools.lru_cache(maxsize=256)
def _pattern(key: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in key.split("*")), re.S)


def _snake(name: str) -> str:
    if name.islower() or not any(char.isupper() for char in name):
        return name
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


class FormatsMessages(ReplacesAttributes, CamelAliases):
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

        def get_translator(self) -> t.Any: ...

    def make_message(self, attribute: str, rule: str, params: list[str]) -> str:
        """Return the replaced message for a failed rule.

        Looks in the custom messages given to ``make()``, then the translator's
        ``validation.custom.<attribute>.<rule>`` and ``validation.<rule>``, then the
        built-in English catalogue.

        Laravel: ``FormatsMessages::getMessage()`` and ``makeReplacements()``.
        """
        message = self._custom_message(attribute, rule)
        if message is None:
            message = self._translated_custom(attribute, rule)
        if isinstance(message, dict):
            message = message.get(self.attribute_type(attribute))
        if message is None:
            kind = self.attribute_type(attribute) if rule in _SIZE_RULES else None
            message = self.catalogue_message(rule, kind)
        if message is None:
            message = f"validation.{rule}"
        return self.replace_placeholders(str(message), attribute, rule, params)

    def catalogue_message(self, key: str, kind: str | None = None) -> str | None:
        """Return the message under ``key`` (``'min'``, ``'password.mixed'``).

        ``kind`` picks a size variant (``numeric``, ``file``, ``string``, ``array``).
        The translator's ``validation.<key>`` wins over the built-in catalogue.

        Laravel: ``FormatsMessages::getSizeMessage()`` and the translator lookup.
        """
        full = f"{key}.{kind}" if kind else key
        translator = self.get_translator()
        if translator is not None and translator.has(f"validation.{full}"):
            found = translator.get(f"validation.{full}")
            if isinstance(found, str):
                return found
        node: t.Any = self.catalogue.MESSAGES
        for part in full.split("."):
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
        return node if isinstance(node, str) else None

    def translate_message(self, message: str) -> str:
        """Turn a ``'validation.<rule>'`` key a rule object failed with into text.

        Laravel: ``PotentiallyTranslatedString::translate()``.
        """
        if not message.startswith("validation.") or " " in message:
            return message
        return self.catalogue_message(message[len("validation.") :]) or message

    def _custom_message(self, attribute: str, rule: str) -> t.Any:
        for wanted in (f"{attribute}.{rule}", rule, attribute):
            if wanted in self.custom_messages:
                return self.custom_messages[wanted]
            for key, message in self.custom_messages.items():
                if "*" in key and _pattern(key).fullmatch(wanted):
                    return message
        return None

    def _translated_custom(self, attribute: str, rule: str) -> t.Any:
        translator = self.get_translator()
        if translator is None:
            return None
        primary = self._primary.get(attribute, attribute)
        for name in dict.fromkeys((attribute, primary)):
            key = f"validation.custom.{name}.{rule}"
            if translator.has(key):
                return translator.get(key)
        return None

    def attribute_type(self, attribute: str) -> str:
        """Return ``numeric``, ``array`` or ``string`` to pick a size message.

        Laravel: ``FormatsMessages::getAttributeType()``.
        """
        if self.has_rule(attribute, NUMERIC_RULES):
            return "numeric"
        if _is_file(self.get_value(attribute)):
            return "file"
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
            translator = self.get_translator()
            key = f"validation.attributes.{name}"
            if translator is not None and translator.has(key):
                return str(translator.get(key))
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


def _is_file(value: t.Any) -> bool:
    from protevus.http.uploaded_file import UploadedFile

    return isinstance(value, UploadedFile)
