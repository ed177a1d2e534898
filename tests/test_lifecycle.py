"""Install, upgrade (-u) and uninstall of the addons on a database holding clients, invoices
and messages leave Odoo working and lose no partner data."""

from conftest import ADDONS, odoo_run, odoo_shell
from odoo_env import LOG_DIR, psql

PARTNER_COLUMNS = "id, name, email, phone, vat, is_company, parent_id, active, street, city, country_id, comment"

SEED = """
company = env["res.company"].browse(1)
ru = env.ref("base.ru")
client = env["res.partner"].create({
    "name": "ООО «Ромашка»", "is_company": True, "email": "info@romashka.ru",
    "phone": "+7 495 123-45-67", "vat": "7707083893", "street": "ул. Ленина, 1",
    "city": "Москва", "country_id": ru.id, "comment": "<p>Давний клиент</p>",
})
person = env["res.partner"].create({"name": "Иван Петров", "parent_id": client.id, "email": "ivan@romashka.ru"})
private = env["res.partner"].create({"name": "Anna Smith", "email": "anna@example.com", "city": "London"})
client.message_post(body="Звонок: договорились о встрече")
invoice = env["account.move"].create({
    "move_type": "out_invoice",
    "partner_id": client.id,
    "invoice_line_ids": [(0, 0, {"name": "Консультация", "quantity": 2, "price_unit": 1500.0})],
})
invoice.action_post()
result({"client": client.id, "invoice": invoice.id, "state": invoice.state})
"""

CHECK_WORKING = """
client = env["res.partner"].browse(%(client)d)
partner = env["res.partner"].create({"name": "После удаления", "parent_id": client.id})
invoice = env["account.move"].create({
    "move_type": "out_invoice", "partner_id": partner.id,
    "invoice_line_ids": [(0, 0, {"name": "Проверка", "quantity": 1, "price_unit": 10.0})],
})
invoice.action_post()
result({
    "invoice_state": invoice.state,
    "invoice_partner": invoice.commercial_partner_id.id,
    "messages": env["mail.message"].search_count([("model", "=", "res.partner"), ("res_id", "=", client.id)]),
})
"""

# Indexes the addons put on Odoo's tables: partners' match keys, invoices' client value.
OUR_INDEXES = (
    "SELECT indexname FROM pg_indexes WHERE tablename IN ('res_partner', 'account_move')"
    " AND (indexname LIKE '%client%' OR indexname LIKE '%dedup%')"
)


def snapshot(db):
    return {
        "partners": psql(f"SELECT {PARTNER_COLUMNS} FROM res_partner ORDER BY id", db=db),
        "moves": psql(
            "SELECT id, partner_id, state, amount_total, commercial_partner_id FROM account_move ORDER BY id", db=db
        ),
        # Other modules' installs post on their own records; clients and invoices must stay as they were.
        "messages": psql(
            "SELECT id, model, res_id, body FROM mail_message"
            " WHERE model IN ('res.partner', 'account.move') ORDER BY id",
            db=db,
        ),
    }


def module_states(db):
    names = ",".join(f"'{name}'" for name in ADDONS)
    rows = psql(f"SELECT name, state FROM ir_module_module WHERE name IN ({names}) ORDER BY name", db=db)
    return dict(line.split("|") for line in rows.splitlines())


def test_install_upgrade_uninstall_keep_partner_data(fresh_db):
    db = fresh_db
    assert odoo_run(db, "-i", "contacts,account") == []
    seeded = odoo_shell(db, SEED, commit=True)
    assert seeded["state"] == "posted"
    before = snapshot(db)

    assert odoo_run(db, "-i", ",".join(ADDONS), log_name="lifecycle-install.log") == []
    assert set(module_states(db).values()) == {"installed"}
    assert snapshot(db) == before
    assert {"account_move_client_value_idx", "res_partner_dedup_name_key_idx"} <= set(psql(OUR_INDEXES, db=db).split())
    # What the addons add is filled in on install, and kept by an upgrade.
    assert psql(f"SELECT client_type FROM res_partner WHERE id = {seeded['client']}", db=db) == "company"
    psql(f"UPDATE res_partner SET client_type = 'individual_entrepreneur' WHERE id = {seeded['client']}", db=db)

    # As from a version before the address key (19.0.2.11.0): its migration fills the new column
    # itself, in slices, instead of the ORM computing it for every partner at once.
    psql("ALTER TABLE res_partner DROP COLUMN dedup_address_key", db=db)
    psql("UPDATE ir_module_module SET latest_version = '19.0.2.10.0' WHERE name = 'crm_client_base_dedup'", db=db)

    assert odoo_run(db, "-u", ",".join(ADDONS), log_name="lifecycle-upgrade.log") == []
    assert snapshot(db) == before
    assert psql(f"SELECT dedup_address_key FROM res_partner WHERE id = {seeded['client']}", db=db) == "moskva/lenina 1"
    assert "Prepare computation of res.partner.dedup_address_key" not in (LOG_DIR / "lifecycle-upgrade.log").read_text()
    assert (
        psql(f"SELECT client_type FROM res_partner WHERE id = {seeded['client']}", db=db) == "individual_entrepreneur"
    )

    uninstalled = odoo_shell(
        db,
        f"""
        modules = env["ir.module.module"].search([("name", "in", {ADDONS!r})])
        modules.button_immediate_uninstall()
        result(sorted(modules.mapped("state")))
        """,
        commit=True,
    )
    assert uninstalled == ["uninstalled"] * len(ADDONS)
    assert snapshot(db) == before
    assert psql("SELECT count(*) FROM information_schema.columns WHERE column_name = 'client_type'", db=db) == "0"
    assert psql("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'crm_client%'", db=db) == "0"
    # Nor an index the addons put on Odoo's tables.
    assert psql(OUR_INDEXES, db=db) == ""

    # Odoo still works: the registry loads, partners and invoices are created and posted.
    assert odoo_run(db, log_name="lifecycle-after-uninstall.log") == []
    working = odoo_shell(db, CHECK_WORKING % seeded)
    assert working["invoice_state"] == "posted"
    assert working["invoice_partner"] == seeded["client"]
    assert working["messages"] >= 1
