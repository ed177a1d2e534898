# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmClientStage(models.Model):
    """A step of the client lifecycle (prospect, new, active, regular, sleeping, lost, returned)."""

    _name = "crm.client.stage"
    _description = "Client lifecycle stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    fold = fields.Boolean(help="Folded in the kanban view of clients.")
    active = fields.Boolean(default=True)
    handoff_team_id = fields.Many2one(
        "crm.team",
        string="Hand off to team",
        help="A client entering this stage passes to this team (its leader, or its least busy member): "
        "attraction, sale and account management can each have their team.",
    )
