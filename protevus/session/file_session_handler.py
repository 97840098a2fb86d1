"""Keep each session in a file of ``storage/framework/sessions``.

Laravel: ``Illuminate\\Session\\FileSessionHandler``.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from protevus.exceptions import InvalidArgumentError
from protevus.session.session_handler import is_valid_id
from protevus.support.aliases import CamelAliases


class FileSessionHandler(CamelAliases):
    """Store one file per session id, named after the id.

    Writes go to a temporary file renamed over the old one, so a reader never
    sees half a payload. Ids that are not plain letters and digits are refused,
    so a forged cookie can never reach a path outside the directory.

    Laravel: ``Illuminate\\Session\\FileSessionHandler``.
    """

    def __init__(self, path: str | os.PathLike[str], minutes: int | float) -> None:
        self._path = Path(path)
        self._minutes = minutes

    def open(self, save_path: str, session_name: str) -> bool:
        """Do nothing. Laravel: ``FileSessionHandler::open()``."""
        return True

    def close(self) -> bool:
        """Do nothing. Laravel: ``FileSessionHandler::close()``."""
        return True

    def _file(self, session_id: str) -> Path:
        if not is_valid_id(session_id):
            raise InvalidArgumentError(
                f"Session id [{session_id!r}] is not letters and digits only; the file "
                "driver refuses it so it cannot name a path outside the session directory."
            )
        return self._path / session_id

    def read(self, session_id: str) -> str:
        """Return the file's payload unless it is older than the lifetime.

        Laravel: ``FileSessionHandler::read()``.
        """
        if not is_valid_id(session_id):
            return ""
        path = self._path / session_id
        try:
            if path.stat().st_mtime < time.time() - self._minutes * 60:
                return ""
            return path.read_text(encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError):
            return ""

    def write(self, session_id: str, data: str) -> bool:
        """Write the payload atomically. Laravel: ``FileSessionHandler::write()``."""
        target = self._file(session_id)
        if not self._path.is_dir():
            # A fresh checkout may lack the directory; sessions are private, so 0700.
            try:
                self._path.mkdir(mode=0o700, parents=True, exist_ok=True)
            except OSError as exc:
                raise FileNotFoundError(
                    f"The session directory [{self._path}] does not exist and cannot be "
                    f"created ({exc.strerror}); create it or set session.files to a "
                    "writable directory."
                ) from exc
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self._path)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return True

    def destroy(self, session_id: str) -> bool:
        """Delete the session's file. Laravel: ``FileSessionHandler::destroy()``."""
        if is_valid_id(session_id):
            (self._path / session_id).unlink(missing_ok=True)
        return True

    def gc(self, lifetime: int) -> int:
        """Delete session files not written for ``lifetime`` seconds.

        Laravel: ``FileSessionHandler::gc()``.
        """
        if not self._path.is_dir():
            return 0
        expiration = time.time() - lifetime
        deleted = 0
        for entry in os.scandir(self._path):
            hidden = entry.name.startswith(".") and not entry.name.startswith(".tmp-")
            if hidden or not entry.is_file(follow_symlinks=False):
                continue
            try:
                if entry.stat(follow_symlinks=False).st_mtime <= expiration:
                    os.unlink(entry.path)
                    deleted += 1
            except FileNotFoundError:
                continue
        return deleted

    def get_path(self) -> Path:
        """Return the session directory."""
        return self._path
