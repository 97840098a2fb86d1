"""The ``route:list`` command.

Laravel: ``Illuminate\\Foundation\\Console\\RouteListCommand``. Importing this module
is cheap (Click only); the router is resolved when the command runs.
"""

from __future__ import annotations

import json
import shutil
import typing as t

import click

_VERB_COLORS = {
    "ANY": "red",
    "GET": "blue",
    "HEAD": "bright_black",
    "OPTIONS": "bright_black",
    "POST": "yellow",
    "PUT": "yellow",
    "PATCH": "yellow",
    "DELETE": "red",
}
_CONTROLLERS = "app.http.controllers."
_ALL_VERBS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


@click.command("route:list", short_help="List all registered routes")
@click.option("--method", "method", default=None, help="Filter the routes by method.")
@click.option("--name", "name", default=None, help="Filter the routes by name.")
@click.option("--domain", "domain", default=None, help="Filter the routes by domain.")
@click.option(
    "--path",
    "path",
    default=None,
    help="Only show routes matching the given path pattern.",
)
@click.option(
    "--except-path",
    "except_path",
    default=None,
    help="Do not display the routes matching the given path pattern.",
)
@click.option("--json", "as_json", is_flag=True, help="Output the route list as JSON.")
@click.option(
    "-r", "--reverse", is_flag=True, help="Reverse the ordering of the routes."
)
@click.option(
    "--sort",
    default="uri",
    show_default=True,
    help="The column (domain, method, uri, name, action) to sort by.",
)
@click.option(
    "-v",
    "--verbose",
    "verbose",
    is_flag=True,
    help="Show the middleware of each route.",
)
def route_list(
    method: str | None,
    name: str | None,
    domain: str | None,
    path: str | None,
    except_path: str | None,
    as_json: bool,
    reverse: bool,
    sort: str,
    verbose: bool,
) -> None:
    """List all registered routes."""
    app = _app()
    router = app.make("router")
    rows = [_row(router, route) for route in router.get_routes()]
    if not rows:
        _error("Your application doesn't have any routes.")
        return
    rows = [r for r in rows if _keep(r, method, name, domain, path, except_path)]
    if not rows:
        _error("Your application doesn't have any routes matching the given criteria.")
        return
    key = sort if sort in ("domain", "method", "uri", "name", "action") else "uri"
    rows.sort(key=lambda r: (str(r[key] or ""), r["uri"]))
    if reverse:
        rows.reverse()
    if as_json:
        click.echo(json.dumps(rows))
        return
    _print(rows, verbose)


def _app() -> t.Any:
    context = click.get_current_context(silent=True)
    app = context.find_root().obj if context is not None else None
    if app is None:
        from protevus.container.container import Container

        app = Container.get_instance()
    return app


def _row(router: t.Any, route: t.Any) -> dict[str, t.Any]:
    methods = route.methods()
    label = "ANY" if _ALL_VERBS <= set(methods) else "|".join(methods)
    uri = route.uri()
    try:
        middleware = [
            _middleware_label(m, p) for m, p in router.gather_route_middleware(route)
        ]
    except Exception:  # noqa: BLE001 - a broken alias must not hide the listing
        middleware = [str(m) for m in route.gather_middleware()]
    return {
        "domain": route.get_domain(),
        "method": label,
        "uri": uri,
        "name": route.get_name(),
        "action": route.get_action_name(),
        "middleware": middleware,
    }


def _middleware_label(middleware: t.Any, params: tuple[str, ...]) -> str:
    if isinstance(middleware, type):
        text = f"{middleware.__module__}.{middleware.__qualname__}"
    elif isinstance(middleware, str):
        text = middleware
    elif callable(middleware) and getattr(middleware, "__name__", "") == "<lambda>":
        text = "Closure"
    else:
        text = (
            getattr(middleware, "__qualname__", None) or type(middleware).__qualname__
        )
    return text + (":" + ",".join(params) if params else "")


def _keep(
    row: dict[str, t.Any],
    method: str | None,
    name: str | None,
    domain: str | None,
    path: str | None,
    except_path: str | None,
) -> bool:
    if method and method.upper() not in row["method"] and row["method"] != "ANY":
        return False
    if name and name not in (row["name"] or ""):
        return False
    if domain and domain not in (row["domain"] or ""):
        return False
    uri = row["uri"]
    if path and path.strip("/") not in uri:
        return False
    if except_path:
        for excluded in except_path.split(","):
            if excluded.strip().strip("/") and excluded.strip().strip("/") in uri:
                return False
    return True


def _display_action(row: dict[str, t.Any]) -> str:
    action = str(row["action"])
    if action == "Closure" or action.endswith("ViewController@__call__"):
        return ""
    action = action.removesuffix("@__call__")
    if action.startswith(_CONTROLLERS):
        module, _, rest = action[len(_CONTROLLERS) :].rpartition(".")
        package = module.rpartition(".")[0]
        action = f"{package}.{rest}" if package else rest
    return action


def _print(rows: list[dict[str, t.Any]], verbose: bool) -> None:
    width = shutil.get_terminal_size((150, 24)).columns
    widest = max(len(r["method"]) for r in rows)
    click.echo()
    for row in rows:
        label = row["method"]
        uri = (row["domain"] + "/" if row["domain"] else "") + row["uri"]
        action = _display_action(row)
        if row["name"]:
            action = f"{row['name']} › {action}" if action else row["name"]
        spaces = " " * max(widest + 6 - len(label), 0)
        used = len(label + spaces + uri + action) + 6 + (1 if action else 0)
        dots = "." * max(width - used, 0)
        if action and not verbose and used + len(dots) > width:
            action = (
                action[: max(width - 7 - len(label + spaces + uri + dots), 0)] + "…"
            )
        colored = "|".join(
            click.style(m, fg=_VERB_COLORS.get(m, None)) for m in label.split("|")
        )
        line = f"  {colored} {spaces}{uri}"
        if dots:
            line += " " + click.style(dots, fg="bright_black")
        if action:
            line += " " + action
        click.echo(line)
        if verbose and row["middleware"]:
            for middleware in row["middleware"]:
                click.echo(
                    click.style(
                        f"{' ' * (widest + 8)}⇂ {middleware}", fg="bright_black"
                    )
                )
    click.echo()
    count = len(rows)
    footer = f"Showing [{count}] route{'s' if count != 1 else ''}"
    click.echo(click.style(footer.rjust(width - 2), fg="blue", bold=True))
    click.echo()


def _error(message: str) -> None:
    click.echo(
        f"\n  {click.style(' ERROR ', bg='red', fg='white', bold=True)} {message}\n",
        err=False,
    )
