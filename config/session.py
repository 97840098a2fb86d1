"""Session settings; every key not set here keeps the framework default.

The showcase keeps sessions in files so it runs without ``migrate``; an app made with
``protevus new`` uses Laravel's default, the ``sessions`` table.
"""

from protevus.helpers import env

config = {
    "driver": env("SESSION_DRIVER", "file"),
}
