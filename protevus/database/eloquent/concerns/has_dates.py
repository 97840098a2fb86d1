"""Turn stored values into Carbon dates and dates into stored strings.

Laravel: the date half of ``Illuminate\\Database\\Eloquent\\Concerns\\HasAttributes``
(``asDateTime``, ``fromDateTime``, ``serializeDate``, ``getDates``...).
"""

from __future__ import annotations

import datetime as _dt
import re
import typing as t

from protevus.database.eloquent.concerns.cast_types import CLASS_SETTINGS
from protevus.database.eloquent.concerns.cast_types import config_value
from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import camel_aliases
from protevus.support.carbon import Carbon
from protevus.support.date_factory import DateFactory

_STANDARD_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_STANDARD_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?$")
_DEFAULT_FORMAT = "Y-m-d H:i:s"
#: instance attributes that change a model's date columns (then nothing is cached).
DATE_SETTINGS = frozenset({"timestamps", "created_at_column", "updated_at_column"})


def format_date(value: Carbon, fmt: str) -> str:
    """Format with PHP ``date()`` characters, or ``strftime`` ones when ``%`` appears."""
    if "%" in fmt:
        return value.strftime(fmt)
    return value.format(fmt)


def utc_json_date(value: t.Any) -> str | None:
    """Serialize a stored date the way :meth:`HasDates.serialize_date` does, quickly.

    Covers the common cases without building a Carbon: a ``Y-m-d H:i:s[.f]`` string
    or a naive datetime while the default timezone is UTC, and an aware datetime.
    Returns ``None`` for anything else, so the caller takes the general path.
    """
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None:
            if DateFactory.default_timezone != "UTC":
                return None
        else:
            value = value.astimezone(_dt.UTC)
        return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if type(value) is str and DateFactory.default_timezone == "UTC":
        if (
            len(value) == 19
            and value[10] == " "
            and value[4] == value[7] == "-"
            and value[13] == value[16] == ":"
            and (value[:4] + value[5:7] + value[8:10]).isdigit()
            and (value[11:13] + value[14:16] + value[17:19]).isdigit()
        ):
            return f"{value[:10]}T{value[11:19]}.000000Z"  # "Y-m-d H:i:s", most rows
        match = _STANDARD_DATETIME.match(value)
        if match:
            fraction = (match.group(1) or ".")[1:]
            return f"{value[:10]}T{value[11:19]}.{fraction.ljust(6, '0')}Z"
    return None


def _zone() -> t.Any:
    from protevus.support.carbon import _timezone

    return _timezone(DateFactory.default_timezone)


