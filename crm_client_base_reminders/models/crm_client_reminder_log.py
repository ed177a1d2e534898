# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmClientReminderLog(models.Model):
    """The ledger of occasions already reminded of: one row per occasion key (a birthday of
    a given year, a holiday of a given year, a cadence cycle, a custom reminder date).

    The cron inserts the key before creating the activity, in the same transaction, so a
    rerun, a second worker or a restart after a crash never creates the same reminder twice,
    and an activity marked done or cancelled is not created again for the same occasion."""

    _name = "crm.client.reminder.log"
    _description = "Client reminder occasion"
    _order = "id desc"

    key = fields.Char(required=True, readonly=True)
    source = fields.Selection(
        [
            ("birthday", "Birthday"),
            ("holiday", "Holiday"),
            ("cadence", "Contact cadence"),
            ("custom", "Custom reminder"),
        ],
        required=True,
        readonly=True,
    )
    partner_id = fields.Many2one("res.partner", required=True, readonly=True, index=True, ondelete="cascade")
    activity_id = fields.Many2one("mail.activity", readonly=True, index="btree_not_null", ondelete="set null")
    occasion_date = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True, index=True)

    _key_unique = models.Constraint("UNIQUE(key)", "This occasion was already reminded of.")
