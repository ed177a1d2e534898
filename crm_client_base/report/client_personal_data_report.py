# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ClientPersonalDataReport(models.AbstractModel):
    """The PDF of a person's personal data (subject access), each export noted on the card."""

    _name = "report.crm_client_base.report_client_personal_data"
    _description = "Personal data report"

    @api.model
    def _get_report_values(self, docids, data=None):
        partners = self.env["res.partner"].browse(docids)
        partners.check_access("read")
        for partner in partners:
            partner._client_log_personal_data_export("PDF")
        return {
            "docs": partners,
            "sections": {
                partner.id: [
                    (title, [(label, _text(value)) for _key, label, value in rows])
                    for _key, title, rows in partner._client_personal_data()
                    if rows
                ]
                for partner in partners
            },
            "user": self.env.user,
        }


def _text(value):
    """A value of the personal data as the PDF prints it."""
    if isinstance(value, dict):
        return "; ".join(str(item) for item in value.values() if item not in (None, False, ""))
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return "" if value in (None, False) else str(value)
