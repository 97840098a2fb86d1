"""Protevus foundation configuration."""
