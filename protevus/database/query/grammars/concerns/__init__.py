"""Mixins the query grammars are built from."""
