# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import logging

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.crm_client_base.tools.cron import cron_progress

from ..tools.matching import LIKELY

_logger = logging.getLogger(__name__)


class CrmClientMergeJob(models.Model):
    """A bulk merge of candidate groups run in the background, group by group."""

    _name = "crm.client.merge.job"
    _description = "Bulk merge of duplicate groups"
    _order = "id desc"

    name = fields.Char(compute="_compute_progress")
    min_score = fields.Integer(default=95, required=True, help="Merge the open groups scoring at least this.")
    state = fields.Selection(
        [("draft", "Draft"), ("running", "Running"), ("done", "Done")], default="draft", required=True
    )
    group_ids = fields.Many2many("crm.client.duplicate", string="Groups")
    total = fields.Integer(readonly=True)
    done_count = fields.Integer(readonly=True, string="Merged")
    failed_count = fields.Integer(readonly=True, string="Skipped")
    progress = fields.Float(compute="_compute_progress")
    log = fields.Text(readonly=True)
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user, readonly=True)

    @api.constrains("min_score")
    def _check_min_score(self):
        if any(job.min_score < LIKELY for job in self):
            raise ValidationError(
                self.env._(
                    "A bulk merge takes groups scoring %s or more: the others share a name and a city only "
                    "and are merged one by one, after a look.",
                    LIKELY,
                )
            )

    @api.depends("total", "done_count", "failed_count", "min_score")
    def _compute_progress(self):
        for job in self:
            job.progress = 100.0 * (job.done_count + job.failed_count) / job.total if job.total else 0.0
            job.name = self.env._("Merge of groups scoring %s or more", job.min_score)

    def action_start(self):
        for job in self.filtered(lambda j: j.state == "draft"):
            groups = self.env["crm.client.duplicate"].search(
                [("state", "=", "open"), ("score", ">=", job.min_score)], order="score desc, id"
            )
            if not groups:
                raise UserError(self.env._("No open group scores %s or more.", job.min_score))
            job.write({"group_ids": [fields.Command.set(groups.ids)], "total": len(groups), "state": "running"})
        self.env.ref("crm_client_base_dedup.ir_cron_merge_jobs")._trigger()

    @api.model
    def _cron_run_jobs(self, batch=50):
        """Merge the groups of running jobs, a batch at a time, committing after each batch."""
        for job in self.search([("state", "=", "running")], order="id"):
            skipped = job._skipped_ids()
            pending = job.group_ids.filtered(lambda g, skipped=skipped: g.state == "open" and g.id not in skipped)
            cron_progress(self.env, 0, remaining=len(pending))
            for start in range(0, len(pending), batch):
                chunk = pending[start : start + batch]
                logs, failures = chunk.action_merge_default()
                job.done_count += len(logs)
                if failures:
                    job.failed_count += len(failures)
                    job.log = (job.log or "") + "".join(
                        f"[{failed['duplicate'].id}] {failed['duplicate'].name}: {message}\n"
                        for failed, message in failures
                    )
                if not cron_progress(self.env, len(chunk), remaining=len(pending) - start - len(chunk)):
                    return
            job.state = "done"
            cron_progress(self.env, 0)

    def _skipped_ids(self):
        """Groups a previous run of this job could not merge (listed in its log)."""
        return {int(line[1 : line.index("]")]) for line in (self.log or "").splitlines() if line.startswith("[")}
