"""The application's Eloquent models."""
