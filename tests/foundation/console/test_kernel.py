"""Artisan.call captures only the calling thread's output; other threads keep their stdout."""

from __future__ import annotations

import sys
import threading
import typing as t

import click
import pytest

from protevus.console.command import Command

WAIT = 5.0


def artisan(app: t.Any) -> t.Any:
    return app.make("artisan")


def in_thread(target: t.Callable[[], None]) -> threading.Thread:
    thread = threading.Thread(target=target)
    thread.start()
    return thread


@pytest.mark.parametrize("writer", ["print", "echo"])
def test_another_threads_output_during_a_call_is_not_captured(
    make_app: t.Any, capsys: pytest.CaptureFixture[str], writer: str
) -> None:
    kernel = artisan(make_app())
    started, other_done = threading.Event(), threading.Event()

    def say(text: str) -> None:
        print(text) if writer == "print" else click.echo(text)

    def other() -> None:
        assert started.wait(WAIT)
        say("from another thread")
        other_done.set()

    def busy() -> int:
        say("before")
        started.set()
        assert other_done.wait(WAIT)
        say("after")
        return 7

    kernel.command("busy", busy)
    thread = in_thread(other)
    assert kernel.call("busy") == 7
    thread.join(WAIT)
    assert kernel.output() == "before\nafter\n"
    out = capsys.readouterr().out
    assert out == "from another thread\n"


def test_prints_after_a_call_reach_stdout_again(
    make_app: t.Any, capsys: pytest.CaptureFixture[str]
) -> None:
    kernel = artisan(make_app())
    kernel.command("hello", lambda: print("inside"))
    print("first")
    assert kernel.call("hello") == 0
    print("second")
    assert kernel.output() == "inside\n"
    assert capsys.readouterr().out == "first\nsecond\n"


def test_a_failing_command_releases_the_capture(
    make_app: t.Any, capsys: pytest.CaptureFixture[str]
) -> None:
    kernel = artisan(make_app())

    def boom() -> None:
        print("partial")
        raise RuntimeError("boom")

    kernel.command("boom", boom)
    with pytest.raises(RuntimeError, match="boom"):
        kernel.call("boom")
    print("visible")
    assert capsys.readouterr().out == "visible\n"
    assert kernel.output() == "partial\n"


def test_nested_calls_print_into_the_outer_buffer_or_nowhere(
    make_app: t.Any, capsys: pytest.CaptureFixture[str]
) -> None:
    kernel = artisan(make_app())
    kernel.command("inner {x}", lambda x: print(f"inner {x}"))

    class Outer(Command):
        signature = "outer"

        def handle(self) -> int:
            print("outer start")
            self.call("inner", {"x": "loud"})
            code = self.call_silently("inner", {"x": "silent"})
            print("outer end")
            return code

    kernel.register_command(Outer)
    assert kernel.call("outer") == 0
    assert kernel.output() == "outer start\ninner loud\nouter end\n"
    assert capsys.readouterr().out == ""


def test_a_given_output_buffer_receives_prints(make_app: t.Any) -> None:
    import io

    kernel = artisan(make_app())
    kernel.command("hello", lambda command: (print("printed"), command.info("info")))
    buffer = io.StringIO()
    assert kernel.call("hello", {}, buffer) == 0
    assert buffer.getvalue() == "printed\ninfo\n"
    assert kernel.output() == "printed\ninfo\n"


def test_concurrent_calls_keep_their_own_output(make_app: t.Any) -> None:
    kernel = artisan(make_app())
    both_running = threading.Barrier(2, timeout=WAIT)

    def echo(name: str, command: Command) -> None:
        print(f"{name} printed")
        both_running.wait()
        command.line(f"{name} wrote")
        both_running.wait()

    kernel.command("echo {name}", echo)
    kernel.bootstrap()
    kernel.get_artisan()
    seen: dict[str, tuple[int, str]] = {}

    def run(name: str) -> None:
        code = kernel.call("echo", {"name": name})
        seen[name] = (code, kernel.output())

    threads = [threading.Thread(target=run, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT)
    assert seen == {
        "a": (0, "a printed\na wrote\n"),
        "b": (0, "b printed\nb wrote\n"),
    }
    assert kernel.output() == ""


def test_sys_stdout_stays_usable_for_other_code(
    make_app: t.Any, capsys: pytest.CaptureFixture[str]
) -> None:
    kernel = artisan(make_app())
    kernel.command("noop", lambda: None)
    assert kernel.call("noop") == 0
    sys.stdout.write("direct\n")
    sys.stdout.writelines(["a", "b\n"])
    sys.stdout.flush()
    assert sys.stdout.encoding.lower().replace("-", "") == "utf8"
    assert capsys.readouterr().out == "direct\nab\n"
