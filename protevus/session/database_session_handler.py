"""Keep sessions in the ``sessions`` table.

Laravel: ``Illuminate\\Session\\DatabaseSessionHandler``.
"""

from __future__ import annotations

import base64
import binascii
import time
import typing as t

from protevus.session.exceptions import SessionTableMissingError
from protevus.support.aliases import CamelAliases

_USER_AGENT_LIMIT = 500


class DatabaseSessionHandler(CamelAliases):
    """Read and write rows of the sessions table (``id``, ``user_id``,
    ``ip_address``, ``user_agent``, ``payload``, ``last_activity``).

    The payload is base64 text, as Laravel writes it. Rows idle for longer than
    the lifetime read as empty and are deleted by :meth:`gc`. A missing table
    raises :class:`~protevus.session.exceptions.SessionTableMissingError` rather
    than losing the session silently.

    Laravel: ``Illuminate\\Session\\DatabaseSessionHandler``.
    """

    def __init__(
        self,
        connection: t.Any,
        table: str,
        minutes: int | float,
        container: t.Any = None,
    ) -> None:
        self._connection = connection
        self._table = table
        self._minutes = minutes
        self._container = container
        self._request: t.Any = None
        self._exists = False

    def open(self, save_path: str, session_name: str) -> bool:
        """Do nothing. Laravel: ``DatabaseSessionHandler::open()``."""
        return True

    def close(self) -> bool:
        """Do nothing. Laravel: ``DatabaseSessionHandler::close()``."""
        return True

    def read(self, session_id: str) -> str:
        """Return the row's payload, or '' when missing or expired.

        Laravel: ``DatabaseSessionHandler::read()``.
        """
        row = self._guard(lambda: self._query().where("id", session_id).first())
        if row is None:
            return ""
        self._exists = True
        if self._expired(row):
            return ""
        payload = row.get("payload")
        if not payload:
            return ""
        try:
            return base64.b64decode(str(payload), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return ""

    def _expired(self, row: t.Mapping[str, t.Any]) -> bool:
        last = row.get("last_activity")
        try:
            return int(t.cast(t.Any, last)) < time.time() - self._minutes * 60
        except (TypeError, ValueError):
            return True

    def write(self, session_id: str, data: str) -> bool:
        """Insert or update the row, with the user, IP address and user agent.

        Laravel: ``DatabaseSessionHandler::write()``.
        """
        row = {"id": session_id, **self._default_payload(data)}
        self._guard(
            lambda: self._query().upsert(
                [row], ["id"], [key for key in row if key != "id"]
            )
        )
        self._exists = True
        return True

    def _default_payload(self, data: str) -> dict[str, t.Any]:
        payload: dict[str, t.Any] = {
            "payload": base64.b64encode(data.encode("utf-8")).decode("ascii"),
            "last_activity": int(time.time()),
            "user_id": self._user_id(),
            "ip_address": None,
            "user_agent": None,
        }
        request = self._current_request()
        if request is not None:
            ip = getattr(request, "ip", None)
            payload["ip_address"] = ip() if callable(ip) else None
            agent = (
                request.headers.get("User-Agent")
                if hasattr(request, "headers")
                else None
            )
            payload["user_agent"] = agent[:_USER_AGENT_LIMIT] if agent else None
        return payload

    def _user_id(self) -> t.Any:
        container = self._container
        if container is None or not container.bound("auth"):
            return None
        try:
            return container.make("auth").id()
        except Exception:  # an auth layer that cannot answer now stores no user
            return None

    def _current_request(self) -> t.Any:
        if self._request is not None:
            return self._request
        if self._container is not None and self._container.bound("request"):
            try:
                return self._container.make("request")
            except Exception:  # outside a request (console, tests)
                return None
        return None

    def destroy(self, session_id: str) -> bool:
        """Delete the row. Laravel: ``DatabaseSessionHandler::destroy()``."""
        self._guard(lambda: self._query().where("id", session_id).delete())
        return True

    def gc(self, lifetime: int) -> int:
        """Delete rows idle for ``lifetime`` seconds. Laravel: ``DatabaseSessionHandler::gc()``."""
        expiration = int(time.time()) - lifetime
        return int(
            self._guard(
                lambda: self._query().where("last_activity", "<=", expiration).delete()
            )
        )

    def _query(self) -> t.Any:
        return self._connection.table(self._table)

    def _guard(self, run: t.Callable[[], t.Any]) -> t.Any:
        from protevus.database.exceptions import QueryError

        try:
            return run()
        except QueryError as exc:
            if not self._table_exists():
                raise SessionTableMissingError(
                    f"The [{self._table}] table does not exist on the "
                    f"[{self._connection.get_name()}] database connection. Run "
                    "`python artisan.py migrate` (the default migrations create it) or "
                    "set SESSION_DRIVER to another driver, such as file."
                ) from exc
            raise

    def _table_exists(self) -> bool:
        try:
            return bool(self._connection.get_schema_builder().has_table(self._table))
        except Exception:  # cannot tell: let the original error speak
            return True

    def set_exists(self, exists: bool) -> DatabaseSessionHandler:
        """Say whether the row exists (the store resets it on migrate).

        Laravel: ``DatabaseSessionHandler::setExists()``.
        """
        self._exists = exists
        return self

    def set_request(self, request: t.Any) -> DatabaseSessionHandler:
        """Use this request for the IP address and user agent.

        Laravel: the container's request, read by ``addRequestInformation()``.
        """
        self._request = request
        return self

    def set_container(self, container: t.Any) -> DatabaseSessionHandler:
        """Set the container used to find the user. Laravel: ``setContainer()``."""
        self._container = container
        return self

    def get_connection(self) -> t.Any:
        """Return the database connection."""
        return self._connection
