"""Commands: input, output helpers, questions (CliRunner input), closures, Artisan.call."""

from __future__ import annotations

import typing as t
from pathlib import Path

import pytest
from click.testing import CliRunner

from protevus.console.closure_command import ClosureCommand
from protevus.console.command import Command
from protevus.console.exceptions import CommandInputError
from protevus.console.exceptions import CommandNotFoundError
from protevus.console.exceptions import MissingInputError
from protevus.exceptions import InvalidArgumentError


class Mailer:
    sent: t.ClassVar[list[str]] = []

    def send(self, to: str) -> None:
        self.sent.append(to)


class SendEmails(Command):
    signature = "mail:send {user* : Users} {--Q|queue=default : Queue} {--dry-run}"
    description = "Send a marketing email to a user"

    def handle(self, mailer: Mailer) -> int:
        for user in self.argument("user"):
            mailer.send(user)
        self.info(
            f"Sent to {', '.join(self.argument('user'))} on {self.option('queue')}"
        )
        if self.option("dry_run"):
            self.comment("dry run")
        return 3 if self.option("queue") == "fail" else 0


class Ask(Command):
    signature = "ask"

    def handle(self) -> None:
        name = self.ask("What is your name?", "Taylor")
        sure = self.confirm("Sure?")
        color = self.choice("Color?", ["red", "blue"], 0)
        secret = self.secret("Password?")
        self.line(f"{name}|{sure}|{color}|{secret}")


def artisan(app: t.Any) -> t.Any:
    return app.make("artisan")


def test_call_injects_services_and_returns_the_exit_code(make_app: t.Any) -> None:
    app = make_app()
    kernel = artisan(app)
    kernel.register_command(SendEmails)
    Mailer.sent = []
    code = kernel.call(
        "mail:send", {"user": ["1", "2"], "--queue": "high", "--dry-run": True}
    )
    assert code == 0
    assert Mailer.sent == ["1", "2"]
    assert "Sent to 1, 2 on high" in kernel.output()
    assert "dry run" in kernel.output()
    assert kernel.call("mail:send 9 -Q fail") == 3
    assert "Sent to 9 on fail" in kernel.output()


def test_call_errors(make_app: t.Any) -> None:
    kernel = artisan(make_app())
    kernel.register_command(SendEmails)
    with pytest.raises(CommandNotFoundError, match='Command "nope" is not defined.'):
        kernel.call("nope")
    with pytest.raises(CommandInputError, match="Missing argument"):
        kernel.call("mail:send", {})
    with pytest.raises(CommandInputError, match='"who" argument does not exist'):
        kernel.call("mail:send", {"who": 1})


def test_handle_prints_and_unknown_commands_suggest(
    make_app: t.Any, capsys: t.Any
) -> None:
    app = make_app()
    artisan(app).register_command(SendEmails)
    assert app.handle_command(["mail:send", "5"]) == 0
    assert "Sent to 5 on default" in capsys.readouterr().out
    assert app.handle_command(["mail:sned"]) == 1
    out = capsys.readouterr().out
    assert 'Command "mail:sned" is not defined.' in out and "mail:send" in out
    assert app.handle_command(["mai:se", "6"]) == 0  # abbreviation
    assert "Sent to 6" in capsys.readouterr().out


def test_questions_read_clirunner_input(make_app: t.Any) -> None:
    app = make_app()
    kernel = artisan(app)
    kernel.register_command(Ask)
    result = CliRunner().invoke(
        kernel.group(), ["ask"], input="Abigail\nyes\nblue\ns3cret\n", obj=app
    )
    assert result.exit_code == 0, result.output
    assert "Abigail|True|blue|s3cret" in result.output
    assert "What is your name? [Taylor]" in result.output
    assert "[0] red" in result.output


def test_questions_use_defaults_without_interaction(make_app: t.Any) -> None:
    app = make_app()
    kernel = artisan(app)
    kernel.register_command(Ask)
    result = CliRunner().invoke(kernel.group(), ["ask", "-n"], obj=app)
    assert "Taylor|False|red|None" in result.output
    kernel.call("ask")  # Artisan.call never waits for input
    assert "Taylor|False|red|None" in kernel.output()


