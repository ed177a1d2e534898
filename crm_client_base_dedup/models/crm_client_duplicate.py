# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import logging
from itertools import combinations

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.crm_client_base.tools.cron import cron_progress

from ..tools import matching

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
    # What the queue filters and groups by: the reasons' codes, and the strongest of them.
    reason_codes = fields.Char(compute="_compute_reason_index", store=True)
    main_reason = fields.Selection(
        [
            ("vat", "Same INN"),
            ("ref", "Same client number"),
            ("phone", "Same phone"),
            ("email", "Same email"),
            ("address", "Similar name, same address"),
            ("name_city", "Same name and city only"),
        ],
        compute="_compute_reason_index",
        store=True,
        string="Main reason",
    )
    likely = fields.Boolean(
        compute="_compute_reason_index",
        store=True,
        string="Likely duplicate",
        help="Scored high enough to be claimed one client. The others share a name and a city only: "
        "look before merging; bulk merges leave them out.",
    )
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

    @api.depends("reason_data", "score")
    def _compute_reason_index(self):
        for group in self:
            codes = [code for code, _value in group.reason_data or []]
            group.reason_codes = " ".join(dict.fromkeys(codes)) or False
            group.main_reason = next(
                (
                    reason
                    for reason, code in (
                        ("vat", "same_vat"),
                        ("ref", "same_ref"),
                        ("phone", "same_phone"),
                        ("email", "same_email"),
                        ("address", "same_street"),
                        ("address", "same_website"),
                        ("address", "same_zip"),
                        ("address", "same_birthday"),
                        ("name_city", "same_city"),
                    )
                    if code in codes
                ),
                False,
            )
            group.likely = group.score >= matching.LIKELY

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
                    "score": matching.group_score(members, accepted),
                    "reason_data": matching.distinct_reasons(reasons),
                }
            )
        return groups

    @api.model
    def _store_groups(self, groups, full):
        """Create the new groups; keep open groups found again (with their score of now); on a
        full scan, drop open groups no longer found. An incremental group overlapping an open
        one extends it."""
        Partner = self.env["res.partner"]
        domain = [("state", "=", "open")]
        if not full:
            # Only the open groups these partners are in: not every open group of the base.
            domain.append(("partner_ids", "in", list({pid for values in groups for pid in values["ids"]})))
        open_groups = self.search(domain)
        by_members = {tuple(sorted(group.partner_ids.ids)): group for group in open_groups}
        by_partner = {pid: group for group in open_groups for pid in group.partner_ids.ids}
        # Ids gathered, one recordset made at the end: a union per group is quadratic.
        kept = []
        # The first cards' companies read together (PREFETCH_MAX at a time), not one per group.
        firsts = Partner.browse([values["ids"][0] for values in groups])
        company_of = {first.id: first.company_id.id for first in firsts}
        to_create, rescored = [], {}
        for values in groups:
            key = tuple(values["ids"])
            if key in by_members:
                found = by_members[key]
                if found.score != values["score"]:
                    # Scored by rules since improved: the group is as sure as they say now.
                    rescored.setdefault(values["score"], []).append(found.id)
                kept.append(found.id)
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
                kept.append(target.id)
                continue
            to_create.append(
                {
                    "partner_ids": [fields.Command.set(list(key))],
                    "score": values["score"],
                    "reason_data": values["reason_data"],
                    "company_id": company_of[key[0]],
                }
            )
        for score, ids in rescored.items():
            self.browse(ids).write({"score": score})
        kept = self.browse(kept)
        if full:
            (open_groups - kept).unlink()
        return kept | self.create(to_create)

    @api.model
    def scan(self):
        """Scan all active partners synchronously and return the open candidate groups.

        Candidates come from blocks (phones, email, tax id, name key, sorted name
        neighbourhoods, addresses); open groups found again are kept (their score as the rules
        say now), open groups not found again are removed, and pairs once dismissed are never
        proposed again.
        """
        if not (self.env.su or self.env.user.has_group("sales_team.group_sale_manager")):
            raise UserError(self.env._("Only sales managers run a full duplicate scan."))
        finder = self.env["crm.client.duplicate.finder"]
        finder._check_trigram_locale()
        self.env.flush_all()
        started = fields.Datetime.now()
        accepted, identities, count = finder._score_scan()
        self._store_groups(self._groups_from(accepted, identities), full=True)
        self.env["ir.config_parameter"].sudo().set_param(LAST_SCAN_PARAM, fields.Datetime.to_string(started))
        _logger.info("Duplicate scan: %d candidate pairs, %d accepted", count, len(accepted))
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
        pairs = finder._changed_candidates(partners)
        profiles = finder._profiles(SQL("id = ANY(%s)", list({pid for pair in pairs for pid in pair})))
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

    def action_merge_default(self):
        """Merge each likely group into its default survivor, keeping the survivor's values;
        groups for review only (see ``likely``) are left to a person."""
        Merge = self.env["crm.client.merge"]
        jobs = []
        for group in self.filtered(lambda g: g.state == "open" and g.likely):
            partners = group.partner_ids.exists()
            jobs.append({"partners": partners, "survivor": Merge._default_survivor(partners), "duplicate": group})
        return Merge._merge_groups(jobs)
