"""Protevus support."""
