# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.1.10.0: a completeness rule or requirement may name a card property, several per client
type: the unique constraints over the check alone give way to partial unique indexes."""

from odoo.tools import SQL


def migrate(cr, version):
    for table, name in (
        ("crm_client_completeness_rule", "crm_client_completeness_rule_check_unique"),
        ("crm_client_requirement", "crm_client_requirement_code_unique"),
    ):
        cr.execute(SQL("ALTER TABLE %s DROP CONSTRAINT IF EXISTS %s", SQL.identifier(table), SQL.identifier(name)))
        cr.execute(SQL("DELETE FROM ir_model_constraint WHERE name = %s", name))
        cr.execute(
            SQL(
                "DELETE FROM ir_model_data WHERE model = 'ir.model.constraint' "
                "AND module = 'crm_client_base' AND name = %s",
                f"constraint_{name}",
            )
        )
