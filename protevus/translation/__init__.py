"""Translations from ``lang/`` files (Laravel: ``Illuminate\\Translation``)."""
