"""Hash values with bcrypt, writing PHP's ``$2y$`` hashes.

Laravel: ``Illuminate\\Hashing\\BcryptHasher``.
"""

from __future__ import annotations

import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.hashing.abstract_hasher import BCRYPT_MAX_BYTES
from protevus.hashing.abstract_hasher import AbstractHasher
from protevus.hashing.abstract_hasher import Options
from protevus.hashing.abstract_hasher import as_text
from protevus.hashing.abstract_hasher import config_flag
from protevus.hashing.abstract_hasher import int_option
from protevus.hashing.abstract_hasher import merge_options
from protevus.hashing.abstract_hasher import to_bytes
from protevus.hashing.exceptions import HashingError


class BcryptHasher(AbstractHasher):
    """Make and check bcrypt hashes that PHP's ``password_verify()`` accepts.

    Options (the ``hashing.bcrypt`` config): ``rounds`` (the cost, default 12),
    ``verify`` (refuse to check hashes of other algorithms) and ``limit`` (refuse
    to hash values longer than this many bytes; without it, bytes past the 72nd
    are ignored, as PHP does).

    Laravel: ``Illuminate\\Hashing\\BcryptHasher``.
    """

    algorithm_label: t.ClassVar[str] = "Bcrypt"

    def __init__(self, options: Options | None = None) -> None:
        options = options or {}
        self.rounds = int_option(options, "rounds", 12)
        self.verify_algorithm = config_flag(options.get("verify", False))
        limit = options.get("limit")
        self.limit: int | None = int(limit) if limit else None

    def make(
        self, value: t.Any, options: Options | None = None, **overrides: t.Any
    ) -> str:
        """Hash ``value`` with the configured cost (or ``rounds=`` given here).

        Laravel: ``BcryptHasher::make()``.
        """
        import bcrypt

        cost = self._cost(merge_options(options, overrides))
        secret = to_bytes(value)
        if self.limit and len(secret) > self.limit:
            raise InvalidArgumentError(
                f"Value is too long to hash; it must be at most [{self.limit}] bytes "
                "(the hashing.bcrypt.limit config)."
            )
        if b"\x00" in secret:
            # PHP's bcrypt stops reading at a NUL byte, so it could not verify
            # a hash made here from the whole value.
            raise InvalidArgumentError(
                "Bcrypt cannot hash a value containing a NUL byte; remove it first."
            )
        try:
            salt = bcrypt.gensalt(cost)
            hashed = bcrypt.hashpw(secret[:BCRYPT_MAX_BYTES], salt)
        except ValueError as error:
            raise HashingError(
                f"Bcrypt hashing failed with cost [{cost}]: {error}. "
                "Use a cost (hashing.bcrypt.rounds) between 4 and 31."
            ) from error
        return "$2y$" + hashed.decode("ascii")[4:]

    def needs_rehash(
        self, hashed_value: t.Any, options: Options | None = None, **overrides: t.Any
    ) -> bool:
        """Determine if the hash is not a ``$2y$`` bcrypt hash of the configured cost.

        ``$2a$``/``$2b$`` hashes need a rehash, as PHP's ``password_needs_rehash()``
        says, so they become PHP's spelling on the next login.

        Laravel: ``BcryptHasher::needsRehash()``.
        """
        info = self.info(hashed_value)
        if info["algoName"] != "bcrypt" or not (as_text(hashed_value) or "").startswith(
            "$2y$"
        ):
            return True
        cost = self._cost(merge_options(options, overrides))
        return bool(info["options"]["cost"] != cost)

    def verify_configuration(self, value: t.Any) -> bool:
        """Determine if ``value`` is a bcrypt hash whose cost is at most the configured one.

        Laravel: ``BcryptHasher::verifyConfiguration()``.
        """
        return self.is_using_correct_algorithm(value) and self.is_using_valid_options(
            value
        )

    def is_using_correct_algorithm(self, hashed_value: t.Any) -> bool:
        """Determine if the hash is a bcrypt hash.

        Laravel: ``BcryptHasher::isUsingCorrectAlgorithm()``.
        """
        return bool(self.info(hashed_value)["algoName"] == "bcrypt")

    def is_using_valid_options(self, hashed_value: t.Any) -> bool:
        """Determine if the hash's cost is not above the configured cost.

        Laravel: ``BcryptHasher::isUsingValidOptions()``.
        """
        cost = self.info(hashed_value)["options"].get("cost")
        return isinstance(cost, int) and cost <= self.rounds

    def set_rounds(self, rounds: int) -> BcryptHasher:
        """Set the default cost factor.

        Laravel: ``BcryptHasher::setRounds()``.
        """
        self.rounds = int(rounds)
        return self

    def _cost(self, options: Options) -> int:
        return int_option(options, "rounds", self.rounds)
