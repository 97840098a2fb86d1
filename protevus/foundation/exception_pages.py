"""The built-in HTML pages for errors: the minimal status page and the debug page.

Laravel: ``Illuminate/Foundation/Exceptions/views/minimal.blade.php`` (status pages)
and ``Illuminate\\Foundation\\Exceptions\\Renderer\\Renderer`` (the debug page).
Every value that reaches the HTML goes through :func:`html.escape`.
"""

from __future__ import annotations

import html
import traceback
import typing as t

#: Laravel's titles for the statuses it ships a page for; others use the HTTP phrase.
TITLES: dict[int, str] = {
    401: "Unauthorized",
    402: "Payment Required",
    403: "Forbidden",
    404: "Not Found",
    419: "Page Expired",
    429: "Too Many Requests",
    500: "Server Error",
    503: "Service Unavailable",
}

_STATUS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
html, body {{ height: 100%; margin: 0; }}
body {{ display: flex; align-items: center; justify-content: center;
  background: #f7fafc; color: #718096;
  font-family: ui-sans-serif, system-ui, -apple-system, "Segoe UI", sans-serif; }}
.code {{ padding: 0 1rem; font-size: 1.125rem; letter-spacing: .05em;
  border-right: 1px solid #a0aec0; }}
.message {{ padding: 0 1rem; font-size: 1.125rem; letter-spacing: .05em;
  text-transform: uppercase; }}
@media (prefers-color-scheme: dark) {{ body {{ background: #111827; color: #9ca3af; }} }}
</style>
</head>
<body>
<div class="code">{status}</div>
<div class="message">{message}</div>
</body>
</html>
"""

_DEBUG_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ margin: 0; background: #f3f4f6; color: #111827;
  font-family: ui-sans-serif, system-ui, -apple-system, "Segoe UI", sans-serif; }}
header {{ background: #fff; padding: 2rem; border-bottom: 4px solid #ef4444; }}
.class {{ color: #6b7280; font-size: .9rem; }}
h1 {{ margin: .5rem 0 0; font-size: 1.5rem; word-break: break-word; }}
.where {{ margin-top: .5rem; color: #6b7280; font-size: .9rem; }}
section {{ margin: 1.5rem 2rem; background: #fff; border-radius: .5rem; padding: 1rem 1.5rem; }}
h2 {{ font-size: 1rem; margin: 0 0 .75rem; }}
pre {{ margin: 0; white-space: pre-wrap; word-break: break-word; font-size: .8rem; line-height: 1.4; }}
table {{ border-collapse: collapse; font-size: .85rem; width: 100%; }}
td {{ padding: .25rem .5rem; border-top: 1px solid #e5e7eb; vertical-align: top; word-break: break-all; }}
td:first-child {{ color: #6b7280; white-space: nowrap; width: 12rem; }}
</style>
</head>
<body>
<header>
<div class="class">{exception_class}</div>
<h1>{message}</h1>
<div class="where">{where}</div>
</header>
<section><h2>Stack trace</h2><pre>{trace}</pre></section>
<section><h2>Request</h2><table>{request_rows}</table></section>
<section><h2>Application</h2><table>{app_rows}</table></section>
</body>
</html>
"""

#: request headers whose values the debug page hides.
_SECRET_HEADERS = frozenset({"authorization", "cookie", "proxy-authorization"})


def status_title(status: int) -> str:
    """Get the title of an error page: Laravel's wording, else the HTTP phrase."""
    if status in TITLES:
        return TITLES[status]
    from werkzeug.http import HTTP_STATUS_CODES

    return HTTP_STATUS_CODES.get(status, "Error")


def render_status_page(status: int, message: str | None = None) -> str:
    """Render the minimal page ``404 | Not Found``.

    Laravel: ``errors::minimal`` with the ``errors::{status}`` views.
    """
    title = status_title(status)
    return _STATUS_PAGE.format(
        title=html.escape(title),
        status=status,
        message=html.escape(message or title),
    )


def exception_location(exc: BaseException) -> tuple[str, int]:
    """Get the file and line where ``exc`` was raised (the innermost frame)."""
    tb = exc.__traceback__
    if tb is None:
        return "", 0
    while tb.tb_next is not None:
        tb = tb.tb_next
    return tb.tb_frame.f_code.co_filename, tb.tb_lineno


def exception_trace(exc: BaseException) -> list[dict[str, t.Any]]:
    """Get the frames of ``exc`` as dicts (file, line, function), innermost first.

    Laravel: the ``trace`` key of the debug JSON (``getTrace()`` without ``args``).
    """
    frames = traceback.extract_tb(exc.__traceback__)
    return [
        {"file": f.filename, "line": f.lineno, "function": f.name}
        for f in reversed(frames)
    ]


def _rows(items: t.Iterable[tuple[str, t.Any]]) -> str:
    return "".join(
        f"<tr><td>{html.escape(str(k))}</td><td>{html.escape(str(v))}</td></tr>"
        for k, v in items
    )


def _request_items(request: t.Any) -> list[tuple[str, t.Any]]:
    if request is None:
        return []
    environ = getattr(request, "environ", {}) or {}
    items: list[tuple[str, t.Any]] = [
        ("Method", environ.get("REQUEST_METHOD", "")),
        ("URL", str(getattr(request, "url", ""))),
    ]
    route = _route_description(request)
    if route:
        items.append(("Route", route))
    for name, value in getattr(request, "headers", {}).items():
        shown = "********" if name.lower() in _SECRET_HEADERS else value
        items.append((name, shown))
    return items


def _route_description(request: t.Any) -> str:
    resolver = getattr(request, "route", None)
    if not callable(resolver):
        return ""
    try:
        route = resolver()
    except Exception:  # a request without a matched route or resolver
        return ""
    if route is None:
        return ""
    name = getattr(route, "get_name", lambda: None)()
    action = getattr(route, "get_action_name", lambda: "")()
    return " › ".join(str(part) for part in (name, action) if part)


def render_debug_page(
    exc: BaseException, request: t.Any, app_info: t.Iterable[tuple[str, t.Any]]
) -> str:
    """Render the debug page: class, message, location, full trace, request and app facts.

    Shown only when ``app.debug`` is true. Laravel: the exception renderer page.
    """
    cls = type(exc)
    file, line = exception_location(exc)
    message = str(exc) or cls.__name__
    trace = "".join(traceback.format_exception(exc))
    return _DEBUG_PAGE.format(
        title=html.escape(f"{cls.__name__}: {message}"[:200]),
        exception_class=html.escape(f"{cls.__module__}.{cls.__qualname__}"),
        message=html.escape(message),
        where=html.escape(f"{file}:{line}" if file else ""),
        trace=html.escape(trace),
        request_rows=_rows(_request_items(request)),
        app_rows=_rows(app_info),
    )
