# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import logging
from collections import defaultdict
from itertools import combinations

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.crm_client_base.tools.cron import cron_progress

from ..tools import matching
from .crm_client_duplicate_finder import DEDUP_COLUMNS

_logger = logging.getLogger(__name__)

LAST_SCAN_PARAM = "crm_client_base_dedup.last_scan"
# Our keys, left out of the snapshot of merged partners (computed from the rest).


class CrmClientDuplicate(models.Model):
    """One candidate group of partners that may be the same client."""

    _name = "crm.client.duplicate"
    _inherit = ["crm.client.visibility.mixin"]
    _client_visibility_fields = ("partner_ids", "survivor_id")
    _description = "Client duplicate candidate"
    _order = "score desc, id desc"

    name = fields.Char(compute="_compute_name")
    partner_ids = fields.Many2many("res.partner", string="Clients", required=True)
    partner_count = fields.Integer(compute="_compute_name", string="Clients in group")
    score = fields.Integer(help="0 to 100: how sure the detection is that these are one client.", index=True)
    reason_data = fields.Json(help="Why the partners look alike: [code, value] pairs.")
    reasons = fields.Text(compute="_compute_reasons", help="Why the partners look alike, in your language.")
    state = fields.Selection(
        [("open", "Open"), ("merged", "Merged"), ("dismissed", "Dismissed")],
        default="open",
        required=True,
        index=True,
    )
    company_id = fields.Many2one("res.company", index=True)
    survivor_id = fields.Many2one("res.partner", string="Merged into", readonly=True, ondelete="set null")
    merge_log_id = fields.Many2one("crm.client.merge.log", readonly=True, ondelete="set null")

    @api.depends("reason_data")
    def _compute_reasons(self):
        for group in self:
            group.reasons = self.env["crm.client.duplicate.finder"]._reason_text(group.reason_data or [])

    @api.depends("partner_ids")
    def _compute_name(self):
        for group in self:
            group.name = " / ".join(group.partner_ids.mapped("display_name")[:3])
            group.partner_count = len(group.partner_ids)

    # -- detection -----------------------------------------------------------------------------

    @api.model
    def _groups_from(self, accepted, by_id, dismissed=None):
        """Group values (partner ids, score, reasons) from accepted pairs."""
        groups = []
        for members in matching.group_pairs(accepted, by_id):
            edges = [accepted[pair] for pair in combinations(sorted(members), 2) if pair in accepted]
            reasons = [reason for _score, pair_reasons in edges for reason in pair_reasons]
            groups.append(
                {
                    "ids": sorted(members),
                    "score": min(score for score, _reasons in edges),
                    "reason_data": matching.distinct_reasons(reasons),
                }
            )
        return groups

    @api.model
    def _store_groups(self, groups, full):
        """Create the new groups; keep open groups found again; on a full scan, drop open groups
        no longer found. An incremental group overlapping an open one extends it."""
        Partner = self.env["res.partner"]
        open_groups = self.search([("state", "=", "open")])
        by_members = {tuple(sorted(group.partner_ids.ids)): group for group in open_groups}
        by_partner = {pid: group for group in open_groups for pid in group.partner_ids.ids}
        kept = self.browse()
        to_create = []
        for values in groups:
            key = tuple(values["ids"])
            if key in by_members:
                kept |= by_members[key]
                continue
            overlapping = self.browse({by_partner[pid].id for pid in key if pid in by_partner})
            if not full and overlapping:
                target = overlapping[0]
                target.write(
                    {
                        "partner_ids": [fields.Command.link(pid) for pid in key],
                        "score": min(target.score, values["score"]),
                        "reason_data": values["reason_data"],
                    }
                )
                kept |= target
                continue
            to_create.append(
                {
                    "partner_ids": [fields.Command.set(list(key))],
                    "score": values["score"],
                    "reason_data": values["reason_data"],
                    "company_id": Partner.browse(key[0]).company_id.id,
                }
            )
        if full:
            (open_groups - kept).unlink()
        return kept | self.create(to_create)

    @api.model
    def scan(self):
        """Scan all active partners synchronously and return the open candidate groups.

        Candidates come from blocks (phones, email, tax id, name key, sorted name
        neighbourhoods); open groups found again are kept as they are, open groups not found
        again are removed, and pairs once dismissed are never proposed again.
        """
        if not (self.env.su or self.env.user.has_group("sales_team.group_sale_manager")):
            raise UserError(self.env._("Only sales managers run a full duplicate scan."))
        finder = self.env["crm.client.duplicate.finder"]
        finder._check_trigram_locale()
        self.env.flush_all()
        started = fields.Datetime.now()
        profiles = finder._profiles(SQL("TRUE"))
        accepted, by_id = finder._score_pairs(profiles, matching.candidate_pairs(profiles))
        self._store_groups(self._groups_from(accepted, by_id), full=True)
        self.env["ir.config_parameter"].sudo().set_param(LAST_SCAN_PARAM, fields.Datetime.to_string(started))
        _logger.info("Duplicate scan: %d partners, %d pairs accepted", len(profiles), len(accepted))
        return self.search([("state", "=", "open")])

    @api.model
    def scan_partners(self, partners):
        """Look for duplicates of ``partners`` only (new or changed ones) and return the open
        groups they are in; overlapping open groups are extended rather than repeated."""
        finder = self.env["crm.client.duplicate.finder"]
        finder._check_trigram_locale()
        self.env.flush_all()
        partners = partners.filtered("active")
        if not partners:
            return self.browse()
        candidates = finder._candidate_ids(partners)
        profiles = finder._profiles(SQL("id = ANY(%s)", list(candidates | set(partners.ids))))
        changed = set(partners.ids)
        pairs = {pair for pair in matching.candidate_pairs(profiles) if pair[0] in changed or pair[1] in changed}
        accepted, by_id = finder._score_pairs(profiles, pairs)
        self._store_groups(self._groups_from(accepted, by_id), full=False)
        return self.search([("state", "=", "open"), ("partner_ids", "in", partners.ids)])

    @api.model
    def _cron_scan_changed(self):
        """Incremental scan: the partners created or changed since the last scan."""
        param = self.env["ir.config_parameter"].sudo()
        since = param.get_param(LAST_SCAN_PARAM)
        started = fields.Datetime.now()
        domain = [("active", "=", True)]
        if since:
            domain.append(("write_date", ">=", since))
        partners = self.env["res.partner"].search(domain, order="id")
        for start in range(0, len(partners), 2000):
            batch = partners[start : start + 2000]
            self.scan_partners(batch)
            if not cron_progress(self.env, len(batch), remaining=len(partners) - start - len(batch)):
                return
        param.set_param(LAST_SCAN_PARAM, fields.Datetime.to_string(started))

    @api.model
    def action_scan(self):
        self.scan()
        return {"type": "ir.actions.client", "tag": "reload"}

    # -- review ---------------------------------------------------------------------------------

    def action_dismiss(self):
        """Mark the groups as not duplicates: none of their pairs will be proposed again."""
        # The groups' clients must all be the user's to change (crm.client.visibility.mixin):
        # the pairs are then stored as superuser, dismissals being no one's in particular.
        self.check_access("write")
        Dismissal = self.env["crm.client.duplicate.dismissal"].sudo()
        known = self.env["crm.client.duplicate.finder"]._dismissed_pairs(self.partner_ids.ids)
        values = []
        for group in self:
            for pair in combinations(sorted(group.partner_ids.ids), 2):
                if pair not in known:
                    known.add(pair)
                    values.append({"partner_a_id": pair[0], "partner_b_id": pair[1]})
        Dismissal.create(values)
        self.write({"state": "dismissed"})

    def action_open_merge(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Merge clients"),
            "res_model": "crm.client.merge.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_duplicate_id": self.id},
        }

    def action_open_compare(self):
        """The side-by-side comparison of the group's clients."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Compare clients"),
            "res_model": "res.partner",
            "view_mode": "list",
            "views": [(self.env.ref("crm_client_base_dedup.res_partner_view_list_compare").id, "list")],
            "domain": [("id", "in", self.partner_ids.ids)],
            "context": {"active_test": False},
        }

    # -- merge ----------------------------------------------------------------------------------

    @api.model
    def _default_survivor(self, partners):
        """The card to keep: the most complete, then the oldest."""
        completeness = "client_completeness" in partners._fields
        return partners.sorted(lambda p: (-(p.client_completeness if completeness else 0), p.id))[:1]

    @api.model
    def _snapshot(self, partners):
        """Every stored column of ``partners`` as it is: {id: JSON object}, one query."""
        rows = self.env.execute_query(
            SQL("SELECT id, to_jsonb(p) - %s FROM res_partner p WHERE id = ANY(%s)", DEDUP_COLUMNS, partners.ids)
        )
        return dict(rows)

    @api.model
    def _merge_partners(self, partners, survivor, values=None, duplicate=None):
        """Merge ``partners`` into ``survivor``; raise UserError (changing nothing) when the
        pre-check finds a linked record that would have to be deleted. See _merge_groups."""
        logs, failures = self._merge_groups(
            [{"partners": partners, "survivor": survivor, "values": values, "duplicate": duplicate}]
        )
        if failures:
            raise UserError(failures[0][1])
        return logs

    @api.model
    def _merge_groups(self, jobs):
        """Merge groups of partners, each into its survivor, with the steps of Odoo's merge
        wizard (bank accounts, foreign keys, reference fields, values), after our pre-check.

        ``jobs``: dicts with ``partners``, ``survivor``, optional ``values`` (the surviving value
        chosen per field) and ``duplicate`` (the candidate group). Each group is merged in its
        own savepoint: one that cannot be merged changes nothing and is reported. What Odoo
        does once per merge, the chatter note and the deletion of the merged partners, is done
        once for all the groups. Returns (merge logs, [(job, error message)]).
        """
        Wizard = self.env["base.partner.merge.automatic.wizard"].with_context(crm_client_merge=True)
        Partner = self.env["res.partner"]
        self.env.flush_all()
        all_sources = Partner.union(*(job["partners"] - job["survivor"] for job in jobs))
        holding = Wizard._relations_holding_by_record("res_partner", all_sources.ids)
        snapshots = self._snapshot(all_sources)
        done, failures = [], []
        for job in jobs:
            partners, survivor = job["partners"].exists(), job["survivor"]
            sources = partners - survivor
            moved = defaultdict(int)
            for pid in sources.ids:
                for relation, count in holding.get(pid, {}).items():
                    moved[relation] += count
            try:
                with self.env.cr.savepoint():
                    self._merge_one(Wizard._with_known_relations("res_partner", moved), partners, survivor)
                    if job.get("values"):
                        survivor.write(job["values"])
                    self.env.flush_all()
            except (UserError, ValidationError) as error:
                failures.append((job, error.args[0]))
                continue
            done.append((job, sources, dict(moved)))
        if not done:
            return self.env["crm.client.merge.log"], failures
        # Odoo's chatter note on each survivor, logged without notifying anyone.
        Partner.browse([job["survivor"].id for job, _sources, _moved in done])._message_log_batch(
            {
                job["survivor"].id: self.env._(
                    "Merged with the following partners: %s",
                    ", ".join(f"{p.name} <{p.email or 'n/a'}> (ID {p.id})" for p in sources),
                )
                for job, sources, _moved in done
            }
        )
        logs = (
            self.env["crm.client.merge.log"]
            .sudo()
            .create(
                [
                    {
                        "survivor_id": job["survivor"].id,
                        "survivor_name": job["survivor"].name,
                        "merged_ids": ",".join(str(pid) for pid in sources.ids),
                        "merged_names": "\n".join(f"#{p.id} {p.name}" for p in sources),
                        "snapshot": [snapshots[pid] for pid in sources.ids if pid in snapshots],
                        "moved": {f"{table}.{column}": count for (table, column), count in moved.items()},
                        "moved_count": sum(moved.values()),
                        "chosen_values": {key: _jsonable(value) for key, value in (job.get("values") or {}).items()},
                        "duplicate_id": job["duplicate"].id if job.get("duplicate") else False,
                        "company_id": job["survivor"].company_id.id,
                    }
                    for job, sources, moved in done
                ]
            )
        )
        merged = Partner.union(*(sources for _job, sources, _moved in done))
        for log, (job, sources, _moved) in zip(logs, done, strict=True):
            _logger.info("(uid = %s) merged the partners %r with %s", self.env.uid, sources.ids, job["survivor"].id)
            groups = job.get("duplicate") or self.browse()
            groups |= self.search([("state", "=", "open"), ("partner_ids", "in", sources.ids)])
            groups.write({"state": "merged", "survivor_id": job["survivor"].id, "merge_log_id": log.id})
        merged.sudo().unlink()
        return logs, failures

    @api.model
    def _merge_one(self, Wizard, partners, survivor):
        """Odoo's _merge for one group (its checks and steps, in its order), without its limit
        of three partners, the email check (the user chose the values) and the per-merge note
        and deletion (done for all groups by _merge_groups)."""
        sources = partners - survivor
        if not sources:
            raise UserError(self.env._("Choose at least two different clients to merge."))
        for partner in partners:
            ancestor = partner.parent_id
            while ancestor:
                if ancestor in partners:
                    raise UserError(self.env._("You cannot merge a contact with one of his parent."))
                ancestor = ancestor.parent_id
        if len(partners.with_context(active_test=False).user_ids) > 1:
            raise UserError(
                self.env._("You cannot merge contacts linked to more than one user even if only one is active.")
            )
        Wizard._check_merge_conflicts(sources, survivor)
        Wizard._merge_followers(sources, survivor)
        Wizard._merge_dismissals(sources, survivor)
        if survivor.company_id and partners.user_ids:
            partners.user_ids.sudo().write(
                {"company_ids": [fields.Command.link(survivor.company_id.id)], "company_id": survivor.company_id.id}
            )
        # The client value is computed from the invoices: the sources' figures go, the survivor's
        # are computed again once their invoices are its own.
        self.env.execute_query(SQL("DELETE FROM crm_client_value WHERE partner_id = ANY(%s)", sources.ids))
        Wizard._merge_bank_accounts(sources, survivor)
        Wizard._update_foreign_keys(sources, survivor)
        Wizard._update_reference_fields(sources, survivor)
        Wizard._update_values(sources, survivor)
        self.env.add_to_compute(survivor._fields["partner_share"], survivor)
        self.env["crm.client.value"]._refresh(survivor.ids)

    def action_merge_default(self):
        """Merge each group into its default survivor, keeping the survivor's values."""
        jobs = []
        for group in self.filtered(lambda g: g.state == "open"):
            partners = group.partner_ids.exists()
            jobs.append({"partners": partners, "survivor": self._default_survivor(partners), "duplicate": group})
        return self._merge_groups(jobs)


def _jsonable(value):
    if isinstance(value, tuple):
        return value[0] if value else False
    if isinstance(value, list | dict | str | int | float | bool) or value is None:
        return value
    return str(value)
