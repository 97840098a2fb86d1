"""The database artisan commands (Laravel: ``Illuminate\\Database\\Console``)."""
