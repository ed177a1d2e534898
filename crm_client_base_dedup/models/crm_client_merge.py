# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The merge of duplicate clients, one owner for it: groups of cards merged each into its
survivor with nothing lost, by the review queue, the merge wizard, bulk merge jobs and imports.

Each group goes through Odoo's own merge steps (``base.partner.merge.automatic.wizard``: bank
accounts, foreign keys, reference fields, values), which this addon's override of the wizard
makes set-based when called with the ``crm_client_merge`` context, as here; around them, the
steps of our own: the pre-check refusing a merge that would delete a linked record, followers
and dismissed pairs merged without loss, the client value computed again, a merge log with a
snapshot of every merged card, Odoo's record of each merge (its log line, mail's note on the
survivor) posted in one batch, and the deletion once for all groups."""

import logging
from collections import defaultdict

import psycopg2
from markupsafe import escape

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, mute_logger

from odoo.addons.crm_client_base.tools.properties import empty_value

from ..tools import merge_record, merge_sql
from .res_partner import DEDUP_COLUMNS

_logger = logging.getLogger(__name__)

# Tables whose clashing rows are merged without loss before Odoo's merge runs: followers (the
# subtypes are joined), bank accounts (Odoo's own _merge_bank_accounts), dismissed pairs, and the
# client value (figures computed again from the invoices, which move to the survivor).
MERGED_WITHOUT_LOSS = (
    "mail_followers",
    "res_partner_bank",
    "crm_client_duplicate_dismissal",
    "crm_client_value",
)


class CrmClientMerge(models.AbstractModel):
    _name = "crm.client.merge"
    _description = "Client merge"

    @api.model
    def _default_survivor(self, partners):
        """The card to keep: the most complete, then the oldest."""
        completeness = "client_completeness" in partners._fields
        return partners.sorted(lambda p: (-(p.client_completeness if completeness else 0), p.id))[:1]

    @api.model
    def _rows(self, partners):
        """Every column of ``partners``' rows as it is: {id: JSON object}, one query."""
        return dict(
            self.env.execute_query(SQL("SELECT id, to_jsonb(p) FROM res_partner p WHERE id = ANY(%s)", partners.ids))
        )

    @api.model
    def _snapshot(self, rows):
        """What the merge log shows of merged cards' rows: all but the match keys."""
        return {
            pid: {key: value for key, value in row.items() if key not in DEDUP_COLUMNS} for pid, row in rows.items()
        }

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
        does once per merge, the deletion of the merged partners, is done once for all the
        groups. Returns (merge logs, [(job, error message)]).
        """
        # The survivors' completeness once for the batch, after the merges (not once per merge).
        with self.env["res.partner"]._client_completeness_deferred():
            return self._merge_groups_now(jobs)

    @api.model
    def _merge_groups_now(self, jobs):
        Wizard = self.env["base.partner.merge.automatic.wizard"].with_context(crm_client_merge=True)
        Partner = self.env["res.partner"]
        Duplicate = self.env["crm.client.duplicate"]
        # What is pending before the merges is done with first, as a flushing savepoint would
        # (tracking of earlier writes, or its discarding for records created untracked).
        self.env.cr.flush()
        all_sources = Partner.union(*(job["partners"] - job["survivor"] for job in jobs))
        holding = Wizard._relations_holding_by_record("res_partner", all_sources.ids)
        rows = self._rows(all_sources)
        snapshots = self._snapshot(rows)
        done, failures = [], []
        for job in jobs:
            partners, survivor = job["partners"].exists(), job["survivor"]
            sources = partners - survivor
            moved = defaultdict(int)
            for pid in sources.ids:
                for relation, count in holding.get(pid, {}).items():
                    moved[relation] += count
            try:
                # Not a flushing savepoint: the survivors' tracking is logged once for the batch
                # (at the end), not at each group's savepoint; a group's pending ORM changes are
                # flushed inside it, or forgotten with it.
                with self.env.cr.savepoint(flush=False), merge_record.recording(self.env.cr) as record:
                    current = self._rows(partners)
                    before = current[survivor.id]
                    steps = Wizard._with_known_relations("res_partner", moved)._with_filled_columns(current)
                    self._merge_one(steps, partners, survivor)
                    values = dict(job.get("values") or {})
                    if values.get("client_properties"):
                        # Chosen per property: the others as the merge filled them.
                        values["client_properties"] = {
                            **survivor._client_property_values(),
                            **values["client_properties"],
                        }
                    if values:
                        survivor.write(values)
                    self.env.flush_all()
                    record.partners = [rows[pid] for pid in sources.ids]
                    record.survivor_id = survivor.id
                    record.survivor = merge_record.diff_columns(before, self._rows(survivor)[survivor.id])
            except (UserError, ValidationError) as error:
                self.env["res.partner"]._client_forget_pending()
                failures.append((job, error.args[0]))
                continue
            done.append((job, sources, dict(moved), record))
        # The survivors' tracking messages, all at once (the precommit a savepoint runs).
        self.env.cr.flush()
        if not done:
            return self.env["crm.client.merge.log"], failures
        # The survivors read together, the merged cards from their rows: not a query per card.
        Partner.union(*(job["survivor"] for job, *_rest in done)).fetch(["name", "company_id"])
        logs = (
            self.env["crm.client.merge.log"]
            .sudo()
            .create(
                [
                    {
                        "survivor_id": job["survivor"].id,
                        "survivor_name": job["survivor"].name,
                        "merged_ids": ",".join(str(pid) for pid in sources.ids),
                        "merged_names": "\n".join(f"#{pid} {rows[pid]['name'] or ''}" for pid in sources.ids),
                        "snapshot": [snapshots[pid] for pid in sources.ids if pid in snapshots],
                        "moved": {f"{table}.{column}": count for (table, column), count in moved.items()},
                        "moved_count": sum(moved.values()),
                        "chosen_values": {key: _jsonable(value) for key, value in (job.get("values") or {}).items()},
                        "duplicate_id": job["duplicate"].id if job.get("duplicate") else False,
                        "company_id": job["survivor"].company_id.id,
                        "undo_data": record.to_json(),
                    }
                    for job, sources, moved, record in done
                ]
            )
        )
        merged = Partner.union(*(sources for _job, sources, _moved, _record in done))
        self._log_merges([(job["survivor"], sources) for job, sources, _moved, _record in done], rows)
        for log, (job, sources, _moved, _record) in zip(logs, done, strict=True):
            groups = job.get("duplicate") or Duplicate
            groups |= Duplicate.search([("state", "=", "open"), ("partner_ids", "in", sources.ids)])
            groups.write({"state": "merged", "survivor_id": job["survivor"].id, "merge_log_id": log.id})
        merged.sudo().unlink()
        return logs, failures

    @api.model
    def _log_merges(self, merges, rows):
        """Odoo's record of each merge of ``merges`` ([(survivor, sources)]): the server log line
        of base's ``_log_merge_operation`` and the note mail's override posts on the survivor,
        in the same words, the notes logged in one batch (mail posts them one by one).
        ``rows``: the merged cards' rows as they were (their names and emails)."""
        bodies = {}
        for survivor, sources in merges:
            _logger.info("(uid = %s) merged the partners %r with %s", self.env.uid, sources.ids, survivor.id)
            cards = ", ".join(
                self.env._(
                    "%(partner)s <%(email)s> (ID %(id)s)",
                    partner=rows[pid]["name"],
                    email=rows[pid]["email"] or "n/a",
                    id=pid,
                )
                for pid in sources.ids
            )
            bodies[survivor.id] = escape(self.env._("Merged with the following partners: %s", cards))
        self.env["res.partner"].browse(list(bodies))._message_log_batch(bodies)

    @api.model
    def _merge_one(self, Wizard, partners, survivor):
        """Odoo's _merge for one group (its checks and steps, in its order), without its limit
        of three partners, the email check (the user chose the values) and the per-merge log
        and deletion (done by _merge_groups)."""
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
        self._check_merge_conflicts(Wizard, sources, survivor)
        self._merge_followers(sources, survivor)
        self._merge_dismissals(sources, survivor)
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
        self._merge_card_properties(sources, survivor)
        self.env.add_to_compute(survivor._fields["partner_share"], survivor)
        self.env["crm.client.value"]._refresh(survivor.ids)

    @api.model
    def _merge_card_properties(self, sources, survivor):
        """The survivor's card properties left empty take the value of a merged card of the same
        client type (the last one filled, as Odoo's merge does for fields): Odoo's merge leaves
        properties out."""
        if "client_properties" not in survivor._fields or not survivor.client_card_id.properties_definition:
            return
        kept = survivor._client_property_values()
        merged = dict(kept)
        for source in sources.filtered(lambda partner: partner.client_card_id == survivor.client_card_id):
            for name, value in source._client_property_values().items():
                if name in kept and not empty_value(value) and empty_value(kept[name]):
                    merged[name] = value
        if merged != kept:
            survivor.client_properties = merged

    @api.model
    def _merge_conflicts(self, Wizard, src_partners, dst_partner):
        """What Odoo would delete to merge ``src_partners`` into ``dst_partner``: the referencing
        rows whose move breaks a unique or check constraint, as a list of (table, column, rows).
        Nothing is changed: each move is tried in a savepoint that is rolled back."""
        conflicts = []
        used = Wizard._known_relations("res_partner")
        if used is None:
            used = Wizard._relations_holding("res_partner", src_partners.ids)
        self.env.flush_all()
        for (table, column), count in used.items():
            if table in MERGED_WITHOUT_LOSS:
                continue
            if not (Wizard._has_check_or_unique_constraint(table, column) or Wizard._has_unique_index(table, column)):
                continue
            try:
                with mute_logger("odoo.sql_db"), self.env.cr.savepoint(flush=False) as savepoint:
                    self.env.execute_query(
                        SQL(
                            "UPDATE %s SET %s = %s WHERE %s = ANY(%s)",
                            SQL.identifier(table),
                            SQL.identifier(column),
                            dst_partner.id,
                            SQL.identifier(column),
                            src_partners.ids,
                        )
                    )
                    savepoint.rollback()
            except psycopg2.Error:
                conflicts.append((table, column, count))
        return conflicts

    @api.model
    def _merge_followers(self, src_partners, dst_partner):
        """A document both partners follow: the survivor's follower gets the source's subtypes
        too, and the source's now redundant follower row goes (Odoo would drop it blindly)."""
        added = self.env.execute_query(
            SQL(
                """
                INSERT INTO mail_followers_mail_message_subtype_rel (mail_followers_id, mail_message_subtype_id)
                SELECT DISTINCT dst.id, rel.mail_message_subtype_id
                  FROM mail_followers src
                  JOIN mail_followers dst ON dst.res_model = src.res_model AND dst.res_id = src.res_id
                                         AND dst.partner_id = %(dst)s
                  JOIN mail_followers_mail_message_subtype_rel rel ON rel.mail_followers_id = src.id
                 WHERE src.partner_id = ANY(%(src)s)
                ON CONFLICT DO NOTHING
             RETURNING mail_followers_id, mail_message_subtype_id
                """,
                dst=dst_partner.id,
                src=src_partners.ids,
            )
        )
        gone = self.env.execute_query(
            merge_sql.delete_followers(
                SQL(
                    """src.partner_id = ANY(%(src)s) AND dst.partner_id = %(dst)s
                       AND dst.res_model = src.res_model AND dst.res_id = src.res_id""",
                    dst=dst_partner.id,
                    src=src_partners.ids,
                )
            )
        )
        if (record := merge_record.current(self.env.cr)) is not None:
            record.subtypes.extend([list(pair) for pair in added])
            record.removed("mail_followers", [row[0] for row in gone])
        self.env["mail.followers"].invalidate_model()

    @api.model
    def _merge_dismissals(self, src_partners, dst_partner):
        """Pairs dismissed with a source become pairs dismissed with the survivor."""
        self.env.flush_all()
        added = self.env.execute_query(
            SQL(
                """
                INSERT INTO crm_client_duplicate_dismissal
                       (partner_a_id, partner_b_id, create_uid, write_uid, create_date, write_date)
                SELECT DISTINCT LEAST(other, %(dst)s), GREATEST(other, %(dst)s), %(uid)s, %(uid)s,
                       now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
                  FROM (SELECT CASE WHEN partner_a_id = ANY(%(src)s) THEN partner_b_id ELSE partner_a_id END
                               AS other
                          FROM crm_client_duplicate_dismissal
                         WHERE partner_a_id = ANY(%(src)s) OR partner_b_id = ANY(%(src)s)) AS pairs
                 WHERE other != %(dst)s AND other != ALL(%(src)s)
                ON CONFLICT DO NOTHING
             RETURNING id
                """,
                dst=dst_partner.id,
                src=src_partners.ids,
                uid=self.env.uid,
            )
        )
        gone = self.env.execute_query(
            merge_sql.delete_returning(
                "crm_client_duplicate_dismissal",
                SQL("partner_a_id = ANY(%(src)s) OR partner_b_id = ANY(%(src)s)", src=src_partners.ids),
            )
        )
        if (record := merge_record.current(self.env.cr)) is not None:
            record.added("crm_client_duplicate_dismissal", [row[0] for row in added])
            record.removed("crm_client_duplicate_dismissal", [row[0] for row in gone])
        self.env["crm.client.duplicate.dismissal"].invalidate_model()

    @api.model
    def _conflict_lines(self, conflicts):
        """The pre-check's findings as lines a user reads: "table.column: N rows"."""
        return "\n".join(
            self.env._("%(table)s.%(column)s: %(count)s rows", table=table, column=column, count=count)
            for table, column, count in conflicts
        )

    @api.model
    def _check_merge_conflicts(self, Wizard, src_partners, dst_partner):
        conflicts = self._merge_conflicts(Wizard, src_partners, dst_partner)
        if conflicts:
            raise UserError(
                self.env._(
                    "These clients cannot be merged without deleting linked records that would clash "
                    "with the survivor's. Nothing was changed. Resolve them first:\n%s",
                    self._conflict_lines(conflicts),
                )
            )


def _jsonable(value):
    if isinstance(value, tuple):
        return value[0] if value else False
    if isinstance(value, list | dict | str | int | float | bool) or value is None:
        return value
    return str(value)
