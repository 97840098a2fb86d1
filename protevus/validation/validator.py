"""Validate a dict of input against rules and collect the error messages.

Laravel: ``Illuminate\\Validation\\Validator``.
"""

from __future__ import annotations

import copy
import typing as t

from protevus.support.aliases import CamelAliases
from protevus.support.arr import data_forget
from protevus.support.arr import data_get
from protevus.support.concerns.php_arrays import call
from protevus.support.macroable import Macroable
from protevus.support.message_bag import MessageBag
from protevus.validation.concerns.formats_messages import FormatsMessages
from protevus.validation.concerns.uses_services import UsesServices
from protevus.validation.concerns.validates_attributes import MISSING
from protevus.validation.concerns.validates_attributes import NUMERIC_RULES
from protevus.validation.concerns.validates_attributes import ValidatesAttributes
from protevus.validation.concerns.validates_attributes import is_numeric
from protevus.validation.concerns.validates_attributes import php_string
from protevus.validation.concerns.validates_attributes import to_number
from protevus.validation.concerns.validates_conditions import ValidatesConditions
from protevus.validation.concerns.validates_database import ValidatesDatabase
from protevus.validation.concerns.validates_dates import ValidatesDates
from protevus.validation.concerns.validates_files import ValidatesFiles
from protevus.validation.concerns.validates_files import is_uploaded_file
from protevus.validation.concerns.validates_strings import ValidatesStrings
from protevus.validation.concerns.validates_values import ValidatesValues
from protevus.validation.exceptions import ValidationError
from protevus.validation.validated_input import ValidatedInput
from protevus.validation.validation_rule_parser import EXCLUDE_RULES
from protevus.validation.validation_rule_parser import ParsedRule as ParsedRule
from protevus.validation.validation_rule_parser import expand
from protevus.validation.validation_rule_parser import parse_rules
from protevus.validation.validation_rule_parser import with_keys

RuleInput = t.Any  # a pipe string, list, rule object or closure


