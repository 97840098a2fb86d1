"""Artisan's built-in commands: serve, key:generate, down/up, optimize, tinker, make:*."""

from __future__ import annotations

import json
import re
import typing as t
from pathlib import Path

import pytest


def call(
    app: t.Any, command: str, parameters: dict[str, t.Any] | None = None
) -> tuple[int, str]:
    kernel = app.make("artisan")
    code = kernel.call(command, parameters or {})
    return code, kernel.output()


def test_serve_passes_the_wsgi_app_to_run_simple(
    make_app: t.Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from werkzeug import serving

    seen: dict[str, t.Any] = {}
    monkeypatch.setattr(
        serving, "run_simple", lambda *a, **kw: seen.update(args=a, kwargs=kw)
    )
    app = make_app()
    wsgi = object()
    monkeypatch.setattr(type(app), "wsgi", wsgi, raising=False)
    (tmp_path / "public").mkdir()
    code, out = call(app, "serve", {"--port": "8080", "--no-reload": True})
    assert code == 0
    assert "INFO  Server running on [http://127.0.0.1:8080]." in out
    assert seen["args"] == ("127.0.0.1", 8080, wsgi)
    assert seen["kwargs"] == {
        "use_reloader": False,
        "use_debugger": False,
        "static_files": {"/": str(tmp_path / "public")},
    }
    code, out = call(app, "serve", {"--port": "nope"})
    assert code == 1 and "The port [nope] is not a valid port number" in out


def test_key_generate_writes_and_replaces_app_key(
    make_app: t.Any, tmp_path: Path
) -> None:
    app = make_app(env="APP_ENV=local\nAPP_NAME=Shop\nAPP_KEY=old\n")
    code, out = call(app, "key:generate")
    assert code == 0 and "Application key set successfully." in out
    text = (tmp_path / ".env").read_text()
    key = re.search(r"^APP_KEY=(base64:\S+)$", text, re.M)
    assert key is not None and "APP_KEY=old" not in text and "APP_NAME=Shop" in text
    import base64

    assert len(base64.b64decode(key.group(1)[7:])) == 32
    assert app.make("config").get("app.key") == key.group(1)

    code, out = call(app, "key:generate", {"--show": True})
    assert out.strip().startswith("base64:") and out.strip() != key.group(1)
    assert (tmp_path / ".env").read_text() == text  # --show changes nothing


def test_key_generate_adds_the_line_and_asks_in_production(
    make_app: t.Any, tmp_path: Path
) -> None:
    app = make_app(env="APP_ENV=production\nAPP_NAME=Shop")
    code, out = call(app, "key:generate")
    assert code == 1 and "Command cancelled." in out
    assert "APP_KEY" not in (tmp_path / ".env").read_text()
    code, out = call(app, "key:generate", {"--force": True})
    assert code == 0
    assert re.fullmatch(
        r"APP_ENV=production\nAPP_NAME=Shop\nAPP_KEY=base64:\S+\n",
        (tmp_path / ".env").read_text(),
    )


def test_down_and_up(make_app: t.Any, tmp_path: Path) -> None:
    app = make_app(env="APP_URL=http://shop.test\n")
    down = tmp_path / "storage" / "framework" / "down"
    code, out = call(
        app,
        "down",
        {
            "--secret": "s3cret",
            "--retry": "60",
            "--refresh": "15",
            "--redirect": "maintenance/",
        },
    )
    assert code == 0 and "Application is now in maintenance mode." in out
    assert "You may bypass maintenance mode via [http://shop.test/s3cret]." in out
    assert json.loads(down.read_text()) == {
        "except": [],
        "redirect": "/maintenance",
        "retry": 60,
        "refresh": 15,
        "secret": "s3cret",
        "status": 503,
        "template": None,
    }
    code, out = call(app, "down")
    assert "Application is already down." in out
    code, out = call(app, "up")
    assert code == 0 and "Application is now live." in out and not down.exists()
    code, out = call(app, "up")
    assert "Application is already up." in out


def test_down_defaults_and_bad_numbers(make_app: t.Any, tmp_path: Path) -> None:
    app = make_app()
    code, out = call(app, "down", {"--retry": "soon"})
    assert code == 1 and "The --retry option [soon] must be a whole number." in out
    code, _ = call(app, "down", {"--with-secret": True, "--status": "200"})
    payload = json.loads((tmp_path / "storage" / "framework" / "down").read_text())
    assert payload["status"] == 200 and len(payload["secret"]) >= 12
    assert payload["retry"] is None and payload["redirect"] is None


def test_optimize_and_optimize_clear(make_app: t.Any, tmp_path: Path) -> None:
    app = make_app()
    code, out = call(app, "optimize")
    assert (
        code == 0 and "Caching framework bootstrap, configuration, and metadata." in out
    )
    assert re.search(r"config \.+ .*DONE", out)
    assert (tmp_path / "bootstrap" / "cache" / "config.json").is_file()
    code, out = call(app, "optimize:clear")
    assert code == 0 and "Clearing cached bootstrap files." in out
    assert not (tmp_path / "bootstrap" / "cache" / "config.json").exists()


def test_tinker_execute_sees_app_facades_and_models(
    make_app: t.Any, tmp_path: Path
) -> None:
    models = tmp_path / "app" / "models"
    models.mkdir(parents=True)
    (models / "post.py").write_text("class Post:\n    title = 'hello'\n")
    app = make_app(env="APP_NAME=Tinkered\n")
    code, out = call(
        app,
        "tinker",
        {"--execute": "print(app.version(), Config.get('app.name'), Post.title)"},
    )
    assert code == 0
    assert out.strip() == f"{app.version()} Tinkered hello"


def test_tinker_starts_the_plain_shell(
    make_app: t.Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import code as code_module

    seen: dict[str, t.Any] = {}
    monkeypatch.setattr(code_module, "interact", lambda **kw: seen.update(kw))
    app = make_app()
    assert call(app, "tinker", {"--plain": True})[0] == 0
    assert seen["local"]["app"] is app and "Route" in seen["local"]


@pytest.mark.parametrize(
    ("options", "path", "expected", "absent"),
    [
        (
            {},
            "app/http/controllers/post_controller.py",
            "class PostController(Controller):",
            "def index",
        ),
        (
            {"--resource": True},
            "app/http/controllers/post_controller.py",
            "def edit(self, id: str):",
            "__call__",
        ),
        (
            {"--api": True},
            "app/http/controllers/post_controller.py",
            "def update(self, request: Request, id: str):",
            "def edit",
        ),
        (
            {"--invokable": True},
            "app/http/controllers/post_controller.py",
            "def __call__(self, request: Request):",
            "def index",
        ),
    ],
)
def test_make_controller_variants(
    make_app: t.Any,
    tmp_path: Path,
    options: dict[str, t.Any],
    path: str,
    expected: str,
    absent: str,
) -> None:
    app = make_app()
    code, out = call(app, "make:controller", {"name": "PostController", **options})
    assert code == 0
    assert f"INFO  Controller [{path}] created successfully." in out
    source = (tmp_path / path).read_text()
    assert expected in source and absent not in source
    compile(source, path, "exec")


def test_generators_refuse_to_overwrite_without_force(
    make_app: t.Any, tmp_path: Path
) -> None:
    app = make_app()
    assert call(app, "make:controller", {"name": "Admin/PostController"})[0] == 0
    target = tmp_path / "app/http/controllers/admin/post_controller.py"
    target.write_text("# mine\n")
    code, out = call(app, "make:controller", {"name": "Admin/PostController"})
    assert code == 1 and "ERROR  Controller already exists." in out
    assert target.read_text() == "# mine\n"
    code, out = call(
        app, "make:controller", {"name": "Admin/PostController", "--force": True}
    )
    assert code == 0 and "class PostController" in target.read_text()
    code, out = call(app, "make:controller", {"name": "class"})
    assert code == 1 and 'The name "class" is not a valid Python class name.' in out


def test_make_middleware_command_and_test(make_app: t.Any, tmp_path: Path) -> None:
    app = make_app()
    code, out = call(app, "make:middleware", {"name": "EnsureTokenIsValid"})
    assert (
        "Middleware [app/http/middleware/ensure_token_is_valid.py] created successfully."
        in out
    )
    source = (tmp_path / "app/http/middleware/ensure_token_is_valid.py").read_text()
    assert "class EnsureTokenIsValid:" in source and "return next(request)" in source

    code, out = call(app, "make:command", {"name": "SendEmails"})
    source = (tmp_path / "app/console/commands/send_emails.py").read_text()
    assert (
        'signature = "app:send-emails"' in source
        and "class SendEmails(Command):" in source
    )
    call(app, "make:command", {"name": "Prune", "--command": "db:prune-old"})
    assert (
        'signature = "db:prune-old"'
        in (tmp_path / "app/console/commands/prune.py").read_text()
    )

    code, out = call(app, "make:test", {"name": "UserTest"})
    assert "Test [tests/feature/test_user.py] created successfully." in out
    assert "client.get" in (tmp_path / "tests/feature/test_user.py").read_text()
    code, out = call(app, "make:test", {"name": "MoneyTest", "--unit": True})
    assert (
        "def test_that_true_is_true"
        in (tmp_path / "tests/unit/test_money.py").read_text()
    )


def test_generated_command_is_discovered(make_app: t.Any, tmp_path: Path) -> None:
    app = make_app()
    call(app, "make:command", {"name": "SendEmails"})
    fresh = make_app()
    assert "app:send-emails" in fresh.make("artisan").all()


def test_make_provider_registers_it_in_bootstrap_providers(
    make_app: t.Any, tmp_path: Path
) -> None:
    app = make_app()
    (tmp_path / "bootstrap").mkdir(exist_ok=True)
    providers = tmp_path / "bootstrap" / "providers.py"
    providers.write_text(
        '"""Providers."""\n\nfrom app.providers.app_service_provider import AppServiceProvider\n\n'
        "providers = [\n    AppServiceProvider,\n]\n"
    )
    code, out = call(app, "make:provider", {"name": "BillingServiceProvider"})
    assert (
        "Provider [app/providers/billing_service_provider.py] created successfully."
        in out
    )
    assert providers.read_text() == (
        '"""Providers."""\n\nfrom app.providers.app_service_provider import AppServiceProvider\n'
        "from app.providers.billing_service_provider import BillingServiceProvider\n\n"
        "providers = [\n    AppServiceProvider,\n    BillingServiceProvider,\n]\n"
    )
    call(app, "make:provider", {"name": "BillingServiceProvider", "--force": True})
    assert providers.read_text().count("BillingServiceProvider,") == 1
