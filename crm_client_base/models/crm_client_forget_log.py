# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmClientForgetLog(models.Model):
    """Who forgot a person's personal data (152-FZ, art. 21), when and why; what was cleared, by
    kind and count, never the data itself."""

    _name = "crm.client.forget.log"
    _description = "Personal data forgotten"
    _order = "date desc, id desc"

    partner_id = fields.Many2one("res.partner", string="Person (anonymized)", readonly=True, ondelete="set null")
    user_id = fields.Many2one("res.users", string="Forgotten by", required=True, readonly=True, ondelete="restrict")
    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    reason = fields.Text(required=True, readonly=True)
    cleared = fields.Text("What was cleared", readonly=True)
