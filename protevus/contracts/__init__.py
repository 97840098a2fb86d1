"""Protevus contracts."""
