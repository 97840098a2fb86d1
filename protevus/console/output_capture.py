"""Capture what one thread prints, leaving every other thread's ``print()`` alone.

``Artisan.call()`` must collect what a command prints (``Artisan.output()``), but a
threaded server runs other requests at the same moment: swapping ``sys.stdout`` for
the duration of the call (``contextlib.redirect_stdout``) would swallow their output
too. Instead :func:`capture_stdout` installs, once, a :class:`StdoutProxy` as
``sys.stdout`` and points it at the call's buffer only for the current context (the
calling thread, or asyncio task). Everyone else keeps writing to the stream that
was ``sys.stdout`` before the proxy went in.

Threads started by the captured code begin with a fresh context, so their prints
are not captured: give them the buffer explicitly (``command.output``).

Laravel: none; PHP serves one request per process, so ``Kernel::call()`` only needs
its ``BufferedOutput``. This is the Python side of that buffer.
"""

from __future__ import annotations

import contextlib
import contextvars
import sys
import threading
import typing as t

from protevus.support.aliases import CamelAliases

_target: contextvars.ContextVar[t.TextIO | None] = contextvars.ContextVar(
    "protevus.console.stdout_target", default=None
)
_install_lock = threading.Lock()


class StdoutProxy(CamelAliases):
    """Stand in for ``sys.stdout``: write to the current context's capture, else to ``fallback``.

    Every attribute not defined here (``fileno``, ``buffer``, ``isatty``…) is read
    from the stream that writes would go to right now.

    Laravel: none (see the module docstring).
    """

    __slots__ = ("fallback", "__weakref__")

    def __init__(self, fallback: t.TextIO | None) -> None:
        self.fallback = fallback

    def current(self) -> t.TextIO | None:
        """Get the stream a write from this context goes to (``None``: discarded)."""
        target = _target.get()
        return target if target is not None else self.fallback

    def write(self, text: str) -> int:
        """Write ``text`` to the current stream; return the number of characters."""
        if not isinstance(text, str):
            # Click probes streams with ``write(b"")`` to tell text from binary ones.
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        stream = self.current()
        if stream is None:
            return len(text)
        written = stream.write(text)
        return len(text) if written is None else written

    def writelines(self, lines: t.Iterable[str]) -> None:
        """Write each of ``lines`` to the current stream."""
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        """Flush the current stream."""
        stream = self.current()
        flush = getattr(stream, "flush", None)
        if flush is not None:
            flush()

    def isatty(self) -> bool:
        """Determine if the current stream is a terminal."""
        isatty = getattr(self.current(), "isatty", None)
        return bool(isatty is not None and isatty())

    def writable(self) -> bool:
        """Accept writes (they are discarded when there is no stream at all)."""
        return True

    @property
    def encoding(self) -> str:
        """Get the current stream's encoding (``utf-8`` for in-memory buffers)."""
        return getattr(self.current(), "encoding", None) or "utf-8"

    @property
    def errors(self) -> str:
        """Get the current stream's error handler (``strict`` when it has none)."""
        return getattr(self.current(), "errors", None) or "strict"

    def __getattr__(self, name: str) -> t.Any:
        return getattr(self.current(), name)

    def __repr__(self) -> str:
        return f"<StdoutProxy fallback={self.fallback!r}>"


def install_stdout_proxy() -> StdoutProxy:
    """Make ``sys.stdout`` a :class:`StdoutProxy` of the present stream, unless it already is one.

    Safe to call often: an installed proxy is reused. When something replaces
    ``sys.stdout`` later (pytest's capture, ``redirect_stdout``), the next call wraps
    the new stream instead, so output still reaches whatever ``sys.stdout`` is.
    """
    with _install_lock:
        current = sys.stdout
        if isinstance(current, StdoutProxy):
            return current
        proxy = StdoutProxy(current)
        sys.stdout = t.cast(t.TextIO, proxy)
        return proxy


@contextlib.contextmanager
def capture_stdout(stream: t.TextIO) -> t.Iterator[t.TextIO]:
    """Send this context's writes to ``sys.stdout`` into ``stream`` until the block ends.

    Other threads (and asyncio tasks not started inside the block) keep writing to
    the real ``sys.stdout``. Blocks nest: the innermost stream wins, and leaving it
    restores the outer one.

    Laravel: none (``Kernel::call()`` writes to its ``BufferedOutput``).
    """
    install_stdout_proxy()
    token = _target.set(stream)
    try:
        yield stream
    finally:
        _target.reset(token)


def captured_stdout() -> t.TextIO | None:
    """Get the stream this context's ``sys.stdout`` writes are captured into, if any."""
    return _target.get()
