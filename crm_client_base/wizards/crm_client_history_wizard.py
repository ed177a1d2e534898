# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_datetime

# Field types whose previous value a tracking value keeps in full, so it can be restored.
RESTORABLE = {"char", "text", "selection", "many2one", "integer", "float", "monetary", "boolean", "date", "datetime"}


def _display(tracking, new):
    value = tracking._format_display_value(tracking.field_id.ttype, new=new)[0]
    return "" if value is False or value is None else str(value)


class CrmClientHistoryWizard(models.TransientModel):
    """The tracked changes of one client, each with its previous value ready to restore."""

    _name = "crm.client.history.wizard"
    _inherit = ["crm.client.visibility.mixin"]
    _description = "Client change history"

    partner_id = fields.Many2one("res.partner", required=True, readonly=True)
    line_ids = fields.One2many("crm.client.history.line", "wizard_id", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        for wizard in wizards:
            wizard._load_lines()
        return wizards

    def _load_lines(self):
        self.ensure_one()
        trackings = (
            self.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("mail_message_id.model", "=", "res.partner"),
                    ("mail_message_id.res_id", "=", self.partner_id.id),
                ],
                order="id desc",
                limit=200,
            )
        )
        trackings = trackings._filter_has_field_access(self.env)
        self.env["crm.client.history.line"].create(
            [
                {
                    "wizard_id": self.id,
                    "tracking_value_id": tracking.id,
                    "date": tracking.mail_message_id.date,
                    "author_id": tracking.mail_message_id.author_id.id,
                    "field_description": tracking.field_id.field_description,
                    "old_value": _display(tracking, new=False),
                    "new_value": _display(tracking, new=True),
                    "restorable": tracking.field_id.ttype in RESTORABLE,
                }
                for tracking in trackings
            ]
        )


class CrmClientHistoryLine(models.TransientModel):
    _name = "crm.client.history.line"
    _inherit = ["crm.client.visibility.mixin"]
    _client_visibility_fields = ("wizard_id.partner_id",)
    _client_visibility_exempt = {"author_id": "who made a change: a user's partner, which everyone reads"}
    _description = "Client change history line"
    _order = "date desc, id desc"

    wizard_id = fields.Many2one("crm.client.history.wizard", required=True, ondelete="cascade")
    tracking_value_id = fields.Many2one("mail.tracking.value", required=True, ondelete="cascade")
    date = fields.Datetime()
    author_id = fields.Many2one("res.partner", string="Changed by")
    field_description = fields.Char("Field")
    old_value = fields.Char("Previous value")
    new_value = fields.Char("New value")
    restorable = fields.Boolean()

    def action_restore(self):
        """Write the previous value of this change back on the client (itself tracked)."""
        self.ensure_one()
        partner = self.wizard_id.partner_id
        tracking = self.tracking_value_id.sudo()
        fname = tracking.field_id.name
        field = partner._fields.get(fname)
        if not field or field.type not in RESTORABLE:
            raise UserError(self.env._("The previous value of %s cannot be restored.", self.field_description))
        partner.write({fname: self._previous_value(field, tracking)})
        partner.message_post(
            body=self.env._(
                "%(field)s restored to its value before the change of %(date)s.",
                field=self.field_description,
                # In the user's language and timezone, as the History dialog shows it.
                date=format_datetime(self.env, self.date, tz=self.env.user.tz, dt_format="medium"),
            ),
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        return {"type": "ir.actions.act_window_close"}

    def _previous_value(self, field, tracking):
        if field.type in ("char", "text"):
            return (tracking.old_value_char if field.type == "char" else tracking.old_value_text) or False
        if field.type == "many2one":
            return tracking.old_value_integer or False
        if field.type == "boolean":
            return bool(tracking.old_value_integer)
        if field.type == "integer":
            return tracking.old_value_integer
        if field.type in ("float", "monetary"):
            return tracking.old_value_float
        if field.type == "date":
            return tracking.old_value_datetime and tracking.old_value_datetime.date()
        if field.type == "datetime":
            return tracking.old_value_datetime
        # selection: the tracking keeps the label, in the language of whoever changed it
        label = tracking.old_value_char
        if not label:
            return False
        model = self.env[field.model_name]
        langs = dict.fromkeys(
            [self.env.lang or "en_US", "en_US"] + [c for c, _n in self.env["res.lang"].get_installed()]
        )
        for lang in langs:
            for key, value in field._description_selection(model.with_context(lang=lang).env):
                if value == label:
                    return key
        raise UserError(self.env._("The previous value of %s cannot be restored.", self.field_description))
