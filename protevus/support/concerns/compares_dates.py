"""Comparing dates and measuring the time between them, for ``Carbon``.

Laravel: ``Carbon\\Traits\\Comparison`` and ``Carbon\\Traits\\Difference``.
"""

from __future__ import annotations

import datetime as _dt
import typing as t

import pendulum

from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.support.carbon import Carbon

    _Base = pendulum.DateTime
else:
    _Base = CamelAliases

_DateLike = t.Union["Carbon", _dt.datetime, str, None]

# Carbon's English unit names: key, singular, plural, short singular, short plural.
_UNITS = [
    ("years", "year", "years", "yr", "yrs"),
    ("months", "month", "months", "mo", "mos"),
    ("weeks", "week", "weeks", "w", "w"),
    ("days", "day", "days", "d", "d"),
    ("hours", "hour", "hours", "h", "h"),
    ("minutes", "minute", "minutes", "m", "m"),
    ("seconds", "second", "seconds", "s", "s"),
]

DIFF_RELATIVE_AUTO = 0
DIFF_ABSOLUTE = 1
DIFF_RELATIVE_TO_NOW = 2
DIFF_RELATIVE_TO_OTHER = 3


class ComparesDates(_Base):
    """Give ``Carbon`` its comparisons, ``diff_in_*`` and ``diff_for_humans``.

    Laravel: ``Carbon::eq()``, ``Carbon::diffInDays()``, ``Carbon::diffForHumans()``.
    """

    __slots__ = ()

    # --- comparing ---------------------------------------------------------------

    def _other(self, other: _DateLike) -> Carbon:
        if other is None:
            return _carbon().now(self.tzinfo)
        if isinstance(other, str):
            return _carbon().parse(other, self.tzinfo)
        return _carbon().instance(other)

    def eq(self, other: _DateLike) -> bool:
        """Determine if equal. Laravel: ``Carbon::eq()``."""
        return self == self._other(other)

    def ne(self, other: _DateLike) -> bool:
        """Determine if not equal. Laravel: ``Carbon::ne()``."""
        return self != self._other(other)

    def gt(self, other: _DateLike) -> bool:
        """Determine if later. Laravel: ``Carbon::gt()``."""
        return self > self._other(other)

    def gte(self, other: _DateLike) -> bool:
        """Determine if later or equal. Laravel: ``Carbon::gte()``."""
        return self >= self._other(other)

    def lt(self, other: _DateLike) -> bool:
        """Determine if earlier. Laravel: ``Carbon::lt()``."""
        return self < self._other(other)

    def lte(self, other: _DateLike) -> bool:
        """Determine if earlier or equal. Laravel: ``Carbon::lte()``."""
        return self <= self._other(other)

    equal_to, not_equal_to = eq, ne
    greater_than, greater_than_or_equal_to = gt, gte
    less_than, less_than_or_equal_to = lt, lte

    def between(self, first: _DateLike, second: _DateLike, equal: bool = True) -> bool:
        """Determine if between two dates (in either order).

        Laravel: ``Carbon::between()``.
        """
        low, high = sorted([self._other(first), self._other(second)])
        return low <= self <= high if equal else low < self < high

    def min(self, other: _DateLike = None) -> Carbon:  # type: ignore[override]
        """Return the earlier of this and ``other`` (now).

        Laravel: ``Carbon::min()``.
        """
        other_dt = self._other(other)
        return t.cast("Carbon", self) if self <= other_dt else other_dt

    def max(self, other: _DateLike = None) -> Carbon:  # type: ignore[override]
        """Return the later of this and ``other`` (now).

        Laravel: ``Carbon::max()``.
        """
        other_dt = self._other(other)
        return t.cast("Carbon", self) if self >= other_dt else other_dt

    def is_past(self) -> bool:
        """Determine if before now. Laravel: ``Carbon::isPast()``."""
        return self < _carbon().now(self.tzinfo)

    def is_future(self) -> bool:
        """Determine if after now. Laravel: ``Carbon::isFuture()``."""
        return self > _carbon().now(self.tzinfo)

    def is_today(self) -> bool:
        """Determine if today. Laravel: ``Carbon::isToday()``."""
        return self.date() == _carbon().now(self.tzinfo).date()

    def is_tomorrow(self) -> bool:
        """Determine if tomorrow. Laravel: ``Carbon::isTomorrow()``."""
        return self.date() == _carbon().tomorrow(self.tzinfo).date()

    def is_yesterday(self) -> bool:
        """Determine if yesterday. Laravel: ``Carbon::isYesterday()``."""
        return self.date() == _carbon().yesterday(self.tzinfo).date()

    def is_weekend(self) -> bool:
        """Determine if Saturday or Sunday. Laravel: ``Carbon::isWeekend()``."""
        return self.isoweekday() >= 6

    def is_weekday(self) -> bool:
        """Determine if Monday to Friday. Laravel: ``Carbon::isWeekday()``."""
        return not self.is_weekend()

    def is_same_day(self, other: _DateLike = None) -> bool:  # type: ignore[override]
        """Determine if the same calendar day. Laravel: ``Carbon::isSameDay()``."""
        return self.date() == self._other(other).date()

    # --- differences -------------------------------------------------------------

    def diff_in_seconds(self, other: _DateLike = None, absolute: bool = False) -> float:
        """Return seconds from this to ``other`` (now), negative when earlier.

        Carbon 3 returns floats; ``absolute=True`` drops the sign.
        Laravel: ``Carbon::diffInSeconds()``.
        """
        value = (self._other(other) - self).total_seconds()
        return abs(value) if absolute else value

    def diff_in_minutes(self, other: _DateLike = None, absolute: bool = False) -> float:
        """Return minutes to ``other`` (now). Laravel: ``Carbon::diffInMinutes()``."""
        return self.diff_in_seconds(other, absolute) / 60

    def diff_in_hours(self, other: _DateLike = None, absolute: bool = False) -> float:
        """Return hours to ``other`` (now). Laravel: ``Carbon::diffInHours()``."""
        return self.diff_in_seconds(other, absolute) / 3600

    def diff_in_days(self, other: _DateLike = None, absolute: bool = False) -> float:
        """Return calendar days to ``other`` (now), by wall-clock time.

        Laravel: ``Carbon::diffInDays()``.
        """
        target = self._other(other)
        if self.tzinfo is not None and target.tzinfo is not None:
            target = target.astimezone(self.tzinfo)
        mine = self.replace(tzinfo=None)
        theirs = target.replace(tzinfo=None)
        value = (theirs - mine).total_seconds() / 86400
        return abs(value) if absolute else value

    def diff_in_weeks(self, other: _DateLike = None, absolute: bool = False) -> float:
        """Return weeks to ``other`` (now). Laravel: ``Carbon::diffInWeeks()``."""
        return self.diff_in_days(other, absolute) / 7

    def diff_in_months(self, other: _DateLike = None, absolute: bool = False) -> float:
        """Return calendar months to ``other`` (now), with the part-month as a fraction.

        Laravel: ``Carbon::diffInMonths()``.
        """
        value = _months_between(t.cast("Carbon", self), self._other(other), 1)
        return abs(value) if absolute else value

    def diff_in_years(self, other: _DateLike = None, absolute: bool = False) -> float:
        """Return years to ``other`` (now), with the part-year as a fraction.

        Laravel: ``Carbon::diffInYears()``.
        """
        value = _months_between(t.cast("Carbon", self), self._other(other), 12)
        return abs(value) if absolute else value

    def diff_for_humans(  # type: ignore[override]
        self,
        other: _DateLike = None,
        syntax: bool | int | None = None,
        short: bool = False,
        parts: int = 1,
        absolute: bool = False,
    ) -> str:
        """Describe the difference in English: ``'3 days ago'``, ``'1 hour from now'``,
        ``'2 weeks before'`` (against ``other``), ``'5 minutes'`` (``absolute``).

        ``syntax`` takes Carbon's constants (``True`` = absolute); ``short`` gives
        ``'3d ago'``; ``parts`` keeps more units (``'1 day 3 hours ago'``).
        Laravel: ``Carbon::diffForHumans()``.
        """
        if syntax is True or absolute:
            syntax = DIFF_ABSOLUTE
        elif syntax is None or syntax is False:
            syntax = DIFF_RELATIVE_AUTO
        if syntax == DIFF_RELATIVE_AUTO:
            syntax = DIFF_RELATIVE_TO_NOW if other is None else DIFF_RELATIVE_TO_OTHER
        target = self._other(other)
        future = self > target
        early, late = (target, self) if future else (self, target)
        interval = pendulum.interval(early, late)
        counts = {
            "years": interval.years,
            "months": interval.months,
            "weeks": interval.weeks,
            "days": interval.remaining_days,
            "hours": interval.hours,
            "minutes": interval.minutes,
            "seconds": interval.remaining_seconds,
        }
        pieces: list[str] = []
        for key, one, many, short_one, short_many in _UNITS:
            count = counts[key]
            if count and len(pieces) < max(parts, 1):
                name = (
                    (short_one if count == 1 else short_many)
                    if short
                    else (" " + (one if count == 1 else many))
                )
                pieces.append(f"{count}{name}")
        text = " ".join(pieces) or ("1s" if short else "1 second")
        if syntax == DIFF_ABSOLUTE:
            return text
        if syntax == DIFF_RELATIVE_TO_NOW:
            return f"{text} from now" if future else f"{text} ago"
        return f"{text} after" if future else f"{text} before"


def _months_between(start: Carbon, end: Carbon, step: int) -> float:
    """Count whole ``step``-month periods from start to end, plus the part period."""
    if end < start:
        return -_months_between(end, start, step)
    count = 0
    while start._shifted("month", (count + 1) * step, overflow=False) <= end:
        count += 1
    low = start._shifted("month", count * step, overflow=False)
    high = start._shifted("month", (count + 1) * step, overflow=False)
    return count + (end - low).total_seconds() / (high - low).total_seconds()


def _carbon() -> type[Carbon]:
    # carbon.py imports this module; look the class up when first needed.
    from protevus.support.carbon import Carbon

    return Carbon
