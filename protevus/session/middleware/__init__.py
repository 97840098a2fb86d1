"""The session middleware (Laravel: ``Illuminate\\Session\\Middleware``)."""
