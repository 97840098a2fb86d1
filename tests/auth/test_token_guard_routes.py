"""Token auth through the HTTP stack: ``auth:api`` and the ability middleware on API routes.

The issue's acceptance: no token → 401 JSON, revoked token → 401, a token lacking the
ability → 403, a valid one → 200. Needs the AuthManager (``protevus.auth.auth_manager``).
"""

from __future__ import annotations

import textwrap
import typing as t
from pathlib import Path

import pytest

from protevus.auth.has_api_tokens import HasApiTokens
from protevus.auth.middleware.check_abilities import CheckAbilities
from protevus.auth.middleware.check_for_any_ability import CheckForAnyAbility
from protevus.database.eloquent.model import Model

pytest.importorskip("protevus.auth.auth_manager")

KEY = "base64:" + "A" * 43 + "="
PROVIDER = "protevus.auth.auth_service_provider.AuthServiceProvider"

ROUTES = """
from protevus.facades import Route


def me(request):
    user = request.user()
    return {'id': user.id, 'token': user.current_access_token().name}


def orders(request):
    return {'orders': []}


Route.get('/user', me).middleware('auth:api')
Route.get('/orders', orders).middleware(['auth:api', 'abilities:orders:read,orders:list'])
Route.get('/reports', orders).middleware(['auth:api', 'ability:reports:read,admin'])
"""

AUTH_CONFIG = """
config = {{
    'defaults': {{'guard': 'web', 'passwords': 'users'}},
    'guards': {{
        'web': {{'driver': 'session', 'provider': 'users'}},
        'api': {{'driver': 'token', 'provider': 'users'}},
    }},
    'providers': {{'users': {{'driver': 'eloquent', 'model': {model!r}}}}},
}}
"""


class RouteUser(HasApiTokens, Model):
    table = "users"
    guarded: t.ClassVar[list[str]] = []

    def get_auth_identifier(self) -> t.Any:
        return self.get_key()


def _middleware(middleware: t.Any) -> None:
    middleware.alias({"abilities": CheckAbilities, "ability": CheckForAnyAbility})


@pytest.fixture
def client(tmp_path: Path) -> t.Iterator[t.Any]:
    from protevus.foundation import Application
    from protevus.foundation.providers import FRAMEWORK_PROVIDERS

    database = tmp_path / "database.sqlite"
    database.touch()
    (tmp_path / ".env").write_text(
        f"APP_KEY={KEY}\nAPP_DEBUG=false\nLOG_CHANNEL=null\nSESSION_DRIVER=array\n"
        f"DB_CONNECTION=sqlite\nDB_DATABASE={database}\nBCRYPT_ROUNDS=4\n"
    )
    (tmp_path / "routes").mkdir()
    (tmp_path / "routes" / "api.py").write_text(textwrap.dedent(ROUTES))
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "auth.py").write_text(
        AUTH_CONFIG.format(model=RouteUser.class_path())
    )
    providers = [] if PROVIDER in FRAMEWORK_PROVIDERS else [PROVIDER]
    app = (
        Application.configure(tmp_path)
        .with_providers(providers)
        .with_routing(api="routes/api.py")
        .with_middleware(_middleware)
        .create()
    )
    schema = app.make("db").connection().get_schema_builder()

    def users(table: t.Any) -> None:
        table.id()
        table.string("name")
        table.timestamps()

    def tokens(table: t.Any) -> None:
        table.id()
        table.morphs("tokenable")
        table.text("name")
        table.string("token", 64).unique()
        table.text("abilities").nullable()
        table.timestamp("last_used_at").nullable()
        table.timestamp("expires_at").nullable().index()
        table.timestamps()

    schema.create("users", users)
    schema.create("personal_access_tokens", tokens)
    Model.clear_booted_models()
    try:
        yield app.flask.test_client()
    finally:
        Model.clear_booted_models()
        app.make("db").disconnect()


def get(client: t.Any, path: str, token: str | None = None) -> t.Any:
    headers = {"Accept": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return client.get(path, headers=headers)


def test_without_a_token_the_api_answers_401_json(client: t.Any) -> None:
    response = get(client, "/api/user")

    assert response.status_code == 401
    assert response.get_json() == {"message": "Unauthenticated."}


def test_a_valid_token_reaches_the_route(client: t.Any) -> None:
    user = RouteUser.create({"name": "ada"})
    new = user.create_token("cli")

    response = get(client, "/api/user", new.plain_text_token)

    assert response.status_code == 200
    assert response.get_json() == {"id": user.id, "token": "cli"}


def test_a_revoked_token_answers_401(client: t.Any) -> None:
    user = RouteUser.create({"name": "ada"})
    new = user.create_token("cli")
    assert get(client, "/api/user", new.plain_text_token).status_code == 200

    user.tokens().where("id", new.access_token.id).delete()

    response = get(client, "/api/user", new.plain_text_token)
    assert response.status_code == 401
    assert response.get_json() == {"message": "Unauthenticated."}


@pytest.mark.parametrize(
    "token", ["1|wrong", "garbage", "abc|def", "9" * 40 + "|x", "x" * 3000]
)
def test_bad_tokens_answer_401_never_500(client: t.Any, token: str) -> None:
    RouteUser.create({"name": "ada"}).create_token("cli")

    assert get(client, "/api/user", token).status_code == 401


@pytest.mark.parametrize(
    ("abilities", "path", "status"),
    [
        (["orders:read", "orders:list"], "/api/orders", 200),
        (["*"], "/api/orders", 200),
        (["orders:read"], "/api/orders", 403),
        ([], "/api/orders", 403),
        (["admin"], "/api/reports", 200),
        (["reports:read"], "/api/reports", 200),
        (["orders:read"], "/api/reports", 403),
    ],
)
def test_abilities_answer_403_when_missing(
    client: t.Any, abilities: list[str], path: str, status: int
) -> None:
    new = RouteUser.create({"name": "ada"}).create_token("cli", abilities)

    response = get(client, path, new.plain_text_token)

    assert response.status_code == status
    if status == 403:
        assert response.get_json() == {"message": "Invalid ability provided."}


def test_the_ability_routes_without_a_token_answer_401(client: t.Any) -> None:
    assert get(client, "/api/orders").status_code == 401
    assert get(client, "/api/reports").status_code == 401
