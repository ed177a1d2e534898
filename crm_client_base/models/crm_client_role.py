# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmClientRole(models.Model):
    """The role of a key person at a client (director, chief accountant, buyer...)."""

    _name = "crm.client.role"
    _description = "Key person role"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _name_unique = models.Constraint("UNIQUE(name)", "This role already exists.")
