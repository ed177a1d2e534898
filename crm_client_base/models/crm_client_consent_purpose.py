# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CrmClientConsentPurpose(models.Model):
    """A purpose personal data are processed for (152-FZ): the contract, marketing mailings,
    greetings. The text a person consents to is versioned: a consent keeps the version shown."""

    _name = "crm.client.consent.purpose"
    _inherit = ["mail.thread"]
    _description = "Purpose of personal data processing"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(required=True, readonly=True, help="How the suite's addons find the purpose they need.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    text = fields.Text("Consent text", translate=True, tracking=True)
    version = fields.Integer("Text version", default=1, readonly=True, tracking=True)

    _code_unique = models.Constraint("UNIQUE(code)", "There is one purpose per code.")

    def write(self, vals):
        if "text" in vals:
            # A new text is a new version: consents given before keep the version they were shown.
            for purpose in self:
                super(CrmClientConsentPurpose, purpose).write({**vals, "version": purpose.version + 1})
            return True
        return super().write(vals)

    @api.model
    def _by_code(self, code):
        return self.sudo().with_context(active_test=False).search([("code", "=", code)], limit=1)
