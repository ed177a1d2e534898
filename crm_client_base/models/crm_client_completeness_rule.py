# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# What a rule can require, and the "explicitly absent" markers that satisfy it too.
CHECKS = [
    ("phone", "Phone or mobile"),
    ("phone_or_email", "Phone or email"),
    ("email", "Email"),
    ("vat", "INN"),
    ("kpp", "KPP"),
    ("ogrn", "OGRN / OGRNIP"),
    ("address", "Address (street and city)"),
    ("key_person", "A key person"),
    ("birthday", "Birthday"),
    ("website", "Website"),
    ("salesperson", "Salesperson"),
    ("source", "Acquisition channel"),
    ("preferred_channel", "Preferred channel"),
    ("call_window", "Call window"),
    ("property", "A card property"),
]


class CrmClientCompletenessRule(models.Model):
    """One requirement of a complete client card, for one client type, with its weight."""

    _name = "crm.client.completeness.rule"
    _description = "Client completeness requirement"
    _order = "client_type, sequence, id"

    name = fields.Char("Shown as", required=True, translate=True)
    client_type = fields.Selection(
        [
            ("company", "Company"),
            ("individual_entrepreneur", "Individual entrepreneur"),
            ("private_person", "Private person"),
        ],
        required=True,
    )
    requirement = fields.Selection(CHECKS, required=True)
    property_name = fields.Selection(
        "_selection_property_name",
        string="Card property",
        help='For the requirement "A card property": the property of the client type\'s card that must be filled.',
    )
    weight = fields.Integer(required=True, default=10)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _weight_positive = models.Constraint("CHECK(weight > 0)", "A requirement weighs at least 1.")
    _requirement_unique = models.UniqueIndex(
        "(client_type, requirement) WHERE requirement != 'property'",
        "This requirement already exists for this client type.",
    )
    _property_unique = models.UniqueIndex(
        "(client_type, property_name) WHERE requirement = 'property'",
        "This card property is already required for this client type.",
    )

    @api.model
    def _selection_property_name(self):
        return [
            (prop["name"], f"{card.name}: {prop.get('string') or prop['name']}")
            for card in self.env["crm.client.card"]._cards()
            for prop in card.properties_definition or ()
        ]

    @api.constrains("requirement", "property_name", "client_type")
    def _check_property_name(self):
        cards = self.env["crm.client.card"].sudo()
        for rule in self.filtered(lambda rule: rule.requirement == "property"):
            card = cards.browse(cards._card_ids().get(rule.client_type))
            if rule.property_name not in {prop["name"] for prop in card.properties_definition or ()}:
                raise ValidationError(
                    self.env._(
                        "%(rule)s: choose a property of the %(card)s.",
                        rule=rule.name,
                        card=card.name or rule.client_type,
                    )
                )

    def _requirement_key(self):
        """What the completeness control groups this rule's misses by: its check, and for a card
        property, which one."""
        return (self.requirement, self.property_name if self.requirement == "property" else False)

    def _ensure_requirements(self):
        """A requirement record (the control's row) for each card property required."""
        Requirement = self.env["crm.client.requirement"].sudo()
        known = {(r.code, r.property_name) for r in Requirement.search([("code", "=", "property")])}
        labels = dict(self._selection_property_name())
        for rule in self.filtered(lambda rule: rule.requirement == "property"):
            if (rule.requirement, rule.property_name) not in known:
                Requirement.create(
                    {
                        "code": "property",
                        "property_name": rule.property_name,
                        "name": labels.get(rule.property_name, rule.name).split(": ", 1)[-1],
                        "sequence": 200,
                    }
                )
                known.add((rule.requirement, rule.property_name))

    @api.model_create_multi
    def create(self, vals_list):
        rules = super().create(vals_list)
        rules._ensure_requirements()
        self.env["res.partner"]._client_completeness_policy_changed()
        return rules

    def write(self, vals):
        result = super().write(vals)
        self._ensure_requirements()
        if {"client_type", "requirement", "property_name", "weight", "active", "name"} & set(vals):
            self.env["res.partner"]._client_completeness_policy_changed()
        return result

    def unlink(self):
        result = super().unlink()
        self.env["res.partner"]._client_completeness_policy_changed()
        return result
