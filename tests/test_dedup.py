# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""crm_client_base_dedup beyond its Odoo tests: the partner_indexes command and the refusal to
run on a database whose LC_CTYPE blinds pg_trgm to Cyrillic."""

import configparser
import subprocess

from conftest import odoo_run, unique_db
from odoo_env import ODOO_CONF, drop_database, odoo_cmd, odoo_shell, psql


def partner_indexes(db, *args):
    """``odoo --addons-path=... partner_indexes``: Odoo looks for addon commands on the addons
    path given before the command name."""
    cmd = odoo_cmd(db)
    conf = configparser.ConfigParser()
    conf.read(ODOO_CONF)
    addons_path = conf["options"]["addons_path"]
    proc = subprocess.run(
        [cmd[0], f"--addons-path={addons_path}", "partner_indexes", "-c", str(ODOO_CONF), "-d", db, *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def test_partner_indexes_command_reports_and_creates(db_copy):
    psql("CREATE TABLE test_dedup_ref (id serial PRIMARY KEY, partner_id int REFERENCES res_partner)", db=db_copy)
    report = partner_indexes(db_copy)
    assert "missing: test_dedup_ref.partner_id" in report
    assert psql("SELECT count(*) FROM pg_indexes WHERE tablename = 'test_dedup_ref'", db=db_copy) == "1"
    created = partner_indexes(db_copy, "--create")
    assert "created" in created
    assert psql("SELECT count(*) FROM pg_indexes WHERE tablename = 'test_dedup_ref'", db=db_copy) == "2"
    assert partner_indexes(db_copy).strip().endswith("0 foreign keys to res_partner without an index")


def test_refuses_to_run_where_pg_trgm_is_blind_to_cyrillic():
    db = unique_db("ccb_ctype_c")
    drop_database(db)
    psql(f"CREATE DATABASE {db} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'")
    try:
        assert odoo_run(db, "-i", "crm_client_base_dedup", log_name=f"{db}.log") == []
        assert psql("SELECT show_trgm('Ромашка')", db=db) == "{}"
        outcome = odoo_shell(
            db,
            """
from odoo.exceptions import UserError
messages = []
for call in (lambda: env["crm.client.duplicate"].scan(),
             lambda: env["crm.client.duplicate.finder"]._find_similar({"name": "Ромашка"})):
    try:
        call()
        messages.append(None)
    except UserError as error:
        messages.append(str(error))
result(messages)
""",
        )
        assert all(message and "LC_CTYPE=C" in message for message in outcome), outcome
    finally:
        drop_database(db)
