# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


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
            ("joined", "Joined to another line"),
        ],
        readonly=True,
    )
    partner_id = fields.Many2one("res.partner", string="Existing client", readonly=True)
    score = fields.Integer(readonly=True)
    message = fields.Char("What happens", compute="_compute_message")
    # What the line's outcome says, as a code and its arguments: worded when read, in the
    # reader's language (a manager reading a salesperson's import reads it in theirs).
    message_data = fields.Json("Outcome code", readonly=True)
    # A refusal by a check of the card (an INN's check digits, a phone), as the check worded it.
    message_text = fields.Char("Outcome as checked", readonly=True)
    values = fields.Json(readonly=True)
    done = fields.Boolean("Imported", readonly=True)

    @api.depends("message_data", "message_text")
    @api.depends_context("lang")
    def _compute_message(self):
        Import = self.env["crm.client.import"]
        for line in self:
            line.message = Import._word_message(line.message_data) if line.message_data else line.message_text
