# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    client_form_purpose_id = fields.Many2one(related="website_id.client_form_purpose_id", readonly=False)
    client_form_min_seconds = fields.Integer(related="website_id.client_form_min_seconds", readonly=False)
    client_form_rate_limit = fields.Integer(related="website_id.client_form_rate_limit", readonly=False)
