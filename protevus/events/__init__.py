"""Protevus events."""
