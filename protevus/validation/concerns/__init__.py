"""Mixins the validator is built from.

Laravel: ``Illuminate\\Validation\\Concerns``.
"""
