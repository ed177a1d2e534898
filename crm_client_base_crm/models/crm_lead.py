# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    # These helpers of the lead form read the customer's card. With crm_client_base's rules, a
    # salesperson's own lead may be about another salesperson's client: compute them as
    # superuser so that the lead opens, without giving access to the client's card itself.
    commercial_partner_id = fields.Many2one(compute_sudo=True)
    partner_email_update = fields.Boolean(compute_sudo=True)
    partner_phone_update = fields.Boolean(compute_sudo=True)
