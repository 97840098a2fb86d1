"""The password reset flow through a whole application and its HTTP routes.

POST /forgot-password → a hashed token row, and the log mailer writes the mail with
the reset URL holding the plain token → POST /reset-password with that token →
the callback saves the password, the row is gone and ``PasswordReset`` fired.
The controller recipes are docs/passwords.md's; users come from the auth manager's
eloquent provider.
"""

from __future__ import annotations

import re
import shutil
import typing as t
from pathlib import Path

import pytest

from protevus.auth.must_verify_email import MustVerifyEmail
from protevus.auth.notifications.notifiable import Notifiable
from protevus.auth.notifications.reset_password import ResetPassword
from protevus.auth.user import User

KEY = "base64:" + "A" * 43 + "="
ROOT = Path(__file__).resolve().parents[3]


class FlowUser(User, MustVerifyEmail, Notifiable):
    table = "users"
    hidden = ["password"]


def _routes(router: t.Any) -> None:
    from protevus.auth.events import PasswordReset
    from protevus.helpers import __
    from protevus.helpers import app

    def send_link(request: t.Any) -> t.Any:
        request.validate({"email": "required|email"})
        status = app("auth.password").broker().send_reset_link(request.only("email"))
        code = 200 if status == "passwords.sent" else 422
        return {"status": status, "message": __(status)}, code

    def reset_form(request: t.Any, token: str) -> t.Any:
        return {"token": token, "email": request.query("email")}

    def reset(request: t.Any) -> t.Any:
        request.validate(
            {"token": "required", "email": "required|email", "password": "required"}
        )

        def save(user: t.Any, password: str) -> None:
            user.force_fill({"password": app("hash").make(password)}).save()
            app("events").dispatch(PasswordReset(user))

        status = (
            app("auth.password")
            .broker()
            .reset(request.only("email", "password", "token"), save)
        )
        code = 200 if status == "passwords.reset" else 422
        return {"status": status, "message": __(status)}, code

    router.post("/forgot-password", send_link).name("password.email")
    router.get("/reset-password/{token}", reset_form).name("password.reset")
    router.post("/reset-password", reset).name("password.update")


@pytest.fixture
def flow_app(tmp_path: Path) -> t.Iterator[t.Any]:
    from protevus.foundation import Application

    (tmp_path / ".env").write_text(
        f"APP_ENV=testing\nAPP_KEY={KEY}\nAPP_URL=http://localhost\nAPP_NAME=Shop\n"
        "LOG_CHANNEL=single\nSESSION_DRIVER=array\nBCRYPT_ROUNDS=4\n"
        f"DB_CONNECTION=sqlite\nDB_DATABASE={tmp_path / 'database.sqlite'}\n"
    )
    (tmp_path / "database.sqlite").touch()
    migrations = tmp_path / "database" / "migrations"
    migrations.mkdir(parents=True)
    shutil.copy(
        ROOT / "skeleton/database/migrations/0001_01_01_000000_create_users_table.py",
        migrations,
    )
    providers = [
        "protevus.auth.auth_service_provider.AuthServiceProvider",
        "protevus.auth.passwords.password_reset_service_provider."
        "PasswordResetServiceProvider",
    ]
    app = (
        Application.configure(tmp_path)
        .with_providers(providers)
        .with_routing(web=_routes)
        .create()
    )
    app.make("config").set("auth.providers.users.model", FlowUser)
    app.make("artisan").call("migrate", {"--force": True})
    FlowUser.query().insert(
        [
            {"name": "Ada", "email": "ada@example.com", "password": "old"},
            {"name": "Bob", "email": "bob@example.com", "password": "old"},
        ]
    )
    yield app
    app.make("db").disconnect()
    ResetPassword.create_url_using(None)
    ResetPassword.to_mail_using(None)


def _log(app: t.Any) -> str:
    path = Path(app.storage_path("logs/protevus.log"))
    return path.read_text() if path.exists() else ""


def _client(app: t.Any) -> t.Any:
    from protevus.testing.client import TestClient

    return TestClient(app)


def _mailed_token(app: t.Any) -> str:
    found = re.findall(
        r"http://localhost/reset-password/([0-9a-f]{64})\?email=ada%40example\.com",
        _log(app),
    )
    assert found, _log(app)
    return str(found[-1])


