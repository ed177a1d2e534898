# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import Counter

from odoo import api, models


class ReportClientCompleteness(models.AbstractModel):
    """The printable completeness control: per salesperson, the clients, their average
    completeness, how many are below the threshold and what is missing most often."""

    _name = "report.crm_client_base.report_client_completeness"
    _description = "Completeness control report"

    @api.model
    def _get_report_values(self, docids, data=None):
        clients = self.env["res.partner"].browse(docids).filtered(lambda p: not p.parent_id)
        lines = []
        for user, partners in sorted(clients.grouped("user_id").items(), key=lambda item: item[0].name or ""):
            # Per requirement, whatever the client type: "INN (5)", not "INN (3), INN (2)".
            missing = Counter(
                requirement for partner in partners for requirement in partner.client_missing_requirement_ids
            )
            lines.append(
                {
                    "salesperson": user.name or self.env._("Free pool"),
                    "clients": len(partners),
                    "average": round(sum(partners.mapped("client_completeness")) / len(partners), 1),
                    "incomplete": sum(partners.mapped("client_incomplete")),
                    "missing": ", ".join(f"{item.name} ({count})" for item, count in missing.most_common(3)),
                }
            )
        return {"doc_ids": docids, "doc_model": "res.partner", "docs": clients, "lines": lines}
