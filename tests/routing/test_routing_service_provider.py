"""The routing services in the container."""

from __future__ import annotations

import typing as t

import pytest

from protevus.routing.exceptions import RoutingError
from protevus.routing.redirector import Redirector
from protevus.routing.response_factory import ResponseFactory
from protevus.routing.router import Router
from protevus.routing.url_generator import UrlGenerator


def test_services_are_singletons_aliased_to_their_classes(make_app: t.Any) -> None:
    app = make_app()

    assert isinstance(app.make("router"), Router)
    assert app.make(Router) is app.make("router")
    assert app.make(UrlGenerator) is app.make("url")
    assert app.make(Redirector) is app.make("redirect")
    assert isinstance(app.make("response"), ResponseFactory)
    assert app.make("url").routes is app.make("router").get_routes()


def test_request_outside_a_request_is_a_clear_error(make_app: t.Any) -> None:
    app = make_app()

    with pytest.raises(RoutingError, match="There is no current request"):
        app.make("request")


def test_route_list_is_registered(make_app: t.Any) -> None:
    app = make_app()

    names = [getattr(command, "name", None) for command in app.get_commands()]
    assert "route:list" in names
