# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import api, fields, models

# Columns of a merged card's snapshot that say nothing to its reader (bookkeeping, match keys).
SNAPSHOT_HIDDEN = {
    "id",
    "create_uid",
    "write_uid",
    "write_date",
    "commercial_partner_id",
    "complete_name",
    "partner_share",
    "client_completeness_version",
    "client_owner_id",
    "client_team_id",
    "birthday_month",
    "color",
}
SNAPSHOT_HIDDEN_PREFIXES = ("dedup_", "signup_", "message_", "activity_", "calendar_", "image_", "avatar_")


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
    # What the merge changed, by table and column, to undo it (tools/merge_record.py); cleared
    # once the undo period is over.
    undo_data = fields.Json(readonly=True, copy=False, groups="base.group_system")
    state = fields.Selection([("done", "Merged"), ("undone", "Undone")], default="done", required=True, readonly=True)
    undo_deadline = fields.Datetime(compute="_compute_undo_deadline", string="Can be undone until")
    can_undo = fields.Boolean(compute="_compute_undo_deadline")
    undone_uid = fields.Many2one("res.users", string="Undone by", readonly=True)
    undone_date = fields.Datetime(string="Undone on", readonly=True)
    undo_note = fields.Text(readonly=True, string="Undo")

    @api.depends("create_date", "company_id", "state")
    def _compute_undo_deadline(self):
        now = fields.Datetime.now()
        for log in self:
            days = (log.company_id or self.env.company).client_merge_undo_days
            log.undo_deadline = log.create_date and log.create_date + timedelta(days=days)
            log.can_undo = bool(log.state == "done" and log.undo_deadline and log.undo_deadline > now)

    def action_undo(self):
        """Undo the merges: the merged cards back with their values, and exactly the records
        that moved back onto them (see crm.client.merge._undo_merge)."""
        for log in self:
            self.env["crm.client.merge"]._undo_merge(log)
        return True

    @api.model
    def _cron_forget_undo_data(self):
        """Past the undo period, a merge is final: what undoing it needed is dropped."""
        Log = self.sudo()
        for (company,) in Log._read_group([("undo_data", "!=", False)], ["company_id"]):
            days = (company or self.env.company).client_merge_undo_days
            limit = fields.Datetime.now() - timedelta(days=days)
            Log.search(
                [("company_id", "=", company.id), ("create_date", "<", limit), ("undo_data", "!=", False)]
            ).write({"undo_data": False})

    def _compute_snapshot_text(self):
        for log in self:
            lines = []
            for card in log.snapshot or []:
                lines.append(f"#{card.get('id')} {card.get('name') or ''}")
                lines.extend(f"    {label}: {value}" for label, value in self._snapshot_lines(card))
            log.snapshot_text = "\n".join(lines)
            log.moved_text = "\n".join(f"{key}: {count}" for key, count in sorted((log.moved or {}).items()))

    def _snapshot_lines(self, card):
        """(label, value) of a merged card's stored values, as its form shows them: field labels,
        translations in the reader's language, names of linked records, labels of choices."""
        Partner = self.env["res.partner"]
        lang = self.env.lang or "en_US"
        lines = []
        for key, value in card.items():
            field = Partner._fields.get(key)
            if (
                not field
                or value in (False, None, [], "", {})
                or key in SNAPSHOT_HIDDEN
                or key.startswith(SNAPSHOT_HIDDEN_PREFIXES)
            ):
                continue
            if isinstance(value, dict):
                value = value.get(lang) or value.get("en_US") or next(iter(value.values()), "")
            elif field.type == "many2one":
                value = self.env[field.comodel_name].sudo().browse(value).exists().display_name or f"#{value}"
            elif field.type == "selection":
                value = dict(field._description_selection(self.env)).get(value, value)
            elif field.type == "boolean":
                value = self.env._("yes")
            lines.append((field._description_string(self.env), value))
        return sorted(lines, key=lambda line: line[0])
