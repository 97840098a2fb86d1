"""The date rules, as ``validate_<rule>`` methods of a validator mixin.

Dates parse with ``Carbon.parse`` (ISO 8601 and words like ``'tomorrow'``), or
with the attribute's ``date_format`` when it has one.

Laravel: ``Illuminate\\Validation\\Concerns\\ValidatesAttributes`` (date rules).
"""

from __future__ import annotations

import datetime as dt
import typing as t

from protevus.support.aliases import CamelAliases
from protevus.support.carbon import Carbon
from protevus.validation.concerns.validates_attributes import MISSING
from protevus.validation.concerns.validates_attributes import ValidatesAttributes


class ValidatesDates(CamelAliases):
    """Give a validator its ``date``, ``date_format``, ``after`` and ``before`` rules.

    Laravel: ``Illuminate\\Validation\\Concerns\\ValidatesAttributes``.
    """

    if t.TYPE_CHECKING:

        def get_value(self, attribute: str) -> t.Any: ...

        def rule_parameters(self, attribute: str, rule: str) -> list[str] | None: ...

    _need = staticmethod(ValidatesAttributes._need)

    def validate_date(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a parseable, real date.

        Laravel: ``validateDate()``.
        """
        return parse_date(value, None) is not None

    def validate_date_format(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass a date in one of the PHP formats given.

        Laravel: ``validateDateFormat()``.
        """
        self._need(params, 1, "date_format")
        if not isinstance(value, str):
            return False
        for fmt in params:
            parsed = parse_date(value, fmt)
            if parsed is not None and parsed.format(fmt) == value:
                return True
        return False

    def _date_compare(
        self, attribute: str, value: t.Any, params: list[str], rule: str
    ) -> tuple[Carbon, Carbon] | None:
        self._need(params, 1, rule)
        formats: list[str | None] = [None]
        formats = [*(self.rule_parameters(attribute, "date_format") or []), None]
        fmt = formats[0]
        mine = parse_date(value, fmt)
        other_value = self.get_value(params[0])
        if other_value is MISSING or other_value is None:
            other = parse_date(params[0], None)
        else:
            other = parse_date(other_value, fmt)
        if mine is None or other is None:
            return None
        return mine, other

    def validate_after(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a date after another field's date or a date string.

        Laravel: ``validateAfter()``.
        """
        pair = self._date_compare(attribute, value, params, "after")
        return pair is not None and pair[0] > pair[1]

    def validate_after_or_equal(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass a date after or equal to the given one.

        Laravel: ``validateAfterOrEqual()``.
        """
        pair = self._date_compare(attribute, value, params, "after_or_equal")
        return pair is not None and pair[0] >= pair[1]

    def validate_before(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a date before another field's date or a date string.

        Laravel: ``validateBefore()``.
        """
        pair = self._date_compare(attribute, value, params, "before")
        return pair is not None and pair[0] < pair[1]

    def validate_before_or_equal(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass a date before or equal to the given one.

        Laravel: ``validateBeforeOrEqual()``.
        """
        pair = self._date_compare(attribute, value, params, "before_or_equal")
        return pair is not None and pair[0] <= pair[1]

    def validate_date_equals(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass a date equal to the given one.

        Laravel: ``validateDateEquals()``.
        """
        pair = self._date_compare(attribute, value, params, "date_equals")
        return pair is not None and pair[0] == pair[1]


def parse_date(value: t.Any, fmt: str | None) -> Carbon | None:
    """Return ``value`` as a Carbon (with a PHP ``fmt``), or ``None``."""
    if isinstance(value, dt.datetime):
        return Carbon.instance(value)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    try:
        if fmt is not None:
            return Carbon.create_from_format(fmt, str(value))
        return Carbon.parse(str(value))
    except Exception:
        return None
