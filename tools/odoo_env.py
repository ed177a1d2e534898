"""Shared knowledge of this workspace: where Odoo is, how to create databases, how to run odoo.

Used by the test runner, the cross-addon tests in ``tests/`` and the benchmarks, so that
all of them create databases and start Odoo the same way.
"""

import ast
import hashlib
import json
import os
import socket
import subprocess
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
ODOO_BIN = ROOT / ".venv" / "bin" / "odoo"
ODOO_CONF = ROOT / "odoo.conf"
LOG_DIR = ROOT / ".test-logs"

# The suite's addons on Odoo's back office, in dependency order: what the benchmarks measure.
CORE_ADDONS = ["crm_client_base", "crm_client_base_dedup", "crm_client_base_reminders", "crm_client_base_import"]
# The suite's addons, in dependency order (the website form brings Odoo's website app).
ADDONS = [*CORE_ADDONS, "crm_client_base_website"]
# Bridges to other apps: they install themselves (auto_install) with the app they bridge to.
BRIDGES = ["crm_client_base_crm", "crm_client_base_mailing"]
# Odoo's apps the test database installs besides the suite, so that the bridges to them are
# installed and their tests (and the suite's cross-app tests) run instead of being skipped.
APPS = ["crm", "sale", "mass_mailing"]
# Whose Odoo tests the runner executes, whose catalogues and packages the tests check.
TEST_MODULES = ADDONS + BRIDGES
# The runner's database: one per checkout, so that two checkouts on one machine (a developer's
# and CI's fresh clone) never drop each other's database.
TEST_DB = os.environ.get("TEST_DB") or "ccb_test_" + hashlib.sha1(str(ROOT).encode()).hexdigest()[:8]


def read_manifest(addon):
    """The manifest of the addon folder ``addon`` as a dict (below its license comment line)."""
    return ast.literal_eval((Path(addon) / "__manifest__.py").read_text(encoding="utf-8").split("\n", 1)[1])


def odoo_cmd(db, *args, conf=ODOO_CONF):
    """The command line running Odoo on ``db`` with this workspace's configuration."""
    return [str(ODOO_BIN), "-c", str(conf), "-d", db, *args]


def free_port():
    """A TCP port of the loopback interface that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_cmd(db, port, log, workers=0, gevent_port=None):
    """The command line serving ``db`` on the loopback ``port`` only, logging to ``log``; with
    ``workers``, Odoo's production mode (HTTP workers, the websocket process on ``gevent_port``,
    one cron worker)."""
    args = [f"--http-port={port}", "--http-interface=127.0.0.1", f"--db-filter=^{db}$", f"--logfile={log}"]
    if workers:
        args += [f"--workers={workers}", f"--gevent-port={gevent_port}", "--max-cron-threads=1"]
    return odoo_cmd(db, *args)


# An ``odoo shell`` script leaving only the suite's scheduled actions active: Odoo's own reach
# the internet (the VIES tax id service), which a test machine may not.
ONLY_OUR_CRONS = """
ours = env["ir.model.data"].search([("model", "=", "ir.cron"), ("module", "like", "crm_client_base%")])
env["ir.cron"].search([("id", "not in", ours.mapped("res_id"))]).active = False
"""


def _psql_env():
    env = dict(os.environ)
    env.setdefault("PGDATABASE", "postgres")
    env.setdefault("PGOPTIONS", "-c client_min_messages=warning")
    return env


def psql(sql, db="postgres"):
    """Run one SQL statement with psql and return its unaligned, tuples-only output."""
    out = subprocess.run(
        ["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-d", db, "-c", sql],
        check=True,
        capture_output=True,
        text=True,
        env=_psql_env(),
    )
    return out.stdout.strip()


def drop_database(db, deadline=300):
    """Drop ``db`` if it exists. A backend that --force may not end (an autovacuum worker of
    another role, a server still closing its connections) makes dropdb fail for a while: try
    again until it is gone or ``deadline`` seconds have passed (then RuntimeError)."""
    give_up = time.monotonic() + deadline
    while True:
        done = subprocess.run(["dropdb", "--if-exists", "--force", db], env=_psql_env(), capture_output=True, text=True)
        if done.returncode == 0:
            return
        if time.monotonic() > give_up:
            raise RuntimeError(f"could not drop database {db} within {deadline} s: {done.stderr.strip()}")
        time.sleep(2)


def create_database(db, template="template0"):
    """Create ``db`` with a UTF-8 LC_CTYPE, so that pg_trgm sees Cyrillic trigrams."""
    subprocess.run(
        [
            "createdb",
            "-T",
            template,
            "-E",
            "UTF8",
            "--lc-collate=C",
            "--lc-ctype=C.UTF-8",
            db,
        ],
        check=True,
        env=_psql_env(),
    )


def copy_database(source, target):
    """A fast copy of an installed database (no other session may be connected to ``source``)."""
    drop_database(target)
    subprocess.run(["createdb", "-T", source, target], check=True, env=_psql_env())


RESULT_MARK = "@@RESULT@@"


def odoo_shell(db, code, commit=False, env=None):
    """Run ``code`` in ``odoo shell`` on ``db`` (``env`` is defined there) and return what it
    passed to ``result(...)``, decoded from JSON. Raises AssertionError when the script fails."""
    script = "import json\n"
    script += f"def result(value):\n    print({RESULT_MARK!r} + json.dumps(value, default=str))\n"
    script += textwrap.dedent(code)
    if commit:
        script += "\nenv.cr.commit()\n"
    cmd = odoo_cmd(db)
    proc = subprocess.run(
        [cmd[0], "shell", *cmd[1:], "--no-http", "--log-level=warn"],
        input=script,
        check=False,
        capture_output=True,
        text=True,
        env=dict(os.environ, **(env or {})),
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith(RESULT_MARK)]
    if proc.returncode or not lines:
        raise AssertionError(f"odoo shell failed on {db}:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return json.loads(lines[-1][len(RESULT_MARK) :])
