"""The framework's default ``queue`` configuration.

Laravel: ``config/queue.php`` of ``laravel/framework`` (sync, database and redis
connections), plus a ``celery`` connection for Protevus's Celery workers.
"""

from __future__ import annotations

import typing as t

from protevus.config.defaults._helpers import env_int
from protevus.config.env import env


def config() -> dict[str, t.Any]:
    """Return the default ``queue`` configuration, reading ``.env`` now.

    Laravel: ``config/queue.php``.
    """
    return {
        "default": env("QUEUE_CONNECTION", "database"),
        "connections": {
            "sync": {"driver": "sync"},
            "database": {
                "driver": "database",
                "connection": env("DB_QUEUE_CONNECTION"),
                "table": env("DB_QUEUE_TABLE", "jobs"),
                "queue": env("DB_QUEUE", "default"),
                "retry_after": env_int("DB_QUEUE_RETRY_AFTER", 90),
                "after_commit": False,
            },
            "redis": {
                "driver": "redis",
                "connection": env("REDIS_QUEUE_CONNECTION", "default"),
                "queue": env("REDIS_QUEUE", "default"),
                "retry_after": env_int("REDIS_QUEUE_RETRY_AFTER", 90),
                "block_for": None,
                "after_commit": False,
            },
            "celery": {
                "driver": "celery",
                "broker_url": env("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0"),
                "result_backend": env("CELERY_RESULT_BACKEND"),
                "queue": env("CELERY_QUEUE", "default"),
                "retry_after": env_int("CELERY_QUEUE_RETRY_AFTER", 90),
                "after_commit": False,
            },
        },
        "batching": {
            "database": env("DB_CONNECTION", "sqlite"),
            "table": "job_batches",
        },
        "failed": {
            "driver": env("QUEUE_FAILED_DRIVER", "database-uuids"),
            "database": env("DB_CONNECTION", "sqlite"),
            "table": "failed_jobs",
        },
    }
