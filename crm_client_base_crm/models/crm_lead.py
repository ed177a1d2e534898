# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    # These helpers of the lead form read the customer's card. With crm_client_base's rules, a
    # salesperson's own lead may be about another salesperson's client: compute them as
    # superuser so that the lead opens, without giving access to the client's card itself.
    commercial_partner_id = fields.Many2one(compute_sudo=True)
    partner_email_update = fields.Boolean(compute_sudo=True)
    partner_phone_update = fields.Boolean(compute_sudo=True)

    @api.model_create_multi
    def create(self, vals_list):
        # A lead copies its customer's email, phone and address (as superuser): a salesperson
        # may not create one on a client they may not read, by id over RPC.
        self.env["res.partner"]._client_refuse_hidden([vals.get("partner_id") for vals in vals_list])
        return super().create(vals_list)

    def write(self, vals):
        # Only a change of customer: Odoo's flows rewrite a lead's own customer unchanged.
        if vals.get("partner_id") and any(lead.partner_id.id != vals["partner_id"] for lead in self):
            self.env["res.partner"]._client_refuse_hidden([vals["partner_id"]])
        return super().write(vals)
