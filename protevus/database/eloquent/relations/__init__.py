"""Eloquent relations (Laravel: ``Illuminate\\Database\\Eloquent\\Relations``)."""
