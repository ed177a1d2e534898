# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .crm_client_completeness_rule import CHECKS


class CrmClientRequirement(models.Model):
    """One thing a complete card may require (a phone, the INN…), whatever the client type:
    what the completeness control groups clients by, one row per requirement, while the rules
    weigh it per client type."""

    _name = "crm.client.requirement"
    _description = "Client card requirement"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Selection(CHECKS, required=True, readonly=True)
    # For the check "a card property": which one (its technical name).
    property_name = fields.Char("Card property", readonly=True)
    sequence = fields.Integer(default=10)

    _check_unique = models.UniqueIndex("(code) WHERE code != 'property'", "There is one requirement per check.")
    _property_unique = models.UniqueIndex(
        "(property_name) WHERE code = 'property'", "There is one requirement per card property."
    )
