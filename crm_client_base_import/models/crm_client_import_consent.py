# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A consent column in an import (152-FZ): "yes" or the date it was given, recorded on the
person of the line (the client, or its key person) with source "import" and the file's name."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .crm_client_import_properties import NO, YES


class CrmClientImport(models.Model):
    _inherit = "crm.client.import"

    consent_purpose_ids = fields.Many2many(
        "crm.client.consent.purpose",
        string="The consent column consents to",
        default=lambda self: self.env.ref("crm_client_base.consent_purpose_contract", raise_if_not_found=False),
        help='The purposes a "yes" or a date in the file\'s consent column is a consent to.',
    )

    @api.model
    def _consent_date(self, cell):
        """The date (ISO) a consent cell says it was given: today for a "yes", None for none."""
        if cell in (None, "") or (isinstance(cell, str) and cell.strip().lower() in NO):
            return None
        if isinstance(cell, str) and cell.strip().lower() in YES:
            return fields.Date.context_today(self).isoformat()
        try:
            return self._date(cell, "consent").isoformat()
        except ValidationError:
            raise ValidationError(self.env._("Consent %s is neither yes nor a date.", str(cell).strip())) from None

    def _record_consents(self, found):
        """Record the consents of imported lines: ``found`` is [(line, client, its new contacts)]."""
        values = []
        for line, client, contacts in found:
            given = (line.values or {}).get("consent")
            if not given:
                continue
            person = client if client.client_type != "company" else contacts[:1]
            for purpose in self.consent_purpose_ids if person else ():
                values.append(
                    {
                        "partner_id": person.id,
                        "purpose_id": purpose.id,
                        "date": fields.Datetime.to_datetime(given),
                        "source": "import",
                        "source_ref": self.file_name or self.name,
                    }
                )
        if values:
            self.env["crm.client.consent"].create(values)
