"""Mixins the relations are built from."""
