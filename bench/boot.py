"""Measure how long an application takes to boot and to answer config() lookups.

Run by hand: ``.venv/bin/python bench/boot.py``. Prints milliseconds per
``Application.configure(...).create()`` for an app with an empty ``config/`` (the
embedded defaults) and microseconds per ``config('app.name')``.
"""

from __future__ import annotations

import tempfile
import timeit

from protevus.foundation import Application
from protevus.helpers import config


def main() -> None:
    with tempfile.TemporaryDirectory() as base:
        Application.configure(base).create()  # warm imports
        number = 200
        best = min(
            timeit.repeat(
                lambda: Application.configure(base).create(), number=number, repeat=5
            )
        )
        print(f"create() on embedded defaults: {best / number * 1000:.2f} ms")
        calls = 200_000
        best = min(timeit.repeat(lambda: config("app.name"), number=calls, repeat=5))
        print(f"config('app.name'):            {best / calls * 1e6:.2f} µs")
        repo = config()
        best = min(timeit.repeat(lambda: repo.get("app.name"), number=calls, repeat=5))
        print(f"Config repository get():       {best / calls * 1e6:.2f} µs")


if __name__ == "__main__":
    main()
