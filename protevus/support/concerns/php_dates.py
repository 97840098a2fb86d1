"""PHP ``date()`` format characters, for formatting and for parsing.

Laravel apps write ``$date->format('Y-m-d H:i')`` and
``Carbon::createFromFormat('d/m/Y', $value)``; ``Carbon`` uses these helpers so
the same format strings work in Protevus.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
import typing as t

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _offset(dt: _dt.datetime) -> int:
    delta = dt.utcoffset()
    return int(delta.total_seconds()) if delta is not None else 0


def _offset_text(dt: _dt.datetime, colon: bool) -> str:
    seconds = _offset(dt)
    sign = "-" if seconds < 0 else "+"
    hours, minutes = divmod(abs(seconds) // 60, 60)
    return f"{sign}{hours:02d}{':' if colon else ''}{minutes:02d}"


def _suffix(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _tz_name(dt: _dt.datetime) -> str:
    name = getattr(dt.tzinfo, "name", None) or (dt.tzname() if dt.tzinfo else None)
    return str(name) if name else "UTC"


def _swatch(dt: _dt.datetime) -> str:
    seconds = (dt.hour * 3600 + dt.minute * 60 + dt.second - _offset(dt) + 3600) % 86400
    return f"{int(seconds / 86.4):03d}"


_FORMATTERS: dict[str, t.Callable[[_dt.datetime], str]] = {
    "d": lambda d: f"{d.day:02d}",
    "D": lambda d: DAYS[d.weekday()][:3],
    "j": lambda d: str(d.day),
    "l": lambda d: DAYS[d.weekday()],
    "N": lambda d: str(d.isoweekday()),
    "S": lambda d: _suffix(d.day),
    "w": lambda d: str(d.isoweekday() % 7),
    "z": lambda d: str(d.timetuple().tm_yday - 1),
    "W": lambda d: f"{d.isocalendar()[1]:02d}",
    "F": lambda d: MONTHS[d.month - 1],
    "m": lambda d: f"{d.month:02d}",
    "M": lambda d: MONTHS[d.month - 1][:3],
    "n": lambda d: str(d.month),
    "t": lambda d: str(calendar.monthrange(d.year, d.month)[1]),
    "L": lambda d: "1" if calendar.isleap(d.year) else "0",
    "o": lambda d: str(d.isocalendar()[0]),
    "Y": lambda d: f"{d.year:04d}",
    "y": lambda d: f"{d.year % 100:02d}",
    "a": lambda d: "am" if d.hour < 12 else "pm",
    "A": lambda d: "AM" if d.hour < 12 else "PM",
    "B": _swatch,
    "g": lambda d: str(d.hour % 12 or 12),
    "G": lambda d: str(d.hour),
    "h": lambda d: f"{d.hour % 12 or 12:02d}",
    "H": lambda d: f"{d.hour:02d}",
    "i": lambda d: f"{d.minute:02d}",
    "s": lambda d: f"{d.second:02d}",
    "u": lambda d: f"{d.microsecond:06d}",
    "v": lambda d: f"{d.microsecond // 1000:03d}",
    "e": _tz_name,
    "I": lambda d: "1" if d.dst() else "0",
    "O": lambda d: _offset_text(d, colon=False),
    "P": lambda d: _offset_text(d, colon=True),
    "p": lambda d: "Z" if _offset(d) == 0 else _offset_text(d, colon=True),
    "T": lambda d: (d.tzname() if d.tzinfo else None) or _offset_text(d, True),
    "Z": lambda d: str(_offset(d)),
    "c": lambda d: php_format(d, "Y-m-d\\TH:i:sP"),
    "r": lambda d: php_format(d, "D, d M Y H:i:s O"),
    "U": lambda d: str(int(d.timestamp())),
}


def php_format(dt: _dt.datetime, fmt: str) -> str:
    """Format ``dt`` with PHP ``date()`` characters (``\\`` escapes the next one)."""
    out: list[str] = []
    chars = iter(fmt)
    for char in chars:
        if char == "\\":
            out.append(next(chars, ""))
        elif char in _FORMATTERS:
            out.append(_FORMATTERS[char](dt))
        else:
            out.append(char)
    return "".join(out)


_NAMES = "|".join(MONTHS + [m[:3] for m in MONTHS])
_DAY_NAMES = "|".join(DAYS + [d[:3] for d in DAYS])
_PARSERS: dict[str, str] = {
    "d": r"(?P<day>\d{2})",
    "j": r"(?P<day>\d{1,2})",
    "D": rf"(?:{_DAY_NAMES})",
    "l": rf"(?:{_DAY_NAMES})",
    "S": r"(?:st|nd|rd|th)",
    "z": r"(?P<yday>\d{1,3})",
    "m": r"(?P<month>\d{2})",
    "n": r"(?P<month>\d{1,2})",
    "M": rf"(?P<month_name>{_NAMES})",
    "F": rf"(?P<month_name>{_NAMES})",
    "Y": r"(?P<year>\d{4})",
    "y": r"(?P<year2>\d{2})",
    "a": r"(?P<meridiem>am|pm|AM|PM)",
    "A": r"(?P<meridiem>am|pm|AM|PM)",
    "g": r"(?P<hour12>\d{1,2})",
    "h": r"(?P<hour12>\d{2})",
    "G": r"(?P<hour>\d{1,2})",
    "H": r"(?P<hour>\d{2})",
    "i": r"(?P<minute>\d{2})",
    "s": r"(?P<second>\d{2})",
    "v": r"(?P<millisecond>\d{3})",
    "u": r"(?P<microsecond>\d{1,6})",
    "e": r"(?P<tz>[A-Za-z_]+(?:/[A-Za-z_+\-0-9]+)*|[+-]\d{2}:?\d{2})",
    "T": r"(?P<tz>[A-Za-z]{1,6}|[+-]\d{2}:?\d{2})",
    "O": r"(?P<tz>[+-]\d{2}:?\d{2}|Z)",
    "P": r"(?P<tz>[+-]\d{2}:?\d{2}|Z)",
    "p": r"(?P<tz>[+-]\d{2}:?\d{2}|Z)",
    "U": r"(?P<timestamp>-?\d+)",
    "#": r"[;:/.,\-()]",
    "?": r".",
    "*": r"[^\s;:/.,\-()0-9]*",
}

_TIME_FIELDS = ("hour", "minute", "second", "microsecond")


def php_parse(fmt: str, value: str) -> dict[str, t.Any] | None:
    """Read ``value`` with a PHP ``createFromFormat`` format (``None``: no match).

    Returns the fields found (``year``, ``month``, ``day``, ``hour``, ``minute``,
    ``second``, ``microsecond``, ``tz``, ``timestamp``) plus ``reset`` (``'!'`` or
    ``'|'`` seen: unparsed fields start from the Unix epoch, not from now).
    """
    pattern: list[str] = []
    reset = False
    trailing = False
    seen: set[str] = set()
    chars = iter(fmt)
    for char in chars:
        if char == "\\":
            pattern.append(re.escape(next(chars, "")))
        elif char in "!|":
            reset = True
        elif char == "+":
            trailing = True
        elif char in _PARSERS:
            regex = _PARSERS[char]
            group = re.search(r"\?P<(\w+)>", regex)
            if group and group.group(1) in seen:
                regex = re.sub(r"\?P<\w+>", "?:", regex)
            elif group:
                seen.add(group.group(1))
            pattern.append(regex)
        else:
            pattern.append(re.escape(char))
    regex = "".join(pattern) + (".*" if trailing else "")
    match = re.fullmatch(regex, value, re.S)
    if match is None:
        return None
    found = {k: v for k, v in match.groupdict().items() if v is not None}
    fields: dict[str, t.Any] = {"reset": reset}
    for key in ("day", "month", "year", "hour", "minute", "second"):
        if key in found:
            fields[key] = int(found[key])
    if "month_name" in found:
        name = found["month_name"][:3].lower()
        fields["month"] = [m[:3].lower() for m in MONTHS].index(name) + 1
    if "year2" in found:
        short = int(found["year2"])
        fields["year"] = short + (2000 if short < 70 else 1900)
    if "hour12" in found:
        hour = int(found["hour12"]) % 12
        meridiem = found.get("meridiem", "am").lower()
        fields["hour"] = hour + (12 if meridiem == "pm" else 0)
    elif "meridiem" in found and "hour" in fields:
        fields["hour"] = fields["hour"] % 12 + (
            12 if found["meridiem"].lower() == "pm" else 0
        )
    if "microsecond" in found:
        fields["microsecond"] = int(found["microsecond"].ljust(6, "0"))
    elif "millisecond" in found:
        fields["microsecond"] = int(found["millisecond"]) * 1000
    if "yday" in found:
        fields["yday"] = int(found["yday"])
    if "tz" in found:
        tz = found["tz"]
        fields["tz"] = "UTC" if tz in ("Z", "z") else tz
    if "timestamp" in found:
        fields["timestamp"] = int(found["timestamp"])
    if any(key in fields for key in _TIME_FIELDS):
        for key in _TIME_FIELDS:
            fields.setdefault(key, 0)
    return fields
