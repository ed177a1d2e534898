# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    client_reminder_fallback_user_id = fields.Many2one(
        related="company_id.client_reminder_fallback_user_id", readonly=False
    )
    client_reminder_birthday_type_ids = fields.Many2many(
        related="company_id.client_reminder_birthday_type_ids", readonly=False
    )
