#!/usr/bin/env python3
"""Create the demo database and serve it: ``make demo``.

The database gets crm, sale and the three addons with Odoo's demo data, Russian loaded, and a
generated client base (bench/generator.py): Russian and international companies and people,
key contacts, logged interactions in the chatter, scheduled calls, dirty near-duplicates with
look-alikes that are not duplicates, for the dedup addon to find, and analytics: acquisition
channels and campaigns, a year of invoices, a data-quality trend.

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
# Run in `odoo shell` before the accounting: the demo company becomes Russian, then the
# accounting is installed for it (its demo entries in roubles).
RUSSIAN_COMPANY = """
rub = env.ref("base.RUB")
rub.active = True
env.ref("base.main_company").write({
    "name": "ООО «Демо Клиенты»",
    "country_id": env.ref("base.ru").id,
    "currency_id": rub.id,
    "street": "ул. Тверская, 7",
    "city": "Москва",
    "zip": "125009",
    "phone": "+7 495 123-45-67",
    "email": "info@demo-clients.ru",
    "vat": "7707083893",
})
env["res.users"].with_context(active_test=False).search([("share", "=", False)]).write(
    {"lang": "ru_RU", "tz": "Europe/Moscow"}
)
# Odoo 19 Community has no Russian chart of accounts: a Russian company gets Odoo's generic
# chart, which takes the currency of its fiscal country, the United States. A Russian user
# switches to roubles before the first entry; the demo entries come with the install, so the
# generic chart is given roubles for the install.
us = env.ref("base.us")
dollar = us.currency_id
us.currency_id = rub
env.cr.commit()
env["ir.module.module"].search([("name", "=", "account")]).button_immediate_install()
env = env(context={})
env.ref("base.us").currency_id = dollar.id
env.cr.commit()
"""


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
    # The demo company is a Russian one, in roubles (Odoo 19 Community has no Russian chart of
    # accounts: it keeps Odoo's generic one). English is loaded beside Russian, so that My
    # Preferences offers both.
    print(f"demo: creating the Russian demo company in {db}", flush=True)
    languages = "--load-language=ru_RU,en_US"
    subprocess.run(
        odoo_cmd(db, "-i", "base", "--with-demo", languages, "--stop-after-init", f"--logfile={log}"), check=True
    )
    cmd = odoo_cmd(db)
    subprocess.run(
        [cmd[0], "shell", *cmd[1:], "--no-http", "--log-level=warn"],
        input=RUSSIAN_COMPANY,
        text=True,
        check=True,
    )
    print(f"demo: installing crm, sale and the addons with demo data into {db} (about a minute)", flush=True)
    modules = ",".join(["crm", "sale", *ADDONS])
    subprocess.run(
        odoo_cmd(db, "-i", modules, "--with-demo", languages, "--stop-after-init", f"--logfile={log}"),
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
        f"demo: log in as admin / admin (administrator), manager / manager (sales manager) or sales / sales\n"
        f"demo: (salesperson: own clients and the free pool); the interface is in Russian (switch it in\n"
        f"demo: My Preferences); Ctrl+C stops the server\n",
        flush=True,
    )
    cmd = odoo_cmd(args.db, f"--http-port={args.port}", f"--db-filter=^{args.db}$")
    os.execv(cmd[0], cmd)


if __name__ == "__main__":
    sys.exit(main())
