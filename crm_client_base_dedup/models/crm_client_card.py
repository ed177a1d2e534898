# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError
from odoo.tools import SQL

# Property types whose value can identify a client (a number, a code).
IDENTIFYING_TYPES = ("char", "integer")


class CrmClientCard(models.Model):
    _inherit = "crm.client.card"

    dedup_property = fields.Selection(
        selection="_selection_dedup_property",
        string="Identifies the client",
        help="A property of this card whose value belongs to one client only (a customer number in "
        "another system): the duplicate finder takes two cards with the same value for one client, "
        "and two cards with different values for two clients, whatever else they share.",
    )

    @api.model
    def _selection_dedup_property(self):
        # Every card's text and number properties: a selection's values are the same for all
        # records; _check_dedup_property keeps each card to its own.
        found = {}
        for card in self._cards():
            for prop in card.properties_definition or []:
                if prop.get("type") in IDENTIFYING_TYPES and prop.get("name"):
                    found.setdefault(prop["name"], prop.get("string") or prop["name"])
        return list(found.items())

    @api.model
    @tools.ormcache()
    def _dedup_properties(self):
        """{client type: name of its card's identifying property}, for the cards that have one."""
        return {card.client_type: card.dedup_property for card in self._cards() if card.dedup_property}

    # Not on properties_definition: a property removed from the card drops the choice (write).
    @api.constrains("dedup_property")
    def _check_dedup_property(self):
        for card in self.filtered("dedup_property"):
            if card.dedup_property not in card._identifying_names():
                raise ValidationError(
                    self.env._(
                        "The property that identifies a client must be a text or number property of the card %(card)s.",
                        card=card.name,
                    )
                )

    def _identifying_names(self):
        self.ensure_one()
        return {prop.get("name") for prop in self.properties_definition or [] if prop.get("type") in IDENTIFYING_TYPES}

    def write(self, vals):
        before = {card.id: card.dedup_property for card in self}
        result = super().write(vals)
        if "properties_definition" in vals and "dedup_property" not in vals:
            # A property removed from the card, or made another type, identifies nothing more.
            for card in self.filtered("dedup_property"):
                if card.dedup_property not in card._identifying_names():
                    super(CrmClientCard, card).write({"dedup_property": False})
        changed = self.filtered(lambda card: card.dedup_property != before[card.id])
        if changed:
            self.env.registry.clear_cache()
            changed._dedup_recompute_keys()
        return result

    def _dedup_recompute_keys(self):
        """Recompute the identifying key of the clients of these cards' types: those with a value
        of the chosen property, and those holding a key of the former one."""
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        Partner.flush_model(["client_properties", "client_type", "dedup_ref_key"])
        for card in self:
            rows = self.env.execute_query(
                SQL(
                    """SELECT id FROM res_partner
                        WHERE client_type = %s AND (dedup_ref_key IS NOT NULL OR client_properties ? %s)""",
                    card.client_type,
                    card.dedup_property or "",
                )
            )
            partners = Partner.browse([row[0] for row in rows])
            self.env.add_to_compute(Partner._fields["dedup_ref_key"], partners)
        Partner.flush_model(["dedup_ref_key"])
