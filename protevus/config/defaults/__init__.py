"""Protevus config defaults."""
