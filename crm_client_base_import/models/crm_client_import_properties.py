# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Card properties in an import: a column headed as a property of a client card (or mapped to
one in the columns step) fills that property on the clients of the card's type."""

from odoo import api, models
from odoo.exceptions import ValidationError

from ..tools import columns, reader

# Words of a yes/no property cell.
YES = {"1", "да", "д", "yes", "y", "true", "x", "+", "✓", "истина"}
NO = {"0", "нет", "н", "no", "n", "false", "-", "ложь"}
# Property types an import fills; the others (records, tags) go to the notes.
IMPORTED_TYPES = {"char", "text", "integer", "float", "monetary", "boolean", "date", "datetime", "selection"}


class CrmClientImport(models.Model):
    _inherit = "crm.client.import"

    @api.model
    def _card_properties(self):
        """[(card, property definition)] of every client card, in the cards' order."""
        cards = self.env["crm.client.card"]._cards()
        return [(card, prop) for card in cards for prop in card.properties_definition or () if prop.get("string")]

    @api.model
    def _property_targets(self):
        """The columns step's choices for the card properties: (target, label)."""
        return [
            (f"{reader.PROPERTY}{prop['name']}", f"{card.name}: {prop['string']}")
            for card, prop in self._card_properties()
            if prop["type"] in IMPORTED_TYPES
        ]

    @api.model
    def _property_columns(self):
        """(target, header) of the card properties an import fills: the template's columns."""
        return [
            (f"{reader.PROPERTY}{prop['name']}", prop["string"])
            for _card, prop in self._card_properties()
            if prop["type"] in IMPORTED_TYPES
        ]

    @api.model
    def _property_headers(self):
        """{header key: target} of columns headed as a card property (its label)."""
        return {columns.header_key(header): target for target, header in self._property_columns()}

    @api.model
    def _property_values(self, client_type, found):
        """({property: value} for the card of ``client_type``, [notes]) from a line's property
        cells ``found`` ({property name: cell}): a property of another client type's card goes to
        the notes with its label; a value that is not of the property's type is refused."""
        card = self.env["crm.client.card"].sudo().browse(self.env["crm.client.card"]._card_ids().get(client_type))
        own = {prop["name"]: prop for prop in card.properties_definition or ()}
        labels = {prop["name"]: prop.get("string") or prop["name"] for _card, prop in self._card_properties()}
        values, notes = {}, []
        own_by_label = {columns.header_key(prop.get("string")): prop for prop in own.values()}
        for name, cell in found.items():
            # A label given to a property of several cards: this card's.
            prop = own.get(name) or own_by_label.get(columns.header_key(labels.get(name)))
            if not prop or prop["type"] not in IMPORTED_TYPES:
                notes.append(f"{labels.get(name, name)}: {cell}")
                continue
            values[prop["name"]] = self._property_value(prop, cell)
        return values, notes

    @api.model
    def _property_value(self, prop, cell):
        kind, text = prop["type"], str(cell).strip()
        try:
            if kind == "integer":
                return int(text.replace(" ", "").replace("\xa0", ""))
            if kind in ("float", "monetary"):
                return float(text.replace(" ", "").replace("\xa0", "").replace(",", "."))
        except ValueError:
            raise ValidationError(
                self.env._("%(property)s %(value)s is not a number.", property=prop["string"], value=text)
            ) from None
        if kind == "boolean":
            if text.lower() in YES | NO:
                return text.lower() in YES
            raise ValidationError(
                self.env._("%(property)s %(value)s is neither yes nor no.", property=prop["string"], value=text)
            )
        if kind in ("date", "datetime"):
            return self._date(cell, prop["string"]).isoformat()
        if kind == "selection":
            for key, label in prop.get("selection") or ():
                if text.lower() in (str(key).lower(), str(label).lower()):
                    return key
            raise ValidationError(
                self.env._(
                    "%(property)s %(value)s is none of: %(allowed)s.",
                    property=prop["string"],
                    value=text,
                    allowed=", ".join(label for _key, label in prop.get("selection") or ()),
                )
            )
        return text
