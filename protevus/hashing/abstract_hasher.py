"""The base of every hasher: PHP's ``password_get_info()`` and ``password_verify()``.

Laravel: ``Illuminate\\Hashing\\AbstractHasher``.
"""

from __future__ import annotations

import re
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.hashing.exceptions import HashingError
from protevus.support.aliases import CamelAliases

#: A bcrypt hash in crypt(3) form. PHP writes ``$2y$``; Python's bcrypt writes
#: ``$2b$``; old libraries ``$2a$``. All three compute the same hash.
_BCRYPT = re.compile(r"^\$(2[aby])\$(\d{2})\$[./A-Za-z0-9]{53}$")
_ARGON = re.compile(r"^\$(argon2id|argon2i)\$")
_ARGON_PARAMETERS = re.compile(
    r"^\$argon2(?:id|i)\$(?:v=\d+\$)?m=(\d+),t=(\d+),p=(\d+)\$"
)

#: PHP's ``PASSWORD_ARGON2_*`` defaults, reported when a hash hides its parameters.
_ARGON_DEFAULTS = {"memory_cost": 65536, "time_cost": 4, "threads": 1}

#: bcrypt reads at most this many bytes of the value; PHP ignores the rest.
BCRYPT_MAX_BYTES = 72

Options = t.Mapping[str, t.Any]


def password_info(hashed: t.Any) -> dict[str, t.Any]:
    """Describe a hash: its algorithm and the options it was made with.

    Returns ``{'algo': '2y' | 'argon2i' | 'argon2id' | None, 'algoName':
    'bcrypt' | 'argon2i' | 'argon2id' | 'unknown', 'options': {...}}``. Unlike
    PHP, the ``$2a$`` and ``$2b$`` bcrypt spellings count as bcrypt too.

    Laravel: PHP's ``password_get_info()``.
    """
    text = as_text(hashed)
    if text is not None:
        bcrypt = _BCRYPT.match(text)
        if bcrypt:
            return {
                "algo": "2y",
                "algoName": "bcrypt",
                "options": {"cost": int(bcrypt.group(2))},
            }
        argon = _ARGON.match(text)
        if argon:
            name = argon.group(1)
            parameters = argon_parameters(text)
            options = (
                dict(zip(_ARGON_DEFAULTS, parameters, strict=True))
                if parameters
                else dict(_ARGON_DEFAULTS)
            )
            return {"algo": name, "algoName": name, "options": options}
    return {"algo": None, "algoName": "unknown", "options": {}}


def argon_parameters(hashed: str) -> tuple[int, int, int] | None:
    """Return ``(memory_cost, time_cost, threads)`` of an Argon2 hash, or ``None``."""
    match = _ARGON_PARAMETERS.match(hashed)
    if match is None:
        return None
    memory, time, threads = (int(part) for part in match.groups())
    return memory, time, threads


def password_verify(value: t.Any, hashed: t.Any) -> bool:
    """Check ``value`` against a bcrypt or Argon2 hash in constant time.

    Hashes of other algorithms (and malformed hashes) never match.

    Laravel: PHP's ``password_verify()``.
    """
    text = as_text(hashed)
    if not text:
        return False
    if value is None or isinstance(value, bool | list | tuple | dict | set):
        # A missing or array password (request input) never matches, as in PHP;
        # raising here would turn a bad login form into a 500.
        return False
    algorithm = password_info(text)["algoName"]
    if algorithm == "bcrypt":
        return _bcrypt_verify(to_bytes(value), text)
    if algorithm in ("argon2i", "argon2id"):
        return _argon_verify(to_bytes(value), text)
    return False


def to_bytes(value: t.Any) -> bytes:
    """Return the bytes to hash: ``str`` as UTF-8, ``bytes`` as is, numbers as text.

    Laravel: PHP's string coercion of ``$value``.
    """
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, bool) or value is None or not isinstance(value, int | float):
        raise TypeError(
            f"Cannot hash a value of type [{type(value).__name__}]; pass a str or bytes."
        )
    return str(value).encode("utf-8")


def as_text(hashed: t.Any) -> str | None:
    """Return a hash as ``str`` (``bytes`` decoded as ASCII), or ``None`` if it is neither."""
    if isinstance(hashed, bytes):
        try:
            return hashed.decode("ascii")
        except UnicodeDecodeError:
            return None
    return hashed if isinstance(hashed, str) else None


