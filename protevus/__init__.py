"""Protevus: Laravel and CodeIgniter conventions in Python."""

__version__ = "0.1.0.dev0"
