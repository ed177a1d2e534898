# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CrmClientImportMapping(models.Model):
    """What the columns of a file the reader does not know hold, saved under a name: offered
    again for a file with the same header line. Headers only: no client's data."""

    _name = "crm.client.import.mapping"
    _description = "Import column mapping"
    _order = "write_date desc, id desc"

    name = fields.Char(required=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, required=True, index=True)
    signature = fields.Char("Header line", required=True, index=True, readonly=True)
    columns = fields.Json(readonly=True)
    description = fields.Text("Mapped columns", compute="_compute_description")

    _name_company_uniq = models.Constraint("UNIQUE(name, company_id)", "A column mapping of this name exists already.")

    @api.depends("columns")
    @api.depends_context("lang")
    def _compute_description(self):
        Column = self.env["crm.client.import.column"]
        labels = dict(Column._selection_target())
        left_out = self.env._("not imported")
        for mapping in self:
            mapping.description = "\n".join(
                f"{header} → {labels.get(target) or left_out}" for header, target in (mapping.columns or {}).items()
            )

    @api.model
    def _for_signature(self, signature):
        """The latest mapping saved for a file with this header line, of the current company."""
        return self.search([("signature", "=", signature), ("company_id", "=", self.env.company.id)], limit=1)
