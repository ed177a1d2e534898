# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class CrmClientMergeLog(models.Model):
    """Who merged which clients into which, when, and what the merged cards held."""

    _name = "crm.client.merge.log"
    _description = "Client merge log"
    _order = "id desc"
    _rec_name = "survivor_name"

    survivor_id = fields.Many2one("res.partner", ondelete="set null", index=True, readonly=True)
    survivor_name = fields.Char(readonly=True)
    merged_ids = fields.Char(string="Merged partner ids", readonly=True)
    merged_names = fields.Text(readonly=True)
    user_id = fields.Many2one("res.users", string="Merged by", readonly=True, default=lambda self: self.env.user)
    snapshot = fields.Json(readonly=True, help="Every stored value of the merged cards, as they were.")
    snapshot_text = fields.Text(compute="_compute_snapshot_text", string="Merged cards")
    moved = fields.Json(readonly=True, help="Linked records moved to the survivor, per table and column.")
    moved_text = fields.Text(compute="_compute_snapshot_text", string="Linked records moved")
    moved_count = fields.Integer(readonly=True, string="Linked records")
    chosen_values = fields.Json(readonly=True)
    duplicate_id = fields.Many2one("crm.client.duplicate", readonly=True, ondelete="set null")
    company_id = fields.Many2one("res.company", readonly=True, index=True)

    def _compute_snapshot_text(self):
        for log in self:
            lines = []
            for card in log.snapshot or []:
                lines.append(f"#{card.get('id')} {card.get('name') or ''}")
                lines.extend(
                    f"    {key}: {value}" for key, value in sorted(card.items()) if value not in (False, None, [])
                )
            log.snapshot_text = "\n".join(lines)
            log.moved_text = "\n".join(f"{key}: {count}" for key, count in sorted((log.moved or {}).items()))
