"""Password reset message catalogues, one module per locale.

Laravel: ``lang/*/passwords.php``.
"""
