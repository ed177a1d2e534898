# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

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
    weight = fields.Integer(required=True, default=10)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _weight_positive = models.Constraint("CHECK(weight > 0)", "A requirement weighs at least 1.")
    _check_unique = models.Constraint(
        "UNIQUE(client_type, requirement)", "This requirement already exists for this client type."
    )

    @api.model_create_multi
    def create(self, vals_list):
        rules = super().create(vals_list)
        self.env["res.partner"]._client_completeness_policy_changed()
        return rules

    def write(self, vals):
        result = super().write(vals)
        if {"client_type", "requirement", "weight", "active", "name"} & set(vals):
            self.env["res.partner"]._client_completeness_policy_changed()
        return result

    def unlink(self):
        result = super().unlink()
        self.env["res.partner"]._client_completeness_policy_changed()
        return result
