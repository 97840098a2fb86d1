"""Application settings.

Every config file is optional: the framework carries Laravel's defaults, and a
``config/NAME.py`` only overrides the keys it sets. Copy a key here to change it.
"""

from protevus.helpers import env

config = {
    "name": env("APP_NAME", "Protevus"),
    "env": env("APP_ENV", "production"),
    "debug": env("APP_DEBUG", False),
    "url": env("APP_URL", "http://localhost"),
    "timezone": "UTC",
    "locale": env("APP_LOCALE", "en"),
    "fallback_locale": env("APP_FALLBACK_LOCALE", "en"),
}
