"""Middleware that belong to the foundation (maintenance mode)."""
