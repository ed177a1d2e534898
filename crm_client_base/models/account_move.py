# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models

from .crm_client_value import SALE_MOVE_TYPES


class AccountMove(models.Model):
    _inherit = "account.move"

    # The refresh when an invoice is posted, reset or cancelled reads its customer's posted
    # invoices; Odoo has no index on commercial_partner_id, and the scan of every move it then
    # takes cost 25 ms a posting at 250k moves, growing with the ledger (0.5 ms with it).
    _client_value_idx = models.Index(
        "(commercial_partner_id) WHERE state = 'posted' AND move_type IN ({})".format(
            ", ".join(f"'{move_type}'" for move_type in SALE_MOVE_TYPES)
        )
    )

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
