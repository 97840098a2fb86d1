"""Protevus support concerns."""
