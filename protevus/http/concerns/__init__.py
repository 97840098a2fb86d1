"""Mixins that make up Protevus's HTTP request."""
