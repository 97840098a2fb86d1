"""Protevus foundation bootstrap."""
