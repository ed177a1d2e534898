# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.tools import SQL

from .crm_client_value import FREQUENCY_CLASSES, RFM_LABELS


class CrmClientValueAnalysis(models.Model):
    """The client value beside what the card says of the client (acquisition channel and
    campaign, stage, salesperson, type), joined when analysed: the nightly figures stay narrow
    to write, and a reassignment never has figures to rewrite."""

    _name = "crm.client.value.analysis"
    _inherit = ["crm.client.visibility.mixin"]
    _description = "Client value analysis"
    _auto = False
    _order = "revenue_total desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one("res.partner", string="Client", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    revenue_total = fields.Monetary("Revenue", readonly=True)
    revenue_12m = fields.Monetary("Revenue, last 12 months", readonly=True)
    invoice_count = fields.Integer("Invoices", readonly=True)
    invoice_count_12m = fields.Integer("Invoices, last 12 months", readonly=True)
    last_purchase_date = fields.Date("Last purchase", readonly=True)
    average_invoice = fields.Monetary(readonly=True, aggregator="avg")
    frequency_class = fields.Selection(FREQUENCY_CLASSES, readonly=True)
    rfm_segment = fields.Selection(RFM_LABELS, string="RFM segment", readonly=True)
    source_id = fields.Many2one("utm.source", string="Acquisition channel", readonly=True)
    campaign_id = fields.Many2one("utm.campaign", string="Acquisition campaign", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    client_stage_id = fields.Many2one("crm.client.stage", string="Stage", readonly=True)
    client_type = fields.Selection(
        selection=lambda self: self.env["res.partner"]._fields["client_type"].selection, readonly=True
    )

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT v.id, v.partner_id, v.company_id, co.currency_id, v.revenue_total, v.revenue_12m,
                   v.invoice_count, v.invoice_count_12m, v.last_purchase_date, v.average_invoice,
                   v.frequency_class, v.rfm_segment, p.source_id, p.campaign_id, p.user_id,
                   p.client_stage_id, p.client_type
              FROM crm_client_value v
              JOIN res_partner p ON p.id = v.partner_id
              JOIN res_company co ON co.id = v.company_id
            """
        )
