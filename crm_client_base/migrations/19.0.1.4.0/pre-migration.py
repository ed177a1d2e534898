# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.1.4.0 keeps the client value in a table without foreign keys: the old table goes (its
rows are derived from the invoices), init() makes the new one and post-migration fills it."""

from odoo.tools import SQL


def migrate(cr, version):
    cr.execute(SQL("DROP TABLE IF EXISTS crm_client_value"))
    # The old foreign keys' reflection (the unique constraint's goes with the update, as undeclared).
    cr.execute(
        SQL(
            """DELETE FROM ir_model_constraint
                WHERE type = 'f' AND model = (SELECT id FROM ir_model WHERE model = 'crm.client.value')"""
        )
    )
