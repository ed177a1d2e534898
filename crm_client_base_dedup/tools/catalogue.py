# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the merge reads of the database catalogue, in one place: the unique indexes, the rows
each referencing column holds, the stored reference fields, and the indexes on the foreign
keys to res_partner (a merge, and any partner delete, looks up every referencing column, and a
column without an index is a full table scan each time). The merge wizard caches the answers
per registry (see its _*_cached methods)."""

from psycopg2 import sql

from odoo.tools import SQL

_FK_COLUMNS = """
    SELECT cl.relname, att.attname
      FROM pg_constraint con
      JOIN pg_class cl ON cl.oid = con.conrelid
      JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = con.conkey[1]
     WHERE con.contype = 'f'
       AND con.confrelid = %s::regclass
       AND array_length(con.conkey, 1) = 1
       AND cl.relnamespace = current_schema::regnamespace
       -- An index serves the lookups by partner only when it holds every row with a value:
       -- one restricted to other rows (posted invoices, say) does not.
       AND NOT EXISTS (
            SELECT 1 FROM pg_index ix
             WHERE ix.indrelid = con.conrelid AND ix.indkey[0] = con.conkey[1] AND ix.indisvalid
               AND (ix.indpred IS NULL
                    OR pg_get_expr(ix.indpred, ix.indrelid) = format('(%%I IS NOT NULL)', att.attname))
       )
  ORDER BY 1, 2
"""


def missing_indexes(cr, table="res_partner"):
    """(table, column) of every foreign key to ``table`` that no index starts with, partial
    indexes counting only when they leave out nothing but empty values."""
    cr.execute(_FK_COLUMNS, (table,))
    return cr.fetchall()


def index_name(table, column):
    return f"{table}__{column}_fk_index"[:63]


def create_missing_indexes(cr, table="res_partner"):
    """Create a b-tree index (rows with a value only) for each missing one; returns them."""
    missing = missing_indexes(cr, table)
    for fk_table, column in missing:
        cr.execute(
            sql.SQL("CREATE INDEX IF NOT EXISTS {} ON {} ({}) WHERE {} IS NOT NULL").format(
                sql.Identifier(index_name(fk_table, column)),
                sql.Identifier(fk_table),
                sql.Identifier(column),
                sql.Identifier(column),
            )
        )
    return missing


def has_unique_index(env, table, column):
    """Whether a unique index (not only a constraint) covers ``column`` of ``table``."""
    return bool(
        env.execute_query(
            SQL(
                """
                SELECT 1 FROM pg_index ix
                  JOIN pg_attribute att ON att.attrelid = ix.indrelid AND att.attnum = ANY(ix.indkey)
                 WHERE ix.indrelid = %s::regclass AND ix.indisunique AND NOT ix.indisprimary
                   AND att.attname = %s
                 LIMIT 1
                """,
                table,
                column,
            )
        )
    )


def rows_holding(env, relations, record_ids):
    """{record id: {(table, column): rows}} for the (table, column) of ``relations`` that hold
    one of ``record_ids``: one query for any number of columns and records."""
    if not relations or not record_ids:
        return {}
    parts = [
        SQL(
            "SELECT %s AS n, %s AS rid, count(*) AS c FROM %s WHERE %s = ANY(%s) GROUP BY %s",
            index,
            SQL.identifier(column),
            SQL.identifier(fk_table),
            SQL.identifier(column),
            list(record_ids),
            SQL.identifier(column),
        )
        for index, (fk_table, column) in enumerate(relations)
    ]
    holding = {}
    for index, record_id, count in env.execute_query(SQL(" UNION ALL ").join(parts)):
        holding.setdefault(record_id, {})[relations[index]] = count
    return holding


def reference_columns(registry):
    """(table, column) of the stored reference fields (Model,id) of ``registry``."""
    columns = set()
    for model in registry.values():
        if model._abstract or not model._auto:
            continue
        for field in model._fields.values():
            if field.type == "reference" and field.store and field.compute is None:
                columns.add((model._table, field.name))
    return tuple(sorted(columns))
