"""The db:seed and make:seeder commands (Laravel: ``Illuminate\\Database\\Console\\Seeds``)."""
