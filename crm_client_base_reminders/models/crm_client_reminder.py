# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

STEPS = {
    "daily": relativedelta(days=1),
    "weekly": relativedelta(weeks=1),
    "monthly": relativedelta(months=1),
    "yearly": relativedelta(years=1),
}


class CrmClientReminder(models.Model):
    """A reminder set by hand on a client card: one-off or recurring, for any user."""

    _name = "crm.client.reminder"
    _inherit = ["crm.client.visibility.mixin"]
    _description = "Custom client reminder"
    _order = "next_date, id"
    _check_company_auto = True

    name = fields.Char("Reminder", required=True)
    partner_id = fields.Many2one("res.partner", string="Client", required=True, index=True, ondelete="cascade")
    user_id = fields.Many2one(
        "res.users",
        string="For",
        help="Who is reminded; empty: the client's salesperson.",
    )
    activity_type_id = fields.Many2one(
        "mail.activity.type",
        required=True,
        default=lambda self: self.env.ref("crm_client_base_reminders.mail_activity_type_client_call"),
    )
    note = fields.Text()
    recurrence = fields.Selection(
        [
            ("once", "Once"),
            ("daily", "Every day"),
            ("weekly", "Every week"),
            ("monthly", "Every month"),
            ("yearly", "Every year"),
            ("days", "Every N days"),
        ],
        required=True,
        default="once",
    )
    interval_days = fields.Integer("Every (days)", default=7)
    next_date = fields.Date("Next date", required=True, default=fields.Date.context_today, index=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, index=True)

    @api.constrains("recurrence", "interval_days")
    def _check_interval(self):
        for reminder in self:
            if reminder.recurrence == "days" and reminder.interval_days < 1:
                raise ValidationError(self.env._("%s: repeat at least every day.", reminder.name))

    @api.constrains("partner_id", "user_id")
    def _check_user_reads_client(self):
        # A reminder makes its user an activity's assignee on the client: never someone who may
        # not read that client (the activity would name it to them).
        for reminder in self.filtered("user_id"):
            if not reminder.partner_id.with_user(reminder.user_id).has_access("read"):
                raise ValidationError(
                    self.env._(
                        "%(user)s may not see this client, so cannot be reminded of it: choose its "
                        "salesperson or leave the field empty.",
                        user=reminder.user_id.name,
                    )
                )

    def _advance(self):
        """Move each reminder to its next occurrence, or retire a one-off."""
        for reminder in self:
            if reminder.recurrence == "once":
                reminder.active = False
                continue
            step = STEPS.get(reminder.recurrence) or relativedelta(days=reminder.interval_days)
            reminder.next_date = reminder.next_date + step
