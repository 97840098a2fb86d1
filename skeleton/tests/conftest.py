"""Shared test fixtures.

Protevus's pytest plugin already gives every test an ``app`` (a fresh application
booted from ``bootstrap/app.py`` with ``APP_ENV=testing``) and a ``client`` to send
requests to it. Add your own fixtures here.
"""
