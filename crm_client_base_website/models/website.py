# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class Website(models.Model):
    _inherit = "website"

    client_form_purpose_id = fields.Many2one(
        "crm.client.consent.purpose",
        string="Consent on the contact form",
        default=lambda self: self.env.ref("crm_client_base.consent_purpose_contract", raise_if_not_found=False),
        ondelete="set null",
        help="The purpose whose consent text the contact form shows; the visitor must tick it to send "
        "the form. Empty: the form asks no consent.",
    )
    client_form_min_seconds = fields.Integer(
        "Minimum fill time (seconds)",
        default=3,
        help="A form sent sooner after the page was shown is a robot's: counted as spam, asked again.",
    )
    client_form_rate_limit = fields.Integer(
        "Submissions per address and hour",
        default=5,
        help="Sent more often from one network address, the form is refused for an hour (counted as spam).",
    )
