"""Dates and times with Carbon's API, on pendulum.

``Carbon`` subclasses :class:`pendulum.DateTime` (itself a ``datetime``), so it
works wherever a ``datetime`` does and pendulum's own methods keep returning
``Carbon``. Three pendulum names change meaning to match Carbon: ``format()``
takes PHP ``date()`` characters (pendulum's token format is ``iso_format()``),
``create()`` uses Carbon's defaults, and ``today()`` is the start of today.

Laravel: ``Illuminate\\Support\\Carbon`` (Carbon 3).
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
import typing as t

import pendulum

from protevus.exceptions import InvalidArgumentError
from protevus.support.concerns.compares_dates import DIFF_ABSOLUTE as DIFF_ABSOLUTE
from protevus.support.concerns.compares_dates import (
    DIFF_RELATIVE_AUTO as DIFF_RELATIVE_AUTO,
)
from protevus.support.concerns.compares_dates import (
    DIFF_RELATIVE_TO_NOW as DIFF_RELATIVE_TO_NOW,
)
from protevus.support.concerns.compares_dates import (
    DIFF_RELATIVE_TO_OTHER as DIFF_RELATIVE_TO_OTHER,
)
from protevus.support.concerns.compares_dates import ComparesDates
from protevus.support.concerns.php_dates import php_format
from protevus.support.concerns.php_dates import php_parse
from protevus.support.date_factory import DateFactory

_DateLike = t.Union["Carbon", _dt.datetime, str, None]
_Tz = t.Any
_DEFAULT: t.Any = object()

_OFFSET = re.compile(r"^([+-])(\d{2}):?(\d{2})$")
# The lookbehind makes a number start only at the start of a digit run: without
# it a long run of digits is rescanned from every digit (quadratic time).
_RELATIVE = re.compile(
    r"(?<![\d+-])([+-]?\d+)\s*(second|sec|minute|min|hour|day|week|fortnight|month|year)s?"
    r"(\s+ago)?",
    re.I,
)
#: longer texts are refused before parsing (user input reaches Carbon.parse).
_MAX_DATE_LENGTH = 255
_UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800}


def _timezone(tz: _Tz) -> t.Any:
    """Return a pendulum timezone for a name, an offset like ``+02:00`` or a tzinfo."""
    if tz is None or isinstance(tz, _dt.tzinfo):
        return tz
    match = _OFFSET.match(str(tz))
    if match:
        sign = -1 if match.group(1) == "-" else 1
        return pendulum.FixedTimezone(
            sign * (int(match.group(2)) * 3600 + int(match.group(3)) * 60)
        )
    try:
        return pendulum.timezone(str(tz))
    except Exception as error:
        raise InvalidArgumentError(
            f"Unknown or bad timezone [{tz}]; use a name like 'Europe/Paris' or "
            "an offset like '+02:00'."
        ) from error


def _shift(unit: str, sign: int, no_overflow: bool = False) -> t.Any:
    """Make an ``add_<unit>s``/``sub_<unit>s`` method."""

    def method(self: Carbon, value: int | float = 1) -> Carbon:
        return self._shifted(unit, sign * value, overflow=not no_overflow)

    verb = "Add" if sign > 0 else "Subtract"
    method.__doc__ = (
        f"{verb} {unit} (default 1). Laravel: Carbon::{verb.lower()}{unit.title()}()."
    )
    return method


class Carbon(ComparesDates, pendulum.DateTime):
    """A ``datetime`` with Carbon's API (snake_case, with camelCase twins).

    Laravel: ``Illuminate\\Support\\Carbon``.
    """

    _test_now: t.ClassVar[Carbon | None] = None

    # --- creating --------------------------------------------------------------

    @classmethod
    def now(cls, tz: _Tz = None) -> Carbon:
        """Return the current time (the test time when one is set).

        Laravel: ``Carbon::now()``.
        """
        if cls._test_now is not None:
            base = cls._test_now
            if tz is not None:
                base = base.in_timezone(_timezone(tz))
            return cls.instance(base)
        zone = _timezone(tz if tz is not None else DateFactory.default_timezone)
        return super().now(zone)

    @classmethod
    def today(cls, tz: _Tz = None) -> Carbon:
        """Return today at midnight. Laravel: ``Carbon::today()``."""
        return cls.now(tz).start_of_day()

    @classmethod
    def tomorrow(cls, tz: _Tz = None) -> Carbon:
        """Return tomorrow at midnight. Laravel: ``Carbon::tomorrow()``."""
        return cls.today(tz).add_day()

    @classmethod
    def yesterday(cls, tz: _Tz = None) -> Carbon:
        """Return yesterday at midnight. Laravel: ``Carbon::yesterday()``."""
        return cls.today(tz).sub_day()

    @classmethod
    def create(  # type: ignore[override]
        cls,
        year: int | None = None,
        month: int | None = 1,
        day: int | None = 1,
        hour: int | None = 0,
        minute: int | None = 0,
        second: int | float | None = 0,
        microsecond: int | None = None,
        tz: _Tz = _DEFAULT,
        fold: int = 1,
    ) -> Carbon:
        """Create a date from parts; ``None`` parts take today's value.

        ``tz`` defaults to the default timezone (UTC); pass ``tz=None`` for a
        naive value. Laravel: ``Carbon::create()``.
        """
        zone = _timezone(DateFactory.default_timezone if tz is _DEFAULT else tz)
        parts = [year, month, day, hour, minute, second]
        if any(part is None for part in parts):
            now = cls.now(zone)
            current = [now.year, now.month, now.day, now.hour, now.minute, now.second]
            parts = [
                cur if part is None else part
                for part, cur in zip(parts, current, strict=True)
            ]
        sec = parts[5]
        micro = microsecond
        if micro is None:
            micro = (
                int(round((sec - int(sec)) * 1_000_000))
                if isinstance(sec, float)
                else 0
            )
        y, mo, d, h, mi = (int(p) for p in parts[:5])  # type: ignore[arg-type]
        result = super().create(
            y, mo, d, h, mi, int(sec or 0), micro, tz=zone, fold=fold
        )
        return result

    @classmethod
    def instance(cls, dt: _dt.datetime, tz: _Tz = pendulum.UTC) -> Carbon:
        """Return a ``Carbon`` for any ``datetime``. Laravel: ``Carbon::instance()``."""
        if isinstance(dt, Carbon) and type(dt) is cls:
            return dt
        return super().instance(dt, tz)

    @classmethod
    def create_from_timestamp(cls, timestamp: int | float, tz: _Tz = None) -> Carbon:
        """Create from a Unix timestamp. Laravel: ``Carbon::createFromTimestamp()``."""
        zone = _timezone(tz if tz is not None else DateFactory.default_timezone)
        return cls.instance(_dt.datetime.fromtimestamp(timestamp, zone))

    @classmethod
    def parse(cls, value: t.Any = None, tz: _Tz = None) -> Carbon:
        """Parse a date string: ISO 8601 or relative words like ``'+2 days'``.

        Laravel: ``Carbon::parse()``.
        """
        if isinstance(value, _dt.datetime):
            result = cls.instance(value)
            return result.in_timezone(tz) if tz is not None else result
        text = "now" if value is None else str(value).strip()
        if len(text) > _MAX_DATE_LENGTH:
            raise InvalidArgumentError(
                f"Could not parse a {len(text)}-character text as a date; a date is at "
                f"most {_MAX_DATE_LENGTH} characters."
            )
        relative = cls._parse_relative(text.lower(), tz)
        if relative is not None:
            return relative
        zone = _timezone(tz if tz is not None else DateFactory.default_timezone)
        try:
            parsed = pendulum.parse(text, tz=zone, strict=False)
        except Exception as error:
            raise InvalidArgumentError(
                f"Could not parse [{value}] as a date; use ISO 8601 like "
                "'2026-01-31 14:00:00' or create_from_format()."
            ) from error
        if isinstance(parsed, _dt.datetime):
            return cls.instance(parsed)
        if isinstance(parsed, _dt.date):
            return cls.create(parsed.year, parsed.month, parsed.day, tz=zone)
        raise InvalidArgumentError(
            f"Could not parse [{value}] as a date and time; it reads as a "
            f"{type(parsed).__name__}."
        )

    @classmethod
    def _parse_relative(cls, text: str, tz: _Tz) -> Carbon | None:
        words = {"now": 0, "today": 0, "midnight": 0, "tomorrow": 1, "yesterday": -1}
        if text in words:
            base = cls.now(tz)
            return base if text == "now" else base.start_of_day().add_days(words[text])
        leftover = _RELATIVE.sub("", text).replace(" and ", " ").strip(" ,")
        if leftover or not _RELATIVE.search(text):
            return None
        result = cls.now(tz)
        for match in _RELATIVE.finditer(text):
            amount = int(match.group(1)) * (-1 if match.group(3) else 1)
            unit = match.group(2).lower()
            unit = {"sec": "second", "min": "minute"}.get(unit, unit)
            if unit == "fortnight":
                unit, amount = "week", amount * 2
            result = result._shifted(unit, amount, overflow=True)
        return result

    @classmethod
    def create_from_format(cls, format: str, value: str, tz: _Tz = None) -> Carbon:
        """Create from a string in a PHP ``date()`` format (``'d/m/Y H:i'``).

        Fields the format does not set take the current time's values, unless the
        format holds ``!`` or ``|``. Laravel: ``Carbon::createFromFormat()``.
        """
        fields = php_parse(format, value)
        if fields is None:
            raise InvalidArgumentError(
                f"Could not parse [{value}] with format [{format}]; make the value "
                "match the format exactly."
            )
        zone = _timezone(
            fields.get("tz", tz if tz is not None else DateFactory.default_timezone)
        )
        if "timestamp" in fields:
            return cls.create_from_timestamp(fields["timestamp"], zone)
        base = cls.create(1970, 1, 1, tz=zone) if fields["reset"] else cls.now(zone)
        year = fields.get("year", base.year)
        month = fields.get("month", base.month)
        day = fields.get("day", base.day)
        if "yday" in fields:
            start = _dt.date(year, 1, 1) + _dt.timedelta(days=fields["yday"])
            month, day = start.month, start.day
        return cls.create(
            year,
            month,
            min(day, calendar.monthrange(year, month)[1])
            if "day" not in fields
            else day,
            fields.get("hour", base.hour),
            fields.get("minute", base.minute),
            fields.get("second", base.second),
            fields.get("microsecond", base.microsecond),
            tz=zone,
        )

    # --- testing ---------------------------------------------------------------

    @classmethod
    def set_test_now(cls, test_now: _DateLike = None) -> None:
        """Freeze ``now()`` at a time (a date or a string); ``None`` unfreezes.

        Laravel: ``Carbon::setTestNow()``.
        """
        Carbon._test_now = None
        if test_now is not None:
            Carbon._test_now = Carbon.parse(test_now)

    @classmethod
    def has_test_now(cls) -> bool:
        """Determine if a test time is set. Laravel: ``Carbon::hasTestNow()``."""
        return Carbon._test_now is not None

    @classmethod
    def get_test_now(cls) -> Carbon | None:
        """Return the test time, if any. Laravel: ``Carbon::getTestNow()``."""
        return Carbon._test_now

    @classmethod
    def with_test_now(
        cls, test_now: _DateLike, callback: t.Callable[[], t.Any]
    ) -> t.Any:
        """Run ``callback`` with ``now()`` frozen, then restore.

        Laravel: ``Carbon::withTestNow()``.
        """
        previous = Carbon._test_now
        cls.set_test_now(test_now)
        try:
            return callback()
        finally:
            Carbon._test_now = previous

    @classmethod
    def set_default_timezone(cls, tz: str) -> None:
        """Set the timezone used when none is given (the app's ``app.timezone``)."""
        _timezone(tz)
        DateFactory.default_timezone = tz

    @classmethod
    def get_default_timezone(cls) -> str:
        """Return the timezone used when none is given."""
        return DateFactory.default_timezone

    # --- formatting ------------------------------------------------------------

    def format(self, format: str, locale: str | None = None) -> str:
        """Format with PHP ``date()`` characters (``'Y-m-d H:i:s'``).

        Laravel: ``Carbon::format()``.
        """
        return php_format(self, format)

    def iso_format(self, format: str, locale: str | None = None) -> str:
        """Format with moment-style tokens (``'YYYY-MM-DD'``).

        Laravel: ``Carbon::isoFormat()``.
        """
        return pendulum.DateTime.format(self, format, locale=locale)

    def _to_string(self, fmt: str, locale: str | None = None) -> str:
        fmt_value = self._FORMATS[fmt]
        if callable(fmt_value):
            return str(fmt_value(self))
        return self.iso_format(fmt_value, locale=locale)

    def to_date_string(self) -> str:
        """Return ``'Y-m-d'``. Laravel: ``Carbon::toDateString()``."""
        return self.format("Y-m-d")

    def to_time_string(self) -> str:
        """Return ``'H:i:s'``. Laravel: ``Carbon::toTimeString()``."""
        return self.format("H:i:s")

    def to_date_time_string(self) -> str:
        """Return ``'Y-m-d H:i:s'``. Laravel: ``Carbon::toDateTimeString()``."""
        return self.format("Y-m-d H:i:s")

    def to_datetime_string(self) -> str:
        """Return ``'Y-m-d H:i:s'`` (pendulum's spelling)."""
        return self.to_date_time_string()

    def to_day_datetime_string(self) -> str:
        """Return ``'Thu, Dec 25, 1975 2:15 PM'``.

        Laravel: ``Carbon::toDayDateTimeString()``.
        """
        return self.format("D, M j, Y g:i A")

    def to_formatted_date_string(self) -> str:
        """Return ``'Dec 25, 1975'``. Laravel: ``Carbon::toFormattedDateString()``."""
        return self.format("M j, Y")

    def to_iso8601_string(self) -> str:
        """Return ISO 8601 with the offset (``+00:00``).

        Laravel: ``Carbon::toIso8601String()``.
        """
        return self.format("Y-m-d\\TH:i:sP")

    def to_atom_string(self) -> str:
        """Return the ATOM format. Laravel: ``Carbon::toAtomString()``."""
        return self.to_iso8601_string()

    def to_iso_string(self, keep_offset: bool = False) -> str:
        """Return ISO 8601 with microseconds, in UTC with ``Z`` unless ``keep_offset``.

        Laravel: ``Carbon::toISOString()``.
        """
        if keep_offset:
            return self.format("Y-m-d\\TH:i:s.uP")
        return self.in_timezone("UTC").format("Y-m-d\\TH:i:s.u\\Z")

    def to_json(self) -> str:
        """Return the JSON form Laravel uses: ``'2019-02-01T03:45:27.612584Z'``.

        Laravel: ``Carbon::toJSON()``.
        """
        return self.to_iso_string()

    def for_json(self) -> str:
        """Return :meth:`to_json` (pendulum's JSON hook)."""
        return self.to_json()

    def to_array(self) -> dict[str, t.Any]:
        """Return the parts as a dict. Laravel: ``Carbon::toArray()``."""
        return {
            "year": self.year,
            "month": self.month,
            "day": self.day,
            "dayOfWeek": self.isoweekday() % 7,
            "dayOfYear": self.timetuple().tm_yday,
            "hour": self.hour,
            "minute": self.minute,
            "second": self.second,
            "micro": self.microsecond,
            "timestamp": self.get_timestamp(),
            "formatted": self.to_date_time_string(),
            "timezone": self.timezone_name,
        }

    def get_timestamp(self) -> int:
        """Return the Unix timestamp as an int. Laravel: ``Carbon::getTimestamp()``."""
        return int(self.timestamp())

    # --- changing --------------------------------------------------------------

    def copy(self) -> Carbon:
        """Return an equal, separate instance. Laravel: ``Carbon::copy()``."""
        return self.replace()

    def set_timezone(self, tz: _Tz) -> Carbon:
        """Convert to another timezone (same instant).

        Laravel: ``Carbon::setTimezone()``.
        """
        return self.in_timezone(_timezone(tz))

    def shift_timezone(self, tz: _Tz) -> Carbon:
        """Keep the wall time, change the zone. Laravel: ``Carbon::shiftTimezone()``."""
        return self.replace(tzinfo=_timezone(tz))

    def utc(self) -> Carbon:
        """Convert to UTC. Laravel: ``Carbon::utc()``."""
        return self.set_timezone("UTC")

    def add(  # type: ignore[override]
        self, unit: t.Any = None, value: t.Any = 1, **kwargs: t.Any
    ) -> Carbon:
        """Add an amount: ``add('days', 3)``, ``add(3, 'days')``, ``add('2 hours')``,
        ``add(timedelta)`` or pendulum's ``add(days=3)``. Laravel: ``Carbon::add()``.
        """
        return self._generic(unit, value, 1, kwargs)

    def sub(self, unit: t.Any = None, value: t.Any = 1, **kwargs: t.Any) -> Carbon:
        """Subtract an amount (same forms as :meth:`add`).

        Laravel: ``Carbon::sub()``.
        """
        return self._generic(unit, value, -1, kwargs)

    def _generic(
        self, unit: t.Any, value: t.Any, sign: int, kwargs: dict[str, t.Any]
    ) -> Carbon:
        if unit is None:
            method = pendulum.DateTime.add if sign > 0 else pendulum.DateTime.subtract
            return method(self, **kwargs)
        if isinstance(unit, _dt.timedelta):
            return self + unit if sign > 0 else self - unit
        if isinstance(unit, int | float) and isinstance(value, str):
            unit, value = value, unit
        text = str(unit).strip().lower()
        if any(char.isdigit() for char in text):
            result = self
            for match in _RELATIVE.finditer(text):
                amount = int(match.group(1)) * (-1 if match.group(3) else 1)
                result = result._shifted(
                    _unit_name(match.group(2)), sign * amount, True
                )
            return result
        return self._shifted(_unit_name(text), sign * value, overflow=True)

    def _shifted(self, unit: str, amount: int | float, overflow: bool = True) -> Carbon:
        unit = unit.rstrip("s") if unit != "s" else unit
        if unit in ("quarter", "decade", "century", "centurie", "millennium"):
            factor = {"quarter": 3, "decade": 120, "century": 1200, "centurie": 1200}
            unit, amount = "month", amount * factor.get(unit, 12000)
        if unit in ("month", "year"):
            months = int(amount) * (12 if unit == "year" else 1)
            total = self.year * 12 + (self.month - 1) + months
            year, month = divmod(total, 12)
            month += 1
            last = calendar.monthrange(year, month)[1]
            if self.day <= last or not overflow:
                return self.replace(year=year, month=month, day=min(self.day, last))
            base = self.replace(year=year, month=month, day=last)
            return pendulum.DateTime.add(base, days=self.day - last)
        if unit in ("milli", "millisecond"):
            return pendulum.DateTime.add(self, microseconds=int(amount * 1000))
        if unit in ("micro", "microsecond"):
            return pendulum.DateTime.add(self, microseconds=int(amount))
        if unit not in ("second", "minute", "hour", "day", "week"):
            raise InvalidArgumentError(
                f"Unit [{unit}] is not a date unit; use seconds, minutes, hours, "
                "days, weeks, months or years."
            )
        return pendulum.DateTime.add(self, **{unit + "s": amount})  # type: ignore[arg-type]

    add_second = add_seconds = _shift("second", 1)
    sub_second = sub_seconds = _shift("second", -1)
    add_minute = add_minutes = _shift("minute", 1)
    sub_minute = sub_minutes = _shift("minute", -1)
    add_hour = add_hours = _shift("hour", 1)
    sub_hour = sub_hours = _shift("hour", -1)
    add_day = add_days = _shift("day", 1)
    sub_day = sub_days = _shift("day", -1)
    add_week = add_weeks = _shift("week", 1)
    sub_week = sub_weeks = _shift("week", -1)
    add_month = add_months = _shift("month", 1)
    sub_month = sub_months = _shift("month", -1)
    add_month_no_overflow = add_months_no_overflow = _shift("month", 1, True)
    sub_month_no_overflow = sub_months_no_overflow = _shift("month", -1, True)
    add_quarter = add_quarters = _shift("quarter", 1)
    sub_quarter = sub_quarters = _shift("quarter", -1)
    add_year = add_years = _shift("year", 1)
    sub_year = sub_years = _shift("year", -1)
    add_year_no_overflow = add_years_no_overflow = _shift("year", 1, True)
    sub_year_no_overflow = sub_years_no_overflow = _shift("year", -1, True)

    def start_of_day(self) -> Carbon:
        """Return 00:00:00 of the same day. Laravel: ``Carbon::startOfDay()``."""
        return self.start_of("day")

    def end_of_day(self) -> Carbon:
        """Return 23:59:59.999999 of the same day. Laravel: ``Carbon::endOfDay()``."""
        return self.end_of("day")

    def start_of_week(self) -> Carbon:
        """Return Monday 00:00 of the week. Laravel: ``Carbon::startOfWeek()``."""
        return self.start_of("week")

    def end_of_week(self) -> Carbon:
        """Return Sunday 23:59:59.999999 of the week.

        Laravel: ``Carbon::endOfWeek()``.
        """
        return self.end_of("week")

    def start_of_month(self) -> Carbon:
        """Return the 1st of the month at 00:00. Laravel: ``Carbon::startOfMonth()``."""
        return self.start_of("month")

    def end_of_month(self) -> Carbon:
        """Return the last day of the month at 23:59:59.999999.

        Laravel: ``Carbon::endOfMonth()``.
        """
        return self.end_of("month")

    def start_of_year(self) -> Carbon:
        """Return January 1st at 00:00. Laravel: ``Carbon::startOfYear()``."""
        return self.start_of("year")

    def end_of_year(self) -> Carbon:
        """Return December 31st at 23:59:59.999999. Laravel: ``Carbon::endOfYear()``."""
        return self.end_of("year")

    def start_of_hour(self) -> Carbon:
        """Return the start of the hour. Laravel: ``Carbon::startOfHour()``."""
        return self.start_of("hour")

    def start_of_minute(self) -> Carbon:
        """Return the start of the minute. Laravel: ``Carbon::startOfMinute()``."""
        return self.start_of("minute")

    def __str__(self) -> str:
        return self.to_date_time_string()

    def __repr__(self) -> str:
        return f"Carbon('{self.format('Y-m-d H:i:s.uP')}')"


def _unit_name(text: str) -> str:
    aliases = {"sec": "second", "secs": "second", "min": "minute", "mins": "minute"}
    return aliases.get(text, text)
