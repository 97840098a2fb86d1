"""Application settings; every key not set here keeps the framework default."""

from protevus.helpers import env

config = {
    "name": env("APP_NAME", "Protevus"),
    "env": env("APP_ENV", "production"),
    "debug": env("APP_DEBUG", False),
    "url": env("APP_URL", "http://localhost"),
    "timezone": "UTC",
    "locale": env("APP_LOCALE", "en"),
}
