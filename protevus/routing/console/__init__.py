"""Routing artisan commands."""
