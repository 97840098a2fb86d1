"""The view commands: ``view:cache``, ``view:clear`` and ``make:component``."""
