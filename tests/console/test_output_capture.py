"""The thread-aware stdout proxy behind Artisan.call's output capture."""

from __future__ import annotations

import io
import sys
import threading

import click
import pytest

from protevus.console.output_capture import StdoutProxy
from protevus.console.output_capture import capture_stdout
from protevus.console.output_capture import captured_stdout
from protevus.console.output_capture import install_stdout_proxy


def test_install_wraps_the_current_stdout_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = sys.stdout
    proxy = install_stdout_proxy()
    assert sys.stdout is proxy and proxy.fallback is before
    assert install_stdout_proxy() is proxy
    print("through the proxy")
    assert capsys.readouterr().out == "through the proxy\n"


def test_capture_is_confined_to_the_current_thread(
    capsys: pytest.CaptureFixture[str],
) -> None:
    buffer = io.StringIO()

    def other() -> None:
        assert captured_stdout() is None
        print("other thread")
        click.echo("other echo")

    with capture_stdout(buffer) as stream:
        assert stream is buffer and captured_stdout() is buffer
        print("mine")
        thread = threading.Thread(target=other)
        thread.start()
        thread.join(5)
        click.echo("my echo")
    print("released")
    assert captured_stdout() is None
    assert buffer.getvalue() == "mine\nmy echo\n"
    assert capsys.readouterr().out == "other thread\nother echo\nreleased\n"


def test_captures_nest_and_restore_the_outer_stream() -> None:
    outer, inner = io.StringIO(), io.StringIO()
    with capture_stdout(outer):
        print("1")
        with capture_stdout(inner):
            print("2")
        print("3")
    assert outer.getvalue() == "1\n3\n" and inner.getvalue() == "2\n"


def test_a_stdout_replaced_later_is_wrapped_again(
    capsys: pytest.CaptureFixture[str],
) -> None:
    install_stdout_proxy()
    replacement = io.StringIO()
    saved = sys.stdout
    sys.stdout = replacement
    try:
        with capture_stdout(io.StringIO()):
            print("captured")
        print("to the replacement")
        assert isinstance(sys.stdout, StdoutProxy)
        assert sys.stdout.fallback is replacement
    finally:
        sys.stdout = saved
    assert replacement.getvalue() == "to the replacement\n"


def test_proxy_rejects_bytes_and_forwards_attributes() -> None:
    target = io.StringIO()
    proxy = StdoutProxy(target)
    with pytest.raises(TypeError, match="must be str, not bytes"):
        proxy.write(b"x")  # type: ignore[arg-type]
    assert proxy.write("abc") == 3
    assert proxy.getvalue() == "abc"
    assert proxy.encoding == "utf-8" and proxy.errors == "strict"
    assert proxy.isatty() is False and proxy.writable() is True
    with pytest.raises(io.UnsupportedOperation):
        proxy.fileno()


def test_proxy_without_a_stream_discards_writes() -> None:
    proxy = StdoutProxy(None)
    assert proxy.write("lost") == 4
    proxy.flush()
    assert proxy.isatty() is False
    buffer = io.StringIO()
    with capture_stdout(buffer):
        proxy.write("kept")
    assert buffer.getvalue() == "kept"
