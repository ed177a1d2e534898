# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.tools import SQL


class CrmClientChannelReport(models.Model):
    """Acquisition-channel effectiveness: per channel and campaign, the clients acquired, the
    revenue they brought (per company, in its currency) and the cost per acquired client."""

    _name = "crm.client.channel.report"
    _description = "Acquisition channel effectiveness"
    _auto = False
    _order = "revenue desc"

    source_id = fields.Many2one("utm.source", string="Acquisition channel", readonly=True)
    campaign_id = fields.Many2one("utm.campaign", string="Acquisition campaign", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    client_count = fields.Integer("Clients", readonly=True)
    buyer_count = fields.Integer("Buying clients", readonly=True)
    revenue = fields.Monetary(readonly=True)
    revenue_per_client = fields.Monetary("Revenue per client", readonly=True, aggregator="avg")
    campaign_cost = fields.Monetary("Campaign cost", readonly=True, currency_field="cost_currency_id", aggregator="max")
    cost_currency_id = fields.Many2one("res.currency", readonly=True)
    cost_per_client = fields.Monetary(
        "Cost per acquired client", readonly=True, currency_field="cost_currency_id", aggregator="avg"
    )

    @property
    def _table_query(self):
        # Evaluated in each query, no view: it reads crm_client_value, created with this module.
        # The clients are those the reader may see (res.partner's rules): a channel with one
        # hidden client would otherwise show that client's revenue.
        clients = (
            self.env["res.partner"]
            .with_context(active_test=False)
            ._search(["&", ("parent_id", "=", False), "|", ("source_id", "!=", False), ("campaign_id", "!=", False)])
        )
        return SQL(
            """
                    WITH clients AS (
                        SELECT p.id, p.source_id, p.campaign_id
                          FROM res_partner p
                         WHERE p.id IN %(clients)s
                    ), per_company AS (
                        SELECT c.source_id, c.campaign_id, v.company_id,
                               count(DISTINCT c.id) AS client_count,
                               count(DISTINCT v.partner_id) AS buyer_count,
                               COALESCE(sum(v.revenue_total), 0) AS revenue
                          FROM clients c
                     LEFT JOIN crm_client_value v ON v.partner_id = c.id
                      GROUP BY c.source_id, c.campaign_id, v.company_id
                    ), per_campaign AS (
                        SELECT campaign_id, count(*) AS acquired FROM clients
                         WHERE campaign_id IS NOT NULL GROUP BY campaign_id
                    )
                    SELECT row_number() OVER (ORDER BY pc.source_id, pc.campaign_id, pc.company_id) AS id,
                           pc.source_id, pc.campaign_id, pc.company_id, co.currency_id,
                           pc.client_count, pc.buyer_count, pc.revenue,
                           pc.revenue / NULLIF(pc.client_count, 0) AS revenue_per_client,
                           camp.client_acquisition_cost AS campaign_cost,
                           camp.client_cost_currency_id AS cost_currency_id,
                           camp.client_acquisition_cost / NULLIF(acq.acquired, 0) AS cost_per_client
                      FROM per_company pc
                 LEFT JOIN res_company co ON co.id = pc.company_id
                 LEFT JOIN utm_campaign camp ON camp.id = pc.campaign_id
                 LEFT JOIN per_campaign acq ON acq.campaign_id = pc.campaign_id
            """,
            clients=clients.subselect(),
        )
