# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The statements of the merge that also say what they changed (tools/merge_record.py), and
those of its undo: SQL builders, no ORM. One statement per table and column, whatever the
number of rows."""

import json

from odoo.tools import SQL


def move_returning(table, column, new, where):
    """UPDATE ``table`` SET ``column`` = ``new`` (a value, or an SQL expression over the row
    ``t``) for its rows matching ``where``, returning each moved row's (id, old value)."""
    return SQL(
        """
        UPDATE %(table)s AS t SET %(column)s = %(new)s
          FROM (SELECT id AS moved_id, %(column)s AS moved_from FROM %(table)s WHERE %(where)s) AS m
         WHERE t.id = m.moved_id
     RETURNING m.moved_id, m.moved_from
        """,
        table=SQL.identifier(table),
        column=SQL.identifier(column),
        new=new,
        where=where,
    )


def move_back(table, column, ids, olds, news):
    """Put back the old values of moved rows that still hold the value the merge gave them,
    returning their ids (the others were deleted or changed since). Values are ids, or
    references ("res.partner,7") for reference columns."""
    kind = SQL("int[]") if all(isinstance(value, int) for value in (*olds, *news)) else SQL("varchar[]")
    return SQL(
        """
        UPDATE %(table)s AS t SET %(column)s = v.old
          FROM (SELECT unnest(%(ids)s::int[]) AS id, unnest(%(olds)s::%(kind)s) AS old,
                       unnest(%(news)s::%(kind)s) AS new) AS v
         WHERE t.id = v.id AND t.%(column)s = v.new
     RETURNING t.id
        """,
        table=SQL.identifier(table),
        column=SQL.identifier(column),
        ids=ids,
        olds=olds,
        news=news,
        kind=kind,
    )


def existing_ids(table, ids):
    return SQL("SELECT id FROM %s WHERE id = ANY(%s)", SQL.identifier(table), ids)


def source_links(table, column, other, src_ids, dst_id):
    """(source, linked id, whether the survivor lacks the link) of a many2many table's links of
    the sources, in the order the move takes them (the lowest source's link moves)."""
    return SQL(
        """
        SELECT s.%(column)s, s.%(other)s,
               NOT EXISTS (SELECT 1 FROM %(table)s d WHERE d.%(column)s = %(dst)s AND d.%(other)s = s.%(other)s)
          FROM %(table)s s WHERE s.%(column)s = ANY(%(src)s)
         ORDER BY s.%(other)s, s.%(column)s
        """,
        table=SQL.identifier(table),
        column=SQL.identifier(column),
        other=SQL.identifier(other),
        dst=dst_id,
        src=src_ids,
    )


def move_links(table, column, other, src_ids, dst_id):
    """Move to the survivor the links of a many2many table it lacks, one row per linked record
    (the lowest source's); the others go with the sources."""
    return SQL(
        """
        UPDATE %(table)s AS tu SET %(column)s = %(dst)s
         WHERE ctid IN (
                SELECT DISTINCT ON (%(other)s) ctid FROM %(table)s
                 WHERE %(column)s = ANY(%(src)s) ORDER BY %(other)s, %(column)s)
           AND NOT EXISTS (
                SELECT 1 FROM %(table)s AS tw
                 WHERE tw.%(column)s = %(dst)s AND tw.%(other)s = tu.%(other)s)
        """,
        table=SQL.identifier(table),
        column=SQL.identifier(column),
        other=SQL.identifier(other),
        dst=dst_id,
        src=src_ids,
    )


def delete_followers(where):
    """DELETE the follower rows ``src`` matching ``where`` (with ``dst``, the survivor's
    follower row it clashes with), returning each as a JSON object with its subtypes."""
    return SQL(
        """
        WITH gone AS (DELETE FROM mail_followers src USING mail_followers dst WHERE %s RETURNING src.*)
        SELECT to_jsonb(gone.*) || jsonb_build_object('subtype_ids', ARRAY(
                   SELECT mail_message_subtype_id FROM mail_followers_mail_message_subtype_rel r
                    WHERE r.mail_followers_id = gone.id))
          FROM gone
        """,
        where,
    )


def delete_returning(table, where):
    return SQL("DELETE FROM %s AS t WHERE %s RETURNING to_jsonb(t.*)", SQL.identifier(table), where)


def insert_rows(table, rows):
    """INSERT rows given as JSON objects of their columns (ids included), as they were."""
    return SQL(
        "INSERT INTO %(table)s SELECT r.* FROM jsonb_populate_recordset(NULL::%(table)s, %(rows)s::jsonb) AS r",
        table=SQL.identifier(table),
        rows=json.dumps(rows),
    )
