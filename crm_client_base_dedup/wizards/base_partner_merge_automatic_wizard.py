# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import logging

import psycopg2

from odoo import api, models, tools
from odoo.exceptions import ValidationError
from odoo.tools import SQL, mute_logger
from odoo.tools.sql import table_columns

from ..tools import catalogue, merge_record, merge_sql

_logger = logging.getLogger(__name__)


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    """Odoo's merge, kept, made faster and safer:

    * the catalogue queries (foreign keys, constraints, columns) are cached per registry;
    * one query tells which referencing columns hold a merged partner, so only those are
      updated instead of probing every column of the database: the query count of a merge no
      longer grows with the database (for Odoo's own wizard too);
    * under the ``crm_client_merge`` context (crm.client.merge._merge_groups, after its
      conflict pre-check), documents and reference fields move in one statement each and only
      the values that change are written;
    * while a merge is recorded (tools/merge_record.py), each statement also returns what it
      moved or deleted, for the merge to be undone: no statement more per row.
    """

    _inherit = "base.partner.merge.automatic.wizard"

    @api.model
    @tools.ormcache("table")
    def _fk_on_cached(self, table):
        return tuple(super()._get_fk_on(table))

    @api.model
    def _known_relations(self, table):
        """{(table, column): rows} already found to hold the merged records, if known."""
        known = self.env.context.get(f"crm_client_merge_used:{table}")
        return None if known is None else dict(known)

    def _with_known_relations(self, table, relations):
        return self.with_context(**{f"crm_client_merge_used:{table}": tuple(sorted(relations.items()))})

    def _with_filled_columns(self, rows):
        """The wizard, knowing which columns hold a value in each of ``rows`` ({id: row as
        JSON, as crm.client.merge._rows reads them}): _fields_to_fill then needs no query."""
        filled = tuple(
            (pid, frozenset(name for name, value in row.items() if value not in (None, False, 0, "")))
            for pid, row in sorted(rows.items())
        )
        return self.with_context(crm_client_merge_filled=filled)

    @tools.ormcache("table", "column")
    def _has_check_or_unique_constraint(self, table, column):
        return super()._has_check_or_unique_constraint(table, column)

    @api.model
    @tools.ormcache("table", "column")
    def _has_unique_index(self, table, column):
        """Whether a unique index (not only a constraint) covers ``column`` of ``table``."""
        return catalogue.has_unique_index(self.env, table, column)

    @api.model
    def _relations_holding(self, table, record_ids):
        """The (table, column) referencing ``table`` that hold one of ``record_ids``, with the
        number of rows each: one query whatever the number of referencing columns."""
        total = {}
        for relations in self._relations_holding_by_record(table, record_ids).values():
            for relation, count in relations.items():
                total[relation] = total.get(relation, 0) + count
        return total

    @api.model
    @tools.ormcache("table")
    def _table_columns_cached(self, table):
        return tuple(table_columns(self.env.cr, table))

    @api.model
    def _relations_holding_by_record(self, table, record_ids):
        """{record id: {(table, column): rows}} for the columns referencing ``table`` that hold
        one of ``record_ids``: one query for any number of records."""
        relations = [rel for rel in self._fk_on_cached(table) if "base_partner_merge_" not in rel[0]]
        return catalogue.rows_holding(self.env, relations, record_ids)

    @api.model
    def _update_foreign_keys_generic(self, model, src_records, dst_record):
        """Odoo's step, on the referencing columns that hold a source only (one query finds
        them) and with the catalogue cached: the same statements otherwise, per column."""
        table = self.env[model]._table
        used = self._known_relations(table)
        if used is None:
            used = self._relations_holding(table, src_records.ids)
        self.env.invalidate_all()
        src_ids, dst_id = src_records.ids, dst_record.id
        record = merge_record.current(self.env.cr)
        for fk_table, column in used:
            if "base_partner_merge_" in fk_table:
                continue
            others = [name for name in self._table_columns_cached(fk_table) if name != column]
            if len(others) <= 1:
                self._move_links(fk_table, column, others[0] if others else column, src_ids, dst_id, record)
                continue
            if record is not None and "id" not in others:
                record.unrecorded.append(f"{fk_table}.{column}")
            recorded = record is not None and "id" in others
            update = self._move_rows_query(fk_table, column, src_ids, dst_id, recorded)
            if not (self._has_check_or_unique_constraint(fk_table, column) or self._has_unique_index(fk_table, column)):
                moved = self.env.execute_query(update)
                if recorded:
                    record.moved(fk_table, column, moved, dst_id)
                continue
            try:
                with mute_logger("odoo.sql_db"), self.env.cr.savepoint(flush=False):
                    moved = self.env.execute_query(update)
                if recorded:
                    record.moved(fk_table, column, moved, dst_id)
            except psycopg2.Error:
                # Odoo's own fallback; our pre-check has stopped the merge before it comes to this
                # for anything but rows merged without loss.
                gone = self.env.execute_query(
                    merge_sql.delete_returning(fk_table, SQL("%s = ANY(%s)", SQL.identifier(column), src_ids))
                )
                if record is not None:
                    record.removed(fk_table, [row[0] for row in gone])

    @api.model
    def _move_rows_query(self, table, column, src_ids, dst_id, returning):
        """The UPDATE moving ``table``'s rows from the sources to the survivor; with
        ``returning``, it returns each moved row's (id, old value)."""
        where = SQL("%s = ANY(%s)", SQL.identifier(column), src_ids)
        if returning:
            return merge_sql.move_returning(table, column, dst_id, where)
        return SQL("UPDATE %s SET %s = %s WHERE %s", SQL.identifier(table), SQL.identifier(column), dst_id, where)

    @api.model
    def _move_links(self, table, column, other, src_ids, dst_id, record):
        """A many2many table: move the links the survivor lacks (the lowest source's, one row
        per linked record); the others go with the source (the survivor already has them)."""
        if record is not None:
            first, links = set(), []
            for source, linked, missing in self.env.execute_query(
                merge_sql.source_links(table, column, other, src_ids, dst_id)
            ):
                links.append((source, linked, missing and linked not in first))
                first.add(linked)
            record.linked(table, column, other, links)
        self.env.execute_query(merge_sql.move_links(table, column, other, src_ids, dst_id))

    # Documents linked to a partner by (model, res_id) columns, as Odoo's merge moves them.
    _DOCUMENT_LINKS = (
        ("ir_attachment", "res_model"),
        ("mail_followers", "res_model"),
        ("mail_activity", "res_model"),
        ("mail_message", "model"),
        ("ir_model_data", "model"),
    )

    @api.model
    @tools.ormcache()
    def _partner_reference_columns(self):
        """(table, column) of the stored reference fields (Model,id) of the registry."""
        return catalogue.reference_columns(self.env.registry)

    @api.model
    def _update_reference_fields_generic(
        self, referenced_model, src_records, dst_record, additional_update_records=None
    ):
        """Odoo's step, set-based for partners merged by our wizard: one UPDATE per kind of
        link instead of a search and a write per source record and per reference field.

        Followers of a source that already follow the survivor are merged first (see
        _merge_followers), so no follower is dropped wholesale as Odoo does on a clash."""
        if referenced_model != "res.partner" or not self.env.context.get("crm_client_merge"):
            return super()._update_reference_fields_generic(
                referenced_model, src_records, dst_record, additional_update_records
            )
        self.env.flush_all()
        src_ids, dst_id = src_records.ids, dst_record.id
        record = merge_record.current(self.env.cr)
        gone = self.env.execute_query(
            merge_sql.delete_followers(
                SQL(
                    """src.res_model = 'res.partner' AND src.res_id = ANY(%(src)s)
                       AND dst.res_model = 'res.partner' AND dst.res_id = %(dst)s
                       AND dst.partner_id = src.partner_id""",
                    src=src_ids,
                    dst=dst_id,
                )
            )
        )
        if record is not None:
            record.removed("mail_followers", [row[0] for row in gone])
        for table, model_column in self._DOCUMENT_LINKS:
            where = SQL("%s = 'res.partner' AND res_id = ANY(%s)", SQL.identifier(model_column), src_ids)
            moved = self.env.execute_query(merge_sql.move_returning(table, "res_id", dst_id, where))
            if record is not None:
                record.moved(table, "res_id", moved, dst_id)
        references = [f"res.partner,{pid}" for pid in src_ids]
        for table, column in self._partner_reference_columns():
            where = SQL("%s = ANY(%s)", SQL.identifier(column), references)
            moved = self.env.execute_query(merge_sql.move_returning(table, column, f"res.partner,{dst_id}", where))
            if record is not None:
                record.moved(table, column, moved, f"res.partner,{dst_id}")
        self._update_company_dependent_values(src_records, dst_record)
        self.env.invalidate_all()

    @api.model
    def _update_company_dependent_values(self, src_records, dst_record):
        """The last part of Odoo's _update_reference_fields_generic, same statements: company
        dependent many2one values (and their defaults) pointing to a source now point to the
        survivor, and the survivor inherits the sources' company-dependent values it lacks."""
        src_ids = tuple(src_records.ids)
        record = merge_record.current(self.env.cr)
        for field in self.env.registry.many2one_company_dependents[dst_record._name]:
            table = self.env[field.model_name]._table
            column = SQL.identifier(field.name)
            rewritten = self.env.execute_query(
                merge_sql.move_returning(
                    table,
                    field.name,
                    SQL(
                        "(SELECT jsonb_object_agg(key, CASE WHEN value::int IN %(src)s THEN %(dst)s"
                        " ELSE value::int END) FROM jsonb_each_text(t.%(column)s))",
                        src=src_ids,
                        dst=dst_record.id,
                        column=column,
                    ),
                    SQL(
                        "%(column)s IS NOT NULL AND EXISTS (SELECT 1 FROM jsonb_each_text(%(column)s)"
                        " WHERE value::int IN %(src)s)",
                        column=column,
                        src=src_ids,
                    ),
                )
            )
            if record is not None:
                record.rewritten(table, field.name, rewritten)
        self.env.execute_query(
            SQL(
                """
                UPDATE ir_default
                   SET json_value = CASE WHEN json_value::int IN %(src)s THEN %(dst)s ELSE json_value END
                  FROM ir_model_fields f
                 WHERE f.id = ir_default.field_id AND f.company_dependent AND f.relation = %(model)s
                   AND f.ttype = 'many2one' AND json_value ~ '^[0-9]+$'
                """,
                src=src_ids,
                dst=str(dst_record.id),
                model=dst_record._name,
            )
        )
        self.env.flush_all()
        # Only the company-dependent columns some source fills (usually none): one query to know.
        columns = [name for name, field in dst_record._fields.items() if field.company_dependent and field.store]
        if not columns:
            return
        filled = self.env.execute_query(
            SQL(
                "SELECT %s FROM %s WHERE id IN %s",
                SQL(", ").join(SQL("bool_or(%s IS NOT NULL)", SQL.identifier(name)) for name in columns),
                SQL.identifier(dst_record._table),
                src_ids,
            )
        )[0]
        for fname, is_filled in zip(columns, filled, strict=True):
            if not is_filled:
                continue
            self.env.execute_query(
                SQL(
                    """
                    WITH source AS (SELECT %(field)s FROM %(table)s WHERE id IN %(src)s ORDER BY id),
                         source_agg AS (SELECT jsonb_object_agg(key, value) AS value
                                          FROM source, jsonb_each(%(field)s))
                    UPDATE %(table)s
                       SET %(field)s = source_agg.value || COALESCE(%(table)s.%(field)s, '{}'::jsonb)
                      FROM source_agg
                     WHERE id = %(dst)s AND source_agg.value IS NOT NULL
                    """,
                    table=SQL.identifier(dst_record._table),
                    field=SQL.identifier(fname),
                    dst=dst_record.id,
                    src=src_ids,
                )
            )

    @api.model
    def _merge_bank_accounts(self, src_partners, dst_partner):
        """Odoo's step, set-based for partners merged by our wizard: the sources' accounts move
        to the survivor in one statement; an account the survivor has already (same number)
        hands its links to the survivor's and goes with its source, as Odoo does it. While a
        merge is recorded, the moved accounts and those that go are recorded."""
        if not self.env.context.get("crm_client_merge"):
            return super()._merge_bank_accounts(src_partners, dst_partner)
        self.env.flush_all()
        record = merge_record.current(self.env.cr)
        rows = self.env.execute_query(
            SQL(
                """
                SELECT s.id, d.id FROM res_partner_bank s
             LEFT JOIN res_partner_bank d
                    ON d.partner_id = %(dst)s AND d.sanitized_acc_number = s.sanitized_acc_number
                 WHERE s.partner_id = ANY(%(src)s)
                """,
                dst=dst_partner.id,
                src=src_partners.ids,
            )
        )
        Bank = self.env["res.partner.bank"]
        doubles = [(src_bank, dst_bank) for src_bank, dst_bank in rows if dst_bank]
        for src_bank, dst_bank in doubles:
            self._update_foreign_keys_generic("res.partner.bank", Bank.browse(src_bank), Bank.browse(dst_bank))
            self._update_reference_fields_generic("res.partner.bank", Bank.browse(src_bank), Bank.browse(dst_bank))
        if doubles:
            gone = self.env.execute_query(
                merge_sql.delete_returning("res_partner_bank", SQL("id = ANY(%s)", [pair[0] for pair in doubles]))
            )
            if record is not None:
                record.removed("res_partner_bank", [row[0] for row in gone])
        where = SQL("partner_id = ANY(%s)", src_partners.ids)
        moved = self.env.execute_query(
            merge_sql.move_returning("res_partner_bank", "partner_id", dst_partner.id, where)
        )
        if record is not None:
            record.moved("res_partner_bank", "partner_id", moved, dst_partner.id)
        self.env.invalidate_all()
        # The account's company follows its holder's (a stored related field).
        Bank.browse([row[0] for row in moved]).modified(["partner_id"])

    @api.model
    def _update_values(self, src_partners, dst_partner):
        """Odoo's rule (the survivor keeps its values, empty ones take the last filled source
        value, summable fields add up), writing only the fields that change: Odoo writes every
        field back, which runs every inverse, check and tracking of the partner for nothing."""
        if not self.env.context.get("crm_client_merge"):
            return super()._update_values(src_partners, dst_partner)
        summable = self._get_summable_fields()
        values = {}
        names = self._fields_to_fill(src_partners, dst_partner, summable)
        (src_partners | dst_partner).fetch(names)
        for name in names:
            field = dst_partner._fields[name]
            for item in (*src_partners, dst_partner):
                value = item[name]
                if not value:
                    continue
                value = value if field.type == "reference" else field.convert_to_write(value, item)
                if name in summable and values.get(name):
                    values[name] += value
                else:
                    values[name] = value
        changed = {
            name: value
            for name, value in values.items()
            if dst_partner._fields[name].convert_to_write(dst_partner[name], dst_partner) != value
        }
        if changed:
            dst_partner.write(changed)
        (src_partners | dst_partner).fetch(["parent_id"])
        parent = next((p.parent_id for p in (*src_partners, dst_partner)[::-1] if p.parent_id), None)
        if parent and parent != dst_partner and parent != dst_partner.parent_id:
            try:
                with self.env.cr.savepoint():
                    dst_partner.write({"parent_id": parent.id})
            except ValidationError:
                _logger.info("Skip recursive partner hierarchies for parent_id %s of %s", parent.id, dst_partner.id)

    @api.model
    @tools.ormcache("self.env.uid")
    def _merge_value_fields(self):
        """Fields Odoo's merge carries over for this user: (plain columns, the others)."""
        Partner = self.env["res.partner"]
        columns, others = [], []
        for name in Partner.fields_get(attributes=["type"]):
            field = Partner._fields[name]
            if field.type in ("many2many", "one2many") or field.compute is not None or name in ("id", "parent_id"):
                continue
            if not field.store and not field.company_dependent:
                # Nothing to carry over (a field only searched on): reading it on each card
                # would ask for its default every time.
                continue
            simple = (
                field.store and field.column_type and field.column_type[0] != "jsonb" and not field.company_dependent
            )
            (columns if simple else others).append(name)
        return tuple(columns), tuple(others)

    @api.model
    def _fields_to_fill(self, src_partners, dst_partner, summable):
        """The fields whose merged value may differ from the survivor's: empty on the survivor
        and filled on a source, or summable. The plain columns are judged from the rows the merge
        read (the context's ``crm_client_merge_filled``, set by crm.client.merge), else by one
        query; the jsonb ones (translations, company-dependent values) are always looked at."""
        columns, others = self._merge_value_fields()
        filled = dict(self.env.context.get("crm_client_merge_filled") or ())
        if all(pid in filled for pid in (*src_partners.ids, dst_partner.id)):
            # Read with the merge's rows already: the same test as the query below, in Python.
            kept = filled[dst_partner.id]
            given = set().union(*(filled[pid] for pid in src_partners.ids))
            return [name for name in columns if name in given and (name in summable or name not in kept)] + list(others)

        def truthy(name):
            column = SQL.identifier(name)
            kind = dst_partner._fields[name].column_type[0]
            if kind == "bool":
                return SQL("%s IS TRUE", column)
            if kind in ("int4", "int8", "numeric", "float8"):
                return SQL("COALESCE(%s, 0) <> 0", column)
            return SQL("%s IS NOT NULL AND %s::text <> ''", column, column)

        checks = [
            SQL(
                "bool_or(%(filled)s) FILTER (WHERE id <> %(dst)s)"
                " AND (%(summable)s OR NOT bool_or(%(filled)s) FILTER (WHERE id = %(dst)s))",
                filled=truthy(name),
                dst=dst_partner.id,
                summable=SQL("TRUE") if name in summable else SQL("FALSE"),
            )
            for name in columns
        ]
        row = self.env.execute_query(
            SQL(
                "SELECT %s FROM res_partner WHERE id = ANY(%s)",
                SQL(", ").join(checks),
                [*src_partners.ids, dst_partner.id],
            )
        )[0]
        return [name for name, needed in zip(columns, row, strict=True) if needed] + list(others)

    @api.model
    def _partner_fk_missing_indexes(self):
        return catalogue.missing_indexes(self.env.cr)

    @api.model
    def _create_partner_fk_indexes(self):
        return catalogue.create_missing_indexes(self.env.cr)
