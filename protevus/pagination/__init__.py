"""Paginators: length-aware, simple and cursor (Laravel: ``Illuminate\\Pagination``)."""
