"""``down``: put the application into maintenance mode (``storage/framework/down``).

Laravel: ``Illuminate\\Foundation\\Console\\DownCommand``.
"""

from __future__ import annotations

import json
import os
import typing as t

from protevus.console.command import Command


def down_file(app: t.Any) -> str:
    """Get the path of the maintenance file (``storage/framework/down``)."""
    return str(app.storage_path(os.path.join("framework", "down")))


class DownCommand(Command):
    """Put the application into maintenance / demo mode.

    Laravel: ``Illuminate\\Foundation\\Console\\DownCommand``.
    """

    signature = (
        "down {--redirect= : The path that users should be redirected to} "
        "{--render= : The view that should be prerendered for display during maintenance mode} "
        "{--retry= : The number of seconds after which the request may be retried} "
        "{--refresh= : The number of seconds after which the browser may refresh} "
        "{--secret= : The secret phrase that may be used to bypass maintenance mode} "
        "{--with-secret : Generate a random secret phrase that may be used to bypass maintenance mode} "
        "{--status=503 : The status code that should be used when returning the maintenance mode response}"
    )
    description = "Put the application into maintenance / demo mode"

    def handle(self) -> int:
        """Write the maintenance payload unless the application is already down."""
        path = down_file(self.laravel)
        if os.path.isfile(path):
            self.components.info("Application is already down.")
            return self.SUCCESS
        try:
            payload = self.get_down_file_payload()
        except ValueError as exc:
            self.components.error(str(exc))
            return self.FAILURE
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, indent=4)
        self.components.info("Application is now in maintenance mode.")
        if payload["secret"] is not None:
            url = str(self.laravel.make("config").get("app.url", "")).rstrip("/")
            self.components.info(
                f"You may bypass maintenance mode via [{url}/{payload['secret']}]."
            )
        return self.SUCCESS

    def get_down_file_payload(self) -> dict[str, t.Any]:
        """Build the JSON payload. Laravel: ``DownCommand::getDownFilePayload()``."""
        secret = self.option("secret")
        if self.option("with-secret"):
            import secrets

            secret = secrets.token_urlsafe(12)
        return {
            "except": [],
            "redirect": self._redirect_path(),
            "retry": self._seconds("retry"),
            "refresh": self._seconds("refresh"),
            "secret": secret,
            "status": self._seconds("status") or 503,
            "template": None,
        }

    def _redirect_path(self) -> str | None:
        redirect = self.option("redirect")
        if not redirect or redirect == "/":
            return redirect or None
        return "/" + str(redirect).strip("/")

    def _seconds(self, name: str) -> int | None:
        val = self.option(name)
        if val is None or val == "":
            return None
        if not str(val).isdigit():
            raise ValueError(f"The --{name} option [{val}] must be a whole number.")
        return int(val)
