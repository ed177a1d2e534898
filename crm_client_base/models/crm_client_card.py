# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools

CLIENT_TYPES = [
    ("company", "Company"),
    ("individual_entrepreneur", "Individual entrepreneur"),
    ("private_person", "Private person"),
]


class CrmClientCard(models.Model):
    """The card of one client type: the properties a company adds to the cards of its companies,
    entrepreneurs or private persons, without programming (Odoo's properties, defined here
    per client type; the values live on each client)."""

    _name = "crm.client.card"
    _description = "Client card"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    client_type = fields.Selection(CLIENT_TYPES, required=True, readonly=True)
    properties_definition = fields.PropertiesDefinition("Card properties")

    _client_type_unique = models.Constraint("UNIQUE(client_type)", "Each client type has one card.")

    @api.model
    def _cards(self):
        """Every client card (one per client type), in their order."""
        return self.sudo().search([("client_type", "!=", False)])

    @api.model
    @tools.ormcache()
    def _card_ids(self):
        """{client type: card id}."""
        return {card.client_type: card.id for card in self._cards()}

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()
        return super().create(vals_list)

    def unlink(self):
        self.env.registry.clear_cache()
        return super().unlink()
