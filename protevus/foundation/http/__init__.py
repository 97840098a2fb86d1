"""The HTTP side of the foundation: the Flask application, the kernel, its provider."""
