# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmClientExportLog(models.Model):
    """One export of clients: who, when, how many records and which fields."""

    _name = "crm.client.export.log"
    _description = "Client export log"
    _order = "id desc"
    _log_access = True

    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True, ondelete="restrict")
    company_id = fields.Many2one("res.company", readonly=True, index=True)
    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    record_count = fields.Integer("Records", readonly=True)
    field_names = fields.Text("Fields", readonly=True)
    model = fields.Char(readonly=True, default="res.partner")
