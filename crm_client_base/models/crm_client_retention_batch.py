# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class CrmClientRetentionBatch(models.Model):
    """Clients archived together by the retention routine, so that they can be restored."""

    _name = "crm.client.retention.batch"
    _description = "Archived inactive clients"
    _order = "id desc"

    name = fields.Char(required=True, readonly=True)
    company_id = fields.Many2one("res.company", readonly=True, index=True)
    partner_ids = fields.Many2many("res.partner", string="Clients", readonly=True, context={"active_test": False})
    partner_count = fields.Integer("Number of clients", compute="_compute_partner_count")
    state = fields.Selection([("archived", "Archived"), ("undone", "Restored")], default="archived", readonly=True)

    @api.depends("partner_ids")
    def _compute_partner_count(self):
        for batch in self:
            batch.partner_count = len(batch.partner_ids)

    @api.model
    def _candidates(self, company, years=None):
        """Active clients of the company with no interaction, no invoice and no change for
        years years (the company's retention setting by default)."""
        years = years if years is not None else company.client_retention_years
        if years <= 0:
            return self.env["res.partner"]
        since = fields.Datetime.now() - relativedelta(years=years)
        Partner = self.env["res.partner"].sudo()
        return Partner.search([*Partner._client_inactive_domain(company, since), ("write_date", "<", since)])

    @api.model
    def _cron_archive_inactive(self):
        for company in self.env["res.company"].search([("client_retention_years", ">", 0)]):
            candidates = self._candidates(company)
            if candidates:
                self._archive(company, candidates)

    @api.model
    def _archive(self, company, partners):
        batch = self.sudo().create(
            {
                "name": self.env._(
                    "Inactive for %(years)s years, %(date)s",
                    years=company.client_retention_years,
                    date=fields.Date.context_today(self),
                ),
                "company_id": company.id,
                "partner_ids": [fields.Command.set(partners.ids)],
            }
        )
        partners.with_context(active_test=False).write({"active": False})
        return batch

    def action_undo(self):
        """Restore the clients of this batch."""
        for batch in self.filtered(lambda b: b.state == "archived"):
            batch.partner_ids.with_context(active_test=False).write({"active": True})
            batch.state = "undone"
        return True
