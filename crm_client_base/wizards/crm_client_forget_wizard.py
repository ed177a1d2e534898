# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CrmClientForgetWizard(models.TransientModel):
    """Forget a person: what will be cleared, what still needs the data, and why it is done."""

    _name = "crm.client.forget.wizard"
    _inherit = ["crm.client.visibility.mixin"]
    _description = "Forget a person's personal data"

    partner_id = fields.Many2one("res.partner", string="Person", required=True, readonly=True)
    reason = fields.Text(required=True, help="Why: the person's request, the end of the purpose... It is logged.")
    preview = fields.Text("What will be cleared", compute="_compute_preview")
    blockers = fields.Text("What still needs the data", compute="_compute_preview")

    @api.depends("partner_id")
    def _compute_preview(self):
        for wizard in self:
            person = wizard.partner_id
            wizard.preview = person._client_forget_preview() if person else False
            wizard.blockers = "\n".join(person._client_forget_blockers()) if person else False

    def action_forget(self):
        self.ensure_one()
        self.partner_id._client_forget(self.reason)
        return {"type": "ir.actions.act_window_close"}
