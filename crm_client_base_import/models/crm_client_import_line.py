# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmClientImportLine(models.Model):
    """One line of an import file and what importing it does."""

    _name = "crm.client.import.line"
    _inherit = ["crm.client.visibility.mixin"]
    _description = "Client import line"
    _order = "import_id, line_number"

    import_id = fields.Many2one("crm.client.import", required=True, ondelete="cascade", index=True)
    line_number = fields.Integer("Line", readonly=True)
    name = fields.Char(readonly=True)
    action = fields.Selection(
        [
            ("create", "New client"),
            ("update", "Update"),
            ("unchanged", "Already in the base"),
            ("refuse", "Refused"),
        ],
        readonly=True,
    )
    partner_id = fields.Many2one("res.partner", string="Existing client", readonly=True)
    score = fields.Integer(readonly=True)
    message = fields.Char("What happens", readonly=True)
    values = fields.Json(readonly=True)
    done = fields.Boolean("Imported", readonly=True)
