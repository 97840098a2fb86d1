"""Random strings, passwords, UUIDs and ULIDs for ``Str``, with testing hooks.

Laravel: ``Str::random()``, ``password()``, ``uuid()``, ``uuid7()``,
``orderedUuid()``, ``ulid()`` and the ``createUuidsUsing()`` family. Everything
random comes from :mod:`secrets`, so values are safe for tokens and passwords.
"""

from __future__ import annotations

import datetime as dt
import re
import string
import threading
import time as time_module
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    import uuid as uuid_module

_Factory = t.Callable[..., t.Any]

# Crockford's base32, the ULID alphabet.
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_ULID_PATTERN = re.compile(r"[0-7][0-9A-HJKMNP-TV-Z]{25}\Z", re.IGNORECASE)
_UUID_PATTERN = re.compile(r"[\da-fA-F]{8}(-[\da-fA-F]{4}){3}-[\da-fA-F]{12}\Z")
_ALPHANUMERIC = string.ascii_letters + string.digits

_PASSWORD_SETS = {
    "letters": string.ascii_lowercase + string.ascii_uppercase,
    "numbers": string.digits,
    "symbols": "~!#$%^&*()-_.,<>?/\\{}[]|:;",
    "spaces": " ",
}

_factories: dict[str, _Factory | None] = {"uuid": None, "ulid": None, "random": None}
_ulid_lock = threading.Lock()
_ulid_last: list[int] = [0, 0]  # last timestamp (ms), last random part


