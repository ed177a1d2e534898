# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    client_invalid_phone_policy = fields.Selection(related="company_id.client_invalid_phone_policy", readonly=False)
    client_completeness_threshold = fields.Integer(related="company_id.client_completeness_threshold", readonly=False)
    client_completeness_pending = fields.Integer(compute="_compute_client_completeness_pending")
    client_stale_months = fields.Integer(related="company_id.client_stale_months", readonly=False)
    client_regular_invoices = fields.Integer(related="company_id.client_regular_invoices", readonly=False)
    client_data_steward_id = fields.Many2one(related="company_id.client_data_steward_id", readonly=False)
    client_retention_years = fields.Integer(related="company_id.client_retention_years", readonly=False)
    client_limit_per_salesperson = fields.Integer(related="company_id.client_limit_per_salesperson", readonly=False)
    client_new_card_owner = fields.Selection(related="company_id.client_new_card_owner", readonly=False)
    client_pool_return_days = fields.Integer(related="company_id.client_pool_return_days", readonly=False)
    client_consent_required = fields.Boolean(related="company_id.client_consent_required", readonly=False)

    def _compute_client_completeness_pending(self):
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        pending = Partner.search_count(Partner._client_completeness_pending_domain())
        for settings in self:
            settings.client_completeness_pending = pending

    def action_open_completeness_rules(self):
        return self.env["ir.actions.act_window"]._for_xml_id("crm_client_base.crm_client_completeness_rule_action")
