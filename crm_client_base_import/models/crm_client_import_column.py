# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..tools import columns, reader


class CrmClientImportColumn(models.Model):
    """A column of an import file the reader does not know, and what the user says it holds."""

    _name = "crm.client.import.column"
    _description = "Client import column"
    _order = "import_id, sequence, id"

    import_id = fields.Many2one("crm.client.import", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer()
    header = fields.Char("Column", readonly=True)
    sample = fields.Char("First values", readonly=True)
    target = fields.Selection(
        "_selection_target",
        string="Import as",
        help="A field of the card or of the key person; the card's notes, with the column's name before "
        "the value; or nothing. Left empty, the column is listed as not imported.",
    )

    @api.model
    def _selection_target(self):
        Import = self.env["crm.client.import"]
        return [
            *((key, Import._column_label(key)) for key in columns.KEYS),
            *Import._property_targets(),
            (reader.NOTES, self.env._("Notes, with the column's name")),
            (reader.IGNORE, self.env._("Nothing: ignore the column")),
        ]