@camel_aliases
class HasDates:
    """Convert between stored date values and Carbon instances.

    Laravel: ``HasAttributes::asDateTime()``, ``fromDateTime()``, ``serializeDate()``.
    """

    def get_dates(self) -> list[str]:
        """Return the timestamp columns read as dates (created_at, updated_at).

        Date casts are dates too (see :meth:`is_date_attribute`). Laravel:
        ``Model::getDates()``.
        """
        own = self.__dict__
        if not (DATE_SETTINGS & own.keys()):
            # Class settings only (the common case, asked twice per serialized
            # model): the answer is the class's, cached with its other settings.
            key = (type(self), "<dates>")
            dates = CLASS_SETTINGS.get(key)
            if dates is None:
                dates = CLASS_SETTINGS[key] = self._timestamp_columns()
            return list(dates) if self._timestamps_enabled() else []
        return self._timestamp_columns() if self._timestamps_enabled() else []

    def _timestamps_enabled(self) -> bool:
        uses = config_value(self, "uses_timestamps")
        return bool(uses(self) if callable(uses) else config_value(self, "timestamps"))

    def _timestamp_columns(self) -> list[str]:
        columns = [
            config_value(self, "created_at_column"),
            config_value(self, "updated_at_column"),
        ]
        created = config_value(self, "get_created_at_column")
        updated = config_value(self, "get_updated_at_column")
        if callable(created) and callable(updated):
            columns = [created(self), updated(self)]
        return [column for column in columns if column]

    def get_date_format(self) -> str:
        """Return the storage format of dates: the model's ``date_format`` or the grammar's.

        PHP ``date()`` characters (``'Y-m-d H:i:s'``, ``'U'``); a ``strftime`` format
        with ``%`` works too. Laravel: ``Model::getDateFormat()``.
        """
        own = config_value(self, "date_format")
        if isinstance(own, str) and own:
            return own
        get_connection = config_value(self, "get_connection")
        if callable(get_connection):
            try:
                grammar = get_connection(self).get_query_grammar()
                return str(grammar.get_date_format())
            except Exception:  # no connection resolver yet: the common default
                return _DEFAULT_FORMAT
        return _DEFAULT_FORMAT

    def set_date_format(self, format: str) -> t.Any:
        """Set the storage format of this model's dates. Laravel: ``setDateFormat()``."""
        self.__dict__["date_format"] = format
        return self

    def as_date_time(self, value: t.Any) -> Carbon:
        """Return ``value`` (Carbon, datetime, date, timestamp or string) as a Carbon.

        Naive datetimes and strings are read in the default timezone
        (``config('app.timezone')``). Laravel: ``HasAttributes::asDateTime()``.
        """
        if isinstance(value, Carbon):
            return value
        if isinstance(value, _dt.datetime):
            if value.tzinfo is None:
                return Carbon.instance(value, _zone())
            return Carbon.instance(value)
        if isinstance(value, _dt.date):
            return Carbon.create(value.year, value.month, value.day)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return Carbon.create_from_timestamp(value)
        if isinstance(value, bytes):
            value = value.decode()
        if not isinstance(value, str):
            raise InvalidArgumentError(
                f"Cannot read [{value!r}] as a date; give a datetime, a Unix timestamp "
                "or a string like '2026-01-31 14:00:00'."
            )
        text = value.strip()
        if text.lstrip("-").isdigit():
            return Carbon.create_from_timestamp(int(text))
        match = _STANDARD_DATE.match(text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            return Carbon.create(year, month, day)
        if _STANDARD_DATETIME.match(text):
            return Carbon.instance(_dt.datetime.fromisoformat(text), _zone())
        fmt = self.get_date_format()
        try:
            if "%" in fmt:
                return Carbon.instance(_dt.datetime.strptime(text, fmt), _zone())
            return Carbon.create_from_format(fmt, text)
        except (InvalidArgumentError, ValueError):
            return Carbon.parse(text)

    def as_date(self, value: t.Any) -> Carbon:
        """Return ``value`` as a Carbon at the start of its day. Laravel: ``asDate()``."""
        return self.as_date_time(value).start_of_day()

    def as_timestamp(self, value: t.Any) -> int:
        """Return ``value`` as a Unix timestamp. Laravel: ``asTimestamp()``."""
        return self.as_date_time(value).get_timestamp()

    def from_date_time(self, value: t.Any) -> t.Any:
        """Return ``value`` as a string in the storage format (``None``/'' unchanged).

        Laravel: ``HasAttributes::fromDateTime()``.
        """
        if value is None or value == "":
            return value
        return format_date(self.as_date_time(value), self.get_date_format())

    def fresh_timestamp(self) -> Carbon:
        """Return the current time (the test time when frozen).

        Laravel: ``HasTimestamps::freshTimestamp()``.
        """
        return Carbon.now()

    def fresh_timestamp_string(self) -> str:
        """Return the current time in the storage format.

        Laravel: ``HasTimestamps::freshTimestampString()``.
        """
        return t.cast(str, self.from_date_time(self.fresh_timestamp()))

    def serialize_date(self, value: _dt.datetime) -> str:
        """Return a date for ``to_array()``/JSON: ISO-8601 in UTC with microseconds.

        ``2026-01-01T10:00:00.000000Z``. Override to change every date's form.
        Laravel: ``HasAttributes::serializeDate()``.
        """
        return self.as_date_time(value).to_json()
