# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from odoo.addons.crm_client_base.models.crm_client_value import FREQUENCY_CLASSES


class CrmClientCadence(models.Model):
    """Contact clients on a rhythm: clients matching the rule and not contacted for N days
    get a follow-up."""

    _name = "crm.client.cadence"
    _description = "Client contact cadence"
    _order = "days, id"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    days = fields.Integer("After days without contact", required=True, default=30)
    activity_type_id = fields.Many2one(
        "mail.activity.type",
        required=True,
        default=lambda self: self.env.ref("crm_client_base_reminders.mail_activity_type_client_follow_up"),
    )
    client_type = fields.Selection(
        [
            ("company", "Companies"),
            ("individual_entrepreneur", "Individual entrepreneurs"),
            ("private_person", "Private persons"),
        ],
        string="Only for",
    )
    stage_ids = fields.Many2many("crm.client.stage", string="Only at stages")
    segment_ids = fields.Many2many("crm.client.segment", string="Only in segments")
    frequency_class = fields.Selection(
        FREQUENCY_CLASSES,
        string="Only with purchase frequency",
        help="E.g. call regular clients every 30 days and rare ones every 90.",
    )
    company_id = fields.Many2one("res.company", index=True)

    _days_positive = models.Constraint("CHECK(days > 0)", "A cadence is at least one day.")

    def _domain(self):
        self.ensure_one()
        domain = [*self.env["res.partner"]._client_domain(), ("days_since_contact", ">=", self.days)]
        if self.client_type:
            domain.append(("client_type", "=", self.client_type))
        if self.stage_ids:
            domain.append(("client_stage_id", "in", self.stage_ids.ids))
        if self.segment_ids:
            domain.append(("client_segment_ids", "in", self.segment_ids.ids))
        if self.frequency_class:
            domain.append(("client_frequency_class", "=", self.frequency_class))
        if self.company_id:
            domain.append(("company_id", "in", (self.company_id.id, False)))
        return domain
