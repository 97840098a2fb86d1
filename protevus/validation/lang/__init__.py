"""Validation message catalogues, one module per locale.

Laravel: ``lang/*/validation.php``.
"""
