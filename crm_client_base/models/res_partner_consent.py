# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Consent to the processing of personal data (152-FZ), on the person it is about: a private
person, an individual entrepreneur, a key person. What needs a purpose follows it."""

from odoo import api, fields, models
from odoo.fields import Domain


class ResPartner(models.Model):
    _inherit = "res.partner"

    client_consent_ids = fields.One2many("crm.client.consent", "partner_id", string="Consents")
    client_consent_purpose_ids = fields.Many2many(
        "crm.client.consent.purpose",
        string="Consents in force",
        compute="_compute_client_consent_purpose_ids",
        search="_search_client_consent_purpose_ids",
    )

    @api.depends("client_consent_ids.withdrawn_on", "client_consent_ids.purpose_id")
    def _compute_client_consent_purpose_ids(self):
        for partner in self:
            partner.client_consent_purpose_ids = partner.client_consent_ids.filtered(
                lambda consent: not consent.withdrawn_on
            ).purpose_id

    def _search_client_consent_purpose_ids(self, operator, value):
        if operator != "in":
            return NotImplemented
        return [
            ("client_consent_ids", "any", [("purpose_id", "in", list(value)), ("withdrawn_on", "=", False)]),
        ]

    @api.model
    def _client_consent_domain(self, code):
        """The partners whose data may be used for the purpose ``code``: companies (no personal
        data), people of a company that does not ask for consent, and people with a consent in
        force for that purpose."""
        purpose = self.env["crm.client.consent.purpose"]._by_code(code)
        legal_entity = Domain("client_type", "=", "company") & Domain("parent_id", "=", False)
        asking = self.env["res.company"].sudo().search([("client_consent_required", "=", True)])
        if not asking:
            return Domain.TRUE
        not_asked = Domain("company_id", "not in", asking.ids)
        if self.env.company in asking:
            not_asked &= Domain("company_id", "!=", False)
        consented = Domain("client_consent_purpose_ids", "in", purpose.ids) if purpose else Domain.FALSE
        return legal_entity | not_asked | consented
