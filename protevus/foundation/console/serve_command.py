"""``serve``: run the application on Werkzeug's development server.

Laravel: ``Illuminate\\Foundation\\Console\\ServeCommand``.
"""

from __future__ import annotations

import os
import typing as t

from protevus.console.command import Command


class ServeCommand(Command):
    """Serve the application on the development server (with the reloader).

    Laravel: ``Illuminate\\Foundation\\Console\\ServeCommand``.
    """

    signature = (
        "serve {--host=127.0.0.1 : The host address to serve the application on} "
        "{--port=8000 : The port to serve the application on} "
        "{--no-reload : Do not reload the server when files change}"
    )
    description = "Serve the application on the development server"

    def handle(self) -> int:
        """Start Werkzeug's ``run_simple`` on the app's WSGI callable."""
        host = str(self.option("host"))
        port_text = str(self.option("port"))
        if not port_text.isdigit() or not 0 < int(port_text) < 65536:
            self.components.error(
                f"The port [{port_text}] is not a valid port number. Use 1 to 65535."
            )
            return self.FAILURE
        self.components.info(f"Server running on [http://{host}:{port_text}].")
        self.comment("  Press Ctrl+C to stop the server")
        self.new_line()
        from werkzeug import serving

        serving.run_simple(
            host, int(port_text), self.laravel.wsgi, **self.server_options()
        )
        return self.SUCCESS

    def server_options(self) -> dict[str, t.Any]:
        """Get the ``run_simple`` keyword arguments: reloader, no debugger, ``public/`` as static files."""
        options: dict[str, t.Any] = {
            "use_reloader": not self.option("no-reload"),
            "use_debugger": False,
        }
        public = self.laravel.public_path()
        if os.path.isdir(public):
            options["static_files"] = {"/": public}
        return options
