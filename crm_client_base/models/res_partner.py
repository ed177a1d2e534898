# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from stdnum.ru import inn as stdnum_inn

from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    client_type = fields.Selection(
        selection=[
            ("company", "Company"),
            ("individual_entrepreneur", "Individual entrepreneur"),
            ("private_person", "Private person"),
        ],
        compute="_compute_client_type",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        help="Company: a legal entity (INN of 10 digits, KPP, OGRN). Individual entrepreneur: a "
        "person registered for business (INN of 12 digits, OGRNIP). Private person: a consumer.",
    )

    @api.depends("is_company")
    def _compute_client_type(self):
        for partner in self:
            if partner.is_company and partner.client_type in (False, "private_person"):
                partner.client_type = "company"
            elif not partner.is_company and not partner.client_type:
                partner.client_type = "private_person"

    def check_vat_ru(self, vat):
        """Validate an INN with python-stdnum.

        base_vat's own check forgets the final "modulo 10" of the 12-digit INN algorithm and
        so refuses every valid personal INN whose check digit comes out of a remainder of 10
        (about one in eleven entrepreneurs and private persons).
        """
        return stdnum_inn.is_valid(vat)