def test_invalid_choice_is_asked_again_then_missing_input_is_an_error(
    make_app: t.Any,
) -> None:
    app = make_app()
    kernel = artisan(app)

    class Pick(Command):
        signature = "pick"

        def handle(self) -> None:
            self.line(
                str(self.choice("Size?", {"s": "Small", "l": "Large"}, multiple=True))
            )

    kernel.register_command(Pick)
    result = CliRunner().invoke(
        kernel.group(), ["pick"], input="xl\ns,Large\n", obj=app
    )
    assert 'Value "xl" is invalid' in result.output
    assert "['s', 'l']" in result.output
    result = CliRunner().invoke(kernel.group(), ["pick"], input="", obj=app)
    assert isinstance(result.exception, MissingInputError)
    assert "[Size?] needs an answer" in str(result.exception)


def test_output_helpers(make_app: t.Any) -> None:
    app = make_app()
    kernel = artisan(app)

    class Show(Command):
        signature = "show"

        def handle(self) -> None:
            self.line("plain")
            self.error("bad")
            self.warn("careful")
            self.alert("Heads up")
            self.table(["id", "name"], [{"id": 1, "name": "Taylor"}, [2, None]])
            self.table(["a"], [["x"]], "compact")
            self.new_line(2)
            items = self.with_progress_bar([1, 2, 3], lambda item, bar: None)
            self.line(f"items={items}")
            bar = self.create_progress_bar(2)
            bar.start()
            bar.advance()
            bar.finish()
            self.components.info("Done it.")
            self.components.two_column_detail("Key", "Value")
            self.components.task("Step", lambda: True)

    kernel.register_command(Show)
    assert kernel.call("show") == 0
    out = kernel.output()
    assert "plain\nbad\ncareful\n" in out
    assert "*     Heads up     *" in out and "*" * 20 in out
    assert (
        "+----+--------+\n| id | name   |\n+----+--------+\n| 1  | Taylor |\n| 2  |        |\n"
        in out
    )
    assert "a\nx\n" in out
    assert "items=[1, 2, 3]" in out
    assert "3/3" in out and "2/2" in out
    assert "  INFO  Done it." in out
    assert "Key ...." in out and "DONE" in out
    assert "\x1b[" not in out  # no ANSI codes in a buffer


def test_line_rejects_unknown_styles_and_unknown_input_names(make_app: t.Any) -> None:
    kernel = artisan(make_app())

    class Bad(Command):
        signature = "bad {name?}"

        def handle(self) -> None:
            if self.argument("name") == "style":
                self.line("x", "sparkly")
            self.option("missing")

    kernel.register_command(Bad)
    with pytest.raises(InvalidArgumentError, match=r"Output style \[sparkly\]"):
        kernel.call("bad", {"name": "style"})
    with pytest.raises(InvalidArgumentError, match='"--missing" option does not exist'):
        kernel.call("bad")


def test_fail_prints_an_error_and_exits_with_1(make_app: t.Any, capsys: t.Any) -> None:
    app = make_app()

    class Failing(Command):
        signature = "failing"

        def handle(self) -> None:
            self.fail("Could not reach the server.")

    artisan(app).register_command(Failing)
    assert app.handle_command(["failing"]) == 1
    assert "ERROR  Could not reach the server." in capsys.readouterr().out


def test_exceptions_are_reported_and_rendered_by_handle(
    make_app: t.Any, capsys: t.Any
) -> None:
    app = make_app()

    class Boom(Command):
        signature = "boom"

        def handle(self) -> None:
            raise RuntimeError("It broke.")

    kernel = artisan(app)
    kernel.register_command(Boom)
    assert app.handle_command(["boom"]) == 1
    out = capsys.readouterr().out
    assert "RuntimeError" in out and "It broke." in out
    with pytest.raises(RuntimeError):
        kernel.call("boom")  # Artisan.call lets exceptions through, like Laravel


def test_closure_commands_get_input_by_name_and_the_command(make_app: t.Any) -> None:
    app = make_app()
    kernel = artisan(app)

    @kernel.command("greet {name=World} {--y|yell}")
    def greet(name: str, yell: bool, command: Command, mailer: Mailer) -> None:
        """Greet someone."""
        assert isinstance(mailer, Mailer)
        command.info(f"Hello {name}{'!' if yell else '.'}")

    assert isinstance(greet, ClosureCommand)
    kernel.command("quiet", lambda: 5).purpose("Exit with five")
    assert kernel.call("greet", {"name": "Taylor", "--yell": True}) == 0
    assert kernel.output() == "Hello Taylor!\n"
    assert kernel.call("quiet") == 5
    kernel.call("list")
    assert "Greet someone." in kernel.output() and "Exit with five" in kernel.output()


