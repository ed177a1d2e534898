# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class MailingContact(models.Model):
    _inherit = "mailing.contact"

    def action_import_as_clients(self):
        """Open the client import's dry run on these mailing contacts."""
        wizard = self.env["crm.client.import"].create({"mailing_contact_ids": [(6, 0, self.ids)], "from_mailing": True})
        wizard.action_preview()
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.client.import",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "current",
        }
