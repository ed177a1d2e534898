# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmClientHobby(models.Model):
    """A hobby or interest of a client or key person (a tag)."""

    _name = "crm.client.hobby"
    _description = "Hobby or interest"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer()

    _name_unique = models.Constraint("UNIQUE(name)", "This hobby already exists.")
