"""The ``where_*`` shortcuts shared by routes and route registrars.

Laravel: ``Illuminate\\Routing\\CreatesRegularExpressionRouteConstraints``.
"""

from __future__ import annotations

import enum
import re
import typing as t

from protevus.support.aliases import CamelAliases

ALPHA = "[a-zA-Z]+"
ALPHA_NUMERIC = "[a-zA-Z0-9]+"
NUMBER = "[0-9]+"
ULID = "[0-7][0-9a-hjkmnp-tv-zA-HJKMNP-TV-Z]{25}"
UUID = "[\\da-fA-F]{8}-[\\da-fA-F]{4}-[\\da-fA-F]{4}-[\\da-fA-F]{4}-[\\da-fA-F]{12}"

_Self = t.TypeVar("_Self", bound="CreatesRegularExpressionRouteConstraints")


class CreatesRegularExpressionRouteConstraints(CamelAliases):
    """Constrain parameters to common shapes; classes using it define ``where``.

    Laravel: ``CreatesRegularExpressionRouteConstraints``.
    """

    __slots__ = ()

    def where(
        self: _Self, name: t.Any, expression: str = ""
    ) -> _Self:  # pragma: no cover
        raise NotImplementedError

    def where_alpha(self: _Self, parameters: str | t.Iterable[str]) -> _Self:
        """Constrain parameters to letters.

        Laravel: ``whereAlpha()``.
        """
        return self._assign(parameters, ALPHA)

    def where_alpha_numeric(self: _Self, parameters: str | t.Iterable[str]) -> _Self:
        """Constrain parameters to letters and digits.

        Laravel: ``whereAlphaNumeric()``.
        """
        return self._assign(parameters, ALPHA_NUMERIC)

    def where_number(self: _Self, parameters: str | t.Iterable[str]) -> _Self:
        """Constrain parameters to digits.

        Laravel: ``whereNumber()``.
        """
        return self._assign(parameters, NUMBER)

    def where_ulid(self: _Self, parameters: str | t.Iterable[str]) -> _Self:
        """Constrain parameters to ULIDs.

        Laravel: ``whereUlid()``.
        """
        return self._assign(parameters, ULID)

    def where_uuid(self: _Self, parameters: str | t.Iterable[str]) -> _Self:
        """Constrain parameters to UUIDs.

        Laravel: ``whereUuid()``.
        """
        return self._assign(parameters, UUID)

    def where_in(
        self: _Self, parameters: str | t.Iterable[str], values: t.Iterable[t.Any]
    ) -> _Self:
        """Constrain parameters to one of the given values (enum members accepted).

        Laravel: ``whereIn()``.
        """
        choices = [
            str(value.value if isinstance(value, enum.Enum) else value)
            for value in values
        ]
        if not choices:
            raise ValueError(
                "where_in() needs at least one value: pass the allowed values "
                "as a list."
            )
        return self._assign(parameters, "|".join(re.escape(c) for c in choices))

    def _assign(
        self: _Self, parameters: str | t.Iterable[str], expression: str
    ) -> _Self:
        names = [parameters] if isinstance(parameters, str) else list(parameters)
        return self.where({name: expression for name in names})
