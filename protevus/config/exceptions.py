"""Errors raised while loading the environment and the configuration.

Laravel: the ``RuntimeException`` of ``Env::getOrFail()`` and the ``LogicException``
of ``config:cache`` ("Your configuration files are not serializable.").
"""

from __future__ import annotations

from protevus.exceptions import ProtevusError


class ConfigError(ProtevusError):
    """Signal a configuration file, cache or environment file that cannot be used.

    Laravel: the exceptions of ``LoadConfiguration`` and ``ConfigCacheCommand``.
    """


class ConfigNotSerializableError(ConfigError, TypeError):
    """Signal a configuration value that cannot be written to the config cache.

    Laravel: ``LogicException('Your configuration files are not serializable.')``.
    """

    def __init__(self, key: str, value: object, *, as_key: bool = False) -> None:
        self.key = key
        self.value = value
        held = (
            f"has the non-string key [{value!r}] ({type(value)!r})"
            if as_key
            else f"holds a {type(value)!r}"
        )
        super().__init__(
            f"Your configuration files are not serializable: [{key}] {held}. "
            "Store plain values (str, int, float, bool, None, list, dict with "
            "string keys) or a dotted class path instead."
        )


class MissingEnvironmentVariableError(ConfigError, LookupError):
    """Signal that a required environment variable is not set.

    Laravel: ``RuntimeException('Environment variable [KEY] has no value.')`` from
    ``Env::getOrFail()``.
    """

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(
            f"Environment variable [{key}] has no value. Set it in the process "
            "environment or in the application's .env file."
        )
