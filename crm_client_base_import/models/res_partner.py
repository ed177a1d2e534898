# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.tools import SQL


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def get_import_templates(self):
        """Odoo's import dialog of contacts offers our template too."""
        return [
            *super().get_import_templates(),
            {"label": self.env._("Client import template (XLSX)"), "template": "/crm_client_base_import/template.xlsx"},
        ]

    @api.model
    def _client_forget_scrub(self, old):
        """A forgotten person's lines in the imports: their values cleared, and the files that
        held them dropped (each import keeps its lines and counts)."""
        result = super()._client_forget_scrub(old)
        needles = [
            f"%{value}%" for value in (old.get("name"), old.get("email"), old.get("phone"), old.get("mobile")) if value
        ]
        if not needles:
            return result
        rows = self.env.execute_query(
            SQL(
                """SELECT id FROM crm_client_import_line
                    WHERE partner_id = %s OR name ILIKE ANY(%s) OR values::text ILIKE ANY(%s)""",
                old["id"],
                needles,
                needles,
            )
        )
        lines = self.env["crm.client.import.line"].sudo().browse([row[0] for row in rows])
        lines.write({"name": False, "values": False, "message_text": False, "message_data": False})
        imports = lines.import_id
        imports.column_ids.unlink()
        imports.write({"file": False})
        return result
