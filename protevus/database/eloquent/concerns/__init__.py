"""Mixins the Eloquent model and builder are built from."""
