"""Read the application's ``.env`` file into the process environment and cast values.

Laravel: ``Illuminate\\Support\\Env``, ``env()`` and the ``LoadEnvironmentVariables``
bootstrapper (vlucas/phpdotenv with an immutable repository).

Loading rules (:func:`load_environment`):

* ``.env`` is parsed with python-dotenv's parser: ``# comments``, blank lines,
  ``export KEY=value``, quoted values with spaces and ``KEY=value # comment``.
* ``${VAR}`` (and ``${VAR:-default}``) in unquoted or double-quoted values refers to
  keys defined earlier in the file or to real OS variables; single-quoted values are
  taken literally, as in phpdotenv.
* Real OS environment variables always win over file values, also inside
  ``${VAR}`` (Laravel's immutable repository).
* When ``APP_ENV`` is set (by the OS, else by ``.env``) and ``.env.{APP_ENV}`` exists,
  its values override those of ``.env`` -- never those of the OS.
* The values are written to ``os.environ`` (child processes see them) and remembered:
  :meth:`Env.reset` -- and every later :func:`load_environment` -- removes them
  again, so a second application in the same process starts clean.
* A missing ``.env`` is not an error. A line python-dotenv cannot parse (``FOO BAR``,
  an unterminated quote) is skipped: it is logged as a warning on the
  ``protevus.config.env`` logger (never a Python warning) and listed by
  :meth:`Env.skipped_lines`; the other lines still load. Laravel would refuse the
  whole file instead.
"""

from __future__ import annotations

import io
import logging
import os
import typing as t
from collections import ChainMap
from pathlib import Path

from protevus.config.exceptions import ConfigError
from protevus.config.exceptions import MissingEnvironmentVariableError
from protevus.support.aliases import CamelAliases
from protevus.support.helpers import value

logger = logging.getLogger(__name__)

_LITERALS: dict[str, t.Any] = {
    "true": True,
    "(true)": True,
    "false": False,
    "(false)": False,
    "empty": "",
    "(empty)": "",
    "null": None,
    "(null)": None,
}

_MISSING = object()


def cast(raw: str) -> t.Any:
    """Cast a raw environment string the way Laravel's ``env()`` does.

    ``true``/``(true)`` → ``True``, ``false``/``(false)`` → ``False``,
    ``empty``/``(empty)`` → ``''``, ``null``/``(null)`` → ``None`` (any case); one
    pair of surrounding ``"`` or ``'`` quotes is stripped; anything else is returned
    unchanged.

    Laravel: the value mapping inside ``Env::getOption()``.
    """
    if len(raw) <= 7:
        found = _LITERALS.get(raw.lower(), _MISSING)
        if found is not _MISSING:
            return found
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        return raw[1:-1]
    return raw


def _single_quoted(statement: str) -> bool:
    """Tell whether the value of a ``KEY=value`` statement is single-quoted."""
    _, _, rest = statement.partition("=")
    return rest.lstrip().startswith("'")


