"""Mixins the query builder is built from."""
