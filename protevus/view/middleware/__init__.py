"""HTTP middleware of the view layer (Laravel: ``Illuminate\\View\\Middleware``)."""
