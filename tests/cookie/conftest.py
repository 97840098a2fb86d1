"""Build applications with the cookie service and routes for the cookie tests."""

from __future__ import annotations

import textwrap
import typing as t
from pathlib import Path

import pytest

KEY = "base64:" + "A" * 43 + "="


class CookieAppFactory(t.Protocol):
    def __call__(
        self,
        *,
        env: str = ...,
        middleware: t.Callable[..., t.Any] | None = ...,
    ) -> t.Any: ...


@pytest.fixture
def cookie_app(tmp_path: Path) -> t.Iterator[CookieAppFactory]:
    """Create an app in ``tmp_path`` with CookieServiceProvider registered; ``env`` adds ``.env`` lines."""
    from protevus.cookie.cookie_service_provider import CookieServiceProvider
    from protevus.foundation import Application

    created: list[t.Any] = []

    def factory(
        *, env: str = "", middleware: t.Callable[..., t.Any] | None = None
    ) -> t.Any:
        text = f"APP_KEY={KEY}\nAPP_DEBUG=false\nLOG_CHANNEL=null\n"
        (tmp_path / ".env").write_text(text + textwrap.dedent(env))
        builder = Application.configure(tmp_path).with_providers([])
        builder.with_middleware(middleware)
        app = builder.create()
        app.register(CookieServiceProvider)
        created.append(app)
        return app

    yield factory
    for app in created:
        if app.resolved("log"):
            close = getattr(app.make("log"), "close", None)
            if close is not None:
                close()
