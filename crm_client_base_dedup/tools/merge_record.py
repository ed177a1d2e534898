# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What one group's merge changed, kept to undo it: plain data, no ORM.

The merge's statements (crm.client.merge and our override of Odoo's merge wizard) add to the
record of the group being merged, found in the cursor's cache while ``recording`` is active:

* ``rows``: rows moved from a source to the survivor, per "table.column": ids, old and new
  values (a partner id, a bank account id, or a "res.partner,ID" reference);
* ``links``: many2many links of the sources, per "table.column.other": source, linked id, and
  whether the link moved to the survivor (else it went with the source: the survivor had it);
* ``deleted``: rows the merge deleted (clashing followers, dismissals, bank accounts and what
  Odoo's own fallback deletes), per table, as JSON objects of their columns;
* ``inserted``: rows the merge created for the survivor (its dismissals), per table;
* ``subtypes``: follower subtypes given to the survivor's followers, as (follower, subtype);
* ``values``: company-dependent values rewritten elsewhere, per "table.column": ids and old;
* ``partners``: the merged cards' rows, every column; ``survivor_id`` and ``survivor``: the
  survivor, and its columns the merge changed, as {column: [before, after]};
* ``unrecorded``: "table.column" moves that could not be recorded (a table without an id):
  such a merge cannot be undone.
"""

from contextlib import contextmanager

CACHE_KEY = "crm_client_merge_record"


class MergeRecord:
    def __init__(self):
        self.rows = {}
        self.links = {}
        self.deleted = {}
        self.inserted = {}
        self.subtypes = []
        self.values = {}
        self.partners = []
        self.survivor_id = None
        self.survivor = {}
        self.unrecorded = []

    def moved(self, table, column, rows, new):
        """Rows (id, old value) of ``table`` whose ``column`` now holds ``new``."""
        if not rows:
            return
        ids, olds, news = self.rows.setdefault(f"{table}.{column}", [[], [], []])
        for row_id, old in rows:
            ids.append(row_id)
            olds.append(old)
            news.append(new)

    def linked(self, table, column, other, links):
        """Links (source, linked id, moved to the survivor) of a many2many table."""
        if links:
            self.links.setdefault(f"{table}.{column}.{other}", []).extend([list(link) for link in links])

    def removed(self, table, rows):
        if rows:
            self.deleted.setdefault(table, []).extend(rows)

    def added(self, table, ids):
        if ids:
            self.inserted.setdefault(table, []).extend(ids)

    def rewritten(self, table, column, rows):
        if rows:
            ids, olds = self.values.setdefault(f"{table}.{column}", [[], []])
            for row_id, old in rows:
                ids.append(row_id)
                olds.append(old)

    def to_json(self):
        return {
            "rows": self.rows,
            "links": self.links,
            "deleted": self.deleted,
            "inserted": self.inserted,
            "subtypes": self.subtypes,
            "values": self.values,
            "partners": self.partners,
            "survivor_id": self.survivor_id,
            "survivor": self.survivor,
            "unrecorded": self.unrecorded,
        }


def current(cr):
    """The record of the merge under way in this cursor, or None."""
    return cr.cache.get(CACHE_KEY)


@contextmanager
def recording(cr):
    """Record what the statements run inside the block change, for one group's merge."""
    record = MergeRecord()
    previous = cr.cache.get(CACHE_KEY)
    cr.cache[CACHE_KEY] = record
    try:
        yield record
    finally:
        if previous is None:
            cr.cache.pop(CACHE_KEY, None)
        else:
            cr.cache[CACHE_KEY] = previous


def diff_columns(before, after):
    """{column: [before, after]} of the columns whose value differs between two rows."""
    return {column: [before.get(column), value] for column, value in after.items() if before.get(column) != value}
