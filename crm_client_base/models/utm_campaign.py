# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class UtmCampaign(models.Model):
    _inherit = "utm.campaign"

    client_acquisition_cost = fields.Monetary(
        "Acquisition cost",
        currency_field="client_cost_currency_id",
        help="What the campaign cost, to compute the cost per acquired client.",
    )
    client_cost_currency_id = fields.Many2one(
        "res.currency", string="Cost currency", default=lambda self: self.env.company.currency_id
    )
