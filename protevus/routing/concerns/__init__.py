"""Mixins that make up the router and its routes."""
