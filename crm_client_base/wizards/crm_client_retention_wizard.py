# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CrmClientRetentionWizard(models.TransientModel):
    """Preview the clients the retention routine would archive, then archive them."""

    _name = "crm.client.retention.wizard"
    _description = "Preview the archiving of inactive clients"

    years = fields.Integer(required=True, default=lambda self: self.env.company.client_retention_years or 3)
    partner_ids = fields.Many2many("res.partner", string="Would be archived", compute="_compute_partner_ids")
    partner_count = fields.Integer(compute="_compute_partner_ids")

    @api.depends("years")
    def _compute_partner_ids(self):
        for wizard in self:
            partners = self.env["crm.client.retention.batch"]._candidates(self.env.company, wizard.years)
            wizard.partner_ids = partners[:200]
            wizard.partner_count = len(partners)

    def action_archive(self):
        self.ensure_one()
        partners = self.env["crm.client.retention.batch"]._candidates(self.env.company, self.years)
        if not partners:
            return {"type": "ir.actions.act_window_close"}
        batch = self.env["crm.client.retention.batch"]._archive(self.env.company, partners)
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.client.retention.batch",
            "res_id": batch.id,
            "view_mode": "form",
        }
