"""The cookie middleware: encryption and queued cookies (Laravel: ``Illuminate\\Cookie\\Middleware``)."""