class Validator(
    FormatsMessages,
    ValidatesDates,
    ValidatesStrings,
    ValidatesConditions,
    ValidatesValues,
    ValidatesFiles,
    ValidatesDatabase,
    ValidatesAttributes,
    UsesServices,
    CamelAliases,
    Macroable,
):
    """Check input against rules: ``Validator.make(data, {'title': 'required|max:255'})``.

    Rules are pipe strings, lists, rule objects (with ``validate(attribute, value,
    fail)``, or ``passes(attribute, value)`` and ``message()``) and closures
    ``lambda attribute, value, fail: ...``. Keys use dots for nesting and ``*`` for
    every item. Custom ``messages`` are keyed ``'field.rule'``, ``'rule'`` or
    ``'field'``; ``attributes`` rename fields in messages.

    Laravel: ``Illuminate\\Validation\\Validator``.
    """

    def __init__(
        self,
        data: t.Mapping[str, t.Any],
        rules: t.Mapping[str, RuleInput],
        messages: t.Mapping[str, t.Any] | None = None,
        attributes: t.Mapping[str, str] | None = None,
    ) -> None:
        self.data = dict(data)
        self.initial_rules = dict(rules)
        self.custom_messages = dict(messages or {})
        self.custom_attributes = dict(attributes or {})
        self.custom_values: dict[str, dict[str, str]] = {}
        self._rules: dict[str, list[ParsedRule]] = {}
        self._primary: dict[str, str] = {}
        self._keys: dict[str, list[str]] = {}
        self._after: list[t.Callable[..., t.Any]] = []
        self._messages: MessageBag | None = None
        self._failed: dict[str, dict[str, list[str]]] = {}
        self._stop_on_first_failure = False
        self._excluded: list[str] = []
        self._current_rule: ParsedRule | None = None
        self.add_rules(rules)

    @classmethod
    def make(
        cls,
        data: t.Mapping[str, t.Any],
        rules: t.Mapping[str, RuleInput],
        messages: t.Mapping[str, t.Any] | None = None,
        attributes: t.Mapping[str, str] | None = None,
    ) -> Validator:
        """Create a validator.

        Laravel: ``Validator::make()``.
        """
        return cls(data, rules, messages, attributes)

    # --- rules -----------------------------------------------------------------

    def add_rules(self, rules: t.Mapping[str, RuleInput]) -> Validator:
        """Parse and add rules, expanding ``*`` keys against the data.

        Laravel: ``Validator::addRules()``.
        """
        for attribute, raw in rules.items():
            parsed = self.parse_rules(raw)
            for concrete, keys in self._expand(str(attribute)):
                self._primary[concrete] = str(attribute)
                self._keys[concrete] = keys
                target = self._rules.setdefault(concrete, [])
                target.extend(with_keys(rule, keys) for rule in parsed)
        self._messages = None
        return self

    def parse_rules(self, raw: RuleInput) -> list[ParsedRule]:
        """Turn a pipe string, list, object or closure into parsed rules.

        Raises ``InvalidArgumentError`` naming a rule that does not exist.

        Laravel: ``ValidationRuleParser::explodeRules()``.
        """
        return parse_rules(raw, lambda name: hasattr(self, f"validate_{name}"))

    def _expand(self, attribute: str) -> list[tuple[str, list[str]]]:
        return expand(self.data, attribute)

    def sometimes(
        self,
        attribute: str | t.Sequence[str],
        rules: RuleInput,
        callback: t.Callable[..., t.Any],
    ) -> Validator:
        """Add rules to attributes when ``callback(input)`` is truthy.

        For a ``*`` attribute the callback also gets the item: ``callback(input,
        item)``. The input reads as ``input.games`` or ``input['games']``.

        Laravel: ``Validator::sometimes()``.
        """
        names = [attribute] if isinstance(attribute, str) else list(attribute)
        payload = ValidatedInput(self.data)
        for name in names:
            for concrete, _keys in self._expand(name):
                parent = concrete.rpartition(".")[0]
                item = self.get_value(parent) if "*" in name and parent else None
                item = None if item is MISSING else item
                if call(
                    callback,
                    payload,
                    ValidatedInput(item) if isinstance(item, dict) else item,
                ):
                    self.add_rules({concrete: rules})
        return self

    def after(self, callback: t.Callable[..., t.Any] | t.Iterable[t.Any]) -> Validator:
        """Run ``callback(validator)`` after the rules, to add more errors.

        Laravel: ``Validator::after()``.
        """
        callbacks = [callback] if callable(callback) else list(callback)
        for each in callbacks:
            self._after.append(each.after if hasattr(each, "after") else each)
        return self

    def stop_on_first_failure(self, stop: bool = True) -> Validator:
        """Stop validating every attribute after the first failure.

        Laravel: ``Validator::stopOnFirstFailure()``.
        """
        self._stop_on_first_failure = stop
        return self

    def get_rules(self) -> dict[str, list[str | t.Any]]:
        """Return the expanded rules, as strings or the given objects.

        Laravel: ``Validator::getRules()``.
        """
        return {
            attribute: [
                rule.obj
                if rule.obj is not None
                else rule.name + (":" + ",".join(rule.params) if rule.params else "")
                for rule in rules
            ]
            for attribute, rules in self._rules.items()
        }

    # --- running ---------------------------------------------------------------

    def passes(self) -> bool:
        """Run every rule and the after-hooks; tell whether all passed.

        Laravel: ``Validator::passes()``.
        """
        self._messages = MessageBag()
        self._failed = {}
        self._excluded = []
        for attribute, rules in self._rules.items():
            if self.is_excluded(attribute):
                continue
            for rule in rules:
                self._validate_attribute(attribute, rule)
                if self.is_excluded(attribute) or self._should_stop(attribute, rules):
                    break
            if self._stop_on_first_failure and self._messages.any():
                break
        for callback in self._after:
            call(callback, self)
        return self._messages.is_empty()

    def fails(self) -> bool:
        """Tell whether any rule failed.

        Laravel: ``Validator::fails()``.
        """
        return not self.passes()

    def validate(self) -> dict[str, t.Any]:
        """Return the validated data, or raise ``ValidationError``.

        Laravel: ``Validator::validate()``.
        """
        if self.fails():
            raise ValidationError(self)
        return self.validated()

    def validated(self) -> dict[str, t.Any]:
        """Return only the data that has rules, raising when validation fails.

        Laravel: ``Validator::validated()``.
        """
        if self._messages is None:
            self.passes()
        if self._messages is not None and self._messages.any():
            raise ValidationError(self)
        source = self.data
        if self._excluded:
            source = copy.deepcopy(self.data)
            for attribute in self._excluded:
                if attribute in source:
                    del source[attribute]
                else:
                    data_forget(source, attribute)
        result: dict[str, t.Any] = {}
        lists: set[int] = set()
        for attribute in self._rules:
            if self.is_excluded(attribute):
                continue
            if attribute in source:
                result[attribute] = copy.deepcopy(source[attribute])
            elif data_get(source, attribute, MISSING) is not MISSING:
                self._copy_into(source, result, attribute.split("."), lists)
        return t.cast(dict[str, t.Any], _listify(result, lists))

    def is_excluded(self, attribute: str) -> bool:
        """Tell whether an ``exclude*`` rule dropped the attribute (or a parent).

        Laravel: ``Validator::shouldBeExcluded()``.
        """
        return any(
            attribute == each or attribute.startswith(each + ".")
            for each in self._excluded
        )

    def safe(self, keys: t.Sequence[str] | None = None) -> t.Any:
        """Return the validated data as a ``ValidatedInput`` (or only ``keys``).

        Laravel: ``Validator::safe()``.
        """
        input = ValidatedInput(self.validated())
        return input if keys is None else input.only(list(keys))

    def errors(self) -> MessageBag:
        """Return the error messages, running the rules first if needed.

        Laravel: ``Validator::errors()``.
        """
        if self._messages is None:
            self.passes()
        assert self._messages is not None
        return self._messages

    messages = errors
    get_message_bag = errors

    def failed(self) -> dict[str, dict[str, list[str]]]:
        """Return the failed rules per attribute: ``{'title': {'Required': []}}``.

        Laravel: ``Validator::failed()``.
        """
        self.errors()
        return self._failed

    def invalid(self) -> dict[str, t.Any]:
        """Return the attributes that failed, with their values.

        Laravel: ``Validator::invalid()``.
        """
        self.errors()
        return {
            key: None if self.get_value(key) is MISSING else self.get_value(key)
            for key in self._failed
        }

    # --- one attribute ---------------------------------------------------------

    def _validate_attribute(self, attribute: str, rule: ParsedRule) -> None:
        value = self.get_value(attribute)
        if not self._is_validatable(attribute, rule, value):
            return
        given = None if value is MISSING else value
        if rule.obj is None:
            self._current_rule = rule
            try:
                method = getattr(self, f"validate_{rule.name}")
                passed = method(attribute, given, rule.params)
            finally:
                self._current_rule = None
            if passed:
                return
            if rule.name in EXCLUDE_RULES:
                self._excluded.append(attribute)
            else:
                self.add_failure(attribute, rule.name, rule.params)
            return
        for message in self._run_object(attribute, rule.obj, given):
            self._record(attribute, rule.name, [])
            text = self.translate_message(message)
            text = self.replace_placeholders(text, attribute, rule.name, [])
            self.errors().add(attribute, text)

    def _run_object(self, attribute: str, obj: t.Any, value: t.Any) -> list[str]:
        if hasattr(obj, "set_data"):
            obj.set_data(self.data)
        if hasattr(obj, "set_validator"):
            obj.set_validator(self)
        failures: list[str] = []

        def fail(message: str = "The :attribute field is invalid.") -> None:
            failures.append(message)

        if hasattr(obj, "validate"):
            obj.validate(attribute, value, fail)
        elif hasattr(obj, "passes"):
            if not obj.passes(attribute, value):
                found = obj.message() if hasattr(obj, "message") else None
                found = found or "The :attribute field is invalid."
                failures.extend([found] if isinstance(found, str) else found)
        else:
            obj(attribute, value, fail)
        return failures

    def _is_validatable(self, attribute: str, rule: ParsedRule, value: t.Any) -> bool:
        implicit = rule.implicit
        if isinstance(value, str) and value.strip() == "":
            present = implicit
        else:
            present = value is not MISSING or implicit
        if not present:
            return False
        if value is MISSING and self.has_rule(attribute, ["sometimes"]):
            return False
        return not (
            value is None and not implicit and self.has_rule(attribute, ["nullable"])
        )

    def _should_stop(self, attribute: str, rules: list[ParsedRule]) -> bool:
        if attribute not in self._failed:
            return False
        if self.has_rule(attribute, ["bail"]):
            return True
        failed = self._failed[attribute]
        return any(rule.implicit and _studly(rule.name) in failed for rule in rules)

    def add_failure(
        self, attribute: str, rule: str, params: list[str] | None = None
    ) -> None:
        """Record a failed rule and its message (``rule`` may be ``'password.mixed'``).

        Laravel: ``Validator::addFailure()``.
        """
        params = list(params or [])
        self._record(attribute, rule, params)
        self.errors().add(attribute, self.make_message(attribute, rule, params))

    def _record(self, attribute: str, rule: str, params: list[str]) -> None:
        self._failed.setdefault(attribute, {})[_studly(rule)] = params

    # --- data access used by the rules -----------------------------------------

    def get_value(self, attribute: str) -> t.Any:
        """Return the value at a dot-notation key, or ``MISSING``.

        Laravel: ``Validator::getValue()``.
        """
        if attribute in self.data:
            return self.data[attribute]
        return data_get(self.data, attribute, MISSING)

    def has_attribute(self, attribute: str) -> bool:
        """Tell whether the data holds the key (even with a ``None`` value)."""
        return self.get_value(attribute) is not MISSING

    def has_rule(self, attribute: str, rules: t.Iterable[str]) -> bool:
        """Tell whether the attribute has one of the named rules.

        Laravel: ``Validator::hasRule()``.
        """
        wanted = set(rules)
        return any(rule.name in wanted for rule in self._rules.get(attribute, []))

    def rule_parameters(self, attribute: str, rule: str) -> list[str] | None:
        """Return the parameters of the attribute's ``rule``, or ``None``."""
        for each in self._rules.get(attribute, []):
            if each.name == rule and each.obj is None:
                return each.params
        return None

    def get_size(self, attribute: str, value: t.Any) -> float:
        """Return the size Laravel's size rules compare.

        A number under a numeric rule is its value, a list or dict its count, an
        uploaded file its size in kilobytes, and anything else its length as a
        string.

        Laravel: ``Validator::getSize()``.
        """
        if self.has_rule(attribute, NUMERIC_RULES) and is_numeric(value):
            return to_number(value)
        if isinstance(value, list | tuple | dict):
            return float(len(value))
        if is_uploaded_file(value):
            return float(value.get_size()) / 1024
        if value is None or value is MISSING:
            return 0.0
        return float(len(php_string(value)))

    def sibling_values(self, attribute: str) -> list[t.Any]:
        """Return the values of the other attributes expanded from the same ``*`` key."""
        primary = self._primary.get(attribute, attribute)
        return [
            found
            for other, source in self._primary.items()
            if source == primary and other != attribute
            for found in [self.get_value(other)]
            if found is not MISSING
        ]

    def set_data(self, data: t.Mapping[str, t.Any]) -> Validator:
        """Replace the data and re-expand the rules.

        Laravel: ``Validator::setData()``.
        """
        self.data = dict(data)
        self._rules, self._primary, self._keys = {}, {}, {}
        self.add_rules(self.initial_rules)
        return self

    def set_custom_messages(self, messages: t.Mapping[str, t.Any]) -> Validator:
        """Merge more custom messages.

        Laravel: ``Validator::setCustomMessages()``.
        """
        self.custom_messages.update(messages)
        return self

    def set_attribute_names(self, attributes: t.Mapping[str, str]) -> Validator:
        """Set the custom attribute names.

        Laravel: ``Validator::setAttributeNames()``.
        """
        self.custom_attributes = dict(attributes)
        return self

    def set_value_names(self, values: t.Mapping[str, dict[str, str]]) -> Validator:
        """Set display names for values: ``{'status': {'1': 'active'}}``.

        Laravel: ``Validator::setValueNames()``.
        """
        self.custom_values = {key: dict(each) for key, each in values.items()}
        return self

    def _copy_into(
        self, source: t.Any, result: t.Any, segments: list[str], lists: set[int]
    ) -> None:
        target = result
        for index, segment in enumerate(segments):
            child = data_get(source, segment, MISSING)
            last = index == len(segments) - 1
            key: t.Any = segment
            if isinstance(target, list):
                key = int(segment)
            if last:
                _assign(target, key, copy.deepcopy(child))
                return
            existing = _lookup(target, key)
            if existing is MISSING:
                existing = {}
                if isinstance(child, list | tuple):
                    lists.add(id(existing))
                _assign(target, key, existing)
            source, target = child, existing


def _lookup(target: t.Any, key: t.Any) -> t.Any:
    if isinstance(target, list):
        return target[key] if 0 <= key < len(target) else MISSING
    return target.get(key, MISSING)


def _assign(target: t.Any, key: t.Any, val: t.Any) -> None:
    if isinstance(target, list):
        while len(target) <= key:
            target.append(None)
    target[key] = val


def _listify(node: t.Any, lists: set[int]) -> t.Any:
    if isinstance(node, dict):
        converted = {key: _listify(val, lists) for key, val in node.items()}
        if id(node) in lists:
            return [converted[key] for key in sorted(converted, key=int)]
        return converted
    return node


def _studly(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))
