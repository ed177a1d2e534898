# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The card's own properties: per client type, the fields a company adds to its cards."""

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL


class ResPartner(models.Model):
    _inherit = "res.partner"

    # The card of the client's type: not stored (the client type is), read in SQL as the
    # client type's card (see _field_to_sql), as Odoo's own properties of the partner are.
    client_card_id = fields.Many2one(
        "crm.client.card", string="Client card", compute="_compute_client_card_id", search="_search_client_card_id"
    )
    # Tracked property by property (see _mail_track): Odoo tracks a properties field only when
    # its container changes.
    client_properties = fields.Properties(
        "Card properties", definition="client_card_id.properties_definition", copy=True, tracking=True
    )

    @api.model_create_multi
    def create(self, vals_list):
        # Odoo reads a properties value against its container, which a new card gets from its
        # client type only once created: the values are written then.
        properties = [vals.pop("client_properties", None) for vals in vals_list]
        partners = super().create(vals_list)
        for partner, values in zip(partners, properties, strict=True):
            if values:
                partner.client_properties = values
        return partners

    @api.depends("client_type")
    def _compute_client_card_id(self):
        card_ids = self.env["crm.client.card"]._card_ids()
        for partner in self:
            partner.client_card_id = card_ids.get(partner.client_type)

    def _search_client_card_id(self, operator, value):
        if operator != "in":
            return NotImplemented
        wanted = set(value)
        return Domain(
            "client_type",
            "in",
            [kind for kind, card in self.env["crm.client.card"]._card_ids().items() if card in wanted],
        )

    def _field_to_sql(self, alias, fname, query=None):
        if fname == "client_card_id":
            card_ids = self.env["crm.client.card"]._card_ids()
            if not card_ids:
                return SQL("NULL::integer")
            return SQL(
                "(CASE %s %s END)",
                SQL.identifier(alias, "client_type"),
                SQL(" ").join(SQL("WHEN %s THEN %s", kind, card) for kind, card in card_ids.items()),
            )
        return super()._field_to_sql(alias, fname, query)

    def _client_property_values(self):
        """{property name: value} of the client's card, as written (a selection's key, a
        record's id), where ``client_properties`` gives labels and recordsets."""
        self.ensure_one()
        field = self._fields["client_properties"]
        found = field.convert_to_read(self.client_properties, self, use_display_name=False) or []
        return {prop["name"]: False if prop.get("value") is None else prop["value"] for prop in found}

    def _mail_track(self, tracked_fields, initial_values):
        """Odoo's tracking, and a tracking value per card property whose value changed (its
        name in ``field_info["property"]``, for the History dialog to restore it)."""
        if "client_properties" not in initial_values:
            return super()._mail_track(tracked_fields, initial_values)
        initial_values = dict(initial_values)
        before = initial_values.pop("client_properties") or []
        updated, tracking_value_ids = super()._mail_track(tracked_fields, initial_values)
        field = self._fields["client_properties"]
        after = field.convert_to_read(self.client_properties, self) or []
        old = {prop["name"]: prop for prop in before}
        new = {prop["name"]: prop for prop in after}
        Tracking = self.env["mail.tracking.value"]
        col_info = tracked_fields["client_properties"]
        for name in [*new, *(name for name in old if name not in new)]:
            prop = new.get(name) or old[name]
            kind = TRACKED_PROPERTY_TYPES.get(prop["type"])
            previous, current = (_property_value(found.get(name), kind) for found in (old, new))
            if not kind or previous == current or (not previous and not current):
                continue
            info = {**col_info, "type": kind, "selection": prop.get("selection")}
            values = Tracking._create_tracking_values(previous, current, "client_properties", info, self)
            values["field_info"] = {
                "desc": f"{col_info['string']}: {prop['string']}",
                "name": "client_properties",
                "type": kind,
                "property": name,
            }
            tracking_value_ids.append([0, 0, values])
            updated.add("client_properties")
        return updated, tracking_value_ids


# Property types tracked, as the tracking value's type: lists of tags or records as their names.
TRACKED_PROPERTY_TYPES = {
    "char": "char",
    "text": "text",
    "integer": "integer",
    "float": "float",
    "monetary": "float",
    "boolean": "boolean",
    "date": "date",
    "datetime": "datetime",
    "selection": "selection",
    "many2one": "many2one",
    "tags": "char",
    "many2many": "char",
}


def _property_value(prop, kind):
    """A property's value (read format) as tracked with type ``kind``."""
    if not prop or not kind:
        return False
    value = prop.get("value")
    if prop["type"] == "tags":
        labels = {tag[0]: tag[1] for tag in prop.get("tags") or ()}
        return ", ".join(labels.get(tag, tag) for tag in value or ()) or False
    if prop["type"] == "many2many":
        return ", ".join(str(item[1]) for item in value or ()) or False
    if prop["type"] == "many2one":
        return tuple(value) if value else False
    return value
