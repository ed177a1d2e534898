# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from ..tools.cron import cron_progress

# Clients archived per commit by the monthly routine: a large base is archived a batch at a time,
# and a run stopped in the middle (time budget, restart) goes on where it stopped.
ARCHIVE_BATCH = 1000


class CrmClientRetentionBatch(models.Model):
    """Clients archived together by the retention routine, so that they can be restored."""

    _name = "crm.client.retention.batch"
    _description = "Archived inactive clients"
    _order = "id desc"

    name = fields.Char(required=True, readonly=True)
    company_id = fields.Many2one("res.company", readonly=True, index=True)
    partner_ids = fields.Many2many("res.partner", string="Clients", readonly=True, context={"active_test": False})
    partner_count = fields.Integer("Number of clients", compute="_compute_partner_count")
    state = fields.Selection(
        [("running", "Archiving"), ("archived", "Archived"), ("undone", "Restored")], default="archived", readonly=True
    )

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
        """Archive each company's inactive clients, ARCHIVE_BATCH a commit. The clients of a
        run are recorded first, in one batch to undo; a run stopped in the middle is finished
        by the next one before new candidates are looked for."""
        for batch in self.sudo().search([("state", "=", "running")], order="id"):
            if not batch._archive_pending():
                return
        for company in self.env["res.company"].search([("client_retention_years", ">", 0)]):
            candidates = self._candidates(company)
            if candidates:
                batch = self._archive(company, candidates, now=False)
                cron_progress(self.env, 0)
                if not batch._archive_pending():
                    return

    @api.model
    def _archive(self, company, partners, now=True):
        """The batch of ``partners`` archived for ``company``; with ``now``, archived at once,
        else left to _archive_pending (state "running")."""
        batch = self.sudo().create(
            {
                "name": self.env._(
                    "Inactive for %(years)s years, %(date)s",
                    years=company.client_retention_years,
                    date=fields.Date.context_today(self),
                ),
                "company_id": company.id,
                "partner_ids": [fields.Command.set(partners.ids)],
                "state": "archived" if now else "running",
            }
        )
        if now:
            partners.with_context(active_test=False).write({"active": False})
        return batch

    def _archive_pending(self):
        """Archive the clients of this running batch still active, a commit per ARCHIVE_BATCH;
        False when the scheduled action ran out of time (the rest is for its next run)."""
        self.ensure_one()
        pending = self.partner_ids.filtered("active")
        for start in range(0, len(pending), ARCHIVE_BATCH):
            chunk = pending[start : start + ARCHIVE_BATCH]
            chunk.with_context(active_test=False).write({"active": False})
            if not cron_progress(self.env, len(chunk), remaining=len(pending) - start - len(chunk)):
                return False
        self.state = "archived"
        cron_progress(self.env, 0)
        return True

    def action_undo(self):
        """Restore the clients of this batch."""
        for batch in self.filtered(lambda b: b.state in ("running", "archived")):
            batch.partner_ids.with_context(active_test=False).write({"active": True})
            batch.state = "undone"
        return True
