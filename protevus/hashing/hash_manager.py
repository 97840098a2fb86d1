"""Build the hashers by name and forward hashing calls to the default one.

Laravel: ``Illuminate\\Hashing\\HashManager``.
"""

from __future__ import annotations

import typing as t

from protevus.hashing.abstract_hasher import Options
from protevus.hashing.argon2id_hasher import Argon2IdHasher
from protevus.hashing.argon_hasher import ArgonHasher
from protevus.hashing.bcrypt_hasher import BcryptHasher
from protevus.support.manager import Manager


class HashManager(Manager):
    """The ``'hash'`` service behind the ``Hash`` facade.

    Drivers: ``bcrypt`` (default), ``argon`` (Argon2i) and ``argon2id``, built from
    the ``hashing.bcrypt`` / ``hashing.argon`` config; ``extend(name, factory)``
    adds others. ``HASH_DRIVER`` picks the default::

        hashed = Hash.make('secret')
        Hash.check('secret', hashed)          # True
        Hash.driver('argon2id').make('secret')

    Laravel: ``Illuminate\\Hashing\\HashManager``.
    """

    def create_bcrypt_driver(self) -> BcryptHasher:
        """Build the bcrypt hasher. Laravel: ``HashManager::createBcryptDriver()``."""
        return BcryptHasher(self.config.get("hashing.bcrypt") or {})

    def create_argon_driver(self) -> ArgonHasher:
        """Build the Argon2i hasher. Laravel: ``HashManager::createArgonDriver()``."""
        return ArgonHasher(self.config.get("hashing.argon") or {})

    def create_argon2id_driver(self) -> Argon2IdHasher:
        """Build the Argon2id hasher. Laravel: ``HashManager::createArgon2idDriver()``."""
        return Argon2IdHasher(self.config.get("hashing.argon") or {})

    def info(self, hashed_value: t.Any) -> dict[str, t.Any]:
        """Get information about a hash (algorithm and options).

        Laravel: ``HashManager::info()``.
        """
        return t.cast(dict[str, t.Any], self.driver().info(hashed_value))

    def make(
        self, value: t.Any, options: Options | None = None, **overrides: t.Any
    ) -> str:
        """Hash ``value`` with the default driver.

        Laravel: ``HashManager::make()``.
        """
        return t.cast(str, self.driver().make(value, options, **overrides))

    def check(
        self,
        value: t.Any,
        hashed_value: t.Any,
        options: Options | None = None,
        **overrides: t.Any,
    ) -> bool:
        """Check a plain value against a hash with the default driver.

        Laravel: ``HashManager::check()``.
        """
        return bool(self.driver().check(value, hashed_value, options, **overrides))

    def needs_rehash(
        self, hashed_value: t.Any, options: Options | None = None, **overrides: t.Any
    ) -> bool:
        """Determine if a hash was made with other options than the default driver's.

        Laravel: ``HashManager::needsRehash()``.
        """
        return bool(self.driver().needs_rehash(hashed_value, options, **overrides))

    def is_hashed(self, value: t.Any) -> bool:
        """Determine if ``value`` already is a hash (bcrypt or Argon2).

        Laravel: ``HashManager::isHashed()``.
        """
        return self.driver().info(value)["algo"] is not None

    def verify_configuration(self, value: t.Any) -> bool:
        """Determine if a hash uses the default driver's algorithm at costs no higher
        than configured (drivers without the check accept every hash).

        Laravel: ``HashManager::verifyConfiguration()``.
        """
        verify = getattr(self.driver(), "verify_configuration", None)
        return bool(verify(value)) if callable(verify) else True

    def get_default_driver(self) -> str:
        """Return the default driver name (``hashing.driver``, ``bcrypt`` if unset).

        Laravel: ``HashManager::getDefaultDriver()``.
        """
        return str(self.config.get("hashing.driver") or "bcrypt")
