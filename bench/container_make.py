"""Measure the cost of ``Container.make()`` for an autowired class.

Run by hand: ``.venv/bin/python bench/container_make.py``. Prints microseconds per
``make()`` for a class with three class-typed dependencies, first when the three
are singletons (the target is under 5 µs), then when they are non-shared leaves.
"""

from __future__ import annotations

import timeit

from protevus.container.container import Container


class Logger:
    pass


class Cache:
    pass


class Mailer:
    pass


class Service:
    def __init__(self, logger: Logger, cache: Cache, mailer: Mailer) -> None:
        self.logger = logger
        self.cache = cache
        self.mailer = mailer


def per_call_us(container: Container, number: int = 200_000) -> float:
    container.make(Service)  # the first call analyses the class
    best = min(timeit.repeat(lambda: container.make(Service), number=number, repeat=5))
    return best / number * 1_000_000


def main() -> None:
    shared = Container()
    for cls in (Logger, Cache, Mailer):
        shared.singleton(cls)
    leaves = Container()
    bound = Container()
    bound.singleton("service", Service)
    bound.make("service")
    singleton_us = (
        min(timeit.repeat(lambda: bound.make("service"), number=200_000, repeat=5))
        / 200_000
        * 1_000_000
    )
    print(f"make(Service), 3 singleton dependencies:   {per_call_us(shared):6.2f} µs")
    print(f"make(Service), 3 non-shared leaf classes:  {per_call_us(leaves):6.2f} µs")
    print(f"make('service'), resolved singleton:       {singleton_us:6.2f} µs")


if __name__ == "__main__":
    main()
