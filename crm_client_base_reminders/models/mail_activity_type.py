# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class MailActivityType(models.Model):
    _inherit = "mail.activity.type"

    client_reminder_lead_days = fields.Integer(
        "Reminder lead time (days)",
        help="Client reminders of this type fall due this many days before the occasion "
        "(for example a gift a week before a birthday).",
    )
