# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.2.0.0 keeps the reasons of a candidate group as codes, worded in the reader's language;
the groups found by 19.0.1 keep their old wording as a plain note."""

from odoo.tools import SQL
from odoo.tools.sql import column_exists


def migrate(cr, version):
    if not column_exists(cr, "crm_client_duplicate", "reasons"):
        return
    cr.execute(
        SQL(
            """
            UPDATE crm_client_duplicate
               SET reason_data = jsonb_build_array(jsonb_build_array('note', reasons))
             WHERE reasons IS NOT NULL AND reason_data IS NULL
            """
        )
    )
    cr.execute(SQL("ALTER TABLE crm_client_duplicate DROP COLUMN reasons"))
