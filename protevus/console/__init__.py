"""Protevus console."""
