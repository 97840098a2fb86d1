"""Authorization console commands (Laravel: ``Illuminate\\Foundation\\Console\\PolicyMakeCommand``)."""
