# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The column mapping step: the columns of a file the reader does not know, each mapped by the
user to a field of the card or of the key person, the notes, or nothing; saved as a named
mapping and applied again to a file with the same header line."""

import base64

from odoo import fields, models
from odoo.exceptions import UserError

from ..tools import columns, reader


class CrmClientImport(models.Model):
    _inherit = "crm.client.import"

    column_ids = fields.One2many("crm.client.import.column", "import_id", string="Columns")
    mapping_id = fields.Many2one(
        "crm.client.import.mapping",
        string="Column mapping",
        domain="[('company_id', '=', company_id)]",
        help="A saved mapping of the columns: chosen for you when the file has the same header line.",
    )
    mapping_name = fields.Char(
        "Save the mapping as", help="Name it to have it applied to the next file with the same header line."
    )
    has_open_columns = fields.Boolean(readonly=True)

    def _read(self):
        """The file as a Table, its unknown columns read as the columns step, or the mapping
        saved for the same header line, says."""
        self.ensure_one()
        if not self.file:
            raise UserError(self.env._("Choose the file to import."))
        data = base64.b64decode(self.file)
        try:
            table = reader.read(self.file_name, data, self._column_mapping())
            if not self.column_ids and not self.mapping_id:
                found = self.env["crm.client.import.mapping"]._for_signature(table.signature)
                if found:
                    self.mapping_id = found
                    table = reader.read(self.file_name, data, self._column_mapping())
        except reader.ReadError as exc:
            raise UserError(self._read_error_message(exc)) from exc
        return table

    def _column_mapping(self):
        """{header key: column key, card property, reader.NOTES, reader.IGNORE, or False for not
        imported} as decided for this file; a column headed as a card property is that property
        unless decided otherwise."""
        if self.column_ids:
            decided = {columns.header_key(column.header): column.target for column in self.column_ids}
        else:
            decided = {columns.header_key(header): target for header, target in (self.mapping_id.columns or {}).items()}
        return {**self._property_headers(), **decided}

    def _ask_columns(self, table):
        """Open the columns step (True) when a file of no known export has columns the reader
        does not know nor a mapping says: the user tells what they hold."""
        mapping = self._column_mapping()
        self.has_open_columns = bool(table.open_columns)
        if self.state != "draft" or table.format:
            return False
        if all(columns.header_key(header) in mapping for header, _values in table.open_columns):
            return False
        self._open_columns(table, mapping)
        return True

    def _open_columns(self, table, mapping):
        self.column_ids.unlink()
        self.write(
            {
                "state": "columns",
                "column_ids": [
                    fields.Command.create(
                        {
                            "sequence": index,
                            "header": header,
                            "sample": " · ".join(values),
                            "target": mapping.get(columns.header_key(header)),
                        }
                    )
                    for index, (header, values) in enumerate(table.open_columns)
                ],
            }
        )

    def _save_mapping(self, table):
        """Keep the columns step's choices under the name given, for the next file like this."""
        if self.state != "columns" or not self.mapping_name:
            return
        values = {
            "signature": table.signature,
            "columns": {column.header: column.target for column in self.column_ids},
        }
        Mapping = self.env["crm.client.import.mapping"]
        found = Mapping.search([("name", "=", self.mapping_name), ("company_id", "=", self.company_id.id)], limit=1)
        if found:
            found.write(values)
        else:
            found = Mapping.create({**values, "name": self.mapping_name, "company_id": self.company_id.id})
        self.write({"mapping_id": found.id, "mapping_name": False})

    def action_map_columns(self):
        """From the checked file back to its columns: map those the reader left out."""
        self.ensure_one()
        if self.state != "checked":
            raise UserError(self.env._("Check the file first."))
        table = self._read()
        self.line_ids.unlink()
        self._open_columns(table, self._column_mapping())
        return True
