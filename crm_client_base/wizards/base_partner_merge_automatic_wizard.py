# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    _inherit = "base.partner.merge.automatic.wizard"

    def _merge(self, partner_ids, dst_partner=None, extra_checks=True):
        # The client value has no foreign key for Odoo's merge to move: the merged clients' rows
        # go with them (res.partner.unlink) and the survivor's figures are computed again from the
        # invoices it now holds.
        result = super()._merge(partner_ids, dst_partner=dst_partner, extra_checks=extra_checks)
        survivors = self.env["res.partner"].browse(partner_ids).exists()
        self.env["crm.client.value"].sudo()._refresh(survivors.commercial_partner_id.ids)
        return result
