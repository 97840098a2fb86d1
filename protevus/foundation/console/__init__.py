"""Artisan: the console kernel and the foundation commands."""
