# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Undoing a merge, from what the merge recorded (tools/merge_record.py): the merged cards come
back with their ids and values, and exactly the records that moved go back to them; what was
added to the survivor since stays on it."""

from collections import defaultdict

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, mute_logger

from ..tools import merge_sql

# Rows deleted by a merge are put back in this order: what others refer to first.
RESTORE_ORDER = ("res_partner_bank",)


class CrmClientMerge(models.AbstractModel):
    _inherit = "crm.client.merge"

    @api.model
    def _undo_merge(self, log):
        """Undo the merge of ``log``, or raise UserError changing nothing: past its undo period,
        when a record that moved has been deleted since, when the survivor is gone, or when
        putting something back clashes with what was added since (a unique constraint)."""
        log.check_access("read")
        if log.state != "done":
            raise UserError(self.env._("This merge has been undone already."))
        if not log.can_undo:
            raise UserError(
                self.env._(
                    "This merge is final: merges can be undone for %s days.",
                    (log.company_id or self.env.company).client_merge_undo_days,
                )
            )
        data = log.sudo().undo_data
        if not data:
            raise UserError(self.env._("This merge kept nothing to undo it with: it is final."))
        if data["unrecorded"]:
            raise UserError(
                self.env._(
                    "This merge moved records it could not record (%s): it cannot be undone.",
                    ", ".join(data["unrecorded"]),
                )
            )
        survivor = self.env["res.partner"].browse(data["survivor_id"])
        if not survivor.exists() or survivor != log.survivor_id:
            raise UserError(self._gone_survivor_message(log, survivor.id))
        survivor.check_access("write")
        ids = [row["id"] for row in data["partners"]]
        if self.env["res.partner"].with_context(active_test=False).search_count([("id", "in", ids)]):
            raise UserError(self.env._("The merged cards exist again: nothing to undo."))
        self.env.flush_all()
        try:
            with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                left = self._restore(data, survivor)
        except psycopg2.IntegrityError as error:
            table = getattr(error.diag, "table_name", None) or "?"
            raise UserError(
                self.env._(
                    "This merge cannot be undone: putting the records back clashes with what was "
                    "recorded since (%(table)s: %(detail)s). Nothing was changed.",
                    table=table,
                    detail=error.diag.message_detail or error.diag.message_primary,
                )
            ) from error
        self.env.invalidate_all()
        restored = self.env["res.partner"].browse(ids)
        self._after_undo(log, survivor, restored, left)
        return restored

    @api.model
    def _gone_survivor_message(self, log, survivor_id):
        later = (
            self.env["crm.client.merge.log"]
            .sudo()
            .search([("state", "=", "done"), ("id", ">", log.id)], order="id")
            .filtered(lambda other: str(survivor_id) in (other.merged_ids or "").split(","))
        )
        if later:
            return self.env._(
                "The kept card was merged into %(card)s since: undo that merge first.",
                card=later[:1].survivor_name,
            )
        return self.env._("The kept card has been deleted since: this merge cannot be undone.")

    @api.model
    def _restore(self, data, survivor):
        """Put the recorded rows back; return how many moved records were left where they are
        because they had been linked elsewhere since. Raises UserError (after its statements,
        in the caller's savepoint) when moved records were deleted since."""
        execute = self.env.execute_query
        execute(merge_sql.insert_rows("res_partner", data["partners"]))
        deleted = data["deleted"]
        for table in sorted(deleted, key=lambda name: (name not in RESTORE_ORDER, name)):
            rows = deleted[table]
            if table == "mail_followers":
                subtypes = [(row["id"], subtype) for row in rows for subtype in row.get("subtype_ids") or ()]
                execute(merge_sql.insert_rows(table, [_without(row, "subtype_ids") for row in rows]))
                if subtypes:
                    execute(
                        SQL(
                            "INSERT INTO mail_followers_mail_message_subtype_rel"
                            " SELECT unnest(%s::int[]), unnest(%s::int[])",
                            [pair[0] for pair in subtypes],
                            [pair[1] for pair in subtypes],
                        )
                    )
            else:
                execute(merge_sql.insert_rows(table, rows))
        gone, left = defaultdict(int), 0
        restored = {row["id"] for row in data["partners"]}
        for key, (ids, olds, news) in data["rows"].items():
            table, column = key.split(".", 1)
            if table == "res_partner":
                # The merged cards' own rows (their commercial partner) are back as they were.
                kept = [index for index, row_id in enumerate(ids) if row_id not in restored]
                ids, olds, news = ([values[i] for i in kept] for values in (ids, olds, news))
            if not ids:
                continue
            back = {row[0] for row in execute(merge_sql.move_back(table, column, ids, olds, news))}
            missing = [row_id for row_id in ids if row_id not in back]
            if missing:
                still = {row[0] for row in execute(merge_sql.existing_ids(table, missing))}
                if len(missing) > len(still):
                    gone[table] += len(missing) - len(still)
                left += len(still)
        if gone:
            raise UserError(
                self.env._(
                    "This merge cannot be undone: records it moved have been deleted since (%s). Nothing was changed.",
                    ", ".join(f"{table}: {count}" for table, count in sorted(gone.items())),
                )
            )
        for key, links in data["links"].items():
            table, column, other = key.split(".")
            self._restore_links(table, column, other, links, survivor.id)
        for table, ids in data["inserted"].items():
            execute(SQL("DELETE FROM %s WHERE id = ANY(%s)", SQL.identifier(table), ids))
        if data["subtypes"]:
            execute(
                SQL(
                    """
                    DELETE FROM mail_followers_mail_message_subtype_rel r
                     USING (SELECT unnest(%s::int[]) AS f, unnest(%s::int[]) AS s) v
                     WHERE r.mail_followers_id = v.f AND r.mail_message_subtype_id = v.s
                    """,
                    [pair[0] for pair in data["subtypes"]],
                    [pair[1] for pair in data["subtypes"]],
                )
            )
        for key, (ids, olds) in data["values"].items():
            table, column = key.split(".", 1)
            execute(
                SQL(
                    """
                    UPDATE %(table)s AS t SET %(column)s = v.old
                      FROM (SELECT unnest(%(ids)s::int[]) AS id, unnest(%(olds)s::jsonb[]) AS old) v
                     WHERE t.id = v.id
                    """,
                    table=SQL.identifier(table),
                    column=SQL.identifier(column),
                    ids=ids,
                    olds=[merge_sql.json.dumps(old) for old in olds],
                )
            )
        self._restore_survivor(data["survivor"], survivor)
        return left

    @api.model
    def _restore_links(self, table, column, other, links, survivor_id):
        """Many2many links: those that moved to the survivor go back if it still has them; those
        that went with the source come back to it."""
        moved = [(source, linked) for source, linked, was_moved in links if was_moved]
        kept = [(source, linked) for source, linked, was_moved in links if not was_moved]
        names = {"table": SQL.identifier(table), "column": SQL.identifier(column), "other": SQL.identifier(other)}
        if moved:
            self.env.execute_query(
                SQL(
                    """
                    UPDATE %(table)s AS t SET %(column)s = v.source
                      FROM (SELECT unnest(%(sources)s::int[]) AS source, unnest(%(linked)s::int[]) AS linked) v
                     WHERE t.%(column)s = %(survivor)s AND t.%(other)s = v.linked
                    """,
                    sources=[pair[0] for pair in moved],
                    linked=[pair[1] for pair in moved],
                    survivor=survivor_id,
                    **names,
                )
            )
        if kept:
            self.env.execute_query(
                SQL(
                    """
                    INSERT INTO %(table)s (%(column)s, %(other)s)
                    SELECT v.source, v.linked
                      FROM (SELECT unnest(%(sources)s::int[]) AS source, unnest(%(linked)s::int[]) AS linked) v
                     WHERE NOT EXISTS (SELECT 1 FROM %(table)s t
                                        WHERE t.%(column)s = v.source AND t.%(other)s = v.linked)
                    """,
                    sources=[pair[0] for pair in kept],
                    linked=[pair[1] for pair in kept],
                    **names,
                )
            )

    @api.model
    def _restore_survivor(self, changes, survivor):
        """The survivor's columns the merge changed get their value back, unless changed since."""
        if not changes:
            return
        current = self.env.execute_query(SQL("SELECT to_jsonb(p) FROM res_partner p WHERE id = %s", survivor.id))[0][0]
        back = {column: before for column, (before, after) in changes.items() if current.get(column) == after}
        if not back:
            return
        self.env.execute_query(
            SQL(
                "UPDATE res_partner p SET (%(columns)s) ="
                " (SELECT %(values)s FROM jsonb_populate_record(NULL::res_partner, %(row)s) r) WHERE p.id = %(id)s",
                columns=SQL(", ").join(SQL.identifier(column) for column in back),
                values=SQL(", ").join(SQL("r.%s", SQL.identifier(column)) for column in back),
                row=merge_sql.json.dumps(back),
                id=survivor.id,
            )
        )

    @api.model
    def _after_undo(self, log, survivor, restored, left):
        """What follows the rows put back: computed values, the client figures, the group back
        in the queue, the log and a note on each card."""
        partners = survivor | restored
        family = partners | partners.child_ids
        family.modified(["parent_id", "name", "is_company", "user_id"])
        self.env.add_to_compute(survivor._fields["partner_share"], partners)
        self.env.flush_all()
        self.env["crm.client.value"]._refresh(partners.ids)
        partners._client_compute_completeness()
        if log.duplicate_id and log.duplicate_id.merge_log_id == log:
            log.duplicate_id.sudo().write({"state": "open", "survivor_id": False, "merge_log_id": False})
        moved = sum(len(ids) for ids, _olds, _news in log.sudo().undo_data["rows"].values())
        note = self.env._("%s linked records moved back.", moved - left)
        if left:
            note += " " + self.env._(
                "%s records linked to another card since the merge were left where they are.", left
            )
        log.sudo().write(
            {"state": "undone", "undone_uid": self.env.uid, "undone_date": fields.Datetime.now(), "undo_note": note}
        )
        names = ", ".join(restored.mapped("display_name"))
        survivor.message_post(body=self.env._("Merge undone: %(cards)s restored. %(note)s", cards=names, note=note))
        for partner in restored:
            partner.message_post(body=self.env._("Restored by undoing its merge into %s.", survivor.display_name))


def _without(row, key):
    return {name: value for name, value in row.items() if name != key}
