"""Pick the plural form of a translation line for a number.

Laravel: ``Illuminate\\Translation\\MessageSelector``. A line holds forms split by
``|``: ``apple|apples`` (chosen by the locale's plural rule) or explicit ranges
``{0} none|[1,19] some|[20,*] many``.
"""

from __future__ import annotations

import re
import typing as t

from protevus.support.aliases import CamelAliases

_CONDITION = re.compile(r"^[\{\[]([^\[\]\{\}]*)[\}\]](.*)", re.S)

# Locales grouped by plural rule (Laravel's table, itself from Symfony/CLDR).
_ONE_FORM = frozenset("az bo dz id ja jv ka km kn ko ms th tr vi zh".split())
_ONE_OTHER = frozenset(
    (
        "af bn bg ca da de el en eo es et eu fa fi fo fur fy gl gu ha he hu is it "
        "ku lb ml mn mr nah nb ne nl nn no om or pa pap ps pt so sq sv sw ta te tk "
        "ur zu"
    ).split()
)
_ZERO_ONE_OTHER = frozenset("am bh fil fr gun hi hy ln mg nso pt_BR ti wa xbr".split())
_SLAVIC = frozenset("be bs hr ru sh sr uk".split())


def _slavic(n: int) -> int:
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and (n % 100 < 10 or n % 100 >= 20):
        return 1
    return 2


_RULES: dict[str, t.Callable[[int], int]] = {
    "cs": lambda n: 0 if n == 1 else (1 if 2 <= n <= 4 else 2),
    "sk": lambda n: 0 if n == 1 else (1 if 2 <= n <= 4 else 2),
    "ga": lambda n: 0 if n == 1 else (1 if n == 2 else 2),
    "lt": lambda n: (
        0
        if n % 10 == 1 and n % 100 != 11
        else (1 if n % 10 >= 2 and (n % 100 < 10 or n % 100 >= 20) else 2)
    ),
    "sl": lambda n: (
        0 if n % 100 == 1 else (1 if n % 100 == 2 else (2 if n % 100 in (3, 4) else 3))
    ),
    "mk": lambda n: 0 if n % 10 == 1 else 1,
    "mt": lambda n: (
        0
        if n == 1
        else (1 if n == 0 or 1 < n % 100 < 11 else (2 if 10 < n % 100 < 20 else 3))
    ),
    "lv": lambda n: 0 if n == 0 else (1 if n % 10 == 1 and n % 100 != 11 else 2),
    "pl": lambda n: (
        0
        if n == 1
        else (1 if 2 <= n % 10 <= 4 and (n % 100 < 12 or n % 100 > 14) else 2)
    ),
    "cy": lambda n: 0 if n == 1 else (1 if n == 2 else (2 if n in (8, 11) else 3)),
    "ro": lambda n: 0 if n == 1 else (1 if n == 0 or 0 < n % 100 < 20 else 2),
    "ar": lambda n: (
        0
        if n == 0
        else 1
        if n == 1
        else 2
        if n == 2
        else 3
        if 3 <= n % 100 <= 10
        else 4
        if 11 <= n % 100 <= 99
        else 5
    ),
}


class MessageSelector(CamelAliases):
    """Choose the form of a pluralised line.

    Laravel: ``Illuminate\\Translation\\MessageSelector``.
    """

    def choose(self, line: str, number: float, locale: str) -> str:
        """Return the form of ``line`` for ``number`` in ``locale``.

        Explicit conditions (``{0}``, ``[1,5]``, ``[6,*]``) win; otherwise the
        locale's plural rule picks the form, and a line of one form is that form.

        Laravel: ``MessageSelector::choose()``.
        """
        segments = line.split("|")
        found = self.extract(segments, number)
        if found is not None:
            return found.strip()
        # Laravel keeps the space after a stripped condition; it is trimmed here.
        segments = [_CONDITION.sub(r"\2", part).strip() for part in segments]
        index = self.get_plural_index(locale, number)
        if len(segments) == 1 or index >= len(segments):
            return segments[0]
        return segments[index]

    def extract(self, segments: list[str], number: float) -> str | None:
        """Return the first segment whose condition matches ``number``.

        Laravel: ``MessageSelector::extract()``.
        """
        for part in segments:
            line = self.extract_from_string(part, number)
            if line is not None:
                return line
        return None

    def extract_from_string(self, part: str, number: float) -> str | None:
        """Return the segment's text when its ``{n}``/``[a,b]`` condition matches.

        Laravel: ``MessageSelector::extractFromString()``.
        """
        match = _CONDITION.match(part)
        if match is None:
            return None
        condition, value = match.group(1), match.group(2)
        if "," in condition:
            low, high = (side.strip() for side in condition.split(",", 1))
            if high == "*" and low != "*" and _number(low) is not None:
                return value if number >= t.cast(float, _number(low)) else None
            if low == "*" and high != "*" and _number(high) is not None:
                return value if number <= t.cast(float, _number(high)) else None
            start, end = _number(low), _number(high)
            if start is not None and end is not None and start <= number <= end:
                return value
            return None
        exact = _number(condition.strip())
        return value if exact is not None and exact == number else None

    def get_plural_index(self, locale: str, number: float) -> int:
        """Return the index of the plural form for ``number`` in ``locale``.

        Laravel: ``MessageSelector::getPluralIndex()``.
        """
        name = locale.replace("-", "_")
        if name != "pt_BR" and "_" in name:
            name = name.split("_", 1)[0]
        n = int(number) if float(number).is_integer() else number
        if name in _ONE_FORM:
            return 0
        if name in _ONE_OTHER:
            return 0 if n == 1 else 1
        if name in _ZERO_ONE_OTHER:
            return 0 if n in (0, 1) else 1
        if not isinstance(n, int):
            return 1
        if name in _SLAVIC:
            return _slavic(n)
        rule = _RULES.get(name)
        return rule(n) if rule is not None else 0


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None
