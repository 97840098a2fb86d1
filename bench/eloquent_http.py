"""Compare Eloquent routes with Flask + Flask-SQLAlchemy, and model hydration with the ORM.

Run by hand (never by the test suite)::

    apt-get install -y wrk
    .venv/bin/pip install -e '.[bench]'          # gunicorn, flask-sqlalchemy
    .venv/bin/python bench/eloquent_http.py      # --duration 10 --rounds 2 --workers 1

Both apps read the same SQLite file (100 users, 1,000 posts) under the same gunicorn
command (sync workers) and the same ``wrk`` load, alternating rounds (best counts):

- ``GET /api/posts/{id}``: ``Post.find(id)`` as JSON (Flask-SQLAlchemy:
  ``db.session.get(Post, id)`` turned into a dict).
- ``GET /api/posts``: 100 posts with their authors eager-loaded
  (``Post.with_('user').limit(100).get()`` vs ``select(Post).options(selectinload(
  Post.user)).limit(100)``), as JSON.

Both serialize the same fields with Laravel's date format. Then, in-process:
hydrating 10,000 rows into models (``Post.all()`` vs ``session.scalars(select(Post))``,
best of 5). Targets: Protevus >= 1.0x Flask-SQLAlchemy requests/s; hydration <= 1.5x
the SQLAlchemy ORM's time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sqlite3
import sys
import tempfile
import time
import typing as t
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import http_hello  # noqa: E402  (the server, wrk and polling helpers)

BASE_ENV = "PROTEVUS_BENCH_BASE"
DB_ENV = "PROTEVUS_BENCH_DB"
USERS, POSTS = 100, 1_000

ROUTES = """\
from protevus.database import Model
from protevus.facades import Route


class User(Model):
    hidden = ['password']


class Post(Model):
    def user(self):
        return self.belongs_to(User)


Route.get('/posts/{id}', lambda id: Post.find(id))
Route.get('/posts', lambda: Post.with_('user').limit(100).get())
"""


def _stamp(value: t.Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def create_flask() -> t.Any:
    """Return the Flask + Flask-SQLAlchemy app (gunicorn: ``eloquent_http:create_flask()``)."""
    import flask
    import sqlalchemy as sa
    from flask_sqlalchemy import SQLAlchemy
    from sqlalchemy import orm

    app = flask.Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{os.environ[DB_ENV]}"
    db = SQLAlchemy(app)

    class User(db.Model):  # type: ignore[name-defined,misc]
        __tablename__ = "users"
        id = sa.Column(sa.Integer, primary_key=True)
        name = sa.Column(sa.String)
        email = sa.Column(sa.String)
        password = sa.Column(sa.String)
        created_at = sa.Column(sa.String)
        updated_at = sa.Column(sa.String)

        def to_dict(self) -> dict[str, t.Any]:
            return {
                "id": self.id,
                "name": self.name,
                "email": self.email,
                "created_at": _stamp(self.created_at),
                "updated_at": _stamp(self.updated_at),
            }

    class Post(db.Model):  # type: ignore[name-defined,misc]
        __tablename__ = "posts"
        id = sa.Column(sa.Integer, primary_key=True)
        user_id = sa.Column(sa.Integer, sa.ForeignKey("users.id"))
        title = sa.Column(sa.String)
        body = sa.Column(sa.String)
        created_at = sa.Column(sa.String)
        updated_at = sa.Column(sa.String)
        user = orm.relationship(User)

        def to_dict(self, with_user: bool = False) -> dict[str, t.Any]:
            data = {
                "id": self.id,
                "user_id": self.user_id,
                "title": self.title,
                "body": self.body,
                "created_at": _stamp(self.created_at),
                "updated_at": _stamp(self.updated_at),
            }
            if with_user:
                data["user"] = self.user.to_dict()
            return data

    @app.get("/api/posts/<int:id>")
    def show(id: int) -> t.Any:
        post = db.session.get(Post, id)
        if post is None:
            flask.abort(404)
        return post.to_dict()

    @app.get("/api/posts")
    def index() -> t.Any:
        query = sa.select(Post).options(orm.selectinload(Post.user)).limit(100)
        return [p.to_dict(with_user=True) for p in db.session.scalars(query)]

    return app


def create_protevus() -> t.Any:
    """Return the Protevus app's WSGI callable (gunicorn: ``eloquent_http:create_protevus()``)."""
    from protevus.foundation import Application

    app = (
        Application.configure(base_path=os.environ[BASE_ENV])
        .with_routing(api="routes/api.py")
        .create()
    )
    return app.wsgi


def make_database(path: Path) -> None:
    """Write the SQLite file both apps read: users and posts with Laravel's timestamps."""
    now = "2026-01-01 10:00:00"
    with sqlite3.connect(path) as conn:
        conn.executescript(
            "create table users (id integer primary key autoincrement, name varchar, "
            "email varchar, password varchar, created_at datetime, updated_at datetime);"
            "create table posts (id integer primary key autoincrement, user_id integer "
            "references users(id), title varchar, body text, created_at datetime, "
            "updated_at datetime);"
        )
        conn.executemany(
            "insert into users (name, email, password, created_at, updated_at) "
            "values (?, ?, 'x', ?, ?)",
            [(f"user {i}", f"u{i}@example.com", now, now) for i in range(USERS)],
        )
        conn.executemany(
            "insert into posts (user_id, title, body, created_at, updated_at) "
            "values (?, ?, ?, ?, ?)",
            [
                (i % USERS + 1, f"Post {i}", "Lorem ipsum " * 20, now, now)
                for i in range(POSTS)
            ],
        )


