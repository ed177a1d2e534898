# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_datetime

# Field types whose previous value a tracking value keeps in full, so it can be restored.
RESTORABLE = {"char", "text", "selection", "many2one", "integer", "float", "monetary", "boolean", "date", "datetime"}


def _kind(tracking):
    """The type of the value a tracking keeps: its field's, or its card property's."""
    return (tracking.field_info or {}).get("type") or tracking.field_id.ttype


def _display(tracking, new):
    value = tracking._format_display_value(_kind(tracking), new=new)[0]
    return "" if value is False or value is None else str(value)


def _restorable(tracking):
    if tracking.field_id.ttype == "properties":
        return bool((tracking.field_info or {}).get("property")) and _kind(tracking) in RESTORABLE
    return tracking.field_id.ttype in RESTORABLE


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
                    "field_description": (tracking.field_info or {}).get("desc") or tracking.field_id.field_description,
                    "old_value": _display(tracking, new=False),
                    "new_value": _display(tracking, new=True),
                    "restorable": _restorable(tracking),
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
        if not field or not _restorable(tracking):
            raise UserError(self.env._("The previous value of %s cannot be restored.", self.field_description))
        if field.type == "properties":
            # A card property: the others of the card kept as they are.
            name = tracking.field_info["property"]
            definition = {prop["name"]: prop for prop in field._get_properties_definition(partner) or ()}
            if name not in definition:
                raise UserError(self.env._("%s is no longer a property of this client's card.", self.field_description))
            selection = definition[name].get("selection") or []
            value = self._previous_value(_kind(tracking), tracking, lambda _env: selection)
            if isinstance(value, datetime.date):
                # Properties keep dates as text.
                value = fields.Datetime.to_string(value) if isinstance(value, datetime.datetime) else str(value)
            partner.write({fname: {**partner._client_property_values(), name: value}})
        else:
            value = self._previous_value(field.type, tracking, lambda env: field._description_selection(env))
            partner.write({fname: value})
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

    def _previous_value(self, kind, tracking, selection):
        """The value before the change ``tracking`` kept, of type ``kind``; ``selection(env)``
        the (key, label) pairs of a selection in that environment's language."""
        if kind in ("char", "text"):
            return (tracking.old_value_char if kind == "char" else tracking.old_value_text) or False
        if kind == "many2one":
            return tracking.old_value_integer or False
        if kind == "boolean":
            return bool(tracking.old_value_integer)
        if kind == "integer":
            return tracking.old_value_integer
        if kind in ("float", "monetary"):
            return tracking.old_value_float
        if kind == "date":
            return tracking.old_value_datetime and tracking.old_value_datetime.date()
        if kind == "datetime":
            return tracking.old_value_datetime
        # selection: the tracking keeps the label, in the language of whoever changed it
        label = tracking.old_value_char
        if not label:
            return False
        langs = dict.fromkeys(
            [self.env.lang or "en_US", "en_US"] + [c for c, _n in self.env["res.lang"].get_installed()]
        )
        for lang in langs:
            for key, value in selection(self.with_context(lang=lang).env):
                if value == label:
                    return key
        raise UserError(self.env._("The previous value of %s cannot be restored.", self.field_description))
