"""Keep cache items as JSON files under ``storage/framework/cache/data``.

Laravel: ``Illuminate\\Cache\\FileStore``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import threading
import typing as t
from pathlib import Path

from protevus.cache.store import FOREVER
from protevus.cache.store import Clock
from protevus.cache.store import Store
from protevus.cache.store import serialize

try:  # POSIX: lock across processes (gunicorn workers) as well as threads
    import fcntl
except ImportError:  # pragma: no cover - Windows: one process only
    fcntl = None  # type: ignore[assignment]

_PROCESS_LOCK = threading.RLock()


class FileStore(Store):
    """Write one file per key, named by the key's SHA-1 in two levels of folders.

    Each file holds ``{"expiration": <unix time>, "value": <json>}``. Writes go to
    a temporary file first and replace the old one, so a reader never sees half
    a file; ``add`` and ``increment`` hold an exclusive lock on the key (``flock``),
    so workers on one machine agree.

    Laravel: ``Illuminate\\Cache\\FileStore``.
    """

    def __init__(
        self,
        directory: str | os.PathLike[str],
        file_permission: int | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__("", clock)
        self._directory = Path(directory)
        self._permission = file_permission

    # -- paths and payloads -------------------------------------------------------

    def path(self, key: str) -> Path:
        """Return the file of ``key``. Laravel: ``FileStore::path()``."""
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()
        return self._directory / digest[0:2] / digest[2:4] / digest

    def _read(self, path: Path) -> tuple[t.Any, float] | None:
        """Return (value, expiration) of a live file, deleting an expired or broken one."""
        try:
            raw = path.read_text(encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError):
            return None
        try:
            payload = json.loads(raw)
            expiration = float(payload["expiration"])
            value = payload["value"]
        except (ValueError, KeyError, TypeError):
            self._remove(path)
            return None
        if expiration <= self.now():
            self._remove(path)
            return None
        return value, expiration

    def _write(self, path: Path, value: t.Any, expiration: float) -> None:
        text = json.dumps(
            {"expiration": expiration, "value": json.loads(serialize(value))},
            separators=(",", ":"),
            ensure_ascii=False,
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
            if self._permission is not None:
                os.chmod(temporary, self._permission)
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise

    def _expiration(self, seconds: int | float | None) -> float:
        return float(FOREVER) if seconds is None else self.now() + seconds

    @staticmethod
    def _remove(path: Path) -> bool:
        try:
            path.unlink()
        except (FileNotFoundError, NotADirectoryError):
            return False
        return True

    @contextlib.contextmanager
    def _locked(self, path: Path) -> t.Iterator[None]:
        """Hold an exclusive lock on ``path``'s key (threads and processes)."""
        if fcntl is None:  # pragma: no cover - Windows
            with _PROCESS_LOCK:
                yield
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(str(path) + ".lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            yield
        finally:
            os.close(descriptor)  # closing releases the lock

    # -- the store ------------------------------------------------------------------

    def get(self, key: str) -> t.Any:
        """Return the value, or None when missing or expired. Laravel: ``FileStore::get()``."""
        item = self._read(self.path(key))
        return None if item is None else item[0]

    def put(self, key: str, value: t.Any, seconds: int | float | None) -> bool:
        """Write the value's file. Laravel: ``FileStore::put()``."""
        self._write(self.path(key), value, self._expiration(seconds))
        return True

    def add(self, key: str, value: t.Any, seconds: int | float | None) -> bool:
        """Write the file only if the key is absent or expired, under the key's lock.

        Laravel: ``FileStore::add()``.
        """
        path = self.path(key)
        with self._locked(path):
            if self._read(path) is not None:
                return False
            self._write(path, value, self._expiration(seconds))
        return True

    def increment(self, key: str, value: int = 1) -> int | bool:
        """Add ``value`` keeping the expiry (a missing item starts at 0, forever).

        Laravel: ``FileStore::increment()``.
        """
        path = self.path(key)
        with self._locked(path):
            item = self._read(path)
            if item is None:
                self._write(path, value, float(FOREVER))
                return value
            try:
                number = int(item[0]) + value
            except (TypeError, ValueError):
                return False
            self._write(path, number, item[1])
            return number

    def expire_if_persistent(self, key: str, seconds: int | float) -> bool:
        """Give a live item without expiry one of ``seconds`` (the rate limiter's counters)."""
        path = self.path(key)
        with self._locked(path):
            item = self._read(path)
            if item is None or item[1] < FOREVER:
                return False
            self._write(path, item[0], self._expiration(seconds))
        return True

    def forget(self, key: str) -> bool:
        """Delete the value's file. Laravel: ``FileStore::forget()``."""
        # The key's lock file stays: another worker may hold a lock on it now.
        return self._remove(self.path(key))

    def flush(self) -> bool:
        """Delete every cache file and folder. Laravel: ``FileStore::flush()``."""
        if not self._directory.is_dir():
            return False
        for entry in self._directory.iterdir():
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            elif not entry.name.startswith("."):
                entry.unlink(missing_ok=True)
        return True

    def get_directory(self) -> Path:
        """Return the cache directory. Laravel: ``FileStore::getDirectory()``."""
        return self._directory
