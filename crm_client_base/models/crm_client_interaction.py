# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Models an interaction may point to, when their app is installed.
DOCUMENT_MODELS = ("account.move", "sale.order", "crm.lead", "helpdesk.ticket", "project.task", "purchase.order")


class CrmClientInteraction(models.Model):
    """A call, meeting, email, message or visit with a client, as logged by its salesperson."""

    _name = "crm.client.interaction"
    _inherit = ["crm.client.visibility.mixin"]
    _client_visibility_fields = ("partner_id", "contact_id")
    _description = "Client interaction"
    _order = "date desc, id desc"
    _rec_name = "summary"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('parent_id', '=', False)]",
        check_company=True,
    )
    contact_id = fields.Many2one(
        "res.partner",
        string="Contact person",
        index="btree_not_null",
        ondelete="set null",
        domain="[('parent_id', '=', partner_id)]",
    )
    user_id = fields.Many2one(
        "res.users", string="Salesperson", default=lambda self: self.env.user, index=True, required=True
    )
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    interaction_type = fields.Selection(
        [("call", "Call"), ("meeting", "Meeting"), ("email", "Email"), ("message", "Message"), ("visit", "Visit")],
        string="Type",
        required=True,
        default="call",
    )
    direction = fields.Selection([("outbound", "Outbound"), ("inbound", "Inbound")], required=True, default="outbound")
    duration = fields.Float(help="Hours and minutes.")
    outcome = fields.Selection(
        [
            ("done", "Reached, done"),
            ("follow_up", "Reached, follow-up needed"),
            ("no_answer", "No answer"),
            ("refused", "Refused"),
            ("other", "Other"),
        ],
        default="done",
    )
    summary = fields.Char(required=True)
    note = fields.Html()
    next_step = fields.Char(help="What to do next; with a date, it is scheduled as an activity.")
    next_step_date = fields.Date()
    next_activity_id = fields.Many2one("mail.activity", readonly=True, copy=False, ondelete="set null")
    document_ref = fields.Reference(selection="_selection_document_ref", string="Related document")

    _partner_date_idx = models.Index("(partner_id, date DESC)")

    @api.model
    def _selection_document_ref(self):
        return [(model, self.env["ir.model"]._get(model).name) for model in DOCUMENT_MODELS if model in self.env]

    @api.constrains("date", "duration")
    def _check_date_duration(self):
        latest = fields.Datetime.now() + timedelta(days=1)
        for interaction in self:
            if interaction.date.year < 1990 or interaction.date > latest:
                raise ValidationError(
                    self.env._(
                        "%(summary)s: %(date)s is not a plausible date for an interaction (from 1990 until today).",
                        summary=interaction.summary,
                        date=interaction.date,
                    )
                )
            if not 0 <= interaction.duration <= 24:
                raise ValidationError(
                    self.env._(
                        "%(summary)s: a duration is between 0 and 24 hours.",
                        summary=interaction.summary,
                    )
                )

    @api.constrains("partner_id", "contact_id")
    def _check_contact(self):
        for interaction in self:
            contact = interaction.contact_id
            if contact and contact.commercial_partner_id != interaction.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "%(contact)s is not a contact person of %(client)s.",
                        contact=contact.display_name,
                        client=interaction.partner_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        interactions = super().create(vals_list)
        interactions._schedule_next_steps()
        interactions.partner_id._client_refresh_last_contact()
        context = self.env.context
        if not context.get("tracking_disable") and not context.get("crm_client_interaction_no_note"):
            interactions._log_in_chatter()
        return interactions

    def _log_in_chatter(self):
        """A note on the client's chatter per interaction, by its salesperson: the card's history
        tells who talked to the client, when and how, beside the changes."""
        types = dict(self._fields["interaction_type"]._description_selection(self.env))
        directions = dict(self._fields["direction"]._description_selection(self.env))
        outcomes = dict(self._fields["outcome"]._description_selection(self.env))
        for interaction in self:
            lines = [
                Markup("<b>%s</b> (%s): %s")
                % (types[interaction.interaction_type], directions[interaction.direction], interaction.summary)
            ]
            if interaction.outcome:
                lines.append(self.env._("Outcome: %s", outcomes[interaction.outcome]))
            if interaction.contact_id:
                lines.append(self.env._("With: %s", interaction.contact_id.name))
            if interaction.next_step:
                lines.append(self.env._("Next step: %s", interaction.next_step))
            interaction.partner_id._message_log(
                body=Markup("<br/>").join(lines) + (interaction.note or Markup("")),
                author_id=interaction.user_id.partner_id.id,
            )

    def write(self, vals):
        partners = self.partner_id
        result = super().write(vals)
        if {"next_step", "next_step_date", "user_id"} & set(vals):
            self._schedule_next_steps()
        if {"date", "partner_id"} & set(vals):
            (partners | self.partner_id)._client_refresh_last_contact()
        return result

    def unlink(self):
        partners = self.partner_id
        result = super().unlink()
        partners._client_refresh_last_contact()
        return result

    def _schedule_next_steps(self):
        """A next step with a date becomes (or updates) an activity on the client."""
        follow_up = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        for interaction in self.filtered(lambda i: i.next_step and i.next_step_date):
            values = {
                "summary": interaction.next_step,
                "date_deadline": interaction.next_step_date,
                "user_id": interaction.user_id.id,
            }
            if interaction.next_activity_id.exists():
                interaction.next_activity_id.write(values)
                continue
            activity = interaction.partner_id.activity_schedule(
                activity_type_id=follow_up.id if follow_up else False, **values
            )
            interaction.next_activity_id = activity

    def action_open_document(self):
        self.ensure_one()
        if not self.document_ref:
            return False
        return {
            "type": "ir.actions.act_window",
            "res_model": self.document_ref._name,
            "res_id": self.document_ref.id,
            "view_mode": "form",
        }
