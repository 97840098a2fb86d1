"""Configuration and environment (Laravel's ``Illuminate\\Config`` and ``Env``)."""

from protevus.config.env import Env as Env
from protevus.config.env import env as env
from protevus.config.env import load_environment as load_environment
from protevus.config.exceptions import ConfigError as ConfigError
from protevus.config.exceptions import (
    ConfigNotSerializableError as ConfigNotSerializableError,
)
from protevus.config.exceptions import (
    MissingEnvironmentVariableError as MissingEnvironmentVariableError,
)
from protevus.config.loader import ConfigLoader as ConfigLoader
from protevus.config.repository import Repository as Repository
