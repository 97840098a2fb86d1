"""Parse rule strings, lists and objects, and expand ``*`` attributes.

Laravel: ``Illuminate\\Validation\\ValidationRuleParser``.
"""

from __future__ import annotations

import csv
import dataclasses
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.arr import data_get
from protevus.validation.concerns.validates_attributes import MISSING

#: Rules that run on missing and empty values too.
IMPLICIT_RULES = frozenset(
    {
        "accepted",
        "accepted_if",
        "declined",
        "declined_if",
        "filled",
        "missing",
        "missing_if",
        "missing_unless",
        "missing_with",
        "missing_with_all",
        "present",
        "present_if",
        "present_unless",
        "present_with",
        "present_with_all",
        "required",
        "required_if",
        "required_if_accepted",
        "required_if_declined",
        "required_unless",
        "required_with",
        "required_with_all",
        "required_without",
        "required_without_all",
    }
)
#: Rules that, failing, drop the attribute from the validated data instead of erring.
EXCLUDE_RULES = frozenset(
    {"exclude", "exclude_if", "exclude_unless", "exclude_with", "exclude_without"}
)
#: Rules whose parameters name other fields, so ``*`` there takes the same index.
DEPENDENT_RULES = frozenset(
    {
        "accepted_if",
        "after",
        "after_or_equal",
        "before",
        "before_or_equal",
        "confirmed",
        "date_equals",
        "declined_if",
        "different",
        "exclude_if",
        "exclude_unless",
        "exclude_with",
        "exclude_without",
        "gt",
        "gte",
        "lt",
        "lte",
        "missing_if",
        "missing_unless",
        "missing_with",
        "missing_with_all",
        "present_if",
        "present_unless",
        "present_with",
        "present_with_all",
        "prohibited_if",
        "prohibited_unless",
        "prohibits",
        "required_if",
        "required_if_accepted",
        "required_if_declined",
        "required_unless",
        "required_with",
        "required_with_all",
        "required_without",
        "required_without_all",
        "same",
        "unique",
    }
)
_RAW_PARAMETER_RULES = frozenset({"regex", "not_regex"})


@dataclasses.dataclass
class ParsedRule:
    """One rule of an attribute: a named rule with parameters, or an object.

    ``source`` keeps the builder a string rule came from (``Rule.unique(...)``), so
    the rule can reach what a string cannot carry (query callbacks).
    """

    name: str
    params: list[str]
    obj: t.Any = None
    source: t.Any = None

    @property
    def implicit(self) -> bool:
        """Tell whether the rule runs on missing and empty values too."""
        if self.obj is not None:
            return bool(getattr(self.obj, "implicit", False))
        return self.name in IMPLICIT_RULES or self.name in EXCLUDE_RULES


def parse_rules(raw: t.Any, known: t.Callable[[str], bool]) -> list[ParsedRule]:
    """Turn a pipe string, list, object or closure into parsed rules.

    ``known(name)`` tells whether a rule name exists; an unknown one raises
    ``InvalidArgumentError``. Objects that stringify to ``''`` (a false
    ``Rule.required_if(False)``) are dropped.

    Laravel: ``ValidationRuleParser::explodeRules()``.
    """
    if isinstance(raw, str):
        items: list[t.Any] = [part for part in raw.split("|") if part.strip()]
    elif isinstance(raw, list | tuple):
        items = list(raw)
    else:
        items = [raw]
    parsed = [parse_rule(item, known) for item in items]
    return [rule for rule in parsed if rule is not None]


def parse_rule(item: t.Any, known: t.Callable[[str], bool]) -> ParsedRule | None:
    """Parse one rule (``'max:255'``, a rule object, a closure or a builder).

    Laravel: ``ValidationRuleParser::parse()``.
    """
    source = None
    if not isinstance(item, str):
        if hasattr(item, "validate") or hasattr(item, "passes"):
            return ParsedRule(type(item).__name__, [], item)
        if callable(item):
            return ParsedRule("closure", [], item)
        if t.cast(t.Any, type(item)).__str__ is object.__str__:
            raise TypeError(
                f"Validation rule [{item!r}] is not a string, rule object or "
                "closure; pass 'required', Rule.in_([...]) or a callable."
            )
        source, item = item, str(item)
        if not item.strip():
            return None
    name, _, rest = item.strip().partition(":")
    name = name.strip().lower()
    if not known(name):
        raise InvalidArgumentError(
            f"Validation rule [{name}] does not exist; check its spelling or "
            "pass a rule object or closure."
        )
    if not rest:
        params: list[str] = []
    elif name in _RAW_PARAMETER_RULES:
        params = [rest]
    else:
        params = next(csv.reader([rest], skipinitialspace=False))
    return ParsedRule(name, params, None, source)


def expand(data: t.Any, attribute: str) -> list[tuple[str, list[str]]]:
    """Return the concrete keys a ``*`` attribute stands for, with the ``*`` values.

    Laravel: ``ValidationRuleParser::explodeWildcardRules()``.
    """
    if "*" not in attribute:
        return [(attribute, [])]
    paths: list[tuple[list[str], t.Any, list[str]]] = [([], data, [])]
    for segment in attribute.split("."):
        following: list[tuple[list[str], t.Any, list[str]]] = []
        for path, node, keys in paths:
            if segment != "*":
                child = (
                    data_get(node, segment, MISSING) if node is not MISSING else node
                )
                following.append(([*path, segment], child, keys))
                continue
            if isinstance(node, dict):
                pairs: t.Iterable[tuple[t.Any, t.Any]] = node.items()
            elif isinstance(node, list | tuple):
                pairs = enumerate(node)
            else:
                continue
            for key, child in pairs:
                following.append(([*path, str(key)], child, [*keys, str(key)]))
        paths = following
    return [(".".join(path), keys) for path, _, keys in paths]


def with_keys(rule: ParsedRule, keys: list[str]) -> ParsedRule:
    """Put the ``*`` values of an expanded attribute into a dependent rule's fields.

    Laravel: ``ValidationRuleParser::replaceAsterisksInParameters()``.
    """
    if not keys or rule.obj is not None or rule.name not in DEPENDENT_RULES:
        return rule
    params = []
    for param in rule.params:
        for key in keys:
            param = param.replace("*", key, 1)
        params.append(param)
    return ParsedRule(rule.name, params, None, rule.source)
