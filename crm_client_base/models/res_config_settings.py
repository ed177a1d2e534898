# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    client_invalid_phone_policy = fields.Selection(related="company_id.client_invalid_phone_policy", readonly=False)
    client_limit_per_salesperson = fields.Integer(related="company_id.client_limit_per_salesperson", readonly=False)
    client_pool_return_days = fields.Integer(related="company_id.client_pool_return_days", readonly=False)
