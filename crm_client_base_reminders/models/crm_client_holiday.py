# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import calendar

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmClientHoliday(models.Model):
    """A yearly holiday or professional day on which clients are greeted."""

    _name = "crm.client.holiday"
    _description = "Holiday to greet clients on"
    _order = "month, day, id"

    name = fields.Char(required=True, translate=True)
    month = fields.Integer(required=True)
    day = fields.Integer(required=True)
    active = fields.Boolean(default=True)
    activity_type_id = fields.Many2one(
        "mail.activity.type",
        required=True,
        default=lambda self: self.env.ref("crm_client_base_reminders.mail_activity_type_client_congratulate"),
    )
    client_type = fields.Selection(
        [
            ("company", "Companies"),
            ("individual_entrepreneur", "Individual entrepreneurs"),
            ("private_person", "Private persons"),
        ],
        string="Only for",
        help="Greet only clients of this type; empty: every client.",
    )
    stage_ids = fields.Many2many("crm.client.stage", string="Only at stages")
    segment_ids = fields.Many2many("crm.client.segment", string="Only in segments")
    role_ids = fields.Many2many(
        "crm.client.role",
        string="Key people with roles",
        help="Greet the key people with these roles (e.g. accountants on Accountant's Day) instead of the clients.",
    )
    company_id = fields.Many2one("res.company", index=True)

    @api.constrains("month", "day")
    def _check_date(self):
        for holiday in self:
            if not 1 <= holiday.month <= 12 or not 1 <= holiday.day <= calendar.monthrange(2024, holiday.month)[1]:
                raise ValidationError(
                    self.env._(
                        "%(name)s: %(day)s/%(month)s is not a date.",
                        name=holiday.name,
                        day=holiday.day,
                        month=holiday.month,
                    )
                )

    def _occurrence(self, year):
        """This holiday's date in year (29 February falls on the 28th in other years)."""
        self.ensure_one()
        day = min(self.day, calendar.monthrange(year, self.month)[1])
        return fields.Date.to_date(f"{year:04d}-{self.month:02d}-{day:02d}")
