# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models

from .crm_client_value import SALE_MOVE_TYPES


class AccountMove(models.Model):
    _inherit = "account.move"

    def _client_value_refresh(self):
        """Refresh the client figures of the customers of these invoices and refunds."""
        partners = self.filtered(lambda m: m.move_type in SALE_MOVE_TYPES).commercial_partner_id
        if partners:
            self.env["crm.client.value"].sudo()._refresh(partners.ids)

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        posted._client_value_refresh()
        return posted

    def button_draft(self):
        result = super().button_draft()
        self._client_value_refresh()
        return result

    def button_cancel(self):
        result = super().button_cancel()
        self._client_value_refresh()
        return result
