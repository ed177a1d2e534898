# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

# Customer documents that make a client's revenue; refunds count negatively.
SALE_MOVE_TYPES = ("out_invoice", "out_refund")

FREQUENCY_CLASSES = [("one_off", "One-off"), ("rare", "Rare"), ("regular", "Regular")]

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
    # Derived data rewritten every night: who wrote a row and when says nothing, and their
    # foreign keys would be checked on every row.
    _log_access = False

    # Indexed by the unique (partner_id, company_id) constraint; no other index: the table is
    # rewritten every night and read whole by the analysis.
    partner_id = fields.Many2one("res.partner", required=True, ondelete="cascade", readonly=True)
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
        FREQUENCY_CLASSES,
        readonly=True,
        help="One-off: a single invoice ever. Regular: at least the company's threshold of invoices "
        "in the last 12 months. Rare: in between.",
    )
    rfm_recency = fields.Integer("Recency score", readonly=True, help="1 (longest ago) to 5 (most recent).")
    rfm_frequency = fields.Integer("Frequency score", readonly=True, help="1 to 5, by invoices in 12 months.")
    rfm_monetary = fields.Integer("Monetary score", readonly=True, help="1 to 5, by revenue in 12 months.")
    rfm_segment = fields.Selection(RFM_LABELS, string="RFM segment", readonly=True)
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
        """Recompute the figures of ``partner_ids`` (commercial partners) in every company, or of
        every client with the RFM scores when None, from one aggregate of account_move: no
        per-partner query. A partial refresh keeps the RFM scores of the nightly run."""
        self.env["account.move"].flush_model(
            ["state", "move_type", "commercial_partner_id", "company_id", "amount_untaxed_signed", "invoice_date"]
        )
        self.env["res.company"].flush_model(["client_regular_invoices"])
        self.env["res.partner"].flush_model(["source_id", "campaign_id", "user_id", "client_stage_id", "client_type"])
        full = partner_ids is None
        partners = None if full else list(partner_ids)
        aggregate = SQL(
            """
            SELECT agg.partner_id, agg.company_id, agg.revenue_total, agg.revenue_12m,
                   agg.invoice_count, agg.invoice_count_12m, agg.first_date, agg.last_date,
                   CASE WHEN agg.invoice_count > 0 THEN agg.revenue_total / agg.invoice_count END AS average,
                   CASE WHEN agg.invoice_count = 1 THEN 'one_off'
                        WHEN agg.invoice_count_12m >= COALESCE(c.client_regular_invoices, 4) THEN 'regular'
                        WHEN agg.invoice_count > 1 THEN 'rare' END AS frequency,
                   p.source_id, p.campaign_id, p.user_id, p.client_stage_id, p.client_type
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
            since=fields.Date.context_today(self) - relativedelta(months=12),
            types=SALE_MOVE_TYPES,
            only=SQL("TRUE") if full else SQL("m.commercial_partner_id = ANY(%s)", partners),
        )
        columns = SQL(
            """partner_id, company_id, revenue_total, revenue_12m, invoice_count, invoice_count_12m,
               first_purchase_date, last_purchase_date, average_invoice, frequency_class,
               source_id, campaign_id, user_id, client_stage_id, client_type"""
        )
        if full:
            # Everything anew, the RFM quintiles (within each company, over the clients who bought
            # in the last 12 months; the others score 1) computed in the same statement.
            self.env.execute_query(SQL("DELETE FROM crm_client_value"))
            self.env.execute_query(
                SQL(
                    """
                    INSERT INTO crm_client_value (%(columns)s, rfm_recency, rfm_frequency, rfm_monetary, rfm_segment)
                    SELECT s.partner_id, s.company_id, s.revenue_total, s.revenue_12m, s.invoice_count,
                           s.invoice_count_12m, s.first_date, s.last_date, s.average, s.frequency, s.source_id,
                           s.campaign_id, s.user_id, s.client_stage_id, s.client_type, s.r, s.f, s.m,
                           CASE WHEN s.r >= 4 AND s.f >= 4 AND s.m >= 4 THEN 'champion'
                                WHEN s.r >= 3 AND s.f >= 3 THEN 'loyal'
                                WHEN s.r >= 4 THEN 'promising'
                                WHEN s.f >= 3 OR s.m >= 3 THEN 'at_risk'
                                ELSE 'hibernating' END
                      FROM (SELECT a.*,
                                   CASE WHEN a.invoice_count_12m > 0 THEN ntile(5) OVER w_recency ELSE 1 END AS r,
                                   CASE WHEN a.invoice_count_12m > 0 THEN ntile(5) OVER w_frequency ELSE 1 END AS f,
                                   CASE WHEN a.invoice_count_12m > 0 THEN ntile(5) OVER w_monetary ELSE 1 END AS m
                              FROM (%(aggregate)s) AS a
                            WINDOW w_recency AS (PARTITION BY a.company_id, a.invoice_count_12m > 0
                                                 ORDER BY a.last_date, a.partner_id),
                                   w_frequency AS (PARTITION BY a.company_id, a.invoice_count_12m > 0
                                                   ORDER BY a.invoice_count_12m, a.partner_id),
                                   w_monetary AS (PARTITION BY a.company_id, a.invoice_count_12m > 0
                                                  ORDER BY a.revenue_12m, a.partner_id)) AS s
                    """,
                    columns=columns,
                    aggregate=aggregate,
                )
            )
        else:
            self.env.execute_query(
                SQL(
                    """
                    WITH fresh AS (%(aggregate)s),
                    gone AS (
                        DELETE FROM crm_client_value v
                         WHERE v.partner_id = ANY(%(partners)s)
                           AND NOT EXISTS (SELECT 1 FROM fresh f
                                            WHERE f.partner_id = v.partner_id AND f.company_id = v.company_id)
                    )
                    INSERT INTO crm_client_value (%(columns)s)
                    SELECT fresh.* FROM fresh
                    ON CONFLICT (partner_id, company_id) DO UPDATE
                       SET revenue_total = EXCLUDED.revenue_total, revenue_12m = EXCLUDED.revenue_12m,
                           invoice_count = EXCLUDED.invoice_count, invoice_count_12m = EXCLUDED.invoice_count_12m,
                           first_purchase_date = EXCLUDED.first_purchase_date,
                           last_purchase_date = EXCLUDED.last_purchase_date,
                           average_invoice = EXCLUDED.average_invoice, frequency_class = EXCLUDED.frequency_class
                    """,
                    aggregate=aggregate,
                    partners=partners,
                    columns=columns,
                )
            )
        self.invalidate_model()

    @api.model
    def _cron_refresh(self):
        """Nightly: every figure again (the 12-month window moves), the RFM scores, then the
        members of the rule segments (which may read them)."""
        self._refresh()
        self.env["crm.client.segment"]._cron_refresh()
