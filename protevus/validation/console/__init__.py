"""Artisan commands of the validation package: ``make:request``, ``make:rule``."""
