# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Client value figures on the card, from accounting."""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import SQL

from .crm_client_value import FREQUENCY_CLASSES, SALE_MOVE_TYPES


class ResPartner(models.Model):
    """Client value figures on the card: the current company's row of crm.client.value."""

    _inherit = "res.partner"

    client_value_ids = fields.One2many("crm.client.value", "partner_id", string="Client value")
    client_segment_ids = fields.Many2many(
        "crm.client.segment",
        "crm_client_segment_partner_rel",
        "partner_id",
        "segment_id",
        string="Segments",
    )
    client_revenue = fields.Monetary(
        "Revenue",
        compute="_compute_client_value",
        search="_search_client_revenue",
        currency_field="client_value_currency_id",
        help="Posted customer invoices, untaxed, net of refunds, in the company currency.",
    )
    client_revenue_12m = fields.Monetary(
        "Revenue, last 12 months",
        compute="_compute_client_value",
        search="_search_client_revenue_12m",
        currency_field="client_value_currency_id",
    )
    client_invoice_count = fields.Integer(
        "Posted invoices", compute="_compute_client_value", search="_search_client_invoice_count"
    )
    client_first_purchase_date = fields.Date(
        "First purchase", compute="_compute_client_value", search="_search_client_first_purchase_date"
    )
    client_last_purchase_date = fields.Date(
        "Last purchase", compute="_compute_client_value", search="_search_client_last_purchase_date"
    )
    client_average_invoice = fields.Monetary(
        "Average invoice",
        compute="_compute_client_value",
        search="_search_client_average_invoice",
        currency_field="client_value_currency_id",
    )
    client_frequency_class = fields.Selection(
        FREQUENCY_CLASSES,
        string="Purchase frequency",
        compute="_compute_client_value",
        search="_search_client_frequency_class",
    )
    client_rfm_segment = fields.Selection(
        selection=lambda self: self.env["crm.client.value"]._fields["rfm_segment"].selection,
        string="RFM segment",
        compute="_compute_client_value",
        search="_search_client_rfm_segment",
    )
    client_rfm_score = fields.Char("RFM score", compute="_compute_client_value")
    client_overdue = fields.Monetary(
        "Overdue",
        compute="_compute_client_overdue",
        currency_field="client_value_currency_id",
        help="Receivable past its due date, from the open journal items.",
    )
    client_value_currency_id = fields.Many2one("res.currency", compute="_compute_client_value")
    client_purchase_line_ids = fields.One2many(
        "account.move.line",
        string="Purchased lines",
        compute="_compute_client_purchase_line_ids",
        search="_search_client_purchase_line_ids",
        help="A filter on what clients bought: the product lines of their posted invoices and refunds "
        "in your companies, e.g. [('client_purchase_line_ids', 'any', [('product_id.categ_id', 'child_of', 5), "
        "('price_subtotal', '>', 700), ('date', '>=', '2026-04-01'), ('date', '<=', '2026-05-31')])].",
    )

    _CLIENT_VALUE_FIELDS = {
        "client_revenue": "revenue_total",
        "client_revenue_12m": "revenue_12m",
        "client_invoice_count": "invoice_count",
        "client_first_purchase_date": "first_purchase_date",
        "client_last_purchase_date": "last_purchase_date",
        "client_average_invoice": "average_invoice",
        "client_frequency_class": "frequency_class",
        "client_rfm_segment": "rfm_segment",
    }

    def unlink(self):
        ids = self.ids
        result = super().unlink()
        self.env["crm.client.value"]._forget("partner_id", ids)
        return result

    @api.depends_context("company")
    def _compute_client_value(self):
        company = self.env.company
        commercial = self.commercial_partner_id
        rows = (
            self.env["crm.client.value"]
            .sudo()
            .search_fetch(
                [("partner_id", "in", commercial.ids), ("company_id", "=", company.id)],
                [*self._CLIENT_VALUE_FIELDS.values(), "partner_id", "rfm_recency", "rfm_frequency", "rfm_monetary"],
            )
        )
        by_partner = {row.partner_id.id: row for row in rows}
        for partner in self:
            row = by_partner.get(partner.commercial_partner_id.id)
            partner.client_value_currency_id = company.currency_id
            for name, column in self._CLIENT_VALUE_FIELDS.items():
                partner[name] = row[column] if row else False
            partner.client_rfm_score = (
                f"{row.rfm_recency}{row.rfm_frequency}{row.rfm_monetary}" if row and row.rfm_recency else False
            )

    def _compute_client_purchase_line_ids(self):
        # A filter, not a list to show: the lines are read where they belong, in accounting.
        self.client_purchase_line_ids = False

    def _search_client_purchase_line_ids(self, operator, value):
        """Clients with (any) or without (not any) a purchased line matching ``value``. The lines
        are searched as superuser, so that salespeople without accounting rights can filter their
        own clients by what they bought; the clients found still follow the partner rules."""
        if operator not in ("any", "not any"):
            raise UserError(self.env._("Filter purchased lines with 'any' or 'not any'."))
        domain = Domain.AND(
            [
                Domain("parent_state", "=", "posted"),
                Domain("move_id.move_type", "in", SALE_MOVE_TYPES),
                Domain("display_type", "=", "product"),
                Domain("company_id", "in", self.env.companies.ids),
                Domain(value),
            ]
        )
        lines = self.env["account.move.line"].sudo()._search(domain)
        partner_column = SQL.identifier(lines.table, "partner_id")
        return [("id", "in" if operator == "any" else "not in", lines.subselect(partner_column))]

    def _client_value_domain(self, column, operator, value):
        """Clients whose row of the current company matches; a client without any posted
        invoice has no row, and matches no condition on its figures."""
        return [("client_value_ids", "any", [("company_id", "=", self.env.company.id), (column, operator, value)])]

    def _search_client_revenue(self, operator, value):
        return self._client_value_domain("revenue_total", operator, value)

    def _search_client_revenue_12m(self, operator, value):
        return self._client_value_domain("revenue_12m", operator, value)

    def _search_client_invoice_count(self, operator, value):
        return self._client_value_domain("invoice_count", operator, value)

    def _search_client_first_purchase_date(self, operator, value):
        return self._client_value_domain("first_purchase_date", operator, value)

    def _search_client_last_purchase_date(self, operator, value):
        return self._client_value_domain("last_purchase_date", operator, value)

    def _search_client_average_invoice(self, operator, value):
        return self._client_value_domain("average_invoice", operator, value)

    def _search_client_frequency_class(self, operator, value):
        return self._client_value_domain("frequency_class", operator, value)

    def _search_client_rfm_segment(self, operator, value):
        return self._client_value_domain("rfm_segment", operator, value)

    @api.depends_context("company")
    def _compute_client_overdue(self):
        today = fields.Date.context_today(self)
        groups = (
            self.env["account.move.line"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", self.commercial_partner_id.ids),
                    ("company_id", "=", self.env.company.id),
                    ("account_type", "=", "asset_receivable"),
                    ("parent_state", "=", "posted"),
                    ("reconciled", "=", False),
                    ("date_maturity", "<", today),
                ],
                ["partner_id"],
                ["amount_residual:sum"],
            )
        )
        overdue = {partner.id: amount for partner, amount in groups}
        for partner in self:
            partner.client_overdue = overdue.get(partner.commercial_partner_id.id, 0.0)
