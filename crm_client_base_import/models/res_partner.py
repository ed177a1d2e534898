# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def get_import_templates(self):
        """Odoo's import dialog of contacts offers our template too."""
        return [
            *super().get_import_templates(),
            {"label": self.env._("Client import template (XLSX)"), "template": "/crm_client_base_import/template.xlsx"},
        ]
