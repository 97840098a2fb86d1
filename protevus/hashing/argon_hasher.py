"""Hash values with Argon2i, in PHP's ``$argon2i$v=19$m=...,t=...,p=...$`` format.

Laravel: ``Illuminate\\Hashing\\ArgonHasher``.
"""

from __future__ import annotations

import typing as t

from protevus.hashing.abstract_hasher import AbstractHasher
from protevus.hashing.abstract_hasher import Options
from protevus.hashing.abstract_hasher import argon_parameters
from protevus.hashing.abstract_hasher import as_text
from protevus.hashing.abstract_hasher import config_flag
from protevus.hashing.abstract_hasher import int_option
from protevus.hashing.abstract_hasher import merge_options
from protevus.hashing.abstract_hasher import to_bytes
from protevus.hashing.exceptions import HashingError

if t.TYPE_CHECKING:
    from argon2 import Type


class ArgonHasher(AbstractHasher):
    """Make and check Argon2i hashes with argon2-cffi (the same format as PHP's).

    Options (the ``hashing.argon`` config): ``memory`` (KiB, default 1024),
    ``time`` (iterations, default 2), ``threads`` (default 2) and ``verify``
    (refuse to check hashes of other algorithms).

    Laravel: ``Illuminate\\Hashing\\ArgonHasher``.
    """

    #: the ``algoName`` of the hashes this hasher makes.
    algorithm_name: t.ClassVar[str] = "argon2i"
    #: the algorithm's name in error messages.
    algorithm_label: t.ClassVar[str] = "Argon2i"

    def __init__(self, options: Options | None = None) -> None:
        options = options or {}
        self.memory = int_option(options, "memory", 1024)
        self.time = int_option(options, "time", 2)
        self.threads = int_option(options, "threads", 2)
        self.verify_algorithm = config_flag(options.get("verify", False))

    def make(
        self, value: t.Any, options: Options | None = None, **overrides: t.Any
    ) -> str:
        """Hash ``value`` with the configured costs (or ``memory=``/``time=``/``threads=``).

        Laravel: ``ArgonHasher::make()``.
        """
        from argon2 import PasswordHasher
        from argon2.exceptions import HashingError as Argon2Error

        memory, time, threads = self._parameters(merge_options(options, overrides))
        try:
            # PHP's libargon2 defaults: a 16-byte salt and a 32-byte hash.
            hasher = PasswordHasher(
                time_cost=time,
                memory_cost=memory,
                parallelism=threads,
                hash_len=32,
                salt_len=16,
                type=self.algorithm(),
            )
            return hasher.hash(to_bytes(value))
        except (Argon2Error, ValueError) as error:
            raise HashingError(
                f"Argon2 hashing failed with memory [{memory}], time [{time}] and "
                f"threads [{threads}]: {error}. Check the hashing.argon config."
            ) from error

    def algorithm(self) -> Type:
        """Return the argon2-cffi variant this hasher makes.

        Laravel: ``ArgonHasher::algorithm()`` (``PASSWORD_ARGON2I``).
        """
        from argon2 import Type

        return Type.I

    def needs_rehash(
        self, hashed_value: t.Any, options: Options | None = None, **overrides: t.Any
    ) -> bool:
        """Determine if the hash uses another variant or other memory/time/threads.

        Laravel: ``ArgonHasher::needsRehash()``.
        """
        if not self.is_using_correct_algorithm(hashed_value):
            return True
        found = argon_parameters(as_text(hashed_value) or "")
        return found != self._parameters(merge_options(options, overrides))

    def verify_configuration(self, value: t.Any) -> bool:
        """Determine if ``value`` uses this variant with costs at most the configured ones.

        Laravel: ``ArgonHasher::verifyConfiguration()``.
        """
        return self.is_using_correct_algorithm(value) and self.is_using_valid_options(
            value
        )

    def is_using_correct_algorithm(self, hashed_value: t.Any) -> bool:
        """Determine if the hash uses this hasher's Argon2 variant.

        Laravel: ``ArgonHasher::isUsingCorrectAlgorithm()``.
        """
        return bool(self.info(hashed_value)["algoName"] == self.algorithm_name)

    def is_using_valid_options(self, hashed_value: t.Any) -> bool:
        """Determine if the hash's memory, time and threads are not above the configured ones.

        Laravel: ``ArgonHasher::isUsingValidOptions()``.
        """
        found = argon_parameters(as_text(hashed_value) or "")
        if found is None:
            return False
        memory, time, threads = found
        return memory <= self.memory and time <= self.time and threads <= self.threads

    def set_memory(self, memory: int) -> ArgonHasher:
        """Set the default memory cost (KiB). Laravel: ``ArgonHasher::setMemory()``."""
        self.memory = int(memory)
        return self

    def set_time(self, time: int) -> ArgonHasher:
        """Set the default time cost. Laravel: ``ArgonHasher::setTime()``."""
        self.time = int(time)
        return self

    def set_threads(self, threads: int) -> ArgonHasher:
        """Set the default number of threads. Laravel: ``ArgonHasher::setThreads()``."""
        self.threads = int(threads)
        return self

    def _parameters(self, options: Options) -> tuple[int, int, int]:
        return (
            int_option(options, "memory", self.memory),
            int_option(options, "time", self.time),
            int_option(options, "threads", self.threads),
        )
