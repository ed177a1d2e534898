# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_dedup_import_match = fields.Boolean(
        string="Imports update matching clients",
        config_parameter="crm_client_base_dedup.import_match",
        help="An imported row without an id that matches an existing client (same INN, phone, "
        "email or a close name) updates that client instead of creating a duplicate.",
    )
    crm_dedup_import_threshold = fields.Integer(
        string="Import match score",
        config_parameter="crm_client_base_dedup.import_threshold",
        default=90,
        help="The lowest duplicate score (0-100) at which an imported row updates an existing client.",
    )
    client_hidden_duplicate_policy = fields.Selection(
        related="company_id.client_hidden_duplicate_policy", readonly=False
    )
    client_merge_undo_days = fields.Integer(related="company_id.client_merge_undo_days", readonly=False)
