"""The migrate commands (Laravel: ``Illuminate\\Database\\Console\\Migrations``)."""
