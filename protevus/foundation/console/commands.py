"""The foundation's small artisan commands: ``about``, ``env``, ``config:cache``, ``config:clear``.

They are Click commands; the others live in their own modules (``serve_command``,
``down_command``...). :data:`protevus.foundation.foundation_service_provider.FOUNDATION_COMMANDS`
lists them all.

Laravel: ``AboutCommand``, ``EnvironmentCommand``, ``ConfigCacheCommand``,
``ConfigClearCommand`` in ``Illuminate\\Foundation\\Console``.
"""

from __future__ import annotations

import os
import typing as t

import click

from protevus.config.exceptions import ConfigError
from protevus.config.loader import ConfigLoader


def _app() -> t.Any:
    return click.get_current_context().find_root().obj


def _info(message: str) -> None:
    click.echo(
        f"\n  {click.style(' INFO ', bg='blue', fg='white', bold=True)} {message}\n"
    )


@click.command("about", short_help="Display basic information about your application")
@click.option("--json", "as_json", is_flag=True, help="Output the information as JSON.")
def about(as_json: bool) -> None:
    """Display basic information about your application."""
    app = _app()
    config = app.make("config")
    data = {
        "Environment": {
            "Application Name": config.get("app.name"),
            "Protevus Version": app.version(),
            "Python Version": _python_version(),
            "Environment": app.environment(),
            "Debug Mode": "ENABLED" if config.get("app.debug") else "OFF",
            "URL": str(config.get("app.url", ""))
            .removeprefix("http://")
            .removeprefix("https://"),
            "Timezone": config.get("app.timezone"),
            "Locale": config.get("app.locale"),
        },
        "Cache": {"Config": "CACHED" if app.config_is_cached else "NOT CACHED"},
        "Drivers": {
            "Cache": config.get("cache.default"),
            "Database": config.get("database.default"),
            "Logs": _log_channel(config),
            "Queue": config.get("queue.default"),
            "Session": config.get("session.driver"),
        },
    }
    if as_json:
        import json

        click.echo(
            json.dumps(
                {
                    section.lower(): {
                        k.lower().replace(" ", "_"): v for k, v in rows.items()
                    }
                    for section, rows in data.items()
                }
            )
        )
        return
    for section, rows in data.items():
        click.echo(f"\n  {click.style(section, fg='green', bold=True)}")
        for key, val in rows.items():
            dots = "." * max(2, 60 - len(key) - len(str(val)))
            click.echo(f"  {key} {click.style(dots, fg='bright_black')} {val}")
    click.echo()


def _python_version() -> str:
    import platform

    return platform.python_version()


def _log_channel(config: t.Any) -> str:
    default = str(config.get("logging.default", ""))
    if config.get(f"logging.channels.{default}.driver") == "stack":
        stack = config.get(f"logging.channels.{default}.channels", [])
        return f"{default} / {', '.join(stack)}"
    return default


@click.command("env", short_help="Display the current framework environment")
def env() -> None:
    """Display the current framework environment."""
    _info(f"The application environment is [{_app().environment()}].")


@click.command(
    "config:cache", short_help="Create a cache file for faster configuration loading"
)
def config_cache() -> None:
    """Create a cache file for faster configuration loading."""
    app = _app()
    loader = ConfigLoader(app.config_path(), app.get_cached_config_path())
    loader.clear_cache()
    _info("Configuration cache cleared successfully.")
    try:
        loader.write_cache(fresh_configuration(app))
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    _info("Configuration cached successfully.")


def fresh_configuration(app: t.Any) -> dict[str, t.Any]:
    """Boot a fresh copy of the application and return its whole configuration.

    The running app may itself have booted from the cache (so ``.env`` was never
    read) and providers may have merged config in: only a fresh boot from
    ``bootstrap/app.py`` sees what the next process would. The running app stays
    the facade root and global container afterwards.

    Laravel: ``ConfigCacheCommand::getFreshConfiguration()``.
    """
    import runpy

    from protevus.container.container import Container
    from protevus.support.facades.facade import Facade

    previous = Container.get_instance()
    path = app.bootstrap_path("app.py")
    try:
        fresh = runpy.run_path(path).get("app") if os.path.isfile(path) else None
        if fresh is None or not hasattr(fresh, "make"):
            fresh = type(app).configure(app.base_path()).create()
        return dict(fresh.make("config").all())
    finally:
        Container.set_instance(previous)
        Facade.clear_resolved_instances()
        Facade.set_facade_application(previous)


@click.command("config:clear", short_help="Remove the configuration cache file")
def config_clear() -> None:
    """Remove the configuration cache file."""
    app = _app()
    ConfigLoader(app.config_path(), app.get_cached_config_path()).clear_cache()
    _info("Configuration cache cleared successfully.")
