# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class FormatVatLabelMixin(models.AbstractModel):
    _inherit = "format.vat.label.mixin"

    @api.model
    def _get_view(self, view_id=None, view_type="form", **options):
        """A Russian company's forms say "INN" (ИНН) where Odoo says "Tax ID": Odoo takes the
        label from the company's country, and Russia has none. A label set on the country wins."""
        arch, view = super()._get_view(view_id, view_type, **options)
        country = self.env.company.country_id
        if country.code == "RU" and not country.vat_label:
            label = self.env._("INN")
            for node in arch.iterfind(".//field[@name='vat']"):
                node.set("string", label)
            for node in arch.iterfind(".//label[@for='vat']"):
                node.set("string", label)
        return arch, view
