# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    def _default_client_reminder_birthday_types(self):
        return self.env.ref(
            "crm_client_base_reminders.mail_activity_type_client_congratulate", raise_if_not_found=False
        )

    client_reminder_fallback_user_id = fields.Many2one(
        "res.users",
        string="Reminders without salesperson go to",
        help="Clients without a salesperson get their reminders for this user; empty: no reminder for them.",
    )
    client_reminder_birthday_type_ids = fields.Many2many(
        "mail.activity.type",
        "res_company_client_birthday_activity_type_rel",
        string="On birthdays",
        default=lambda self: self._default_client_reminder_birthday_types(),
        help="The activities created for each birthday of a client, key person or family member, each "
        "with the lead time of its type (e.g. Congratulate on the day, Send a gift a week before).",
    )
