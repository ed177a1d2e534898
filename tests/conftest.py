"""Helpers for the tests that span the addons: they drive a real Odoo and a real PostgreSQL.

Each test works on databases of its own (fresh, or fast copies of the runner's installed
database), through the ``odoo`` command line, ``odoo shell`` scripts and HTTP.
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from odoo_env import (  # noqa: E402
    ADDONS,
    LOG_DIR,
    ODOO_CONF,
    ONLY_OUR_CRONS,
    TEST_DB,
    copy_database,
    create_database,
    drop_database,
    free_port,
    odoo_cmd,
    odoo_shell,
    psql,
    server_cmd,
)
from run_tests import scan_log  # noqa: E402

# Seconds a test server may take to answer its first request (a cold start takes 3-10 s).
SERVER_START_DEADLINE = 600
# Seconds one HTTP request of a test may take: a first page builds the web assets, which on a
# busy machine takes minutes; a hung server still fails the test, later.
HTTP_TIMEOUT = 300


def unique_db(prefix):
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


def odoo_run(db, *args, log_name=None, conf=None, pythonpath=None):
    """Run ``odoo`` on ``db`` until it stops; return the problems found in its log.

    ``conf`` replaces the workspace's odoo.conf; ``pythonpath`` is put in front of sys.path.
    """
    LOG_DIR.mkdir(exist_ok=True)
    log = LOG_DIR / (log_name or f"{db}.log")
    log.unlink(missing_ok=True)
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = str(pythonpath)
    proc = subprocess.run(
        odoo_cmd(db, *args, "--stop-after-init", "--no-http", f"--logfile={log}", conf=conf or ODOO_CONF),
        env=env,
        check=False,
        capture_output=True,
        text=True,
    )
    problems, _records = scan_log(log)
    if proc.returncode:
        problems.append(f"odoo exited with {proc.returncode}: {proc.stderr[-2000:]}")
    return problems


@contextmanager
def odoo_server(db, workers=0):
    """Serve ``db`` over HTTP on a free loopback port; yield its base URL."""
    with odoo_processes(db, workers=workers) as server:
        yield server.url


@dataclass
class Server:
    url: str  # the HTTP workers (or the threaded server)
    gevent_port: int | None  # the websocket (bus) process of a multi-worker server
    log: Path
    stderr: Path  # what a process wrote before its logging was set up (a crash at start)
    proc: subprocess.Popen | None = None  # the main process, leader of the server's process group


@contextmanager
def odoo_processes(db, workers=0):
    """Serve ``db`` as ``odoo`` would in production when ``workers`` is set (HTTP workers, a
    gevent process for the websocket bus, a cron worker); yield a :class:`Server`."""
    port = free_port()
    LOG_DIR.mkdir(exist_ok=True)
    log = LOG_DIR / f"server-{db}.log"
    log.unlink(missing_ok=True)
    stderr = LOG_DIR / f"server-{db}.stderr"
    gevent_port = free_port() if workers else None
    with stderr.open("w") as err:
        # A process group of its own: a test can kill the server and all its workers at once.
        proc = subprocess.Popen(
            server_cmd(db, port, log, workers, gevent_port),
            stdout=subprocess.DEVNULL,
            stderr=err,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        # Wait on the condition (the server answers), not on a clock: on a busy machine the
        # first answer can take many seconds, so a slow or refused request is simply retried
        # until the server has exited or a deadline far above any normal start has passed.
        server = Server(url, gevent_port, log, stderr, proc)
        wait_until(lambda: requests.get(f"{url}/web/health", timeout=30).status_code == 200, proc, server)
        if gevent_port:
            wait_until(
                lambda: requests.get(f"http://127.0.0.1:{gevent_port}/web/health", timeout=30).status_code == 200,
                proc,
                server,
            )
        yield server
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)


def wait_until(condition, proc, server, deadline=SERVER_START_DEADLINE):
    """Retry ``condition`` (a request may fail or time out meanwhile) until it holds; fail when
    the server ``proc`` has exited, one of its processes crashed at start (a multi-worker server
    restarts it for ever), or ``deadline`` seconds have passed."""
    end = time.monotonic() + deadline
    while True:
        try:
            if condition():
                return
        except requests.RequestException:
            pass
        if proc.poll() is not None:
            raise AssertionError(f"Odoo exited with {proc.returncode}; see {server.log}")
        crash = server.stderr.read_text(errors="replace")
        if "Traceback" in crash:
            raise AssertionError(f"an Odoo process crashed at start:\n{crash[-3000:]}")
        if time.monotonic() > end:
            raise AssertionError(f"Odoo did not answer within {deadline} s; see {server.log}")
        time.sleep(0.3)


def admin_session(url, db):
    """A requests session logged in as admin."""
    session = requests.Session()
    session.post(
        f"{url}/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": db, "login": "admin", "password": "admin"}},
        timeout=HTTP_TIMEOUT,
    ).raise_for_status()
    return session


@contextmanager
def seeded_server(installed_db, prefix, seed):
    """A copy of the installed database, with the ``odoo shell`` script ``seed`` run and
    committed in it, served over HTTP: yields (url, db, what the seed passed to result())."""
    db = unique_db(prefix)
    copy_database(installed_db, db)
    try:
        # The site serves its seed as it is: no scheduled action (a reminder retired, a duplicate
        # scan) changes it while the test reads it, whatever the time of day the test runs at.
        ids = odoo_shell(db, 'env["ir.cron"].search([]).active = False\n' + seed, commit=True)
        with odoo_server(db) as url:
            yield url, db, ids
    finally:
        drop_database(db)


@pytest.fixture(scope="session")
def installed_db():
    """The runner's database, with odoo_env.APPS and the suite's addons installed (no demo data)."""
    db = TEST_DB
    if psql(f"SELECT count(*) FROM pg_database WHERE datname = '{db}'") != "1":
        pytest.fail(f"database {db} is missing: run the suite with `make test`")
    return db


@pytest.fixture
def db_copy(installed_db):
    """A throw-away copy of the installed database."""
    db = unique_db("ccb_copy")
    copy_database(installed_db, db)
    yield db
    drop_database(db)


@pytest.fixture
def fresh_db():
    """An empty UTF-8 database name, dropped after the test."""
    db = unique_db("ccb_fresh")
    drop_database(db)
    create_database(db)
    yield db
    drop_database(db)


__all__ = [
    "ADDONS",
    "HTTP_TIMEOUT",
    "ONLY_OUR_CRONS",
    "ROOT",
    "admin_session",
    "odoo_processes",
    "odoo_run",
    "odoo_server",
    "odoo_shell",
    "seeded_server",
    "unique_db",
]
