"""Load the Protevus pytest plugin's fixtures for these tests.

Once ``pyproject.toml`` registers the plugin (entry point group ``pytest11``)
the plugin is loaded everywhere and this import is redundant but harmless.
"""

from protevus.testing.plugin import app as app
from protevus.testing.plugin import client as client
from protevus.testing.plugin import protevus_app as protevus_app
