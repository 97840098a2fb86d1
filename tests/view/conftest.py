"""Build applications with view files for the View API tests."""

from __future__ import annotations

import textwrap
import typing as t
from pathlib import Path

import pytest

KEY = "base64:" + "A" * 43 + "="


class ViewAppFactory(t.Protocol):
    def __call__(
        self,
        views: dict[str, str] | None = ...,
        *,
        debug: bool = ...,
        files: dict[str, str] | None = ...,
    ) -> t.Any: ...


@pytest.fixture
def view_app(tmp_path: Path) -> t.Iterator[ViewAppFactory]:
    """Create an app in ``tmp_path`` with ``views`` under ``resources/views`` and the view provider."""
    from protevus.foundation import Application
    from protevus.view.view_service_provider import ViewServiceProvider

    created: list[t.Any] = []

    def factory(
        views: dict[str, str] | None = None,
        *,
        debug: bool = False,
        files: dict[str, str] | None = None,
    ) -> t.Any:
        env = f"APP_KEY={KEY}\nAPP_DEBUG={'true' if debug else 'false'}\nLOG_CHANNEL=null\n"
        (tmp_path / ".env").write_text(env)
        for name, source in (views or {}).items():
            path = tmp_path / "resources" / "views" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(source))
        for name, source in (files or {}).items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(source))
        app = (
            Application.configure(tmp_path)
            .with_providers([ViewServiceProvider])
            .create()
        )
        created.append(app)
        return app

    yield factory
    for app in created:
        if app.resolved("log"):
            close = getattr(app.make("log"), "close", None)
            if close is not None:
                close()
