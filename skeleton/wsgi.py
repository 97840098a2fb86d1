"""The WSGI entry point for production servers: ``gunicorn wsgi:app``."""

from bootstrap.app import app as application

app = application.wsgi
