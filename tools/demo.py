#!/usr/bin/env python3
"""Create the demo database and serve it: ``make demo``.

The database gets crm, sale and the three addons with Odoo's demo data, Russian loaded, and a
generated client base (bench/generator.py): Russian and international companies and people,
key contacts, logged interactions in the chatter, scheduled calls, and dirty near-duplicates
with look-alikes that are not duplicates, for the dedup addon to find.

A second ``make demo`` serves the existing database; ``--reset`` builds it again.
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from odoo_env import ADDONS, LOG_DIR, ROOT, create_database, drop_database, odoo_cmd, psql

POPULATE = ROOT / "tools" / "demo_populate.py"


def database_ready(db):
    if psql(f"SELECT count(*) FROM pg_database WHERE datname = '{db}'") != "1":
        return False
    names = ",".join(f"'{a}'" for a in ADDONS)
    try:
        installed = psql(f"SELECT count(*) FROM ir_module_module WHERE name IN ({names}) AND state = 'installed'", db)
        populated = psql("SELECT count(*) FROM res_partner WHERE ref LIKE 'GEN-%'", db)
    except subprocess.CalledProcessError:
        return False
    return installed == str(len(ADDONS)) and int(populated) > 0


def build(db, size):
    LOG_DIR.mkdir(exist_ok=True)
    log = LOG_DIR / f"demo-{db}.log"
    drop_database(db)
    create_database(db)
    print(f"demo: installing crm, sale and the addons with demo data into {db} (about a minute)", flush=True)
    modules = ",".join(["crm", "sale", *ADDONS])
    subprocess.run(
        odoo_cmd(db, "-i", modules, "--with-demo", "--load-language=ru_RU", "--stop-after-init", f"--logfile={log}"),
        check=True,
    )
    print(f"demo: generating {size} clients with their contacts, interactions and duplicates", flush=True)
    env = dict(os.environ, DEMO_SIZE=str(size), DEMO_ROOT=str(ROOT))
    cmd = odoo_cmd(db)
    subprocess.run(
        [cmd[0], "shell", *cmd[1:], "--no-http", "--log-level=warn"],
        stdin=POPULATE.open(),
        env=env,
        check=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="crm_client_base_demo")
    parser.add_argument("--size", type=int, default=300, help="top-level clients to generate")
    parser.add_argument("--port", type=int, default=8069)
    parser.add_argument("--reset", action="store_true", help="build the database again")
    parser.add_argument("--create-only", action="store_true", help="build the database, do not serve it")
    args = parser.parse_args()

    if args.reset or not database_ready(args.db):
        build(args.db, args.size)
    else:
        print(f"demo: {args.db} is already built (make demo ARGS=--reset, or tools/demo.py --reset, rebuilds it)")
    if args.create_only:
        return 0
    print(
        f"\ndemo: serving {args.db} at http://localhost:{args.port}\n"
        f"demo: log in as admin / admin (administrator) or manager / manager (sales manager); the interface\n"
        f"demo: is in Russian (switch it in My Preferences); Ctrl+C stops the server\n",
        flush=True,
    )
    cmd = odoo_cmd(args.db, f"--http-port={args.port}", f"--db-filter=^{args.db}$")
    os.execv(cmd[0], cmd)


if __name__ == "__main__":
    sys.exit(main())
