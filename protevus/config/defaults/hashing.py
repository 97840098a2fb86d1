"""The framework's default ``hashing`` configuration.

Laravel: ``config/hashing.php`` of ``laravel/framework``.
"""

from __future__ import annotations

import typing as t

from protevus.config.defaults._helpers import env_int
from protevus.config.env import env


def config() -> dict[str, t.Any]:
    """Return the default ``hashing`` configuration, reading ``.env`` now.

    Laravel: ``config/hashing.php``.
    """
    return {
        "driver": env("HASH_DRIVER", "bcrypt"),
        "bcrypt": {
            "rounds": env_int("BCRYPT_ROUNDS", 12),
            "verify": env("HASH_VERIFY", True),
            "limit": env_int("BCRYPT_LIMIT", None),
        },
        "argon": {
            "memory": env_int("ARGON_MEMORY", 65536),
            "threads": env_int("ARGON_THREADS", 1),
            "time": env_int("ARGON_TIME", 4),
            "verify": env("HASH_VERIFY", True),
        },
        "rehash_on_login": True,
    }
