"""Attribute casts: built-in cast classes and the cast contract (Laravel: ``Illuminate\\Database\\Eloquent\\Casts``)."""
