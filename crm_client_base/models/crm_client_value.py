# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

# Customer documents that make a client's revenue; refunds count negatively.
SALE_MOVE_TYPES = ("out_invoice", "out_refund")

RFM_LABELS = [
    ("champion", "Champion"),
    ("loyal", "Loyal"),
    ("promising", "Promising"),
    ("at_risk", "At risk"),
    ("hibernating", "Hibernating"),
]


class CrmClientValue(models.Model):
    """What a client (a commercial partner) brought one company, from its posted customer
    invoices and refunds: kept current when invoices are posted, reset or cancelled."""

    _name = "crm.client.value"
    _description = "Client value"
    _order = "revenue_total desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one("res.partner", required=True, ondelete="cascade", index=True, readonly=True)
    company_id = fields.Many2one("res.company", required=True, ondelete="cascade", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    revenue_total = fields.Monetary("Revenue", readonly=True, help="Untaxed, net of refunds, company currency.")
    revenue_12m = fields.Monetary("Revenue, last 12 months", readonly=True)
    invoice_count = fields.Integer("Invoices", readonly=True)
    invoice_count_12m = fields.Integer("Invoices, last 12 months", readonly=True)
    first_purchase_date = fields.Date("First purchase", readonly=True)
    last_purchase_date = fields.Date("Last purchase", readonly=True)
    average_invoice = fields.Monetary(readonly=True, help="Revenue divided by the number of invoices.")
    frequency_class = fields.Selection(
        [("one_off", "One-off"), ("rare", "Rare"), ("regular", "Regular")],
        readonly=True,
        index=True,
        help="One-off: a single invoice ever. Regular: at least the company's threshold of invoices "
        "in the last 12 months. Rare: in between.",
    )
    rfm_recency = fields.Integer("Recency score", readonly=True, help="1 (longest ago) to 5 (most recent).")
    rfm_frequency = fields.Integer("Frequency score", readonly=True, help="1 to 5, by invoices in 12 months.")
    rfm_monetary = fields.Integer("Monetary score", readonly=True, help="1 to 5, by revenue in 12 months.")
    rfm_segment = fields.Selection(RFM_LABELS, string="RFM segment", readonly=True, index=True)
    # Acquisition, from the client card: for the channel and campaign analysis.
    source_id = fields.Many2one(related="partner_id.source_id", store=True, string="Acquisition channel")
    campaign_id = fields.Many2one(related="partner_id.campaign_id", store=True, string="Acquisition campaign")
    user_id = fields.Many2one(related="partner_id.user_id", store=True, string="Salesperson")
    client_stage_id = fields.Many2one(related="partner_id.client_stage_id", store=True, string="Stage")
    client_type = fields.Selection(related="partner_id.client_type", store=True)

    _partner_company_unique = models.Constraint(
        "UNIQUE (partner_id, company_id)", "A client has one value row per company."
    )

    @api.model
    def _refresh(self, partner_ids=None):
        """Recompute the figures of ``partner_ids`` (commercial partners; all when None) in
        every company, in two statements whatever their number: rows of clients left without
        any posted invoice go, the others are written from one aggregate of account_move."""
        self.env["account.move"].flush_model(
            ["state", "move_type", "commercial_partner_id", "company_id", "amount_untaxed_signed", "invoice_date"]
        )
        self.env["res.company"].flush_model(["client_regular_invoices"])
        only = SQL("TRUE") if partner_ids is None else SQL("m.commercial_partner_id = ANY(%s)", list(partner_ids))
        since = fields.Date.context_today(self) - relativedelta(months=12)
        self.env.execute_query(
            SQL(
                "DELETE FROM crm_client_value WHERE %s",
                SQL("TRUE") if partner_ids is None else SQL("partner_id = ANY(%s)", list(partner_ids)),
            )
        )
        self.env.execute_query(
            SQL(
                """
                INSERT INTO crm_client_value (
                       partner_id, company_id, revenue_total, revenue_12m, invoice_count, invoice_count_12m,
                       first_purchase_date, last_purchase_date, average_invoice, frequency_class,
                       source_id, campaign_id, user_id, client_stage_id, client_type,
                       create_uid, write_uid, create_date, write_date)
                SELECT agg.partner_id, agg.company_id, agg.revenue_total, agg.revenue_12m,
                       agg.invoice_count, agg.invoice_count_12m, agg.first_date, agg.last_date,
                       CASE WHEN agg.invoice_count > 0 THEN agg.revenue_total / agg.invoice_count END,
                       CASE WHEN agg.invoice_count = 1 THEN 'one_off'
                            WHEN agg.invoice_count_12m >= COALESCE(c.client_regular_invoices, 4) THEN 'regular'
                            WHEN agg.invoice_count > 1 THEN 'rare' END,
                       p.source_id, p.campaign_id, p.user_id, p.client_stage_id, p.client_type,
                       %(uid)s, %(uid)s, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
                  FROM (SELECT m.commercial_partner_id AS partner_id, m.company_id,
                               SUM(m.amount_untaxed_signed) AS revenue_total,
                               COALESCE(SUM(m.amount_untaxed_signed) FILTER (WHERE m.invoice_date >= %(since)s), 0)
                                   AS revenue_12m,
                               COUNT(*) FILTER (WHERE m.move_type = 'out_invoice') AS invoice_count,
                               COUNT(*) FILTER (WHERE m.move_type = 'out_invoice' AND m.invoice_date >= %(since)s)
                                   AS invoice_count_12m,
                               MIN(m.invoice_date) FILTER (WHERE m.move_type = 'out_invoice') AS first_date,
                               MAX(m.invoice_date) FILTER (WHERE m.move_type = 'out_invoice') AS last_date
                          FROM account_move m
                         WHERE m.state = 'posted' AND m.move_type IN %(types)s
                           AND m.commercial_partner_id IS NOT NULL AND %(only)s
                      GROUP BY m.commercial_partner_id, m.company_id) AS agg
                  JOIN res_partner p ON p.id = agg.partner_id
                  JOIN res_company c ON c.id = agg.company_id
                """,
                uid=self.env.uid,
                since=since,
                types=SALE_MOVE_TYPES,
                only=only,
            )
        )
        self.invalidate_model()
        if partner_ids is None:
            self._refresh_rfm()

    @api.model
    def _refresh_rfm(self):
        """RFM scores 1-5 by quintile within each company, over the clients who bought in the
        last 12 months (others score 1 on all three), and the segment they make."""
        self.env.execute_query(
            SQL(
                """
                UPDATE crm_client_value v
                   SET rfm_recency = COALESCE(s.r, 1), rfm_frequency = COALESCE(s.f, 1),
                       rfm_monetary = COALESCE(s.m, 1)
                  FROM crm_client_value v2
             LEFT JOIN (SELECT id,
                               ntile(5) OVER (PARTITION BY company_id ORDER BY last_purchase_date, id) AS r,
                               ntile(5) OVER (PARTITION BY company_id ORDER BY invoice_count_12m, id) AS f,
                               ntile(5) OVER (PARTITION BY company_id ORDER BY revenue_12m, id) AS m
                          FROM crm_client_value WHERE invoice_count_12m > 0) AS s ON s.id = v2.id
                 WHERE v.id = v2.id
                """
            )
        )
        self.env.execute_query(
            SQL(
                """
                UPDATE crm_client_value
                   SET rfm_segment = CASE
                           WHEN rfm_recency >= 4 AND rfm_frequency >= 4 AND rfm_monetary >= 4 THEN 'champion'
                           WHEN rfm_recency >= 3 AND rfm_frequency >= 3 THEN 'loyal'
                           WHEN rfm_recency >= 4 THEN 'promising'
                           WHEN rfm_frequency >= 3 OR rfm_monetary >= 3 THEN 'at_risk'
                           ELSE 'hibernating' END
                """
            )
        )
        self.invalidate_model()

    @api.model
    def _cron_refresh(self):
        """Nightly: every figure again (the 12-month window moves), the RFM scores, then the
        members of the rule segments (which may read them)."""
        self._refresh()
        self.env["crm.client.segment"]._cron_refresh()
