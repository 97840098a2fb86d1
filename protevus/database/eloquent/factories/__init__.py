"""Model factories (Laravel: ``Illuminate\\Database\\Eloquent\\Factories``)."""
