"""Compare the query builder with SQLAlchemy Core on the same engine.

Run by hand (never by the test suite)::

    .venv/bin/python bench/db_builder.py                 # SQLite in a temporary file
    .venv/bin/python bench/db_builder.py --driver pgsql  # 127.0.0.1:5432, database test
    .venv/bin/python bench/db_builder.py --driver mysql  # 127.0.0.1:3306, database test

Two workloads, each timed for the builder and for Core (best of ``--rounds``):

- **find**: ``DB.table('bench_users').find(id)`` (the facade, after
  ``Capsule.set_as_global()``) for ``--finds`` ids vs Core on one connection to the same
  database (an engine with SQLAlchemy's defaults on the builder's URL), in two forms:
  ``select(users).where(users.c.id == id).limit(1)`` built per query, as the builder
  builds its query (the like-for-like comparison), and one prebuilt ``select`` with a
  ``bindparam`` (Core's fastest path, which a per-call builder cannot take).
- **insert**: 10,000 rows in batches of ``--batch`` through ``DB.table(...).insert(rows)``
  vs Core's ``connection.execute(table.insert(), rows)`` (executemany), each batch in
  its own transaction, as both libraries commit outside an explicit transaction.

Target: builder time <= 1.3x Core time (per-query Core for find) for both workloads.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
import typing as t

CONFIGS: dict[str, dict[str, t.Any]] = {
    "pgsql": {
        "driver": "pgsql",
        "host": "127.0.0.1",
        "port": 5432,
        "database": "test",
        "username": "postgres",
        "password": "",
    },
    "mysql": {
        "driver": "mysql",
        "host": "127.0.0.1",
        "port": 3306,
        "database": "test",
        "username": "root",
        "password": "",
    },
}

TABLE = "bench_users"


def best(fn: t.Callable[[], None], rounds: int) -> float:
    """Return the best wall time of ``rounds`` calls of ``fn``, in seconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--driver", default="sqlite", choices=["sqlite", *CONFIGS])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--finds", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    import sqlalchemy as sa

    from protevus.database.capsule import Capsule
    from protevus.facades import DB

    tmp = tempfile.mkdtemp(prefix="protevus-bench-db-")
    if args.driver == "sqlite":
        path = os.path.join(tmp, "bench.sqlite")
        open(path, "w").close()  # Laravel's sqlite driver wants the file to exist
        config: dict[str, t.Any] = {"driver": "sqlite", "database": path}
    else:
        config = CONFIGS[args.driver]
    capsule = Capsule()
    capsule.add_connection(config)
    capsule.set_as_global()  # DB.table(...) as an application would call it
    connection = capsule.connection()
    # Core gets SQLAlchemy's own defaults on the same database URL: the builder's
    # engine runs the driver in autocommit mode (as PDO), under which Core's
    # engine.begin() would not batch an executemany into one transaction.
    engine = sa.create_engine(connection.get_engine().url)

    schema = capsule.schema()
    schema.drop_if_exists(TABLE)
    with schema.create(TABLE) as table:
        table.id()
        table.string("name")
        table.string("email")
        table.integer("votes")

    meta = sa.MetaData()
    users = sa.Table(
        TABLE,
        meta,
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("name", sa.String(255)),
        sa.Column("email", sa.String(255)),
        sa.Column("votes", sa.Integer),
    )

    def rows(offset: int) -> list[dict[str, t.Any]]:
        return [
            {"name": f"user {i}", "email": f"u{i}@example.com", "votes": i % 100}
            for i in range(offset, offset + args.batch)
        ]

    batches = [rows(i) for i in range(0, args.rows, args.batch)]

    def truncate() -> None:
        capsule.table(TABLE).truncate()

    def insert_builder() -> None:
        truncate()
        for batch in batches:
            capsule.table(TABLE).insert(batch)

    def insert_core() -> None:
        truncate()
        for batch in batches:
            with engine.begin() as conn:
                conn.execute(users.insert(), batch)

    insert_b = best(insert_builder, args.rounds)
    insert_c = best(insert_core, args.rounds)

    ids = [
        r.id
        for r in capsule.table(TABLE).select("id").order_by("id").limit(args.rows).get()
    ]
    rng = random.Random(7)
    picks = [rng.choice(ids) for _ in range(args.finds)]
    stmt = sa.select(users).where(users.c.id == sa.bindparam("id"))

    def find_builder() -> None:
        for i in picks:
            row = DB.table(TABLE).find(i)
            assert row is not None and row.id == i

    def find_core() -> None:
        with engine.connect() as conn:
            for i in picks:
                row = conn.execute(stmt, {"id": i}).first()
                assert row is not None and row.id == i

    def find_core_built() -> None:
        with engine.connect() as conn:
            for i in picks:
                query = sa.select(users).where(users.c.id == i).limit(1)
                row = conn.execute(query).first()
                assert row is not None and row.id == i

    find_b = best(find_builder, args.rounds)
    find_c = best(find_core, args.rounds)
    find_cb = best(find_core_built, args.rounds)
    schema.drop_if_exists(TABLE)

    print(f"driver: {args.driver} (best of {args.rounds})")
    per = 1e6 / args.finds
    print(f"  find by id x{args.finds}:  builder {find_b * per:7.1f} us/query")
    print(
        f"    Core, select() built per query:   {find_cb * per:7.1f} us/query   "
        f"ratio {find_b / find_cb:.2f}x"
    )
    print(
        f"    Core, one prebuilt select():      {find_c * per:7.1f} us/query   "
        f"ratio {find_b / find_c:.2f}x"
    )
    print(
        f"  insert {args.rows} rows (batches of {args.batch}):  builder {insert_b * 1e3:7.1f} ms   "
        f"Core {insert_c * 1e3:7.1f} ms   ratio {insert_b / insert_c:.2f}x"
    )
    print("  target: ratio <= 1.30x")


if __name__ == "__main__":
    main()
