"""Mixins the database connection is built from."""
