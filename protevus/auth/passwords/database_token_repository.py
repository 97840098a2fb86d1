"""Keep password reset tokens in a database table, hashed.

Laravel: ``Illuminate\\Auth\\Passwords\\DatabaseTokenRepository``.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
import secrets
import string
import typing as t

from protevus.support.aliases import CamelAliases
from protevus.support.carbon import Carbon

_ALPHABET = string.ascii_letters + string.digits


class DatabaseTokenRepository(CamelAliases):
    """Store one hashed reset token per email in ``password_reset_tokens``.

    The plain token (64 hex characters) goes into the reset link; the table keeps
    only its hash (``hash.make``), so a leaked table cannot reset passwords. A
    token expires ``expire`` minutes after it was created, and a new one cannot be
    requested within ``throttle`` seconds of the last.

    Laravel: ``Illuminate\\Auth\\Passwords\\DatabaseTokenRepository``.
    """

    def __init__(
        self,
        connection: t.Any,
        hasher: t.Any,
        table: str,
        hash_key: str | bytes,
        expire: int | float = 60,
        throttle: int | float = 60,
    ) -> None:
        self.connection = connection
        self.hasher = hasher
        self.table = table
        self.hash_key = hash_key.encode() if isinstance(hash_key, str) else hash_key
        #: seconds a token stays valid (``expire`` is given in minutes).
        self.expires = int(expire * 60)
        #: seconds before a user may ask for another token.
        self.throttle = int(throttle)

    # -- tokens ------------------------------------------------------------------

    def create(self, user: t.Any) -> str:
        """Delete the user's old token, store a new hashed one, return it in plain.

        Laravel: ``DatabaseTokenRepository::create()``.
        """
        email = _email(user)
        self._delete_existing(email)
        token = self.create_new_token()
        self.get_table().insert(self._payload(email, token))
        return token

    def exists(self, user: t.Any, token: str) -> bool:
        """Tell whether ``token`` is the user's current, unexpired token.

        Laravel: ``DatabaseTokenRepository::exists()``.
        """
        if not isinstance(token, str) or not token:
            return False
        record = self._record(user)
        return (
            record is not None
            and not self._token_expired(record["created_at"])
            and bool(self.hasher.check(token, str(record["token"] or "")))
        )

    def recently_created_token(self, user: t.Any) -> bool:
        """Tell whether the user's token is younger than the throttle.

        Laravel: ``DatabaseTokenRepository::recentlyCreatedToken()``.
        """
        record = self._record(user)
        return record is not None and self._token_recently_created(record["created_at"])

    def delete(self, user: t.Any) -> None:
        """Delete the user's token. Laravel: ``DatabaseTokenRepository::delete()``."""
        self._delete_existing(_email(user))

    def delete_expired(self) -> int:
        """Delete every expired token; return how many rows went.

        Laravel: ``DatabaseTokenRepository::deleteExpired()``.
        """
        expired_at = Carbon.now().sub_seconds(self.expires)
        return int(self.get_table().where("created_at", "<", expired_at).delete())

    def create_new_token(self) -> str:
        """Return a new random token: an HMAC-SHA256 (hex) keyed with the app key.

        Laravel: ``DatabaseTokenRepository::createNewToken()``
        (``hash_hmac('sha256', Str::random(40), $key)``).
        """
        seed = "".join(secrets.choice(_ALPHABET) for _ in range(40))
        return hmac.new(self.hash_key, seed.encode(), hashlib.sha256).hexdigest()

    # -- accessors -----------------------------------------------------------------

    def get_connection(self) -> t.Any:
        """Return the database connection. Laravel: ``getConnection()``."""
        return self.connection

    def get_table(self) -> t.Any:
        """Return a fresh query on the tokens table. Laravel: ``getTable()``."""
        return self.connection.table(self.table)

    def get_hasher(self) -> t.Any:
        """Return the hasher of the tokens. Laravel: ``getHasher()``."""
        return self.hasher

    # -- internals -----------------------------------------------------------------

    def _record(self, user: t.Any) -> t.Any:
        return self.get_table().where("email", _email(user)).first()

    def _delete_existing(self, email: str) -> int:
        return int(self.get_table().where("email", email).delete())

    def _payload(self, email: str, token: str) -> dict[str, t.Any]:
        return {
            "email": email,
            "token": self.hasher.make(token),
            "created_at": Carbon.now(),
        }

    def _token_expired(self, created_at: t.Any) -> bool:
        created = _parse(created_at)
        if created is None:
            return True
        return bool(created.add_seconds(self.expires) < Carbon.now())

    def _token_recently_created(self, created_at: t.Any) -> bool:
        if self.throttle <= 0:
            return False
        created = _parse(created_at)
        if created is None:
            return False
        return bool(created.add_seconds(self.throttle) > Carbon.now())


def _email(user: t.Any) -> str:
    return str(user.get_email_for_password_reset())


def _parse(value: t.Any) -> Carbon | None:
    """Read a ``created_at`` value back in the default timezone it was written in."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        if value.tzinfo is not None:
            return Carbon.instance(value)
        # Naive datetimes (PostgreSQL, MySQL) hold the wall time written.
        value = value.strftime("%Y-%m-%d %H:%M:%S")
    return Carbon.parse(str(value))
