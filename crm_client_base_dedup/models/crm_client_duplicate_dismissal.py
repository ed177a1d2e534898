# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class CrmClientDuplicateDismissal(models.Model):
    """A pair of partners a reviewer said are two clients: never proposed again."""

    _name = "crm.client.duplicate.dismissal"
    _inherit = ["crm.client.visibility.mixin"]
    _client_visibility_fields = ("partner_a_id", "partner_b_id")
    _description = "Dismissed duplicate pair"

    partner_a_id = fields.Many2one("res.partner", required=True, ondelete="cascade", index=True)
    partner_b_id = fields.Many2one("res.partner", required=True, ondelete="cascade", index=True)

    _pair_unique = models.Constraint("UNIQUE (partner_a_id, partner_b_id)", "This pair is already dismissed.")
    _pair_ordered = models.Constraint("CHECK (partner_a_id < partner_b_id)", "A dismissed pair is stored in id order.")
