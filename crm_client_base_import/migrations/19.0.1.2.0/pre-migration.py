# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.1.2.0 words a line's outcome when it is read, in the reader's language: the texts stored
so far are kept as the lines' message_text, which is shown when a line has no outcome code."""

from odoo.tools import SQL, sql


def migrate(cr, version):
    if sql.column_exists(cr, "crm_client_import_line", "message") and not sql.column_exists(
        cr, "crm_client_import_line", "message_text"
    ):
        cr.execute(SQL("ALTER TABLE crm_client_import_line RENAME COLUMN message TO message_text"))
