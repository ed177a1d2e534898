# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmClientWeekday(models.Model):
    """A day of the week, for call windows (ISO numbering: 1 is Monday)."""

    _name = "crm.client.weekday"
    _description = "Weekday"
    _order = "number"

    name = fields.Char(required=True, translate=True)
    number = fields.Integer(required=True)

    _number_unique = models.Constraint("UNIQUE(number)", "Each weekday exists once.")
    _number_range = models.Constraint("CHECK(number BETWEEN 1 AND 7)", "Weekdays are numbered 1 (Monday) to 7.")
