# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL

SPAM_REASONS = [
    ("honeypot", "Hidden field filled"),
    ("token", "Form not shown by the site"),
    ("fast", "Sent too fast"),
    ("rate", "Too many from one address"),
]


class CrmClientWebsiteSpam(models.Model):
    """How many contact form submissions were refused as spam, per website, day and reason: the
    submissions themselves are not stored."""

    _name = "crm.client.website.spam"
    _description = "Contact form spam count"
    _order = "day desc, website_id, reason"
    _rec_name = "day"

    day = fields.Date(required=True, readonly=True, index=True)
    website_id = fields.Many2one("website", required=True, readonly=True, ondelete="cascade")
    company_id = fields.Many2one(related="website_id.company_id", store=True)
    reason = fields.Selection(SPAM_REASONS, required=True, readonly=True)
    count = fields.Integer(readonly=True)

    _day_website_reason_unique = models.Constraint(
        "UNIQUE(day, website_id, reason)", "One count per website, day and reason."
    )

    @api.model
    def _count(self, website, reason):
        """Count one refused submission, safely when workers count at once (one upsert)."""
        self.env.execute_query(
            SQL(
                """INSERT INTO crm_client_website_spam (day, website_id, company_id, reason, count,
                                                        create_date, write_date)
                   VALUES (current_date, %(website)s, %(company)s, %(reason)s, 1, now(), now())
                   ON CONFLICT (day, website_id, reason)
                   DO UPDATE SET count = crm_client_website_spam.count + 1, write_date = now()""",
                website=website.id,
                company=website.company_id.id,
                reason=reason,
            )
        )
        self.invalidate_model()
