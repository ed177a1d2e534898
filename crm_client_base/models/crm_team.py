# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmTeam(models.Model):
    _inherit = "crm.team"

    client_share = fields.Boolean(
        "Share clients in the team",
        help="Salespeople of this team who see only their own documents also see the clients of the team.",
    )
