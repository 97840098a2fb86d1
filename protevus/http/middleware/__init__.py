"""Protevus's HTTP middleware (request input normalisation and limits)."""
