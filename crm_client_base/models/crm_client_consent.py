# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

# What may change on a consent once recorded: its withdrawal, nothing else.
WITHDRAWAL_FIELDS = frozenset({"withdrawn_on", "withdrawn_uid", "withdrawal_note"})


class CrmClientConsent(models.Model):
    """A person's consent to the processing of their personal data for one purpose (152-FZ):
    when, from where, who recorded it, the version of the text shown; withdrawn, never edited."""

    _name = "crm.client.consent"
    _inherit = ["crm.client.visibility.mixin", "mail.thread"]
    _description = "Consent to personal data processing"
    _order = "date desc, id desc"
    _rec_name = "purpose_id"

    # Set once: write() refuses any change but the withdrawal.
    partner_id = fields.Many2one("res.partner", string="Person", required=True, index=True, ondelete="cascade")
    purpose_id = fields.Many2one("crm.client.consent.purpose", required=True, ondelete="restrict")
    text_version = fields.Integer("Text version", readonly=True)
    date = fields.Datetime("Given on", required=True, default=fields.Datetime.now, readonly=True)
    source = fields.Selection(
        [("card", "Card"), ("import", "Import"), ("website", "Website form"), ("paper", "Paper")],
        required=True,
        default="card",
    )
    source_ref = fields.Char("Reference", help="The imported file, the form, the paper's number...")
    recorded_uid = fields.Many2one("res.users", string="Recorded by", default=lambda self: self.env.user, readonly=True)
    withdrawn_on = fields.Datetime(readonly=True, tracking=True)
    withdrawn_uid = fields.Many2one("res.users", string="Withdrawal recorded by", readonly=True, tracking=True)
    withdrawal_note = fields.Char(readonly=True, tracking=True)
    active_consent = fields.Boolean("In force", compute="_compute_active_consent", search="_search_active_consent")

    @api.depends("withdrawn_on")
    def _compute_active_consent(self):
        for consent in self:
            consent.active_consent = not consent.withdrawn_on

    def _search_active_consent(self, operator, value):
        if operator != "in":
            return NotImplemented
        return [("withdrawn_on", "=" if True in value else "!=", False)]

    @api.model_create_multi
    def create(self, vals_list):
        Purpose = self.env["crm.client.consent.purpose"]
        for vals in vals_list:
            if vals.get("purpose_id") and not vals.get("text_version"):
                vals["text_version"] = Purpose.browse(vals["purpose_id"]).sudo().version
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - WITHDRAWAL_FIELDS and not self.env.su:
            raise UserError(self.env._("A consent is not edited: withdraw it, and record a new one."))
        if "withdrawn_on" in vals and self.filtered("withdrawn_on") and not self.env.su:
            raise UserError(self.env._("This consent is withdrawn already."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su:
            raise UserError(self.env._("A consent is not deleted: withdraw it, its record stays."))

    def action_withdraw(self):
        """Record the withdrawal of these consents, now, by the current user."""
        self.filtered(lambda consent: not consent.withdrawn_on).write(
            {"withdrawn_on": fields.Datetime.now(), "withdrawn_uid": self.env.user.id}
        )
