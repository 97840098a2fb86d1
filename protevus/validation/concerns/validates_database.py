"""The rules that ask services: unique, exists, current_password, active_url.

``unique``/``exists`` count rows through the presence verifier
(``'validation.presence'``); ``current_password`` checks the ``'auth'`` guard's user
with ``'hash'``.

Laravel: ``Illuminate\\Validation\\Concerns\\ValidatesAttributes`` (database rules).
"""

from __future__ import annotations

import re
import socket
import typing as t
import urllib.parse

from protevus.support.aliases import CamelAliases
from protevus.validation.concerns.validates_attributes import MISSING
from protevus.validation.concerns.validates_attributes import ValidatesAttributes
from protevus.validation.exceptions import ValidationServiceError

_FIELD_REFERENCE = re.compile(r"\[(.*)\]")


class ValidatesDatabase(CamelAliases):
    """Give a validator its database and authentication rules.

    Laravel: ``Illuminate\\Validation\\Concerns\\ValidatesAttributes``.
    """

    if t.TYPE_CHECKING:
        _current_rule: t.Any
        _keys: dict[str, list[str]]
        _primary: dict[str, str]

        def get_value(self, attribute: str) -> t.Any: ...

        def get_presence_verifier(self, connection: str | None = None) -> t.Any: ...

        def get_container(self) -> t.Any: ...

    _need = staticmethod(ValidatesAttributes._need)

    def validate_unique(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a value no row holds: ``unique:table,column,except,idColumn,col,val``.

        ``table`` may be ``connection.table``; ``except`` may be ``[field]`` (the
        id in another field) or ``NULL``; pairs after ``idColumn`` add conditions.

        Laravel: ``validateUnique()``.
        """
        self._need(params, 1, "unique")
        verifier, table = self._verifier_for(params[0])
        column = self._query_column(params, attribute, "unique")
        exclude_id: t.Any = None
        id_column: str | None = None
        if len(params) > 2:
            id_column = params[3] if len(params) > 3 and params[3] else "id"
            exclude_id = self._unique_id(params[2])
        extra = self._extra_conditions(params[4:])
        return (
            verifier.get_count(table, column, value, exclude_id, id_column, extra) == 0
        )

    def validate_exists(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a value some row holds: ``exists:table,column,col,val``.

        A list value needs each distinct item to exist.

        Laravel: ``validateExists()``.
        """
        self._need(params, 1, "exists")
        verifier, table = self._verifier_for(params[0])
        column = self._query_column(params, attribute, "exists")
        extra = self._extra_conditions(params[2:])
        if isinstance(value, list | tuple):
            if any(isinstance(item, list | tuple | dict) for item in value):
                return False  # a row holds scalars; nested lists match nothing
            distinct = list(dict.fromkeys(value))
            if not distinct:
                return True
            found = verifier.get_multi_count(table, column, distinct, extra)
            return bool(found >= len(distinct))
        return bool(verifier.get_count(table, column, value, None, None, extra) >= 1)

    def _verifier_for(self, name: str) -> tuple[t.Any, str]:
        connection: str | None = None
        table = name
        if "." in name:
            prefix, _, rest = name.partition(".")
            probe = self.get_presence_verifier(None)
            known = getattr(probe, "has_connection", None)
            if known is None or known(prefix):
                connection, table = prefix, rest
        return self.get_presence_verifier(connection), table

    def _query_column(self, params: list[str], attribute: str, rule: str) -> str:
        if len(params) > 1 and params[1] and params[1] != "NULL":
            return params[1]
        # Laravel guesses the column from the data key's last segment, which lets a
        # client pick any column for `items.*` (`{"items": {"password": ...}}`).
        # Here it comes from the rule's own pattern (`users.*.email` -> email).
        pattern = self._primary.get(attribute, attribute)
        if "*" not in pattern:
            return attribute
        last = pattern.rpartition(".")[2]
        if last == "*":
            from protevus.exceptions import InvalidArgumentError

            raise InvalidArgumentError(
                f"The [{rule}] rule on [{pattern}] cannot guess a column from a "
                f"wildcard; name it, as in [{rule}:{params[0]},column]."
            )
        return last

    def _unique_id(self, raw: str) -> t.Any:
        reference = _FIELD_REFERENCE.search(raw)
        found: t.Any = raw
        if reference is not None:
            found = self.get_value(reference.group(1))
            found = None if found is MISSING else found
        if found is None or str(found).lower() == "null":
            return None
        if isinstance(found, str) and re.fullmatch(r"[+-]?\d+", found.strip()):
            return int(found)
        return found

    def _extra_conditions(self, segments: list[str]) -> dict[t.Any, t.Any]:
        extra: dict[t.Any, t.Any] = {
            segments[index]: segments[index + 1] if index + 1 < len(segments) else ""
            for index in range(0, len(segments), 2)
        }
        source = getattr(self._current_rule, "source", None)
        for index, callback in enumerate(getattr(source, "query_callbacks", list)()):
            extra[index] = callback
        return extra

    def validate_current_password(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass the authenticated user's password (``current_password:guard``).

        Raises ``ValidationServiceError`` when the container has no ``auth`` or
        ``hash`` service.

        Laravel: ``validateCurrentPassword()``.
        """
        container = self.get_container()
        missing = [key for key in ("auth", "hash") if not container.bound(key)]
        if missing:
            raise ValidationServiceError(
                "Validation rule [current_password] needs the ["
                + "] and [".join(missing)
                + "] service"
                + ("s" if len(missing) > 1 else "")
                + "; register the authentication and hashing providers."
            )
        guard = container.make("auth").guard(params[0] if params else None)
        user = guard.user()
        if user is None or not isinstance(value, str):
            return False
        hashed = user.get_auth_password()
        return bool(container.make("hash").check(value, hashed))

    def validate_active_url(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass a URL whose host has an A or AAAA DNS record (a real lookup).

        Laravel: ``validateActiveUrl()``.
        """
        if not isinstance(value, str):
            return False
        try:
            host = urllib.parse.urlsplit(value).hostname
        except ValueError:
            return False
        if not host:
            return False
        try:
            return bool(socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP))
        except (OSError, UnicodeError):
            return False
