"""Hold the process-wide default timezone for new dates, without importing pendulum.

Laravel: ``date_default_timezone_set(config('app.timezone'))`` in
``LoadConfiguration`` and the ``Date`` factory. The application sets the zone at
boot; :class:`~protevus.support.carbon.Carbon` reads it whenever no timezone is given.
"""

from __future__ import annotations

import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases


class DateFactory(CamelAliases):
    """Remember which timezone ``Carbon.now()`` and friends use by default."""

    default_timezone: t.ClassVar[str] = "UTC"

    @classmethod
    def use_default_timezone(cls, tz: str) -> None:
        """Set the default timezone after checking it names a real zone."""
        if tz == "UTC":  # the default: no need to load the zone database to trust it
            DateFactory.default_timezone = tz
            return
        import zoneinfo

        try:
            zoneinfo.ZoneInfo(tz)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
            raise InvalidArgumentError(
                f"Timezone [{tz}] is not a known IANA timezone: use a name such as "
                "'UTC' or 'Europe/Paris' (config('app.timezone'))."
            ) from exc
        DateFactory.default_timezone = tz
