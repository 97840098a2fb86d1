"""Application settings; every key not set here keeps the framework default."""

import base64
import os
from pathlib import Path

from protevus.helpers import env


def _showcase_key() -> str:
    """Return this checkout's own key, made once in storage/framework/showcase.key.

    The showcase runs without a ``.env`` (see the README), but encrypted cookies and
    sessions need ``APP_KEY``. Rather than commit a key, each checkout makes its own
    on first use (git ignores the file). An application made with ``protevus new``
    gets its key in ``.env`` instead, as Laravel's installer does.
    """
    path = Path(__file__).resolve().parent.parent / "storage/framework/showcase.key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    key = "base64:" + base64.b64encode(os.urandom(32)).decode()
    try:
        # O_EXCL: when two workers start at once, one writes and both read its key.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


config = {
    "name": env("APP_NAME", "Protevus"),
    "env": env("APP_ENV", "production"),
    "debug": env("APP_DEBUG", False),
    "url": env("APP_URL", "http://localhost"),
    "timezone": "UTC",
    "locale": env("APP_LOCALE", "en"),
    "key": env("APP_KEY") or _showcase_key(),
}
