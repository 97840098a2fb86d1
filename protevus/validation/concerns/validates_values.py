"""Number and list rules: decimal, multiple_of, min/max_digits, list, in_array, ascii, hex_color.

Laravel: ``Illuminate\\Validation\\Concerns\\ValidatesAttributes``.
"""

from __future__ import annotations

import decimal
import re
import typing as t

from protevus.support.aliases import CamelAliases
from protevus.validation.concerns.validates_attributes import ValidatesAttributes
from protevus.validation.concerns.validates_attributes import is_numeric
from protevus.validation.concerns.validates_attributes import php_string

_DECIMAL = re.compile(r"[+-]?\d*\.?(\d*)")
_HEX_COLOR = re.compile(r"#(?:(?:[0-9a-f]{3}){1,2}|(?:[0-9a-f]{4}){1,2})", re.I)


def _is_multiple(x: decimal.Decimal, y: decimal.Decimal) -> bool:
    """Tell exactly whether ``x`` is a whole multiple of ``y``, whatever their size.

    Decimal's ``%`` fails past its 28-digit precision (``1e30``); writing x = a*10^p
    and y = b*10^q with integers a and b, the test is modular arithmetic on a and b,
    and never builds a number larger than the input's own digits.
    """
    if not (x.is_finite() and y.is_finite()) or y == 0:
        return False
    if x == 0:
        return True
    _, x_digits, x_exp = x.as_tuple()
    _, y_digits, y_exp = y.as_tuple()
    a = int("".join(map(str, x_digits)))
    b = int("".join(map(str, y_digits)))
    x_exp, y_exp = int(x_exp), int(y_exp)
    if x_exp >= y_exp:
        return a * pow(10, x_exp - y_exp, b) % b == 0
    shift = y_exp - x_exp
    if shift > len(x_digits):  # then 0 < a < b * 10**shift
        return False
    return a % (b * 10**shift) == 0


def _dot(node: t.Any, prefix: str = "") -> t.Iterator[tuple[str, t.Any]]:
    """Yield every leaf of nested data with its dot key (Laravel: ``Arr::dot()``)."""
    if isinstance(node, dict):
        pairs: t.Iterable[tuple[t.Any, t.Any]] = node.items()
    elif isinstance(node, list | tuple):
        pairs = enumerate(node)
    else:
        yield prefix, node
        return
    for key, child in pairs:
        yield from _dot(child, f"{prefix}.{key}" if prefix else str(key))


class ValidatesValues(CamelAliases):
    """Give a validator its decimal, multiple_of, list and in_array rules.

    Laravel: ``Illuminate\\Validation\\Concerns\\ValidatesAttributes``.
    """

    data: dict[str, t.Any]
    _need = staticmethod(ValidatesAttributes._need)

    def validate_decimal(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a number with the given count (or range) of decimal places.

        ``decimal:2`` wants exactly two, ``decimal:1,3`` one to three.

        Laravel: ``validateDecimal()``.
        """
        self._need(params, 1, "decimal")
        if not is_numeric(value):
            return False
        match = _DECIMAL.fullmatch(php_string(value).strip())
        if match is None:
            return False
        places = len(match.group(1))
        if len(params) < 2:
            return places == int(params[0])
        return int(params[0]) <= places <= int(params[1])

    def validate_multiple_of(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass a number that is a multiple of the parameter (decimal exact).

        Laravel: ``validateMultipleOf()``.
        """
        self._need(params, 1, "multiple_of")
        if not is_numeric(value) or not is_numeric(params[0]):
            return False
        numerator = decimal.Decimal(php_string(value).strip())
        denominator = decimal.Decimal(params[0].strip())
        return _is_multiple(numerator, denominator)

    def validate_list(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a list (keys 0 to n-1), not a dict.

        Laravel: ``validateList()``.
        """
        return isinstance(value, list | tuple)

    def validate_in_array(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass a value found among another field's items: ``in_array:tags.*``.

        Laravel: ``validateInArray()``.
        """
        self._need(params, 1, "in_array")
        if isinstance(value, list | tuple | dict):
            return False
        pattern = re.compile(
            ".*".join(re.escape(part) for part in params[0].split("*"))
        )
        wanted = php_string(value)
        return any(
            pattern.fullmatch(key) is not None and php_string(other) == wanted
            for key, other in _dot(self.data)
        )

    def validate_min_digits(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass digits only, at least as many as the parameter. Laravel: ``validateMinDigits()``."""
        self._need(params, 1, "min_digits")
        text = php_string(value)
        return text.isascii() and text.isdigit() and len(text) >= int(params[0])

    def validate_max_digits(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass digits only, at most as many as the parameter. Laravel: ``validateMaxDigits()``."""
        self._need(params, 1, "max_digits")
        text = php_string(value)
        return text.isascii() and text.isdigit() and len(text) <= int(params[0])

    def validate_ascii(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass text made of 7-bit ASCII characters only. Laravel: ``validateAscii()``."""
        return php_string(value).isascii()

    def validate_hex_color(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass ``#rgb``, ``#rgba``, ``#rrggbb`` or ``#rrggbbaa``. Laravel: ``validateHexColor()``."""
        return _HEX_COLOR.fullmatch(php_string(value)) is not None
