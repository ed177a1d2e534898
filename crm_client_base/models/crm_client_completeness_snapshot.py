# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CrmClientCompletenessSnapshot(models.Model):
    """The data quality of one salesperson's clients on one day: the trend of the base."""

    _name = "crm.client.completeness.snapshot"
    _description = "Client completeness snapshot"
    _order = "date desc, id desc"

    date = fields.Date(required=True, readonly=True, index=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True, index=True)
    company_id = fields.Many2one("res.company", readonly=True, index=True)
    client_count = fields.Integer("Clients", readonly=True)
    average_completeness = fields.Float("Average completeness", readonly=True, aggregator="avg")
    incomplete_count = fields.Integer("Incomplete clients", readonly=True)

    _day_user_unique = models.Constraint(
        "UNIQUE NULLS NOT DISTINCT(date, user_id, company_id)", "One snapshot per salesperson and day."
    )

    @api.model
    def _cron_take_snapshot(self):
        """Record today's figures per salesperson (once a day, whatever the number of runs)."""
        today = fields.Date.context_today(self)
        groups = (
            self.env["res.partner"]
            .sudo()
            ._read_group(
                self.env["res.partner"]._client_domain(),
                ["user_id", "company_id"],
                ["__count", "client_completeness:avg", "client_incomplete:sum"],
            )
        )
        done = {
            (snapshot.user_id.id, snapshot.company_id.id) for snapshot in self.sudo().search([("date", "=", today)])
        }
        self.sudo().create(
            [
                {
                    "date": today,
                    "user_id": user.id,
                    "company_id": company.id,
                    "client_count": count,
                    "average_completeness": average or 0.0,
                    "incomplete_count": incomplete or 0,
                }
                for user, company, count, average, incomplete in groups
                if (user.id, company.id) not in done
            ]
        )