class Env(CamelAliases):
    """Read environment variables with Laravel's casts; load and unload ``.env`` files.

    The state is process-wide (the environment is), so every method is a class or
    static method.

    Laravel: ``Illuminate\\Support\\Env``.
    """

    _set_values: t.ClassVar[dict[str, str]] = {}
    _files: t.ClassVar[list[Path]] = []
    _skipped: t.ClassVar[list[tuple[Path, int]]] = []
    _loaded: t.ClassVar[bool] = False

    @staticmethod
    def get(key: str, default: t.Any = None) -> t.Any:
        """Return environment variable ``key`` cast like Laravel, or ``default``.

        A callable ``default`` is called only when the variable is not set.

        Laravel: ``Env::get()``.
        """
        raw = os.environ.get(key)
        if raw is None:
            return value(default)
        return cast(raw)

    @staticmethod
    def get_or_fail(key: str) -> t.Any:
        """Return environment variable ``key`` cast like Laravel, or raise if unset.

        The literal ``null`` is a value (it returns ``None``); only a missing
        variable raises :class:`MissingEnvironmentVariableError`.

        Laravel: ``Env::getOrFail()``.
        """
        raw = os.environ.get(key)
        if raw is None:
            raise MissingEnvironmentVariableError(key)
        return cast(raw)

    @classmethod
    def load(cls, base_path: str | os.PathLike[str], file: str = ".env") -> None:
        """Load ``file`` (then ``file.{APP_ENV}``) from ``base_path`` into the env.

        Values loaded earlier by this class are removed first. See the module
        docstring for the precedence rules.

        Laravel: ``LoadEnvironmentVariables::bootstrap()``.
        """
        cls.reset()
        base = Path(base_path)
        real = dict(os.environ)
        merged: dict[str, str] = {}
        files: list[Path] = []
        main = base / file
        if main.is_file():
            merged.update(cls._read(main, real, {}))
            files.append(main)
        app_env = real.get("APP_ENV") or merged.get("APP_ENV")
        if app_env:
            overlay = base / f"{file}.{app_env}"
            if overlay.is_file():
                merged.update(cls._read(overlay, real, merged))
                files.append(overlay)
        for key, val in merged.items():
            if key in real:
                continue
            os.environ[key] = val
            cls._set_values[key] = val
        cls._files = files
        cls._loaded = True

    @classmethod
    def reset(cls) -> None:
        """Remove from ``os.environ`` every value a previous :meth:`load` put there.

        A variable changed since (by the application or a test) is left alone.

        Laravel: none; PHP starts every request with a fresh environment.
        """
        for key, val in cls._set_values.items():
            if os.environ.get(key) == val:
                del os.environ[key]
        cls._set_values = {}
        cls._files = []
        cls._skipped = []
        cls._loaded = False

    @classmethod
    def loaded(cls) -> bool:
        """Determine whether :meth:`load` ran for the current application.

        ``False`` after :meth:`reset` -- so an application that booted from the
        config cache (and skipped ``.env``) can tell ``env()`` sees only real OS
        variables, as in Laravel after ``config:cache``.

        Laravel: ``$app->configurationIsCached()`` deciding whether ``.env`` loads.
        """
        return cls._loaded

    @classmethod
    def loaded_files(cls) -> list[Path]:
        """Return the environment files the last :meth:`load` read, in order."""
        return list(cls._files)

    @classmethod
    def loaded_keys(cls) -> list[str]:
        """Return the keys the last :meth:`load` put into ``os.environ``."""
        return list(cls._set_values)

    @classmethod
    def skipped_lines(cls) -> list[tuple[Path, int]]:
        """Return ``(file, line number)`` of each line the last load could not parse."""
        return list(cls._skipped)

    @classmethod
    def _read(
        cls, path: Path, real: t.Mapping[str, str], earlier: t.Mapping[str, str]
    ) -> dict[str, str]:
        """Parse one environment file, resolving ``${VAR}`` with OS variables first."""
        # Imported here: an app without a .env file (tests, containers) never pays for it.
        from dotenv.parser import parse_stream
        from dotenv.variables import parse_variables

        values: dict[str, str] = {}
        scope: ChainMap[str, str] = ChainMap(dict(real), values, dict(earlier))
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as error:
            raise ConfigError(
                f"The environment file [{path}] is not valid UTF-8 ({error.reason} "
                f"at byte {error.start}). Save it as UTF-8."
            ) from None
        for binding in parse_stream(io.StringIO(text)):
            if binding.error:
                line = binding.original.line
                cls._skipped.append((path, line))
                logger.warning(
                    "Skipped line %d of [%s]: it is not a KEY=value statement. "
                    "Quote values that contain spaces.",
                    line,
                    path,
                )
                continue
            if binding.key is None or binding.value is None:
                continue
            if _single_quoted(binding.original.string):
                values[binding.key] = binding.value
            else:
                atoms = parse_variables(binding.value)
                values[binding.key] = "".join(atom.resolve(scope) for atom in atoms)
        return values


def env(key: str, default: t.Any = None) -> t.Any:
    """Return environment variable ``key`` cast like Laravel, or ``default``.

    Laravel: ``env($key, $default)``.
    """
    return Env.get(key, default)


def load_environment(base_path: str | os.PathLike[str], file: str = ".env") -> None:
    """Load ``base_path/.env`` and its ``.env.{APP_ENV}`` overlay into ``os.environ``.

    Laravel: the ``LoadEnvironmentVariables`` bootstrapper.
    """
    Env.load(base_path, file)
