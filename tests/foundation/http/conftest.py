"""Build applications with route files, middleware and exception settings for the HTTP tests."""

from __future__ import annotations

import textwrap
import typing as t
from pathlib import Path

import pytest

KEY = "base64:" + "A" * 43 + "="


class HttpAppFactory(t.Protocol):
    def __call__(
        self,
        *,
        files: dict[str, str] | None = ...,
        debug: bool = ...,
        middleware: t.Callable[..., t.Any] | None = ...,
        exceptions: t.Callable[..., t.Any] | None = ...,
        **routing: t.Any,
    ) -> t.Any: ...


@pytest.fixture
def http_app(tmp_path: Path) -> t.Iterator[HttpAppFactory]:
    """Create an app in ``tmp_path``: ``files`` are written first, ``routing`` goes to ``with_routing``."""
    from protevus.foundation import Application

    created: list[t.Any] = []

    def factory(
        *,
        files: dict[str, str] | None = None,
        debug: bool = False,
        middleware: t.Callable[..., t.Any] | None = None,
        exceptions: t.Callable[..., t.Any] | None = None,
        **routing: t.Any,
    ) -> t.Any:
        env = (
            f"APP_KEY={KEY}\nAPP_DEBUG={'true' if debug else 'false'}\nLOG_CHANNEL=null\n"
            "SESSION_DRIVER=array\n"
        )
        (tmp_path / ".env").write_text(env)
        for name, source in (files or {}).items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(source))
        builder = Application.configure(tmp_path).with_providers([])
        if routing:
            builder.with_routing(**routing)
        builder.with_middleware(middleware).with_exceptions(exceptions)
        app = builder.create()
        created.append(app)
        return app

    yield factory
    for app in created:
        if app.resolved("log"):
            close = getattr(app.make("log"), "close", None)
            if close is not None:
                close()
