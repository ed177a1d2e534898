# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import standards


class CrmClientFamilyMember(models.Model):
    """A family member of a client or key person, with a birthday to remember."""

    _name = "crm.client.family.member"
    _inherit = ["crm.client.visibility.mixin"]
    _description = "Family member of a client"
    _order = "partner_id, birthday, id"

    partner_id = fields.Many2one("res.partner", required=True, index=True, ondelete="cascade")
    name = fields.Char(required=True)
    relation = fields.Selection(
        [
            ("spouse", "Spouse"),
            ("child", "Child"),
            ("parent", "Parent"),
            ("sibling", "Brother or sister"),
            ("other", "Other"),
        ],
        required=True,
        default="spouse",
    )
    birthday = fields.Date()
    note = fields.Char()

    @api.constrains("birthday")
    def _check_birthday(self):
        today = fields.Date.context_today(self)
        for member in self:
            if member.birthday and not standards.plausible_birthday(member.birthday, today):
                raise ValidationError(
                    self.env._(
                        "%(name)s: birthday %(date)s is not a plausible date of birth.",
                        name=member.name,
                        date=member.birthday,
                    )
                )
