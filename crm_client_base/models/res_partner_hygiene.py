# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Hygiene of the base: the stale flag (no interaction, no invoice for months) and the
periodic data review of each company's data steward."""

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import SQL


class ResPartner(models.Model):
    _inherit = "res.partner"

    client_is_stale = fields.Boolean(
        "Stale",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="No interaction and no invoice for the company's number of months (refreshed every night).",
    )

    @api.model
    def _client_inactive_domain(self, company, since):
        """Clients of ``company`` with no interaction and no posted customer invoice since
        ``since`` (a datetime)."""
        invoiced = (
            self.env["account.move"]
            .sudo()
            ._read_group(
                [
                    ("move_type", "in", ("out_invoice", "out_refund")),
                    ("state", "=", "posted"),
                    ("invoice_date", ">=", since.date()),
                ],
                ["commercial_partner_id"],
            )
        )
        return [
            *self._client_domain(company),
            "|",
            ("last_contact_date", "=", False),
            ("last_contact_date", "<", since),
            ("id", "not in", [partner.id for (partner,) in invoiced]),
        ]

    @api.model
    def _client_stale_ids(self, company):
        """Clients of ``company`` inactive for its number of months, and older than that."""
        since = fields.Datetime.now() - relativedelta(months=company.client_stale_months or 12)
        domain = [*self._client_inactive_domain(company, since), ("create_date", "<", since)]
        return set(self.sudo().search(domain).ids)

    @api.model
    def _cron_client_stale(self):
        """Refresh the stale flag of every client, touching only the rows that change."""
        stale = set()
        for company in self.env["res.company"].search([("client_stale_months", ">", 0)]):
            stale |= self._client_stale_ids(company)
        self.env.execute_query(
            SQL(
                "UPDATE res_partner SET client_is_stale = (id = ANY(%s))"
                " WHERE parent_id IS NULL AND client_is_stale IS DISTINCT FROM (id = ANY(%s))",
                sorted(stale),
                sorted(stale),
            )
        )
        self.invalidate_model(["client_is_stale"])

    @api.model
    def _client_data_review_items(self, company, domain):
        """The counts of ``company``'s data review checklist, worded in the context's language;
        ``domain`` selects the company's clients. Addons add the counts of their own."""
        incomplete = self.sudo().search_count([*domain, ("client_incomplete", "=", 1)])
        stale = self.sudo().search_count([*domain, ("client_is_stale", "=", True)])
        return [
            self.env._("Incomplete clients to complete: %s", incomplete),
            self.env._("Stale clients to wake up or archive: %s", stale),
        ]

    @api.model
    def _cron_client_data_review(self):
        """Every six months: the data steward of each company gets a checklist activity with the
        counts of incomplete and stale clients (and of those the addons count)."""
        for company in self.env["res.company"].search([("client_data_steward_id", "!=", False)]):
            domain = self._client_domain(company)
            steward = company.client_data_steward_id
            env = self.with_context(lang=steward.lang).env
            items = [
                *self.with_env(env)._client_data_review_items(company, domain),
                env._("Check the completeness policy still fits the business."),
            ]
            note = Markup("<ul>%s</ul>") % Markup("").join(Markup("<li>%s</li>") % item for item in items)
            company.partner_id.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=env._("Client data review"),
                note=note,
                user_id=steward.id,
            )
