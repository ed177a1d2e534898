# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Indexes on the foreign keys to res_partner: a merge (and any partner delete) looks up every
referencing column, and a column without an index is a full table scan each time."""

from psycopg2 import sql

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