def test_command_calls_another_command(make_app: t.Any) -> None:
    kernel = artisan(make_app())
    kernel.command("inner {x}", lambda x, command: command.line(f"inner {x}"))

    class Outer(Command):
        signature = "outer"

        def handle(self) -> int:
            self.call("inner", {"x": "loud"})
            return self.call_silently("inner", {"x": "silent"})

    kernel.register_command(Outer)
    assert kernel.call("outer") == 0
    assert "inner loud" in kernel.output() and "silent" not in kernel.output()


def test_list_and_help(make_app: t.Any) -> None:
    kernel = artisan(make_app())
    kernel.register_command(SendEmails)
    kernel.call("list")
    out = kernel.output()
    assert out.startswith("Protevus Framework ")
    assert "Available commands:" in out
    assert out.index("  list ") < out.index(" mail\n") < out.index("  mail:send ")
    kernel.call("list", {"namespace": "mail"})
    assert 'Available commands for the "mail" namespace:' in kernel.output()
    kernel.call("list", {"--raw": True})
    assert "mail:send" in kernel.output() and "Usage" not in kernel.output()
    kernel.call("help", {"command_name": "mail:send"})
    help_text = kernel.output()
    assert "Description:\n  Send a marketing email to a user" in help_text
    assert "mail:send [options] [--] <user>..." in help_text
    assert "-Q, --queue=QUEUE" in help_text and '[default: "default"]' in help_text
    kernel.call("mail:send --help")
    assert "Usage:" in kernel.output()


def test_discovery_of_app_console_commands(make_app: t.Any, tmp_path: Path) -> None:
    folder = tmp_path / "app" / "console" / "commands"
    folder.mkdir(parents=True)
    (folder / "report.py").write_text(
        "from protevus.console.command import Command\n"
        "class Report(Command):\n"
        "    signature = 'report:daily {--day=monday}'\n"
        "    description = 'Send the daily report'\n"
        "    def handle(self):\n"
        "        self.info('report for ' + self.option('day'))\n"
    )
    (folder / "_private.py").write_text("raise RuntimeError('never imported')\n")
    (tmp_path / "routes").mkdir()
    (tmp_path / "routes" / "console.py").write_text(
        "from protevus.facades import Artisan\n"
        "Artisan.command('ping', lambda command: command.line('pong')).purpose('Ping')\n"
    )
    app = make_app()
    app.routing["commands"] = "routes/console.py"
    kernel = artisan(app)
    assert kernel.call("report:daily", {"--day": "friday"}) == 0
    assert "report for friday" in kernel.output()
    assert kernel.call("ping") == 0 and kernel.output() == "pong\n"
    assert "report:daily" in kernel.all() and "ping" in kernel.all()


def test_command_without_signature_is_rejected(make_app: t.Any) -> None:
    class Nameless(Command):
        def handle(self) -> None: ...

    with pytest.raises(
        InvalidArgumentError, match=r"Command \[Nameless\] has no signature"
    ):
        artisan(make_app()).group().add(Nameless)


def test_global_flags_and_version(make_app: t.Any) -> None:
    app = make_app()
    kernel = artisan(app)
    kernel.register_command(SendEmails)
    runner = CliRunner()
    result = runner.invoke(kernel.group(), ["-V"], obj=app)
    assert result.output.startswith("Protevus Framework ")
    result = runner.invoke(kernel.group(), ["mail:send", "1", "-q"], obj=app)
    assert result.exit_code == 0 and result.output == ""
    result = runner.invoke(
        kernel.group(), ["mail:send", "1", "--ansi"], obj=app, color=True
    )
    assert "\x1b[32mSent to 1" in result.output


def test_a_required_argument_must_be_given(make_app: t.Any) -> None:
    from protevus.console.exceptions import CommandInputError
    from protevus.facades import Artisan

    app = make_app()
    seen: list[t.Any] = []
    Artisan.command("greet {name}", lambda name: seen.append(name))
    with pytest.raises(CommandInputError, match=r"Missing argument 'name'"):
        Artisan.call("greet", {})
    assert app.handle_command(["greet"]) != 0
    assert seen == []
    assert Artisan.call("greet", {"name": "bob"}) == 0
    assert seen == ["bob"]
