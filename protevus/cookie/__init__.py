"""Cookies: the queued-cookie jar and the encrypting middleware (Laravel: ``Illuminate\\Cookie``)."""