def _bcrypt_verify(secret: bytes, hashed: str) -> bool:
    import bcrypt

    # Hand Python's bcrypt its own $2b$ spelling (the computation is the same),
    # and cut the value at 72 bytes as PHP does: bcrypt 5 refuses longer values.
    canonical = ("$2b$" + hashed[4:]).encode("ascii")
    try:
        return bcrypt.checkpw(secret[:BCRYPT_MAX_BYTES], canonical)
    except ValueError:
        return False


def _argon_verify(secret: bytes, hashed: str) -> bool:
    from argon2 import PasswordHasher
    from argon2.exceptions import VerificationError

    try:
        # verify() reads the variant (i or id) from the hash itself.
        return PasswordHasher().verify(hashed, secret)
    except (VerificationError, ValueError):
        return False


class AbstractHasher(CamelAliases):
    """Share ``info()`` and ``check()`` between the bcrypt and Argon2 hashers.

    Subclasses implement ``make()``, ``needs_rehash()`` and ``verify_configuration()``.

    Laravel: ``Illuminate\\Hashing\\AbstractHasher``.
    """

    #: the algorithm named when ``verify`` refuses another algorithm's hash.
    algorithm_label: t.ClassVar[str] = ""
    #: refuse to check hashes of another algorithm (``hashing.<driver>.verify``).
    verify_algorithm: bool = False

    def info(self, hashed_value: t.Any) -> dict[str, t.Any]:
        """Get information about the given hashed value.

        Laravel: ``AbstractHasher::info()``.
        """
        return password_info(hashed_value)

    def check(
        self,
        value: t.Any,
        hashed_value: t.Any,
        options: Options | None = None,
        **overrides: t.Any,
    ) -> bool:
        """Check the plain ``value`` against a hash; an empty hash never matches.

        With ``verify`` on, a hash of another algorithm raises instead.

        Laravel: ``AbstractHasher::check()`` (and the drivers' ``check()``).
        """
        if not hashed_value:
            return False
        if self.verify_algorithm and not self.is_using_correct_algorithm(hashed_value):
            raise HashingError(
                f"This password does not use the {self.algorithm_label} algorithm."
            )
        return password_verify(value, hashed_value)

    def is_using_correct_algorithm(self, hashed_value: t.Any) -> bool:
        """Tell whether the hash uses this hasher's algorithm (any, by default)."""
        return True

    def make(
        self, value: t.Any, options: Options | None = None, **overrides: t.Any
    ) -> str:
        """Hash the given value (subclasses implement it).

        Laravel: ``Hasher::make()``.
        """
        raise NotImplementedError(
            f"Hasher [{type(self).__name__}] must implement make()."
        )

    def needs_rehash(
        self, hashed_value: t.Any, options: Options | None = None, **overrides: t.Any
    ) -> bool:
        """Determine if the hash was made with other options (subclasses implement it).

        Laravel: ``Hasher::needsRehash()``.
        """
        raise NotImplementedError(
            f"Hasher [{type(self).__name__}] must implement needs_rehash()."
        )

    def verify_configuration(self, value: t.Any) -> bool:
        """Determine if the hash uses this algorithm with costs no higher than configured.

        Laravel: ``BcryptHasher::verifyConfiguration()`` (``@internal``).
        """
        return True


def merge_options(options: Options | None, overrides: Options) -> dict[str, t.Any]:
    """Return ``options`` updated with keyword ``overrides`` (``rounds=10``)."""
    merged = dict(options or {})
    merged.update(overrides)
    return merged


def config_flag(value: t.Any) -> bool:
    """Return a config switch as a bool (``'0'``, ``''``, ``'false'``, ``'off'`` are false)."""
    if isinstance(value, str):
        return value.strip().lower() not in ("", "0", "false", "off", "no")
    return bool(value)


def int_option(options: Options, key: str, default: int) -> int:
    """Return the integer option ``key`` (``default`` when missing or empty)."""
    raw = options.get(key)
    if raw is None or raw == "":
        return default
    if isinstance(raw, bool):
        raise InvalidArgumentError(
            f"Hashing option [{key}] must be an integer, [{raw!r}] given."
        )
    try:
        return int(raw)
    except (TypeError, ValueError):
        raise InvalidArgumentError(
            f"Hashing option [{key}] must be an integer, [{raw!r}] given."
        ) from None