def test_the_whole_reset_flow(flow_app: t.Any) -> None:
    from protevus.auth.events import PasswordReset
    from protevus.auth.events import PasswordResetLinkSent

    seen: list[t.Any] = []
    links: list[t.Any] = []
    flow_app.make("events").listen(PasswordReset, lambda event: seen.append(event))
    flow_app.make("events").listen(
        PasswordResetLinkSent, lambda event: links.append(event)
    )
    client = _client(flow_app)

    sent = client.post_json("/forgot-password", {"email": "ada@example.com"})
    assert sent.status_code == 200, sent.exception
    assert sent.json() == {
        "status": "passwords.sent",
        "message": "We have emailed your password reset link.",
    }
    assert [event.user.email for event in links] == ["ada@example.com"]
    row = flow_app.make("db").table("password_reset_tokens").first()
    token = _mailed_token(flow_app)
    assert row["email"] == "ada@example.com"
    assert row["token"] != token and flow_app.make("hash").check(token, row["token"])
    log = _log(flow_app)
    assert "To: ada@example.com" in log
    assert "Subject: Reset Password Notification" in log
    assert "You are receiving this email because we received a password reset" in log
    assert "This password reset link will expire in 60 minutes." in log
    assert "Regards,\nShop" in log

    form = client.get(f"/reset-password/{token}?email=ada%40example.com")
    assert form.json() == {"token": token, "email": "ada@example.com"}

    wrong = client.post_json(
        "/reset-password",
        {"email": "ada@example.com", "token": "0" * 64, "password": "n3w-secret"},
    )
    assert wrong.status_code == 422
    assert wrong.json("message") == "This password reset token is invalid."

    done = client.post_json(
        "/reset-password",
        {"email": "ada@example.com", "token": token, "password": "n3w-secret"},
    )
    assert done.json() == {
        "status": "passwords.reset",
        "message": "Your password has been reset.",
    }
    ada = FlowUser.query().where("email", "ada@example.com").first()
    assert flow_app.make("hash").check("n3w-secret", ada.password)
    assert flow_app.make("db").table("password_reset_tokens").count() == 0
    assert [event.user.email for event in seen] == ["ada@example.com"]


def test_a_forged_host_header_never_reaches_the_mailed_link(flow_app: t.Any) -> None:
    client = _client(flow_app)
    sent = client.post_json(
        "http://attacker.example/forgot-password", {"email": "ada@example.com"}
    )
    assert sent.status_code == 200, sent.exception
    assert "attacker.example" not in _log(flow_app)
    assert _mailed_token(flow_app)  # the link is on APP_URL (http://localhost)


def test_throttled_and_unknown_users(flow_app: t.Any) -> None:
    client = _client(flow_app)

    first = client.post_json("/forgot-password", {"email": "ada@example.com"})
    assert first.status_code == 200
    again = client.post_json("/forgot-password", {"email": "ada@example.com"})
    assert again.json() == {
        "status": "passwords.throttled",
        "message": "Please wait before retrying.",
    }
    nobody = client.post_json("/forgot-password", {"email": "nobody@example.com"})
    assert nobody.json("message") == "We can't find a user with that email address."
    bob = client.post_json("/forgot-password", {"email": "bob@example.com"})
    assert bob.status_code == 200
    assert flow_app.make("db").table("password_reset_tokens").count() == 2


def test_bad_input_is_a_422_never_a_500(flow_app: t.Any) -> None:
    client = _client(flow_app)

    assert client.post_json("/forgot-password", {"email": ["x"]}).status_code == 422
    assert client.post_json("/forgot-password", {}).status_code == 422
    response = client.post_json(
        "/reset-password", {"email": "ada@example.com", "token": {"$gt": ""}}
    )
    assert response.status_code == 422


def test_the_app_lang_file_wins_over_the_defaults(flow_app: t.Any) -> None:
    lang = Path(flow_app.lang_path("en"))
    lang.mkdir(parents=True, exist_ok=True)
    (lang / "passwords.py").write_text("messages = {'sent': 'Check your inbox.'}\n")
    flow_app.forget_instance("translator")
    translator = flow_app.make("translator")

    assert translator.get("passwords.sent") == "Check your inbox."
    assert translator.get("passwords.user") == (
        "We can't find a user with that email address."
    )


def test_the_broker_manager(flow_app: t.Any) -> None:
    from protevus.auth.passwords.password_broker import PasswordBroker
    from protevus.auth.passwords.password_broker_manager import PasswordBrokerManager
    from protevus.exceptions import InvalidArgumentError

    manager = flow_app.make("auth.password")
    assert isinstance(manager, PasswordBrokerManager)
    assert flow_app.make(PasswordBrokerManager) is manager
    broker = manager.broker()
    assert isinstance(broker, PasswordBroker)
    assert manager.broker("users") is broker
    assert isinstance(flow_app.make("auth.password.broker"), PasswordBroker)
    assert broker.tokens.expires == 3600 and broker.tokens.throttle == 60
    assert manager.get_default_driver() == "users"
    # unknown attributes reach the default broker, as Laravel's __call
    assert manager.INVALID_USER == "passwords.user"
    assert manager.sendResetLink({"email": "nobody@example.com"}) == "passwords.user"
    with pytest.raises(InvalidArgumentError, match=r"Password resetter \[admins\]"):
        manager.broker("admins")


def test_custom_urls_and_messages(flow_app: t.Any) -> None:
    from protevus.auth.notifications.mail_message import MailMessage

    ResetPassword.create_url_using(
        lambda user, token: f"https://spa.example.com/reset?token={token}"
    )
    broker = flow_app.make("auth.password").broker()
    assert broker.send_reset_link({"email": "ada@example.com"}) == "passwords.sent"
    assert "Reset Password: https://spa.example.com/reset?token=" in _log(flow_app)

    ResetPassword.to_mail_using(
        lambda user, token: MailMessage().subject("Your link").line(f"Hi {user.name}")
    )
    assert broker.send_reset_link({"email": "bob@example.com"}) == "passwords.sent"
    assert "Subject: Your link" in _log(flow_app)
    assert "Hi Bob" in _log(flow_app)
