# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models, tools
from odoo.fields import Domain
from odoo.tools import config


class IrRule(models.Model):
    _inherit = "ir.rule"

    @api.model
    @tools.conditional(
        "xml" not in config["dev_mode"],
        tools.ormcache(
            "self.env.uid", "self.env.su", "model_name", "mode", "tuple(self._compute_domain_context_values())"
        ),
    )
    def _compute_domain(self, model_name, mode="read"):
        domain = super()._compute_domain(model_name, mode)
        visibility = self._client_visibility_domain(model_name, mode)
        if visibility is None:
            return domain
        return (domain & visibility).optimize(self.env[model_name])

    @api.model
    def _client_visibility_domain(self, model_name, mode="read"):
        """The condition a record of ``model_name`` (a crm.client.visibility.mixin model) adds
        for the current user and ``mode``: its clients are the user's to read (or, for create,
        write and unlink, to write) by the user's access rules on res.partner. None for other
        models, and when those rules let the user see every client."""
        if self.env.su:
            return None
        model = self.env[model_name]
        paths = getattr(model, "_client_visibility_fields", None)
        if not paths:
            return None
        partner_domain = self._compute_domain("res.partner", "read" if mode == "read" else "write")
        if partner_domain.is_true():
            return None
        conditions = []
        for path in paths:
            if model._client_visibility_field(path).type == "many2one":
                conditions.append(Domain(path, "=", False) | Domain(path, "any", partner_domain))
            else:
                conditions.append(Domain(path, "not any", ~partner_domain))
        return Domain.AND(conditions)