def make_base(database: Path) -> Path:
    """Write the throwaway Protevus application: ``.env`` and ``routes/api.py``."""
    base = Path(tempfile.mkdtemp(prefix="protevus-bench-orm-"))
    (base / "routes").mkdir()
    (base / "routes" / "api.py").write_text(ROUTES)
    (base / ".env").write_text(
        http_hello.ENV + f"DB_CONNECTION=sqlite\nDB_DATABASE={database}\n"
    )
    for folder in ("storage/logs", "storage/framework", "bootstrap/cache"):
        (base / folder).mkdir(parents=True)
    return base


def measure(path: str, factory: str, env: dict[str, str], args: t.Any) -> float:
    """Serve ``factory`` with gunicorn and load ``path`` with wrk; return requests/s."""
    import signal
    import subprocess

    port = http_hello.free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--chdir",
        str(Path(__file__).resolve().parent),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(args.workers),
        "--log-level",
        "warning",
        f"eloquent_http:{factory}",
    ]
    process = subprocess.Popen(command, env=env)
    url = f"http://127.0.0.1:{port}{path}"
    try:
        body = http_hello.wait_until_up(url, process)
        if '"title"' not in body:
            raise RuntimeError(
                f"[{factory}] answered an unexpected body: {body[:200]!r}"
            )
        http_hello.run_wrk(url, 2, args.connections, args.threads)  # warm-up
        return http_hello.run_wrk(url, args.duration, args.connections, args.threads)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)


def hydration(database: Path, rounds: int = 5) -> tuple[float, float, int]:
    """Return the best seconds to load every post as models: (Protevus, SQLAlchemy ORM, rows)."""
    import sqlalchemy as sa
    from sqlalchemy import orm

    from protevus.database import Capsule
    from protevus.database import Model

    now = "2026-01-01 10:00:00"
    with sqlite3.connect(database) as conn:
        conn.executemany(
            "insert into posts (user_id, title, body, created_at, updated_at) "
            "values (?, ?, ?, ?, ?)",
            [
                (i % USERS + 1, f"Post {i}", "Lorem ipsum " * 20, now, now)
                for i in range(POSTS, 10_000)
            ],
        )
        rows = conn.execute("select count(*) from posts").fetchone()[0]

    capsule = Capsule()
    capsule.add_connection({"driver": "sqlite", "database": str(database)})
    capsule.set_as_global()
    capsule.boot_eloquent()

    class Post(Model):
        pass

    class Base(orm.DeclarativeBase):
        pass

    class OrmPost(Base):
        __tablename__ = "posts"
        id = sa.Column(sa.Integer, primary_key=True)
        user_id = sa.Column(sa.Integer)
        title = sa.Column(sa.String)
        body = sa.Column(sa.String)
        created_at = sa.Column(sa.String)
        updated_at = sa.Column(sa.String)

    engine = sa.create_engine(f"sqlite:///{database}")

    def protevus() -> None:
        assert len(Post.all()) == rows

    def sqlalchemy_orm() -> None:
        with orm.Session(engine) as session:
            assert len(session.scalars(sa.select(OrmPost)).all()) == rows

    return best(protevus, rounds), best(sqlalchemy_orm, rounds), rows


def best(fn: t.Callable[[], None], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=1, help="gunicorn workers")
    parser.add_argument("--rounds", type=int, default=2, help="best of N rounds")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("[wrk] is not installed: apt-get install -y wrk")

    scratch = Path(tempfile.mkdtemp(prefix="protevus-bench-db-"))
    database = scratch / "bench.sqlite"
    make_database(database)
    base = make_base(database)
    env = {**os.environ, BASE_ENV: str(base), DB_ENV: str(database)}
    env.pop("APP_ENV", None)
    results: dict[str, tuple[float, float]] = {}
    try:
        for path in ("/api/posts/7", "/api/posts"):
            flask_rps = protevus_rps = 0.0
            for _ in range(args.rounds):
                flask_rps = max(flask_rps, measure(path, "create_flask()", env, args))
                protevus_rps = max(
                    protevus_rps, measure(path, "create_protevus()", env, args)
                )
            results[path] = (flask_rps, protevus_rps)
        ours, theirs, rows = hydration(database)
    finally:
        shutil.rmtree(base, ignore_errors=True)
        shutil.rmtree(scratch, ignore_errors=True)

    print(
        f"gunicorn sync x{args.workers}, wrk -t{args.threads} -c{args.connections} "
        f"-d{args.duration}s, best of {args.rounds}"
    )
    for path, (flask_rps, protevus_rps) in results.items():
        ratio = protevus_rps / flask_rps
        verdict = "OK" if ratio >= 1.0 else "BELOW TARGET"
        print(
            f"  GET {path:14s} Flask-SQLAlchemy {flask_rps:7.0f} req/s   Protevus "
            f"{protevus_rps:7.0f} req/s   {ratio:.2f}x (target >= 1.0x: {verdict})"
        )
    ratio = ours / theirs
    verdict = "OK" if ratio <= 1.5 else "ABOVE TARGET"
    print(
        f"  hydrate {rows} rows: Protevus {ours * 1e3:.1f} ms   SQLAlchemy ORM "
        f"{theirs * 1e3:.1f} ms   {ratio:.2f}x (target <= 1.5x: {verdict})"
    )


if __name__ == "__main__":
    main()