class Ulid(CamelAliases):
    """Hold one ULID: 48 bits of milliseconds then 80 random bits, in base32.

    ``str(ulid)`` is the 26-character canonical (upper-case) form; it compares
    equal to that string in any case. Laravel: ``Symfony\\Component\\Uid\\Ulid``.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str | None = None) -> None:
        if value is None:
            value = _encode_ulid(*_next_ulid_parts(None))
        if not Ulid.is_valid(value):
            raise InvalidArgumentError(
                f"Value [{value}] is not a valid ULID; expected 26 Crockford base32 "
                "characters."
            )
        self._value = value.upper()

    @staticmethod
    def is_valid(value: object) -> bool:
        """Determine if ``value`` is a ULID string."""
        return isinstance(value, str) and _ULID_PATTERN.match(value) is not None

    @classmethod
    def generate(cls, time: dt.datetime | None = None) -> Ulid:
        """Create a ULID for ``time`` (now by default)."""
        return cls(_encode_ulid(*_next_ulid_parts(time)))

    @property
    def timestamp(self) -> int:
        """Return the creation time in milliseconds since the Unix epoch."""
        return _decode_base32(self._value[:10])

    def to_datetime(self) -> dt.datetime:
        """Return the creation time as an aware UTC datetime."""
        return dt.datetime.fromtimestamp(self.timestamp / 1000, tz=dt.UTC)

    def __str__(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"Ulid('{self._value}')"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Ulid):
            return self._value == other._value
        if isinstance(other, str):
            return self._value == other.upper()
        return NotImplemented

    def __lt__(self, other: Ulid) -> bool:
        return self._value < str(other).upper()

    def __hash__(self) -> int:
        return hash(self._value)


def _decode_base32(text: str) -> int:
    number = 0
    for char in text.upper():
        number = number * 32 + _CROCKFORD.index(char)
    return number


def _encode_ulid(millis: int, randomness: int) -> str:
    number = (millis << 80) | randomness
    chars = []
    for _ in range(26):
        chars.append(_CROCKFORD[number & 31])
        number >>= 5
    return "".join(reversed(chars))


def _millis(time: dt.datetime | None) -> int:
    if time is None:
        return time_module.time_ns() // 1_000_000
    return int(time.timestamp() * 1000)


def _next_ulid_parts(time: dt.datetime | None) -> tuple[int, int]:
    """Return (ms, random) so ULIDs made in the same millisecond still sort."""
    import secrets

    millis = _millis(time)
    with _ulid_lock:
        if time is None and millis <= _ulid_last[0] and _ulid_last[1] < 2**80 - 1:
            millis, randomness = _ulid_last[0], _ulid_last[1] + 1
        else:
            randomness = secrets.randbits(80)
        if time is None:
            _ulid_last[:] = [millis, randomness]
    return millis, randomness


def _uuid7(time: dt.datetime | None = None) -> uuid_module.UUID:
    """Build a version 7 UUID: 48-bit ms timestamp, version, variant, randomness."""
    import secrets

    value = (_millis(time) & (2**48 - 1)) << 80
    value |= 0x7 << 76
    value |= secrets.randbits(12) << 64
    value |= 0b10 << 62
    value |= secrets.randbits(62)
    import uuid as uuid_module

    return uuid_module.UUID(int=value)


class GeneratesIdentifiers(CamelAliases):
    """Give ``Str`` its random-value generators and their fakes for tests.

    Laravel: the generator half of ``Illuminate\\Support\\Str``.
    """

    __slots__ = ()

    @staticmethod
    def random(length: int = 16) -> str:
        """Return a cryptographically secure random string of letters and digits.

        Laravel: ``Str::random()``.
        """
        import secrets

        if length < 0:
            raise InvalidArgumentError(
                f"Random string length [{length}] must be zero or more."
            )
        factory = _factories["random"]
        if factory is not None:
            return str(factory(length))
        return "".join(secrets.choice(_ALPHANUMERIC) for _ in range(length))

    @staticmethod
    def create_random_strings_using(factory: _Factory | None = None) -> None:
        """Make :meth:`random` return ``factory(length)``.

        Laravel: ``Str::createRandomStringsUsing()``.
        """
        _factories["random"] = factory

    @staticmethod
    def create_random_strings_using_sequence(
        sequence: t.Sequence[str], when_missing: _Factory | None = None
    ) -> None:
        """Make :meth:`random` return ``sequence`` items in order, then random ones."""
        GeneratesIdentifiers._use_sequence("random", sequence, when_missing)

    @staticmethod
    def create_random_strings_normally() -> None:
        """Make :meth:`random` random again.

        Laravel: ``Str::createRandomStringsNormally()``.
        """
        _factories["random"] = None

    @staticmethod
    def password(
        length: int = 32,
        letters: bool = True,
        numbers: bool = True,
        symbols: bool = True,
        spaces: bool = False,
    ) -> str:
        """Return a secure random password with one character of each chosen kind.

        Laravel: ``Str::password()``.
        """
        import secrets

        chosen = {"letters": letters, "numbers": numbers}
        chosen.update(symbols=symbols, spaces=spaces)
        pools = [_PASSWORD_SETS[name] for name, wanted in chosen.items() if wanted]
        if not pools:
            raise InvalidArgumentError(
                "Password needs at least one character set [letters, numbers, "
                "symbols, spaces]; enable one."
            )
        if length < 1:
            raise InvalidArgumentError(f"Password length [{length}] must be 1 or more.")
        everything = "".join(pools)
        chars = [secrets.choice(pool) for pool in pools][:length]
        chars += [secrets.choice(everything) for _ in range(length - len(chars))]
        secrets.SystemRandom().shuffle(chars)
        return "".join(chars)

    @staticmethod
    def uuid() -> uuid_module.UUID:
        """Return a random (version 4) UUID; Laravel: ``Str::uuid()``."""
        factory = _factories["uuid"]
        if factory is not None:
            return factory()
        import uuid as uuid_module

        return uuid_module.uuid4()

    @staticmethod
    def uuid7(time: dt.datetime | None = None) -> uuid_module.UUID:
        """Return a time-ordered (version 7) UUID; Laravel: ``Str::uuid7()``."""
        factory = _factories["uuid"]
        return factory() if factory is not None else _uuid7(time)

    @staticmethod
    def ordered_uuid() -> uuid_module.UUID:
        """Return a UUID that sorts after earlier ones; Laravel: ``Str::orderedUuid()``.

        Protevus uses the standard version 7 layout for this.
        """
        return GeneratesIdentifiers.uuid7()

    @staticmethod
    def create_uuids_using(factory: _Factory | None = None) -> None:
        """Make the UUID methods return ``factory()``.

        Laravel: ``Str::createUuidsUsing()``.
        """
        _factories["uuid"] = factory

    @staticmethod
    def create_uuids_using_sequence(
        sequence: t.Sequence[t.Any], when_missing: _Factory | None = None
    ) -> None:
        """Make :meth:`uuid` return ``sequence`` items in order, then fresh UUIDs."""
        GeneratesIdentifiers._use_sequence("uuid", sequence, when_missing)

    @staticmethod
    def freeze_uuids(
        callback: t.Callable[[uuid_module.UUID], t.Any] | None = None,
    ) -> uuid_module.UUID:
        """Make every later :meth:`uuid` return one UUID, and return it.

        With ``callback`` the freeze only lasts while it runs. Laravel:
        ``Str::freezeUuids()``.
        """
        frozen = GeneratesIdentifiers.uuid()
        _factories["uuid"] = lambda: frozen
        if callback is not None:
            try:
                callback(frozen)
            finally:
                _factories["uuid"] = None
        return frozen

    @staticmethod
    def create_uuids_normally() -> None:
        """Make the UUID methods random again.

        Laravel: ``Str::createUuidsNormally()``.
        """
        _factories["uuid"] = None

    @staticmethod
    def ulid(time: dt.datetime | None = None) -> Ulid:
        """Return a new ULID (sortable, 26 characters); Laravel: ``Str::ulid()``."""
        factory = _factories["ulid"]
        if factory is not None:
            made = factory()
            return made if isinstance(made, Ulid) else Ulid(str(made))
        return Ulid.generate(time)

    @staticmethod
    def create_ulids_using(factory: _Factory | None = None) -> None:
        """Make :meth:`ulid` return ``factory()``.

        Laravel: ``Str::createUlidsUsing()``.
        """
        _factories["ulid"] = factory

    @staticmethod
    def create_ulids_using_sequence(
        sequence: t.Sequence[t.Any], when_missing: _Factory | None = None
    ) -> None:
        """Make :meth:`ulid` return ``sequence`` items in order, then fresh ULIDs."""
        GeneratesIdentifiers._use_sequence("ulid", sequence, when_missing)

    @staticmethod
    def freeze_ulids(callback: t.Callable[[Ulid], t.Any] | None = None) -> Ulid:
        """Make every later :meth:`ulid` return one ULID, and return it.

        Laravel: ``Str::freezeUlids()``.
        """
        frozen = GeneratesIdentifiers.ulid()
        _factories["ulid"] = lambda: frozen
        if callback is not None:
            try:
                callback(frozen)
            finally:
                _factories["ulid"] = None
        return frozen

    @staticmethod
    def create_ulids_normally() -> None:
        """Make :meth:`ulid` random again; Laravel: ``Str::createUlidsNormally()``."""
        _factories["ulid"] = None

    @staticmethod
    def is_uuid(value: object, version: int | str | None = None) -> bool:
        """Determine if ``value`` is a UUID string, optionally of one ``version``.

        ``version`` may be 1-8, ``0``/``'nil'`` or ``'max'``.
        Laravel: ``Str::isUuid()``.
        """
        if not isinstance(value, str) or _UUID_PATTERN.match(value) is None:
            return False
        if version is None:
            return True
        hex_ = value.replace("-", "").lower()
        if version in (0, "nil"):
            return hex_ == "0" * 32
        if version == "max":
            return hex_ == "f" * 32
        return hex_[16] in "89ab" and int(hex_[12], 16) == version

    @staticmethod
    def is_ulid(value: object) -> bool:
        """Determine if ``value`` is a ULID string; Laravel: ``Str::isUlid()``."""
        return Ulid.is_valid(value)

    @staticmethod
    def _use_sequence(
        kind: str, sequence: t.Sequence[t.Any], when_missing: _Factory | None
    ) -> None:
        items = list(sequence)
        position = [0]

        def fresh(*args: t.Any) -> t.Any:
            saved, _factories[kind] = _factories[kind], None
            try:
                if kind == "random":
                    return GeneratesIdentifiers.random(*args)
                return getattr(GeneratesIdentifiers, kind)()
            finally:
                _factories[kind] = saved

        def factory(*args: t.Any) -> t.Any:
            index = position[0]
            position[0] += 1
            if index < len(items):
                return items[index]
            return (when_missing or fresh)(*args)

        _factories[kind] = factory
