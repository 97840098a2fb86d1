"""Artisan commands of the cache (Laravel: ``Illuminate\\Cache\\Console``)."""
