# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL, sql

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
    _inherit = ["crm.client.visibility.mixin"]
    _description = "Client value"
    _order = "revenue_total desc"
    _rec_name = "partner_id"
    # Derived data, rewritten every night from the invoices: the table is made by init() like
    # Odoo's own, but without foreign keys, whose checks on every row are slow: two of them took
    # inserting 100k rows from 0.89 s to 1.33 s. Rows of deleted
    # partners and companies go with them (unlink), and the nightly run rebuilds everything from
    # rows that exist. No access log for the same reason.
    _auto = False
    _log_access = False

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

    def init(self):
        """Create the table, or the columns a newer version added; one unique index, on
        (partner_id, company_id), serves the lookups and the upserts."""
        columns = [
            (field.name, field.column_type[1] + (" NOT NULL" if field.required else ""), field.string)
            for field in sorted(self._fields.values(), key=lambda f: f.column_order)
            if field.name != "id" and field.store and field.column_type
        ]
        cr = self.env.cr
        if not sql.table_exists(cr, self._table):
            sql.create_model_table(cr, self._table, self._description, columns)
        existing = sql.table_columns(cr, self._table)
        for name, column_type, string in columns:
            if name not in existing:
                sql.create_column(cr, self._table, name, column_type, string)
        sql.create_index(
            cr,
            "crm_client_value_partner_company_uniq",
            self._table,
            ["partner_id", "company_id"],
            unique=True,
            comment="A client has one value row per company.",
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
        full = partner_ids is None
        partners = None if full else list(partner_ids)
        aggregate = SQL(
            """
            SELECT agg.partner_id, agg.company_id, agg.revenue_total, agg.revenue_12m,
                   agg.invoice_count, agg.invoice_count_12m, agg.first_date, agg.last_date,
                   CASE WHEN agg.invoice_count > 0 THEN agg.revenue_total / agg.invoice_count END AS average,
                   CASE WHEN agg.invoice_count = 1 THEN 'one_off'
                        WHEN agg.invoice_count_12m >= agg.regular THEN 'regular'
                        WHEN agg.invoice_count > 1 THEN 'rare' END AS frequency
              FROM (SELECT m.commercial_partner_id AS partner_id, m.company_id,
                           COALESCE(c.client_regular_invoices, 4) AS regular,
                           SUM(m.amount_untaxed_signed) AS revenue_total,
                           COALESCE(SUM(m.amount_untaxed_signed) FILTER (WHERE m.invoice_date >= %(since)s), 0)
                               AS revenue_12m,
                           COUNT(*) FILTER (WHERE m.move_type = 'out_invoice') AS invoice_count,
                           COUNT(*) FILTER (WHERE m.move_type = 'out_invoice' AND m.invoice_date >= %(since)s)
                               AS invoice_count_12m,
                           MIN(m.invoice_date) FILTER (WHERE m.move_type = 'out_invoice') AS first_date,
                           MAX(m.invoice_date) FILTER (WHERE m.move_type = 'out_invoice') AS last_date
                      FROM account_move m
                      -- The company joined before grouping: after it, the planner would expect
                      -- a few hundred clients and look each partner up in turn.
                      JOIN res_company c ON c.id = m.company_id
                     WHERE m.state = 'posted' AND m.move_type IN %(types)s
                       AND m.commercial_partner_id IS NOT NULL AND %(only)s
                  GROUP BY m.commercial_partner_id, m.company_id, c.client_regular_invoices) AS agg
            """,
            since=fields.Date.context_today(self) - relativedelta(months=12),
            types=SALE_MOVE_TYPES,
            only=SQL("TRUE") if full else SQL("m.commercial_partner_id = ANY(%s)", partners),
        )
        columns = SQL(
            """partner_id, company_id, revenue_total, revenue_12m, invoice_count, invoice_count_12m,
               first_purchase_date, last_purchase_date, average_invoice, frequency_class"""
        )
        if full:
            # Everything anew, the RFM scores computed in the same statement: within each
            # company, over the clients who bought in the last 12 months (the others score 1), a
            # score is 1 plus the number of its 20/40/60/80 % bounds strictly below the client's
            # value. Equal values score the same, and only three columns are sorted, not the rows.
            # The bounds are taken of the negated values, so that they come out as the ascending
            # thresholds width_bucket() wants: it counts the bounds at or above the value in one
            # call (5 minus that is the score), where four comparisons per score took a fifth of
            # the run at 100k clients.
            values = {
                "r": SQL("(a.last_date - DATE '1970-01-01')"),
                "f": SQL("a.invoice_count_12m"),
                "m": SQL("a.revenue_12m"),
            }
            bounds = SQL(", ").join(
                SQL(
                    "percentile_cont('{0.2,0.4,0.6,0.8}'::float8[]) WITHIN GROUP (ORDER BY -%s)%s AS %s",
                    value,
                    # Revenue is compared as numeric: casting it to float for every row is slow.
                    SQL("::numeric[]") if key == "m" else SQL(),
                    SQL.identifier(key),
                )
                for key, value in values.items()
            )

            def score(key):
                return SQL(
                    "CASE WHEN a.invoice_count_12m > 0 THEN 5 - width_bucket(-%s, b.%s) ELSE 1 END",
                    values[key],
                    SQL.identifier(key),
                )

            self.env.execute_query(SQL("DELETE FROM crm_client_value"))
            # The bounds are computed once (MATERIALIZED): without statistics on account_move (a
            # first computation after invoices were loaded, before autovacuum analyzed them) the
            # planner expects one client and recomputed the percentiles for every client, 2 ms
            # each (18 s at 10k clients instead of 0.1 s).
            # The statement's estimated cost makes PostgreSQL compile it to machine code (JIT),
            # which costs more than the run gains; inserting in index order keeps the unique
            # index's pages in cache.
            self.env.execute_query(SQL("SET LOCAL jit = off"))
            self.env.execute_query(
                SQL(
                    """
                    WITH a AS MATERIALIZED (%(aggregate)s),
                    b AS MATERIALIZED (
                        SELECT a.company_id, %(bounds)s FROM a WHERE a.invoice_count_12m > 0 GROUP BY a.company_id),
                    s AS (SELECT a.*, %(r)s AS r, %(f)s AS f, %(m)s AS m
                            FROM a LEFT JOIN b ON b.company_id = a.company_id)
                    INSERT INTO crm_client_value (%(columns)s, rfm_recency, rfm_frequency, rfm_monetary, rfm_segment)
                    SELECT s.partner_id, s.company_id, s.revenue_total, s.revenue_12m, s.invoice_count,
                           s.invoice_count_12m, s.first_date, s.last_date, s.average, s.frequency, s.r, s.f, s.m,
                           CASE WHEN s.r >= 4 AND s.f >= 4 AND s.m >= 4 THEN 'champion'
                                WHEN s.r >= 3 AND s.f >= 3 THEN 'loyal'
                                WHEN s.r >= 4 THEN 'promising'
                                WHEN s.f >= 3 OR s.m >= 3 THEN 'at_risk'
                                ELSE 'hibernating' END
                      FROM s
                  ORDER BY s.partner_id, s.company_id
                    """,
                    columns=columns,
                    aggregate=aggregate,
                    bounds=bounds,
                    r=score("r"),
                    f=score("f"),
                    m=score("m"),
                )
            )
            self.env.execute_query(SQL("SET LOCAL jit TO DEFAULT"))
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
    def _forget(self, column, ids):
        """Delete the rows of deleted partners or companies (``column`` is ``partner_id`` or
        ``company_id``): what the missing foreign keys would have cascaded."""
        self.env.execute_query(
            SQL("DELETE FROM crm_client_value WHERE %s = ANY(%s)", SQL.identifier(column), list(ids))
        )
        self.invalidate_model()

    @api.model
    def _cron_refresh(self):
        """Nightly: every figure again (the 12-month window moves), the RFM scores, then the
        members of the rule segments (which may read them)."""
        self._refresh()
        self.env["crm.client.segment"]._cron_refresh()
