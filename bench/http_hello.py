"""Compare a hello route through the full Protevus kernel with a bare Flask app.

Run by hand (never by the test suite)::

    .venv/bin/pip install gunicorn      # and: apt-get install -y wrk hyperfine
    .venv/bin/python bench/http_hello.py [--duration 10] [--connections 16] [--workers 1]

Both apps answer ``GET /api/hello`` with ``{"message": "Hello, World!"}`` under the
same gunicorn setup (sync workers) and the same ``wrk`` load. The Protevus route
lives in ``routes/api.py`` of a throwaway application, so it runs the global
middleware, the ``api`` group and the router, as a real app does. The script prints
requests/s for both, their ratio (target: Protevus >= 0.85x Flask), and the wall
time of ``python artisan.py --help`` for the showcase app (target: <= 250 ms).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import typing as t
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATH = "/api/hello"
PAYLOAD = {"message": "Hello, World!"}
BASE_ENV = "PROTEVUS_BENCH_BASE"

ROUTES = """\
from protevus.facades import Route

Route.get("/hello", lambda: {"message": "Hello, World!"})
"""

ENV = """\
APP_NAME=Bench
APP_ENV=production
APP_DEBUG=false
APP_KEY=base64:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
LOG_LEVEL=error
"""


def create_flask() -> t.Any:
    """Return the bare Flask app (gunicorn: ``http_hello:create_flask()``)."""
    import flask

    app = flask.Flask(__name__)

    @app.get(PATH)
    def hello() -> dict[str, str]:
        return PAYLOAD

    return app


def create_protevus() -> t.Any:
    """Return the Protevus app's WSGI callable (gunicorn: ``http_hello:create_protevus()``)."""
    from protevus.foundation import Application

    base = os.environ[BASE_ENV]
    app = (
        Application.configure(base_path=base).with_routing(api="routes/api.py").create()
    )
    return app.wsgi


def make_base() -> Path:
    """Write the throwaway application: ``.env`` and ``routes/api.py``."""
    base = Path(tempfile.mkdtemp(prefix="protevus-bench-"))
    (base / "routes").mkdir()
    (base / "routes" / "api.py").write_text(ROUTES)
    (base / ".env").write_text(ENV)
    for folder in ("storage/logs", "storage/framework", "bootstrap/cache"):
        (base / folder).mkdir(parents=True)
    return base


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(
    url: str, process: subprocess.Popen[bytes], timeout: float = 20
) -> str:
    """Poll ``url`` until it answers 200 and return the body."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with code [{process.returncode}].")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return str(response.read().decode())
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"The server at [{url}] did not answer within {timeout} s.")


def run_wrk(url: str, duration: int, connections: int, threads: int) -> float:
    """Run ``wrk`` against ``url`` and return requests per second."""
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx" in out:
        raise RuntimeError(f"The server answered errors under load:\n{out}")
    match = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if match is None:
        raise RuntimeError(f"Could not read wrk's output:\n{out}")
    return float(match.group(1))


def serve_and_measure(
    factory: str, env: dict[str, str], args: argparse.Namespace
) -> float:
    """Start gunicorn on ``factory``, warm it up, measure, stop it."""
    port = free_port()
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
        f"http_hello:{factory}",
    ]
    process = subprocess.Popen(command, env=env)
    url = f"http://127.0.0.1:{port}{PATH}"
    try:
        body = wait_until_up(url, process)
        if "Hello, World!" not in body:
            raise RuntimeError(f"[{factory}] answered an unexpected body: {body!r}")
        run_wrk(url, 2, args.connections, args.threads)  # warm-up
        return run_wrk(url, args.duration, args.connections, args.threads)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)


def artisan_help_ms(runs: int = 20) -> tuple[float, str]:
    """Return the mean wall time of ``python artisan.py --help`` and the tool used."""
    command = f"{sys.executable} artisan.py --help"
    if shutil.which("hyperfine"):
        export = Path(tempfile.mkdtemp()) / "artisan.json"
        subprocess.run(
            [
                "hyperfine",
                "--warmup",
                "3",
                "--runs",
                str(runs),
                "--export-json",
                str(export),
                "--output",
                "null",
                command,
            ],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        import json

        mean = json.loads(export.read_text())["results"][0]["mean"]
        return float(mean) * 1000, "hyperfine"
    times = []
    for _ in range(runs + 3):
        started = time.perf_counter()
        subprocess.run(command.split(), cwd=ROOT, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.mean(times[3:]) * 1000, "subprocess loop"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=1, help="gunicorn workers")
    parser.add_argument("--rounds", type=int, default=2, help="best of N rounds")
    args = parser.parse_args()

    for tool in ("wrk",):
        if shutil.which(tool) is None:
            sys.exit(f"[{tool}] is not installed: apt-get install -y {tool}")
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        sys.exit("[gunicorn] is not installed: .venv/bin/pip install gunicorn")

    base = make_base()
    env = {**os.environ, BASE_ENV: str(base)}
    env.pop("APP_ENV", None)
    try:
        flask_rps = protevus_rps = 0.0
        for _ in range(args.rounds):  # alternate, so drift hits both alike
            flask_rps = max(flask_rps, serve_and_measure("create_flask()", env, args))
            protevus_rps = max(
                protevus_rps, serve_and_measure("create_protevus()", env, args)
            )
    finally:
        shutil.rmtree(base, ignore_errors=True)

    setup = (
        f"gunicorn sync x{args.workers}, wrk -t{args.threads} -c{args.connections} "
        f"-d{args.duration}s, best of {args.rounds}"
    )
    print(f"GET {PATH}  ({setup})")
    print(f"  bare Flask:        {flask_rps:10.0f} req/s")
    print(f"  Protevus (api):    {protevus_rps:10.0f} req/s")
    ratio = protevus_rps / flask_rps
    verdict = "OK" if ratio >= 0.85 else "BELOW TARGET"
    print(f"  ratio:             {ratio:10.2f}x  (target >= 0.85x: {verdict})")
    ms, tool = artisan_help_ms()
    verdict = "OK" if ms <= 250 else "ABOVE TARGET"
    print(
        f"python artisan.py --help: {ms:.0f} ms mean ({tool}; target <= 250 ms: {verdict})"
    )


if __name__ == "__main__":
    main()
